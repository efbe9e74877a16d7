/// The lead agency's standard item list, read from `catalog.csv` or `catalog.yaml`.
public struct Catalog: Sendable {
  /// Where the catalog was read from.
  public var path: String
  /// The items, in file order.
  public var items: [CatalogItem]
  /// Ids of rows too broken to keep (as ``Identifier/key(_:)``); their problems are reported in the catalog, not
  /// where needs name them.
  public var rejectedItemIDs: Set<String>

  /// Creates a catalog.
  public init(path: String, items: [CatalogItem], rejectedItemIDs: Set<String> = []) {
    self.path = path
    self.items = items
    self.rejectedItemIDs = Set(rejectedItemIDs.map(Identifier.key))
    self.index = Dictionary(
      items.enumerated().map { (Identifier.key($1.id.value), $0) }, uniquingKeysWith: { first, _ in first })
  }

  private let index: [String: Int]

  /// The item with `id`, if the catalog has it.
  public func item(withID id: String) -> CatalogItem? { index[Identifier.key(id)].map { items[$0] } }

  /// The position in ``items`` of the item with `id` (in any case), if the catalog has it.
  func position(ofID id: String) -> Int? { index[Identifier.key(id)] }

  /// Whether `id` names a row too broken to keep.
  func isRejected(_ id: String) -> Bool { rejectedItemIDs.contains(Identifier.key(id)) }
}
