import Foundation

/// Reads and checks `bids/received.yaml`, the lead agency's log of when each bid arrived: a mapping from a bid's
/// file name to the local date and time of receipt in the solicitation's time zone.
///
///     valley-office.xml: 2027-03-09T13:52
///     summit-supply.xml: 2027-03-09 13:58:30
public enum ReceiptLogReader {
  /// Reads the log at `path`; a missing file, or one of comments only, is no log (`ReceiptLog.none`), without a
  /// finding. Every problem is reported at once; an entry with a problem is left out.
  public static func read(_ path: String, _ diagnostics: inout DiagnosticCollector) -> ReceiptLog {
    guard FileManager.default.fileExists(atPath: path) else { return .none(path) }
    return read(SourceFile.read(path), path: path, &diagnostics)
  }

  /// Reads the log from a file already read (or the reason it could not be).
  static func read(
    _ source: Result<SourceFile, Diagnostic>, path: String, _ diagnostics: inout DiagnosticCollector
  ) -> ReceiptLog {
    // A file of comments only (kept for entries to come) holds none.
    if case .success(let file) = source, FileFormat.isBlankYAML(file) { return .none(path) }
    let expected =
      "a mapping from each bid's file name to when it was received, such as "
      + "valley-office.xml: 2027-03-09T13:52"
    guard let root = FileFormat.readTree(source, path: path, format: .yaml, expected: expected, &diagnostics)
    else { return .none(path) }
    guard case .mapping(let entries) = root.value else {
      diagnostics.error("received: expected \(expected), found \(root.kindDescription)", at: root.location)
      return .none(path)
    }
    var times: [String: Located<LocalDateTime>] = [:]
    for entry in entries {
      let name = entry.key.trimmed
      guard name.hasSuffix(".xml"), name.count > 4, !name.contains("/"), !name.contains("\\") else {
        diagnostics.error(
          "received: '\(FieldReader.shown(name))' is not a bid's file name; expected the name of a file in bids/, "
            + "ending in .xml, without a folder, such as valley-office.xml", at: entry.keyLocation)
        continue
      }
      guard let time = readTime(entry.value, name: name, &diagnostics) else { continue }
      times[name] = time
    }
    return ReceiptLog(path: path, times: times)
  }

  /// Reads one receipt time: a local date and time of day (seconds optional); a bare date is an error.
  private static func readTime(
    _ node: DocumentNode, name: String, _ diagnostics: inout DiagnosticCollector
  ) -> Located<LocalDateTime>? {
    let example = "YYYY-MM-DDTHH:MM or YYYY-MM-DD HH:MM (24-hour clock, seconds optional), such as 2027-03-09T13:52"
    guard let text = node.scalarText, !text.isEmpty else {
      let found = node.scalarText == nil ? node.kindDescription : "nothing"
      diagnostics.error(
        "received: \(name): expected when it was received, \(example); found \(found)", at: node.location)
      return nil
    }
    guard let time = LocalDateTime(iso: text) else {
      diagnostics.error(
        "received: \(name): '\(FieldReader.shown(text))' is not a local date and time; expected \(example)",
        at: node.location)
      return nil
    }
    guard time.hasTime else {
      diagnostics.error(
        "received: \(name): '\(text)' is a date without a time of day; give the time of day too, such as "
          + "\(text)T13:52, since lateness is decided to the minute", at: node.location)
      return nil
    }
    return Located(time, at: node.location)
  }
}
