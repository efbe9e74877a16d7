/// How the solicitation is awarded.
public enum AwardMethod: String, CaseIterable, Sendable, Keyword {
  /// Each line may go to a different bidder.
  case byLine = "by-line"
  /// Each lot goes to one bidder.
  case byLot = "by-lot"
  /// Everything goes to one bidder.
  case allOrNone = "all-or-none"
  /// Each participant's lines may go to a different bidder: one price zone per participant, each line awarded
  /// per zone.
  case byParticipant = "by-participant"
}
