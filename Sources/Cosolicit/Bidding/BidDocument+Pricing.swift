import Foundation

extension BidDocument {
  /// A price zone as the form lists it.
  public struct ZoneDeclaration: Hashable, Sendable {
    /// The zone id.
    public var id: Field<String>
    /// The zone title.
    public var title: String
    /// The ids of the agencies in the zone, as written.
    public var participants: [String]
  }

  /// A price option as the form lists it.
  public struct PriceOptionDeclaration: Hashable, Sendable {
    /// The option id.
    public var id: Field<String>
    /// The option title.
    public var title: String
    /// How the option is priced.
    public var basis: PriceOption.Basis
    /// The market index of a differential option.
    public var index: String?
    /// The price of the index a differential is evaluated at.
    public var referencePrice: Field<Decimal>?

    /// Whether the option is priced as a differential over an index.
    public var isDifferential: Bool { basis == .indexDifferential }
  }

  /// A line's demand in one zone (`<zone id>`).
  public struct ZoneQuantities: Hashable, Sendable {
    /// The zone id.
    public var zone: Field<String>
    /// The committed quantity.
    public var committedQuantity: Field<Decimal>
    /// The estimated quantity.
    public var estimatedQuantity: Field<Decimal>
    /// Both.
    public var quantity: Field<Decimal>
    /// The guaranteed minimum, when a band or partial commitment sets it apart from the committed quantity.
    public var minimumQuantity: Field<Decimal>?
    /// The most that may be ordered, when a band sets it above the quantity.
    public var maximumQuantity: Field<Decimal>?
    /// Where `<asNeeded/>` is, when every participant of the zone needs the line as needed.
    public var asNeededLocation: SourceLocation?
  }

  /// One price of a line (`<price zone option>`): a unit price, or a differential over an index, or no bid.
  public struct Price: Hashable, Sendable {
    /// The zone priced, when the form has zones.
    public var zone: Field<String>?
    /// The option priced, when the form has options.
    public var option: Field<String>?
    /// The unit price; nil when blank, a differential or no-bid.
    public var unitPrice: Field<Decimal>?
    /// The differential over the option's index (may be negative); nil when blank, a unit price or no-bid.
    public var differential: Field<Decimal>?
    /// Whether the price is given as a differential (`<differential>`, even blank).
    public var isDifferential: Bool
    /// The extended price as written; nil when blank or absent.
    public var extendedPrice: Field<Decimal>?
    /// Where `<noBid/>` is, when the bidder leaves the zone (or option) unbid.
    public var noBidLocation: SourceLocation?
    /// The `price` element.
    public var location: SourceLocation

    /// Whether the bidder leaves this zone and option unbid.
    public var noBid: Bool { noBidLocation != nil }
    /// "zone north, option A", for messages.
    public var name: String {
      [zone.map { "zone \($0.value)" }, option.map { "option \($0.value)" }].compactMap { $0 }.joined(
        separator: ", ")
    }
  }

  /// A lot's subtotal or the bid's total for one (zone, option).
  public struct Sum: Hashable, Sendable {
    /// The zone, when the form has zones.
    public var zone: Field<String>?
    /// The option, when the form has options.
    public var option: Field<String>?
    /// The amount as written; nil when blank.
    public var amount: Field<Decimal>?
    /// The element.
    public var location: SourceLocation
  }
}

extension BidDocument.Reader {
  /// Reads `<zones>` and `<priceOptions>` into `document`.
  mutating func readPricing(_ root: XMLElementTree, into document: inout BidDocument) {
    for zone in root.child("zones")?.children(named: "zone") ?? [] {
      guard let id = attribute("id", of: zone) else { continue }
      document.zones.append(
        .init(
          id: id, title: zone.attribute("title") ?? "",
          participants: (zone.attribute("participants") ?? "").split(whereSeparator: \.isWhitespace).map(String.init)))
    }
    guard let options = root.child("priceOptions") else { return }
    document.awardPriceOption = attribute("award", of: options)
    for option in options.children(named: "option") {
      guard let id = attribute("id", of: option), let basis = keyword("basis", of: option, as: PriceOption.Basis.self)
      else { continue }
      var reference: BidDocument.Field<Decimal>?
      if let written = option.attribute("referencePrice") {
        if case .success(let value) = BidDocument.decimal(written) {
          reference = .init(value, at: option.location(in: path))
        } else {
          diagnostics.error(
            "option \(id.value): referencePrice '\(written)' is not a decimal", at: option.location(in: path))
        }
      }
      document.priceOptions.append(
        .init(
          id: id, title: option.attribute("title") ?? "", basis: basis.value, index: option.attribute("index"),
          referencePrice: reference))
    }
  }

