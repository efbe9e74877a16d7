/// A group of lines awarded together under a by-lot award, defined by classification code prefixes.
public struct Lot: Sendable {
  /// The lot's id, such as `L1`.
  public var id: Located<String>
  /// The lot's title.
  public var title: String
  /// The code prefixes whose items fall in this lot; empty for a lot that takes what no other lot claims.
  public var classifications: [Classification]
}
