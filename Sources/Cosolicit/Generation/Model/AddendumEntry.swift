import Foundation

/// An addendum issued, as the RFPs list it and the bid forms ask bidders to acknowledge it.
struct AddendumEntry: DocumentModel {
  /// The addendum.
  let addendum: Addendum

  static let fields: DocumentFields<Self> = [
    .count("number") { $0.addendum.number.value },
    .text("issued") { $0.addendum.issued.value.description },
    .text("summary") { $0.addendum.summary },
    .flag("hasSummary") { $0.addendum.summary != nil },
  ]
}
