import Foundation

/// One line as a variant publishes it: the item, its unit, and its committed and estimated quantity and value.
struct LineDocument: DocumentModel {
  /// The aggregated line.
  let line: SolicitationLine
  /// Its figures in this variant.
  let figures: VariantFigures.Line
  /// The earliest date its committed volume is needed by.
  let earliestNeedBy: CalendarDate?
  /// Whether some share behind ``earliestNeedBy`` is delivered in releases, so that the date is only the first.
  var isDeliveredInReleases = false
  /// The distinct specs its participants asked for, each with who asked.
  let specs: [SpecDocument]
  /// Its demand per price zone; none without zones.
  let zones: [LineZoneDocument]
  /// The prices a bid gives for it, per (zone, option); none when it has one unit price.
  let prices: [PriceDocument]
  /// The figures as bidders read them (quantities with thousands separators), formatted once for every
  /// document that shows them.
  private let text:
    (committed: String, estimated: String, quantity: String, committedValue: String, estimatedValue: String)
  /// The guaranteed minimum and the maximum, as bidders read them.
  private let range: (minimum: String, maximum: String)

  /// The line `line` with its `figures` in a variant, needed by `earliestNeedBy`.
  init(
    line: SolicitationLine, figures: VariantFigures.Line, earliestNeedBy: CalendarDate?, pricing: PricingPlan? = nil
  ) {
    self.line = line
    zones = figures.zones.map(LineZoneDocument.init)
    prices = pricing?.prices(zones: figures.zones, quantity: figures.quantity) ?? []
    self.figures = figures
    self.earliestNeedBy = earliestNeedBy
    specs = line.shares.specs.map(SpecDocument.init)
    text = (
      DecimalText.grouped(figures.committed), DecimalText.grouped(figures.estimated),
      DecimalText.grouped(figures.quantity), figures.committedValue.map(MoneyText.format) ?? "",
      figures.estimatedValue.map(MoneyText.format) ?? ""
    )
    range = (DecimalText.grouped(figures.minimum), DecimalText.grouped(figures.maximum))
  }

  /// Whether a band or a partial commitment sets the guaranteed minimum apart from the committed quantity.
  var hasMinimum: Bool { !(figures.minimum - figures.committed).isZero }
  /// Whether a band sets the maximum apart from the quantity.
  var hasMaximum: Bool { !(figures.maximum - figures.quantity).isZero }

  /// The line's commitment in words, "1,270 EA (each) committed: at least 1,016, at most 1,524" (with "and 10
  /// estimated" after "committed" when some of it is estimated); nil when no band or partial commitment applies.
  var rangeStatement: String? {
    guard hasMinimum || hasMaximum, !figures.isAsNeeded else { return nil }
    let estimated = figures.estimated > 0 ? " and \(text.estimated) estimated" : ""
    return "\(text.committed) \(line.unit.label) committed\(estimated): at least "
      + "\(range.minimum), at most \(range.maximum)"
  }

  /// The names of the participants that listed the line as needed, on a line others gave quantities for.
  var asNeededBy: String? {
    guard !figures.isAsNeeded, !line.asNeededAgencyIDs.isEmpty else { return nil }
    let names = Dictionary(line.shares.map { ($0.agencyID, $0.agencyName) }, uniquingKeysWith: { first, _ in first })
    return line.asNeededAgencyIDs.map { names[$0] ?? $0 }.joined(separator: ", ")
  }

  static let fields: DocumentFields<Self> = [
    .count("number") { $0.line.number },
    .text("item") { $0.line.itemID ?? "" },
    .flag("hasItem") { $0.line.itemID != nil },
    .markup("itemWordML") { $0.line.itemID.map(WordRuns.unbreakable) },
    .text("description") { $0.line.description },
    .list("specs") { $0.specs },
    .flag("hasSpecs") { !$0.specs.isEmpty },
    .text("classification") { $0.line.classification.description },
    .text("unit") { $0.line.unit.code },
    .text("unitName") { $0.line.unit.name },
    .text("unitLabel") { $0.line.unit.label },
    .text("committedQuantity") { $0.text.committed },
    .text("estimatedQuantity") { $0.text.estimated },
    .text("quantity") { $0.text.quantity },
    .text("committedQuantityValue") { DecimalText.format($0.figures.committed) },
    .text("estimatedQuantityValue") { DecimalText.format($0.figures.estimated) },
    .text("quantityValue") { DecimalText.format($0.figures.quantity) },
    .text("minimumQuantityValue") { DecimalText.format($0.figures.minimum) },
    .text("maximumQuantityValue") { DecimalText.format($0.figures.maximum) },
    .flag("hasCommitted") { $0.figures.committed > 0 },
    .flag("hasEstimated") { $0.figures.estimated > 0 },
    .flag("isWriteIn") { $0.line.isWriteIn },
    .text("estimatedUnitPrice") { $0.line.estimatedUnitPrice.map(MoneyText.unitPrice) ?? "" },
    .flag("hasPrice") { $0.line.estimatedUnitPrice != nil },
    .text("committedValue") { $0.text.committedValue },
    .text("estimatedValue") { $0.text.estimatedValue },
    .text("deliverySites") { $0.line.deliverySites.joined(separator: "; ") },
    .text("earliestNeedBy") { $0.earliestNeedBy?.description ?? "" },
    .flag("isDeliveredInReleases") { $0.isDeliveredInReleases },
    // Price zones and options.
    .list("zones") { $0.zones },
    .flag("hasZones") { !$0.zones.isEmpty },
    .list("prices") { $0.prices },
    .flag("isPriced") { !$0.prices.isEmpty },
    // Commitment bands, partial commitments and as-needed lines.
    .flag("isAsNeeded") { $0.figures.isAsNeeded },
    .flag("hasMinimum") { $0.hasMinimum },
    .flag("hasMaximum") { $0.hasMaximum },
    .text("minimumQuantity") { $0.range.minimum },
    .text("maximumQuantity") { $0.range.maximum },
    .text("rangeStatement") { $0.rangeStatement },
    .flag("hasRangeStatement") { $0.rangeStatement != nil },
    .text("asNeededBy") { $0.asNeededBy },
    .flag("hasAsNeededBy") { $0.asNeededBy != nil },
  ]
}
