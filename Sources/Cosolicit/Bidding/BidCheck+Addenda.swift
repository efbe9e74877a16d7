import Foundation

extension BidCheck {
  /// Warnings for the addenda of the bid against those its form lists (the blank form's when given, else the
  /// bid's own copy): each listed addendum the bid does not acknowledge, and each addendum acknowledged by
  /// `<acknowledged number="N"/>` that the form does not list, at the `bidder` element. A listed addendum counts
  /// as acknowledged by `<acknowledged>` or by its number written in the free-text `addendaAcknowledged` ("1, 2",
  /// "Addenda 1 and 2"); other numbers in that text (dates, say) are not taken for addenda.
  static func checkAddenda(
    of bid: BidDocument, listed: [BidDocument.Field<Int>], _ diagnostics: inout DiagnosticCollector
  ) {
    let bidder = bid.bidder
    let structured = Set(bidder.acknowledged.map(\.value))
    let acknowledged = structured.union(numbers(in: bidder.addendaAcknowledged.value))
    let issued = Set(listed.map(\.value))
    for addendum in issued.sorted() where !acknowledged.contains(addendum) {
      diagnostics.warning(
        "the bid does not acknowledge addendum \(addendum), which the bid form lists; acknowledge it "
          + "(<acknowledged number=\"\(addendum)\"/> in <bidder>) or the bid may be found non-responsive",
        at: bidder.location)
    }
    for addendum in structured.sorted() where !issued.contains(addendum) {
      diagnostics.warning(
        "the bid acknowledges addendum \(addendum), which the bid form does not list"
          + (issued.isEmpty
            ? " (it lists none)" : " (it lists \(issued.sorted().map(String.init).joined(separator: ", ")))")
          + "; check the bid against the latest bid form", at: bidder.location)
    }
  }

  /// The whole numbers written in `text`.
  static func numbers(in text: String) -> Set<Int> {
    Set(text.split { !$0.isASCII || !$0.isNumber }.compactMap { Int($0) }.filter { $0 > 0 })
  }
}
