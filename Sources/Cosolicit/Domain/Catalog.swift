/// The lead agency's standard item list, read from `catalog.csv` or `catalog.yaml`.
public struct Catalog: Sendable {
  /// Where the catalog was read from.
  public var path: String
  /// The items, in file order.
  public var items: [CatalogItem]

  /// Creates a catalog.
  public init(path: String, items: [CatalogItem]) {
    self.path = path
    self.items = items
    self.index = Dictionary(items.enumerated().map { ($1.id.value, $0) }, uniquingKeysWith: { first, _ in first })
  }

  private let index: [String: Int]

  /// The item with `id`, if the catalog has it.
  public func item(withID id: String) -> CatalogItem? { index[id].map { items[$0] } }
}
