import Foundation

/// One lot as a variant publishes it: its lines and their committed and estimated value.
struct LotDocument: DocumentModel {
  /// The aggregated lot.
  let lot: AggregatedLot
  /// Its lines.
  let lines: [LineDocument]
  /// The value of its lines.
  let value: VariantFigures.Value
  /// The subtotals a bid gives, per (zone, option); none when lines have one unit price.
  var sums: [PriceDocument] = []

  static let fields: DocumentFields<Self> = [
    .text("id") { $0.lot.lot.id.value },
    .text("title") { $0.lot.lot.title },
    .text("classifications") { $0.lot.lot.classifications.map(\.description).joined(separator: ", ") },
    .flag("hasClassifications") { !$0.lot.lot.classifications.isEmpty },
    .count("lineCount") { $0.lot.lines.count },
    .flag("hasLines") { !$0.lot.lines.isEmpty },
    .list("lines") { $0.lines },
    .text("committedValue") { MoneyText.format($0.value.committed) },
    .text("estimatedValue") { MoneyText.format($0.value.estimated) },
    .list("sums") { $0.sums },
    .flag("hasSums") { !$0.sums.isEmpty },
  ]
}
