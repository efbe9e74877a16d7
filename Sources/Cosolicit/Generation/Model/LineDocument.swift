import Foundation

/// One line as a variant publishes it: the item, its unit, and its committed and estimated quantity and value.
struct LineDocument: DocumentModel {
  /// The aggregated line.
  let line: SolicitationLine
  /// Its figures in this variant.
  let figures: VariantFigures.Line
  /// The earliest date its committed volume is needed by.
  let earliestNeedBy: CalendarDate?

  static let fields: DocumentFields<Self> = [
    .count("number") { $0.line.number },
    .text("item") { $0.line.itemID ?? "" },
    .flag("hasItem") { $0.line.itemID != nil },
    .text("description") { $0.line.description },
    .text("classification") { $0.line.classification.description },
    .text("unit") { $0.line.unit.code },
    .text("unitName") { $0.line.unit.name },
    .text("committedQuantity") { DecimalText.format($0.figures.committed) },
    .text("estimatedQuantity") { DecimalText.format($0.figures.estimated) },
    .text("quantity") { DecimalText.format($0.figures.quantity) },
    .flag("hasCommitted") { $0.figures.committed > 0 },
    .flag("hasEstimated") { $0.figures.estimated > 0 },
    .flag("isWriteIn") { $0.line.isWriteIn },
    .text("estimatedUnitPrice") { $0.line.estimatedUnitPrice.map(MoneyText.unitPrice) ?? "" },
    .flag("hasPrice") { $0.line.estimatedUnitPrice != nil },
    .text("committedValue") { $0.figures.committedValue.map(MoneyText.format) ?? "" },
    .text("estimatedValue") { $0.figures.estimatedValue.map(MoneyText.format) ?? "" },
    .text("deliverySites") { $0.line.deliverySites.joined(separator: "; ") },
    .text("earliestNeedBy") { $0.earliestNeedBy?.description ?? "" },
  ]
}
