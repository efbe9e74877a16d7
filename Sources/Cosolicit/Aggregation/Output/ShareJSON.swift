import Foundation

/// Writes a solicitation line's shares as JSON straight from the share store: each text a share repeats (agency,
/// site, spec, notes, source file) quoted once per document, each member's key and indentation once per depth. The
/// bytes are those ``JSONWriter`` writes member by member, which writes shares not in a store.
struct ShareJSON: Sendable {
  /// The store the texts were quoted from.
  let store: ShareStore
  /// Each participant's agency id and name, quoted.
  private let agencies: [(id: String, name: String)]
  /// Each needs file's texts, quoted.
  private let texts: [[String]]
  /// Each needs file's source prefix: an opening quote, the escaped path and a colon, and for a workbook the
  /// escaped sheet name and `!`.
  private let sources: [String]
  /// Whether each needs file is a workbook, whose lines are named by cell (`needs!C7`), not line.
  private let inSheet: [Bool]

  /// The quoted texts of `store`.
  init(_ store: ShareStore) {
    self.store = store
    agencies = store.owners.map { (JSONWriter.quoted($0.agency.id.value), JSONWriter.quoted($0.agency.name)) }
    texts = store.texts.map { $0.map(JSONWriter.quoted) }
    sources = zip(store.paths, store.sheets).map { path, sheet in
      String(
        JSONWriter.quoted(path + ":" + (sheet.map { SourceLocation.reference(toSheet: $0) + "!" } ?? "")).dropLast())
    }
    inSheet = store.sheets.map { $0 != nil }
  }

  private static let keys = [
    "agency", "agency_name", "quantity", "exact", "original_quantity", "original_unit", "commitment", "range",
    "as_needed", "deliver_to", "need_by", "spec", "notes", "source",
  ]

  /// Writes the shares at `positions` of the store as the elements of the array `writer` has open.
  func write(_ positions: Range<Int>, to writer: inout JSONWriter) {
    let depth = writer.depth
    // What comes before each member's value: the object's opening for the first, a comma for the others.
    let prefixes = Self.keys.enumerated().map { index, key in
      (index == 0 ? "{\n" : ",\n") + JSONWriter.padding(depth + 1) + "\"\(key)\": "
    }
    let closing = "\n" + JSONWriter.padding(depth) + "}"
    var dates: [Int32: String] = [:]
    for position in positions {
      let reference = store.references[position]
      let need = store.need(at: position)
      let owner = Int(reference.owner)
      let file = Int(store.owners[owner].file)
      // A share with a range (a band or a partial commitment) or with releases (few) is written as a ``Share``,
      // member by member.
      if need.hasReleases || (need.commitment == .binding && (need.hasMinimum || store.band(of: need) != nil)) {
        writer.element()
        store.share(at: position).write(to: &writer)
        continue
      }
      let (quantity, isExact) = store.baseQuantity(at: position, of: need)
      writer.element()
      writer.append(prefixes[0])
      writer.append(agencies[owner].id)
      writer.append(prefixes[1])
      writer.append(agencies[owner].name)
      writer.append(prefixes[2])
      writer.append("\"" + writer.decimalText(quantity) + "\"")
      writer.append(prefixes[3])
      writer.append(isExact ? "true" : "false")
      writer.append(prefixes[4])
      writer.append("\"" + writer.decimalText(need.quantity) + "\"")
      writer.append(prefixes[5])
      writer.append("\"" + need.unitOfMeasure.code + "\"")
      writer.append(prefixes[6])
      writer.append("\"" + need.commitment.rawValue + "\"")
      writer.append(prefixes[7])
      writer.append("null")
      writer.append(prefixes[8])
      writer.append(need.isAsNeeded ? "true" : "false")
      writer.append(prefixes[9])
      writer.append(need.deliverTo < 0 ? "null" : texts[file][Int(need.deliverTo)])
      writer.append(prefixes[10])
      if let needBy = need.needBy {
        let key = need.needByOrder
        let text = dates[key] ?? "\"\(needBy)\""
        dates[key] = text
        writer.append(text)
      } else {
        writer.append("null")
      }
      writer.append(prefixes[11])
      writer.append(need.spec < 0 ? "null" : texts[file][Int(need.spec)])
      writer.append(prefixes[12])
      writer.append(need.notes < 0 ? "null" : texts[file][Int(need.notes)])
      writer.append(prefixes[13])
      let place =
        inSheet[file]
        ? SourceLocation.columnName(Int(need.anchor.column)) + String(need.anchor.line) : String(need.anchor.line)
      writer.append(sources[file] + place + "\"")
      writer.append(closing)
    }
  }
}
