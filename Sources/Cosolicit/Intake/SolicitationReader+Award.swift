extension SolicitationReader {
  /// The top-level fields that govern the award (ties and a secondary supplier), in README order.
  static let awardFields = ["tie_breakers", "local_suppliers", "secondary_award"]

  /// What the award fields say: the tie-breaking rules in order, the local suppliers, and whether a secondary
  /// supplier is named.
  struct AwardRules {
    var tieBreakers: [Located<TieBreaker>] = []
    var localSuppliers: [Located<String>] = []
    var secondaryAward = false
  }

  /// Reads `tie_breakers`, `local_suppliers` and `secondary_award`. Each rule is named once; nothing follows a
  /// drawing, which always decides; `local-preference` needs `local_suppliers` (a list of names, each once,
  /// compared without regard to case and spacing), and a list no rule uses is a warning.
  static func readAwardRules(_ fields: FieldReader, _ diagnostics: inout DiagnosticCollector) -> AwardRules {
    var rules = AwardRules()
    rules.tieBreakers = readTieBreakers(fields, &diagnostics)
    rules.localSuppliers = readLocalSuppliers(fields, &diagnostics)
    rules.secondaryAward = fields.boolean("secondary_award", &diagnostics)?.value ?? false
    let preference = rules.tieBreakers.first { $0.value == .localPreference }
    if let preference, rules.localSuppliers.isEmpty, !fields.has("local_suppliers") {
      diagnostics.error(
        "tie_breakers: local-preference needs the list of local suppliers; add local_suppliers: [\"Supplier "
          + "name\", …], or remove local-preference", at: preference.location)
    }
    if preference == nil, !rules.localSuppliers.isEmpty {
      diagnostics.warning(
        "local_suppliers: the list is not used, because tie_breakers does not name local-preference; add "
          + "local-preference to tie_breakers, or remove local_suppliers", at: fields.location(of: "local_suppliers"))
    }
    return rules
  }

  /// Reads `tie_breakers: [local-preference, drawing]`: known words, each once, `drawing` last.
  private static func readTieBreakers(
    _ fields: FieldReader, _ diagnostics: inout DiagnosticCollector
  ) -> [Located<TieBreaker>] {
    var rules: [Located<TieBreaker>] = []
    var drawing: Located<TieBreaker>?
    for node in fields.list("tie_breakers", &diagnostics) ?? [] {
      guard let word = node.scalarText, !word.isEmpty, let rule = TieBreaker.matching(word) else {
        let shown = node.scalarText.map { "'\(FieldReader.shown($0))'" } ?? node.kindDescription
        diagnostics.error(
          "tie_breakers: \(shown) is not a tie-breaking rule"
            + NearestName.hint(for: node.scalarText ?? "", among: TieBreaker.allCases.map(\.rawValue))
            + "; expected one of: \(TieBreaker.acceptedWords)", at: node.location)
        continue
      }
      let located = Located(rule, at: node.location)
      if let first = rules.first(where: { $0.value == rule }) {
        diagnostics.error(
          "tie_breakers: \(rule.rawValue) is listed twice; name each rule once, in the order applied",
          at: node.location)
        diagnostics.note("\(rule.rawValue) is first listed here", at: first.location)
        continue
      }
      if let drawing {
        diagnostics.error(
          "tie_breakers: \(rule.rawValue) follows drawing, but a drawing always decides, so nothing can follow it; "
            + "list drawing last", at: node.location)
        diagnostics.note("drawing is listed here", at: drawing.location)
      }
      if rule == .drawing { drawing = located }
      rules.append(located)
    }
    return rules
  }

  /// Reads `local_suppliers: ["Valley Office Supply Co.", …]`: names, each once.
  private static func readLocalSuppliers(
    _ fields: FieldReader, _ diagnostics: inout DiagnosticCollector
  ) -> [Located<String>] {
    guard let nodes = fields.list("local_suppliers", &diagnostics) else { return [] }
    if nodes.isEmpty {
      diagnostics.error(
        "local_suppliers: the list is empty; name the suppliers the lead agency counts as local, or leave the "
          + "field out", at: fields.location(of: "local_suppliers"))
    }
    var suppliers: [Located<String>] = []
    var seen: [String: Located<String>] = [:]
    for node in nodes {
      guard let name = node.scalarText, !name.isEmpty else {
        diagnostics.error(
          "local_suppliers: each entry must be a supplier's name, found "
            + (node.scalarText == nil ? node.kindDescription : "an empty value"), at: node.location)
        continue
      }
      if let scalar = FieldReader.forbiddenCharacter(in: name) {
        let code = String(scalar.value, radix: 16, uppercase: true)
        diagnostics.error(
          "local_suppliers: '\(FieldReader.shown(name))' contains the control character U+"
            + String(repeating: "0", count: max(0, 4 - code.count)) + code
            + ", which documents cannot show; remove it", at: node.location)
        continue
      }
      let supplier = Located(name, at: node.location)
      let key = SupplierName.key(name)
      if let first = seen[key] {
        diagnostics.error(
          "local_suppliers: '\(FieldReader.shown(name))' is listed twice (names that differ only in case or "
            + "spacing are the same supplier); list each supplier once", at: node.location)
        diagnostics.note("'\(FieldReader.shown(first.value))' is first listed here", at: first.location)
        continue
      }
      seen[key] = supplier
      suppliers.append(supplier)
    }
    return suppliers
  }
}
