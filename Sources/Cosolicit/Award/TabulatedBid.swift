import Foundation

/// One received bid as the tabulation shows it: who, when, and whether it is responsive, with the reasons.
public struct TabulatedBid: Sendable {
  /// The bid's identifier in the tabulation: its file name without `.xml` (`valley-office`).
  public var id: String
  /// The bidder's name as signed, or the file name when the bid could not be read.
  public var supplier: String
  /// The bid file, as found in `bids/`.
  public var path: String
  /// When the bid was received, in the solicitation's time zone; nil when no receipt time is recorded.
  public var received: LocalDateTime?
  /// Where the receipt time was written (the bid's `<received>` or `bids/received.yaml`).
  public var receivedLocation: SourceLocation?
  /// Whether the bidder made its bid all-or-none (`<allOrNone/>`): awarded whole or not at all.
  public var isAllOrNone = false
  /// Whether the bidder is on the lead agency's list of local suppliers (`local_suppliers`).
  public var isLocal = false
  /// The bid as read, or nil when it could not be read (not well-formed, not the bid schema).
  public var document: BidDocument?
  /// Why the whole bid is nonresponsive (late, unsigned, not certified, another solicitation, changed
  /// quantities…), in the order found; empty for a responsive bid.
  public var reasons: [String] = []
  /// Every finding of the bid check (the same as `check-bid`), with its location.
  public var diagnostics: [Diagnostic] = []

  /// Whether the bid as a whole is responsive (each award unit may still exclude it; see ``UnitEvaluation``).
  public var isResponsive: Bool { reasons.isEmpty }

  /// Creates a tabulated bid.
  public init(id: String, supplier: String, path: String) {
    self.id = id
    self.supplier = supplier
    self.path = path
  }
}