  /// A line's `<zone>`: its id and quantities.
  mutating func zoneQuantities(_ element: XMLElementTree) -> BidDocument.ZoneQuantities? {
    let id = attribute("id", of: element)
    let committed = quantity("committedQuantity", in: element)
    let estimated = quantity("estimatedQuantity", in: element)
    let total = quantity("quantity", in: element)
    let minimum = element.child("minimumQuantity") == nil ? .some(nil) : amount("minimumQuantity", in: element)
    let maximum = element.child("maximumQuantity") == nil ? .some(nil) : amount("maximumQuantity", in: element)
    guard let id, let committed, let estimated, let total, let minimum, let maximum else { return nil }
    return .init(
      zone: id, committedQuantity: committed, estimatedQuantity: estimated, quantity: total,
      minimumQuantity: minimum, maximumQuantity: maximum,
      asNeededLocation: element.child("asNeeded").map { $0.location(in: path) })
  }

  /// A line's `<price>`.
  mutating func price(_ element: XMLElementTree) -> BidDocument.Price? {
    let here = element.location(in: path)
    let zone = element.attribute("zone").map { BidDocument.Field($0.trimmed, at: here) }
    let option = element.attribute("option").map { BidDocument.Field($0.trimmed, at: here) }
    let noBid = element.child("noBid").map { $0.location(in: path) }
    var differential: BidDocument.Field<Decimal>?
    let written = element.child("differential")
    if let written, !written.text.trimmed.isEmpty {
      switch BidDocument.decimal(written.text) {
      case .success(let value): differential = .init(value, at: written.location(in: path))
      case .failure(let problem):
        diagnostics.error("<differential> '\(written.text.trimmed)' \(problem)", at: written.location(in: path))
        return nil
      }
    }
    var unitPrice: BidDocument.Field<Decimal>?
    if element.child("unitPrice") != nil {
      guard let amount = amount("unitPrice", in: element) else { return nil }
      unitPrice = amount
    }
    var extendedPrice: BidDocument.Field<Decimal>?
    if element.child("extendedPrice") != nil {
      guard let amount = amount("extendedPrice", in: element) else { return nil }
      extendedPrice = amount
    }
    return .init(
      zone: zone, option: option, unitPrice: unitPrice, differential: differential, isDifferential: written != nil,
      extendedPrice: extendedPrice, noBidLocation: noBid, location: here)
  }

  /// The plain sum `name` (a lot's `subtotal`, the bid's `total`): `.some(nil)` when blank or when the sums are
  /// given per (zone, option), which are returned apart; nil (with an error) when missing or unreadable.
  mutating func sums(
    _ name: String, in parent: XMLElementTree
  ) -> (plain: BidDocument.Field<Decimal>??, sums: [BidDocument.Sum]) {
    let elements = parent.children(named: name)
    let attributed = elements.filter { $0.attribute("zone") != nil || $0.attribute("option") != nil }
    guard !attributed.isEmpty else { return (amount(name, in: parent), []) }
    var sums: [BidDocument.Sum] = []
    var complete = true
    for element in attributed {
      let here = element.location(in: path)
      var amount: BidDocument.Field<Decimal>?
      let text = element.text.trimmed
      if !text.isEmpty {
        switch BidDocument.decimal(text) {
        case .success(let value) where value >= 0: amount = .init(value, at: here)
        case .success: diagnostics.error("<\(name)> is \(text); it must not be negative", at: here)
        case .failure(let problem): diagnostics.error("<\(name)> '\(text)' \(problem)", at: here)
        }
        if amount == nil { complete = false }
      }
      sums.append(
        .init(
          zone: element.attribute("zone").map { .init($0.trimmed, at: here) },
          option: element.attribute("option").map { .init($0.trimmed, at: here) }, amount: amount, location: here))
    }
    if elements.count > attributed.count {
      diagnostics.error(
        "<\(parent.name)> has a <\(name)> without zone or option beside ones with them; give one per zone and "
          + "option", at: parent.location(in: path))
      complete = false
    }
    return (complete ? .some(nil) : nil, sums)
  }
}
