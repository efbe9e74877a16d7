import Foundation
import Yams

// TEMPORARY until the intake lane merges: minimal readers so the engine builds and its tests run.
enum ReceiptLogReader {
  static func read(_ path: String, _ diagnostics: inout DiagnosticCollector) -> ReceiptLog {
    guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return .none(path) }
    var times: [String: Located<LocalDateTime>] = [:]
    for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
      let parts = line.split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
      guard parts.count == 2, let time = LocalDateTime(iso: parts[1]) else { continue }
      times[parts[0]] = Located(time, at: SourceLocation(path: path, line: index + 1, column: 1))
    }
    return ReceiptLog(path: path, times: times)
  }
}

enum AwardRecordReader {
  static func read(_ path: String, _ diagnostics: inout DiagnosticCollector) -> AwardRecord {
    guard let text = try? String(contentsOfFile: path, encoding: .utf8),
      let root = try? Yams.load(yaml: text) as? [String: Any]
    else { return .none(path) }
    let at = SourceLocation.start(of: path)
    let ties = (root["ties"] as? [[String: Any]] ?? []).map { entry in
      AwardRecord.TieResolution(
        lot: (entry["lot"]).map { Located("\($0)", at: at) }, line: (entry["line"] as? Int).map { Located($0, at: at) },
        zone: (entry["zone"]).map { Located("\($0)", at: at) }, winner: Located("\(entry["winner"] ?? "")", at: at),
        method: "\(entry["method"] ?? "")",
        date: CalendarDate(iso: "\(entry["date"] ?? "")") ?? CalendarDate(iso: "2000-01-01")!,
        witnesses: (entry["witnesses"] as? [Any] ?? []).map { "\($0)" }, location: at)
    }
    return AwardRecord(path: path, ties: ties, awarded: nil)
  }
}

extension LocalDateTime {
  init?(xsdDateTime text: String, in timeZone: TimeZone?) {
    self.init(iso: String(text.prefix(19)))
  }
}
