extension SolicitationReader {
  /// Reads `late_submissions: {accept: [ids], reject: [ids]}`: each entry an agency id; an agency in both lists
  /// is an error, one listed twice in a list a warning. Whether each is a participant is checked against the
  /// needs files (``NeedsChecks``).
  static func readLateSubmissions(
    _ fields: FieldReader, _ diagnostics: inout DiagnosticCollector
  ) -> LateSubmissions {
    guard let reader = fields.mapping("late_submissions", known: ["accept", "reject"], &diagnostics) else {
      return .none
    }
    var listed: [String: (list: String, id: Located<String>)] = [:]
    var lists: [String: [Located<String>]] = [:]
    for list in ["accept", "reject"] {
      for node in reader.list(list, &diagnostics) ?? [] {
        guard let text = node.scalarText, !text.isEmpty else {
          diagnostics.error(
            "late_submissions.\(list): each entry must be an agency id, found \(node.kindDescription)",
            at: node.location)
          continue
        }
        guard Identifier.isValid(text) else {
          diagnostics.error(
            "late_submissions.\(list): '\(FieldReader.shown(text))' is not a valid agency id; use "
              + "\(Identifier.rule) characters", at: node.location)
          continue
        }
        let id = Located(text, at: node.location)
        if let first = listed[Identifier.key(text)] {
          if first.list == list {
            diagnostics.warning(
              "late_submissions.\(list): '\(text)' is listed twice; list each agency once", at: id.location)
          } else {
            diagnostics.error(
              "late_submissions: '\(text)' is listed under both accept and reject; decide one for its late file",
              at: id.location)
          }
          diagnostics.note("'\(first.id.value)' is first listed here, under \(first.list)", at: first.id.location)
          continue
        }
        listed[Identifier.key(text)] = (list, id)
        lists[list, default: []].append(id)
      }
    }
    reader.finish(&diagnostics)
    return LateSubmissions(accepted: lists["accept"] ?? [], rejected: lists["reject"] ?? [])
  }
}
