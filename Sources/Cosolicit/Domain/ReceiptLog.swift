/// When the lead agency received each bid (`WORKSPACE/bids/received.yaml`: bid file name → local date-time in
/// the solicitation's time zone).
public struct ReceiptLog: Sendable {
  /// The file, as given.
  public var path: String
  /// The receipt times by bid file name as written (`valley-office.xml`).
  public var times: [String: Located<LocalDateTime>]

  /// No log (no `received.yaml`).
  public static func none(_ path: String) -> ReceiptLog { ReceiptLog(path: path, times: [:]) }
}
