import Foundation

/// How a variant's bid forms ask for prices: per price zone with demand and per price option, or (with
/// neither) one unit price per line as before. Computed once per variant and shared by its documents.
struct PricingPlan: Sendable {
  /// The zones with demand for some line, in solicitation order.
  let zones: [PriceZone]
  /// The price options, in order.
  let options: [PriceOption]
  /// Which option decides the award.
  let award: AwardPriceOption?

  /// The plan of `joint`: its zones that have demand, its options.
  init(_ joint: JointSolicitation) {
    let withDemand = Set(joint.lines.flatMap { joint.zoneQuantities(of: $0).map(\.zoneID) })
    zones = joint.zones.zones.filter { withDemand.contains($0.id.value) }
    options = joint.solicitation.priceOptions
    award = joint.solicitation.awardPriceOption
  }

  /// Whether lines are priced per zone or option (with `price` elements) rather than by one unit price.
  var isPriced: Bool { !zones.isEmpty || !options.isEmpty }

  /// The prices a line with demand in `zones` (and `quantity` in all) asks for: one per (zone, option), zones in
  /// order, each with the quantity it prices.
  func prices(zones lineZones: [ZoneQuantities], quantity: Decimal) -> [PriceDocument] {
    guard isPriced else { return [] }
    let priced: [(PriceZone?, Decimal)] =
      zones.isEmpty
      ? [(nil, quantity)]
      : zones.compactMap { zone in lineZones.first { $0.zoneID == zone.id.value }.map { (zone, $0.quantity) } }
    let lineOptions: [PriceOption?] = options.isEmpty ? [nil] : options
    return priced.flatMap { zone, quantity in
      lineOptions.map { PriceDocument(zone: zone, option: $0, quantity: quantity) }
    }
  }

  /// The sums a lot and the bid give: one per (listed zone, option).
  var sums: [PriceDocument] {
    guard isPriced else { return [] }
    let listed: [PriceZone?] = zones.isEmpty ? [nil] : zones
    let lineOptions: [PriceOption?] = options.isEmpty ? [nil] : options
    return listed.flatMap { zone in lineOptions.map { PriceDocument(zone: zone, option: $0) } }
  }
}

/// A price zone as documents list it.
struct ZoneDocument: DocumentModel {
  /// The zone.
  let zone: PriceZone
  /// The agencies of the zone that take part, by id, with their names.
  let names: [String: String]

  static let fields: DocumentFields<Self> = [
    .text("id") { $0.zone.id.value },
    .text("title") { $0.zone.title },
    .text("participantIDs") { $0.zone.participants.map(\.value).joined(separator: " ") },
    .text("participants") { document in
      document.zone.participants.map { document.names[Identifier.key($0.value)] ?? $0.value }.joined(
        separator: ", ")
    },
  ]
}

/// A price option as documents list it.
struct PriceOptionDocument: DocumentModel {
  /// The option.
  let option: PriceOption
  /// Whether the award goes by this option.
  let decidesAward: Bool

  static let fields: DocumentFields<Self> = [
    .text("id") { $0.option.id.value },
    .text("title") { $0.option.title },
    .text("basis") { $0.option.basis.rawValue },
    .flag("isDifferential") { $0.option.isDifferential },
    .text("index") { $0.option.index ?? "" },
    .text("referencePrice") { $0.option.referencePrice.map(MoneyText.unitPrice) ?? "" },
    .text("referencePriceValue") { $0.option.referencePrice.map(DecimalText.format) ?? "" },
    .flag("decidesAward") { $0.decidesAward },
  ]
}

/// One (zone, option) a line is priced for, or a lot's or the bid's sum over it; either may be absent.
struct PriceDocument: DocumentModel {
  /// The zone, when the solicitation has zones.
  let zone: PriceZone?
  /// The option, when the solicitation has options.
  let option: PriceOption?
  /// The quantity a line's price is for (its zone's, or the line's without zones); nil for a sum.
  var quantity: Decimal? = nil

  static let fields: DocumentFields<Self> = [
    .text("key") { [$0.zone?.id.value, $0.option?.id.value].compactMap { $0 }.joined(separator: "-") },
    .text("quantity") { $0.quantity.map { DecimalText.grouped($0) } ?? "" },
    .text("quantityValue") { $0.quantity.map(DecimalText.format) ?? "" },
    .flag("hasZone") { $0.zone != nil },
    .text("zone") { $0.zone?.id.value ?? "" },
    .text("zoneTitle") { $0.zone?.title ?? "" },
    .flag("hasOption") { $0.option != nil },
    .text("option") { $0.option?.id.value ?? "" },
    .text("optionTitle") { $0.option?.title ?? "" },
    .flag("isDifferential") { $0.option?.isDifferential ?? false },
    .text("referencePriceValue") { $0.option?.referencePrice.map(DecimalText.format) ?? "" },
  ]
}

/// A line's demand in one zone as a variant publishes it.
struct LineZoneDocument: DocumentModel {
  /// The sums of the zone's shares.
  let quantities: ZoneQuantities

  static let fields: DocumentFields<Self> = [
    .text("id") { $0.quantities.zoneID },
    .text("title") { $0.quantities.zoneTitle },
    .text("committedQuantity") { DecimalText.grouped($0.quantities.committed) },
    .text("estimatedQuantity") { DecimalText.grouped($0.quantities.estimated) },
    .text("quantity") { DecimalText.grouped($0.quantities.quantity) },
    .text("committedQuantityValue") { DecimalText.format($0.quantities.committed) },
    .text("estimatedQuantityValue") { DecimalText.format($0.quantities.estimated) },
    .text("quantityValue") { DecimalText.format($0.quantities.quantity) },
    .text("minimumQuantityValue") { DecimalText.format($0.quantities.minimum) },
    .text("maximumQuantityValue") { DecimalText.format($0.quantities.maximum) },
    .flag("hasCommitted") { $0.quantities.committed > 0 },
    .flag("hasEstimated") { $0.quantities.estimated > 0 },
    .text("minimumQuantity") { DecimalText.grouped($0.quantities.minimum) },
    .text("maximumQuantity") { DecimalText.grouped($0.quantities.maximum) },
    .flag("isAsNeeded") { $0.quantities.isAsNeeded },
    .flag("hasMinimum") { $0.quantities.minimum != $0.quantities.committed },
    .flag("hasMaximum") { $0.quantities.maximum != $0.quantities.quantity },
  ]
}

extension DocumentVariant {
  /// Whether a share of `agency` with `commitment` counts as committed in this variant: a binding share in a
  /// joint solicitation, only the lead agency's binding shares in a piggyback-open one (as ``quantities(of:leadAgency:)``).
  func isCommitted(agency: String, _ commitment: Commitment, leadAgency: String?) -> Bool {
    switch self {
    case .joint: commitment == .binding
    case .piggyback: commitment == .binding && Identifier.same(agency, leadAgency)
    }
  }
}
