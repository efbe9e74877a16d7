import Foundation

/// Turns a CSV table into one mapping per row, so that CSV rows are checked by the same field readers as YAML
/// and JSON mappings.
enum TableRows {
  /// Checks the header: reports unknown columns (with the nearest known name), repeated columns and missing
  /// required columns. Returns whether the header is usable.
  static func checkHeader(
    _ table: CSVTable, path: String, known: [String], required: [String], _ diagnostics: inout DiagnosticCollector
  ) -> Bool {
    var usable = true
    var seen: [String: SourceLocation] = [:]
    let unknown = table.header.filter { !known.contains(normalized($0.text)) }
    for field in unknown {
      diagnostics.error(
        "unknown column '\(field.text)'\(NearestName.hint(for: field.text, among: known)); expected columns: "
          + known.joined(separator: ", "), at: field.location)
      usable = false
    }
    for field in table.header {
      let name = normalized(field.text)
      if let first = seen[name] {
        diagnostics.error("column '\(name)' appears twice; give each column once", at: field.location)
        diagnostics.note("'\(name)' first appears here", at: first)
        usable = false
      }
      seen[name] = field.location
    }
    let names = Set(table.header.map { normalized($0.text) })
    let headerLocation = table.header.first?.location ?? .start(of: path)
    let missing = required.filter { !names.contains($0) }
    if !missing.isEmpty {
      diagnostics.error(
        "missing required column\(missing.count == 1 ? "" : "s") "
          + missing.map { "'\($0)'" }.joined(separator: ", "), at: headerLocation)
      usable = false
    }
    return usable
  }

  /// Each well-formed record as a mapping node from column name to cell; empty cells are left out, as absent
  /// fields. Malformed records are left out: their problem is already reported, and checking their shifted
  /// fields would only add noise. So are blank rows, which say nothing.
  static func mappings(_ table: CSVTable) -> [DocumentNode] {
    let names = table.header.map { normalized($0.text) }
    return table.records.filter { !$0.isMalformed && !$0.isBlank }.map { record in
      var entries: [DocumentNode.Entry] = []
      for (name, field) in zip(names, record.fields) where !field.text.isEmpty {
        entries.append(
          DocumentNode.Entry(
            key: name, keyLocation: field.location, value: DocumentNode(.scalar(field.text), at: field.location)))
      }
      return DocumentNode(.mapping(entries), at: record.location)
    }
  }

  /// Where each column is, by its normalized name.
  struct Columns: Sendable {
    /// The position of each column.
    let index: [String: Int]

    /// The columns of `table`'s header; the first of a repeated name wins.
    init(_ table: CSVTable) { self.init(names: table.header.map(\.text)) }

    /// The columns of a header whose cells read `names`; the first of a repeated name wins.
    init(names: [String]) {
      var index: [String: Int] = [:]
      for (position, name) in names.enumerated() where index[normalized(name)] == nil {
        index[normalized(name)] = position
      }
      self.index = index
    }
  }

  /// A header cell's column name: trimmed, lowercased, spaces as underscores (`Agency ID` → `agency_id`).
  static func normalized(_ header: String) -> String {
    header.trimmed.lowercased().replacingOccurrences(of: " ", with: "_")
  }
}
