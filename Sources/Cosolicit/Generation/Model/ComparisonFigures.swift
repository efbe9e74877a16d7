import Foundation

/// The joint and the piggyback-open figures of some lines side by side: values, binding share, committed
/// quantities and the supplier's pricing risk. One per lot, and one for the whole solicitation.
struct ComparisonFigures: DocumentModel {
  /// How much pricing risk a binding share leaves the supplier.
  struct PricingRisk: DocumentModel {
    /// The binding share of the priced value; nil without priced volume.
    let share: Decimal?

    /// The binding share from which the risk is low (75 %).
    static let low = Decimal(sign: .plus, exponent: -2, significand: 75)
    /// The binding share from which the risk is moderate (40 %).
    static let moderate = Decimal(sign: .plus, exponent: -1, significand: 4)

    static let fields: DocumentFields<Self> = [
      .flag("isLow") { $0.share.map { $0 >= low } ?? false },
      .flag("isModerate") { $0.share.map { $0 < low && $0 >= moderate } ?? false },
      .flag("isHigh") { $0.share.map { $0 < moderate } ?? false },
      .flag("isUnknown") { $0.share == nil },
    ]
  }

  /// The lot, or nil for the whole solicitation.
  let lot: Lot?
  /// The lines.
  let lines: [SolicitationLine]
  /// Their joint figures.
  let joint: [VariantFigures.Line]
  /// Their piggyback-open figures.
  let piggyback: [VariantFigures.Line]

  static let fields: DocumentFields<Self> = [
    .text("id") { $0.lot?.id.value },
    .text("title") { $0.lot?.title },
    .count("lines") { $0.lines.count },
    .text("jointCommitted") { MoneyText.format(VariantFigures.Value($0.joint).committed) },
    .text("jointEstimated") { MoneyText.format(VariantFigures.Value($0.joint).estimated) },
    .text("jointShare") { share(VariantFigures.Value($0.joint)) },
    .text("jointQuantities") { VariantFigures.committedQuantities($0.lines, $0.joint, guaranteed: true) },
    .object("jointRisk") { PricingRisk(share: bindingShare(VariantFigures.Value($0.joint))) },
    .text("piggybackCommitted") { MoneyText.format(VariantFigures.Value($0.piggyback).committed) },
    .text("piggybackEstimated") { MoneyText.format(VariantFigures.Value($0.piggyback).estimated) },
    .text("piggybackShare") { share(VariantFigures.Value($0.piggyback)) },
    .text("piggybackQuantities") { VariantFigures.committedQuantities($0.lines, $0.piggyback, guaranteed: true) },
    .object("piggybackRisk") { PricingRisk(share: bindingShare(VariantFigures.Value($0.piggyback))) },
    .text("jointGuaranteed") { MoneyText.format(VariantFigures.Value($0.joint).minimum) },
    .text("piggybackGuaranteed") { MoneyText.format(VariantFigures.Value($0.piggyback).minimum) },
    .flag("hasRanges") { figures in
      [figures.joint, figures.piggyback].contains { lines in
        let value = VariantFigures.Value(lines)
        return !(value.minimum - value.committed).isZero
      }
    },
  ]

  /// The binding share of the priced value, nil with no priced volume: only the guaranteed minimum binds (a
  /// band's or a partial commitment's), so that a supplier's risk is judged on what it will surely sell.
  static func bindingShare(_ value: VariantFigures.Value) -> Decimal? {
    let total = value.combined
    return total > 0 ? value.minimum / total : nil
  }

  /// The binding share of the value as a percentage with one decimal, or "n/a" with no priced volume.
  static func share(_ value: VariantFigures.Value) -> String {
    let total = value.combined
    guard total > 0 else { return "n/a" }
    var ratio = value.minimum / total * 100
    var rounded = Decimal()
    NSDecimalRound(&rounded, &ratio, 1, .plain)
    let text = DecimalText.format(rounded)
    return (text.contains(".") ? text : text + ".0") + "%"
  }
}
