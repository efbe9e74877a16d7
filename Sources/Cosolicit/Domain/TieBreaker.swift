/// A rule that breaks an exact tie for an award unit, declared in advance (`tie_breakers`).
public enum TieBreaker: String, CaseIterable, Sendable, Keyword {
  /// Among tied bids, a supplier on the lead agency's `local_suppliers` list wins.
  case localPreference = "local-preference"
  /// A public drawing with witnesses decides; its outcome is recorded in `award.yaml`.
  case drawing
}
