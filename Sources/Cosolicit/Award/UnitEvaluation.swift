import Foundation

/// How one award unit was evaluated and awarded: the bids that could win it, their evaluated amounts, the
/// winner, how a tie was broken, and the secondary supplier.
public struct UnitEvaluation: Sendable {
  /// A bid's evaluated amount for the unit.
  public struct Standing: Sendable, Equatable {
    /// The bid's id.
    public var bidID: String
    /// The evaluated amount: the sum of the unit's extended prices at the evaluated option (the unit price
    /// alone for a unit of as-needed lines only).
    public var amount: Decimal
    /// The option the amount is at, when the solicitation has options.
    public var option: String?
  }

  /// The unit.
  public var unit: AwardUnit
  /// The bids that may win the unit, lowest amount first (ties in bid order).
  public var eligible: [Standing] = []
  /// The bids that may not win the unit, with the reasons (nonresponsive, a line unpriced, its own
  /// all-or-none condition…), in bid order.
  public var excluded: [(bidID: String, reasons: [String])] = []
  /// The winning bid; nil when no bid may win the unit, or a tie is still unresolved.
  public var winner: Standing?
  /// How an exact tie for the lowest amount was broken; nil when there was none.
  public var tieBreak: TieBreak?
  /// The bids still tied for the lowest amount when no rule or recorded resolution decides; empty otherwise.
  public var unresolvedTie: [String] = []
  /// The secondary (backup) supplier, when the solicitation asks for one: the next lowest eligible bid; more
  /// than one when they tie (named together, none preferred).
  public var secondary: [Standing] = []
}

/// How a tie was broken: the bids tied, the rule that decided, and for a drawing its record.
public struct TieBreak: Sendable, Equatable {
  /// The ids of the bids that tied, in bid order.
  public var tied: [String]
  /// The rule or method that decided (`local-preference`, or the method recorded in `award.yaml`).
  public var method: String
  /// The date of the recorded resolution.
  public var date: CalendarDate?
  /// The witnesses of the recorded resolution.
  public var witnesses: [String] = []
  /// Where the resolution is recorded (`award.yaml`), or the rule declared (`solicitation.yaml`).
  public var location: SourceLocation?
}
