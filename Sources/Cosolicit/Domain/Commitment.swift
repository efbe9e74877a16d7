/// Whether a participant's quantity binds it to buy, or only estimates its use.
public enum Commitment: String, CaseIterable, Sendable, Keyword {
  /// The participant commits to buy the quantity under the resulting contract.
  case binding
  /// A non-binding estimate, as in a piggyback-open contract.
  case estimate
}
