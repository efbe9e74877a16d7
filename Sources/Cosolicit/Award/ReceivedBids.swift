import Foundation

/// Reads the bids the lead agency received (`WORKSPACE/bids/*.xml`), checks each against the published blank
/// form as `check-bid` does, and says whether each is responsive and why not.
///
/// Responsiveness here is the bid's as a whole: late, unsigned or not certified, for another solicitation or
/// variant or an old addendum, quantities or units changed, not the bid form. Which award units a responsive
/// bid may win (a lot it did not price whole, its own all-or-none condition) is the award's to decide.
struct ReceivedBids {
  /// The bids folder's name in the workspace.
  static let folderName = "bids"
  /// The receipt log's name in the bids folder.
  static let receiptLogName = "received.yaml"

  /// The solicitation the bids answer.
  var solicitation: Solicitation
  /// The published blank form and its schema.
  var reference: BidReference
  /// When each bid was received, as the lead agency recorded it.
  var receipts: ReceiptLog

  /// The bids in `folder`, in file-name order; problems that stop the tabulation (no bids, a bid with no time
  /// of receipt) are errors in `diagnostics`, a bid's own problems its reasons.
  func read(folder: String, _ diagnostics: inout DiagnosticCollector) -> [TabulatedBid] {
    let names: [String]
    do {
      names = try FileManager.default.contentsOfDirectory(atPath: folder).filter { !$0.hasPrefix(".") }.sorted()
    } catch {
      diagnostics.error(
        "there is no bids folder to tabulate; put each bid received (its XML file) in \(folder)",
        at: .start(of: folder))
      return []
    }
    let bidNames = names.filter { $0.lowercased().hasSuffix(".xml") }
    for name in names where !bidNames.contains(name) && name != Self.receiptLogName {
      diagnostics.warning(
        "\(name) is not read: only bids' XML files (.xml) and \(Self.receiptLogName) belong in the bids folder",
        at: .start(of: Workspace.join(folder, name)))
    }
    guard !bidNames.isEmpty else {
      diagnostics.error(
        "the bids folder has no bids (XML files) to tabulate; put each bid received in it", at: .start(of: folder))
      return []
    }
    let known = Set(bidNames)
    for (name, time) in receipts.times.sorted(by: { $0.key < $1.key }) where !known.contains(name) {
      diagnostics.error(
        "\(name) is not in the bids folder (its bids: \(bidNames.joined(separator: ", ")))"
          + NearestName.hint(for: name, among: bidNames), at: time.location)
    }
    return bidNames.map { read(name: $0, path: Workspace.join(folder, $0), &diagnostics) }
  }

  /// One bid: read, checked, its receipt time found and its lateness judged.
  private func read(name: String, path: String, _ diagnostics: inout DiagnosticCollector) -> TabulatedBid {
    let id = String(name.dropLast(4))
    var bid = TabulatedBid(id: id, supplier: id, path: path)
    let text: String
    switch SourceFile.read(path) {
    case .success(let file): text = file.text
    case .failure(let problem):
      bid.diagnostics = [problem]
      bid.reasons = ["the bid cannot be read: \(problem.message)"]
      judgeReceipt(of: &bid, name: name, document: nil, &diagnostics)
      return bid
    }
    let report = BidCheck.check(
      bid: text, path: path, schema: reference.schema, schemaPath: reference.schemaPath, reference: reference.form,
      tabulating: true)
    bid.diagnostics = report.diagnostics
    // A bid that fails the schema is still shown, read as far as it can be, with why it fails.
    let document =
      report.document
      ?? XMLElementTree.parse(text, path: path).root.flatMap { BidDocument.read($0, path: path).document }
    bid.document = document
    if let document {
      let name = BidCheck.collapsed(document.bidder.name.value)
      if !name.isEmpty { bid.supplier = name }
      bid.isAllOrNone = document.allOrNoneLocation != nil
      if BidCheck.collapsed(document.bidder.signer.value).isEmpty {
        bid.reasons.append("unsigned: the bid names no one who signs it")
      }
    }
    bid.isLocal = solicitation.isLocalSupplier(bid.supplier)
    judgeReceipt(of: &bid, name: name, document: document, &diagnostics)
    if report.document == nil, document == nil {
      bid.reasons.append("the bid cannot be read as a bid form (see its errors)")
    } else if report.document == nil {
      bid.reasons.append("the bid does not conform to the bid form's schema (see its errors)")
    }
    for diagnostic in report.diagnostics where diagnostic.severity == .error {
      bid.reasons.append("line \(diagnostic.location.line): \(diagnostic.message)")
    }
    return bid
  }

  /// The bid's time of receipt (the lead agency's log first, then the bid's own `<received>`) and whether it
  /// came in after responses were due; an error when neither says when it came.
  private func judgeReceipt(
    of bid: inout TabulatedBid, name: String, document: BidDocument?, _ diagnostics: inout DiagnosticCollector
  ) {
    let zone = solicitation.content.timeZone
    let written = document?.received.flatMap { field in
      LocalDateTime(xsdDateTime: field.value, in: zone).map { (time: $0, location: field.location) }
    }
    if let logged = receipts.times[name] {
      (bid.received, bid.receivedLocation) = (logged.value, logged.location)
      if let written, written.time != logged.value {
        diagnostics.warning(
          "the bid says it was received \(written.time.spelled(in: zone)), but \(Self.receiptLogName) records "
            + "\(logged.value.spelled(in: zone)); the lead agency's record is used", at: written.location)
      }
    } else if let written {
      (bid.received, bid.receivedLocation) = (written.time, written.location)
    } else {
      diagnostics.error(
        "no time of receipt is recorded for this bid; add `\(name): YYYY-MM-DDTHH:MM` (local time) to "
          + "\(Workspace.join(ReceivedBids.folderName, Self.receiptLogName)), or <received> to the bid",
        at: .start(of: bid.path))
      return
    }
    guard let received = bid.received, let due = solicitation.schedule.responsesDue?.value else { return }
    let isLate: Bool
    if due.hasTime, received.hasTime {
      let timeZone = zone ?? TimeZone(identifier: "UTC")!
      isLate = received.instant(in: timeZone) > due.instant(in: timeZone)
    } else {
      isLate = received.date > due.date
    }
    if isLate {
      bid.reasons.insert(
        "late: received \(received.spelled(in: zone)), after responses were due \(due.spelled(in: zone))", at: 0)
    }
  }
}
