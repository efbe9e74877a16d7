/// When and where bids are opened (`bid_opening`).
public struct BidOpening: Sendable {
  /// The day, and usually the hour, of the opening.
  public var at: Located<LocalDateTime>?
  /// Where the opening takes place.
  public var place: String?
  /// Whether the opening is public (the default) and bidders may attend.
  public var isPublic: Bool
}
