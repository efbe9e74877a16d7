import Foundation

/// Reads and checks `award.yaml`, the lead agency's record of how each exact tie the declared rules left
/// standing was resolved, and of the award date.
///
///     awarded: 2027-04-13
///     ties:
///       - {lot: L1, line: 3, winner: valley-office, method: drawing, date: 2027-03-10,
///          witnesses: [Ana Ruiz, Tom Becker]}
public enum AwardRecordReader {
  /// The top-level fields.
  public static let fields = ["awarded", "ties"]
  /// The fields of one entry of `ties`.
  public static let tieFields = ["lot", "line", "zone", "winner", "method", "date", "witnesses"]

  /// Reads the record at `path`; a missing file, or one of comments only, is no record (`AwardRecord.none`),
  /// without a finding. Every problem is reported at once; an entry with a problem is left out.
  public static func read(_ path: String, _ diagnostics: inout DiagnosticCollector) -> AwardRecord {
    guard FileManager.default.fileExists(atPath: path) else { return .none(path) }
    return read(SourceFile.read(path), path: path, &diagnostics)
  }

  /// Reads the record from a file already read (or the reason it could not be).
  static func read(
    _ source: Result<SourceFile, Diagnostic>, path: String, _ diagnostics: inout DiagnosticCollector
  ) -> AwardRecord {
    // A file of comments only (kept for entries to come) holds none.
    if case .success(let file) = source, FileFormat.isBlankYAML(file) { return .none(path) }
    let expected = "a mapping with the fields \(fields.joined(separator: ", "))"
    guard let root = FileFormat.readTree(source, path: path, format: .yaml, expected: expected, &diagnostics),
      let reader = FieldReader(root, context: "award", known: fields, isRoot: true, diagnostics: &diagnostics)
    else { return .none(path) }
    let awarded = reader.date("awarded", &diagnostics)
    var ties: [AwardRecord.TieResolution] = []
    for (index, node) in (reader.list("ties", &diagnostics) ?? []).enumerated() {
      guard let tie = readTie(node, context: "ties #\(index + 1)", &diagnostics) else { continue }
      if let first = ties.first(where: { sameUnit($0, tie) }) {
        diagnostics.error(
          "ties #\(index + 1): the tie for \(unitName(tie)) is already resolved by an earlier entry; record each "
            + "tie once", at: tie.location)
        diagnostics.note("the tie for \(unitName(first)) is first resolved here", at: first.location)
        continue
      }
      ties.append(tie)
    }
    reader.finish(&diagnostics)
    return AwardRecord(path: path, ties: ties, awarded: awarded)
  }

  /// Reads one resolution; nil when a required field is missing or wrong (each problem reported).
  private static func readTie(
    _ node: DocumentNode, context: String, _ diagnostics: inout DiagnosticCollector
  ) -> AwardRecord.TieResolution? {
    guard let reader = FieldReader(node, context: context, known: tieFields, diagnostics: &diagnostics) else {
      return nil
    }
    let lot = reader.identifier("lot", &diagnostics)
    let line = reader.integer("line", in: 1...999_999, &diagnostics)
    let zone = reader.identifier("zone", &diagnostics)
    let winner = reader.text("winner", required: true, &diagnostics)
    let method = reader.text("method", required: true, &diagnostics)
    let date = reader.date("date", required: true, &diagnostics)
    let witnesses = readWitnesses(reader, &diagnostics)
    reader.finish(&diagnostics)
    let unitFieldsRead = [("lot", lot != nil), ("line", line != nil), ("zone", zone != nil)].allSatisfy { key, read in
      read || !reader.has(key)
    }
    guard unitFieldsRead, let winner, let method, let date, let witnesses else { return nil }
    return AwardRecord.TieResolution(
      lot: lot, line: line, zone: zone, winner: winner, method: method.value, date: date.value,
      witnesses: witnesses, location: node.location)
  }

  /// Reads `witnesses`: at least one name, each a non-empty text.
  private static func readWitnesses(
    _ reader: FieldReader, _ diagnostics: inout DiagnosticCollector
  ) -> [String]? {
    guard let nodes = reader.list("witnesses", required: true, &diagnostics) else { return nil }
    guard !nodes.isEmpty else {
      diagnostics.error(
        "\(reader.context): 'witnesses' is empty; name at least one person who witnessed the resolution",
        at: reader.location(of: "witnesses"))
      return nil
    }
    var names: [String] = []
    for node in nodes {
      guard let name = node.scalarText, !name.isEmpty, FieldReader.forbiddenCharacter(in: name) == nil else {
        diagnostics.error(
          "\(reader.context): each witness must be a person's name, found "
            + (node.scalarText.map { $0.isEmpty ? "an empty value" : "a control character" } ?? node.kindDescription),
          at: node.location)
        return nil
      }
      names.append(name)
    }
    return names
  }

  /// Whether two resolutions name the same award unit: the same lot, line and zone (ids in any case).
  private static func sameUnit(_ a: AwardRecord.TieResolution, _ b: AwardRecord.TieResolution) -> Bool {
    Identifier.same(a.lot?.value, b.lot?.value) && a.line?.value == b.line?.value
      && Identifier.same(a.zone?.value, b.zone?.value)
  }

  /// The unit a resolution names, for messages: `lot L1, line 3, zone north`, or `the whole award`.
  static func unitName(_ tie: AwardRecord.TieResolution) -> String {
    let parts = [
      tie.lot.map { "lot \($0.value)" }, tie.line.map { "line \($0.value)" }, tie.zone.map { "zone \($0.value)" },
    ].compactMap { $0 }
    return parts.isEmpty ? "the whole award" : parts.joined(separator: ", ")
  }
}
