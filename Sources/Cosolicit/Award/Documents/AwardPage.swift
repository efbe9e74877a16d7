import Foundation

/// What the award documents share: the HTML page around them (landscape print pages, header rows that repeat,
/// rows kept whole), escaping, and the way amounts, prices and quantities read.
enum AwardPage {
  /// `text` as HTML text or a quoted attribute value.
  static func escaped(_ text: String) -> String { XMLText.escaped(text) }

  /// An amount with thousands separators and cents (`12,345.60`); amounts here are whole cents already.
  static func money(_ amount: Decimal) -> String { MoneyText.format(amount) }

  /// A unit price with every decimal it has and at least two (`2.6375`, `1,049.00`).
  static func unitPrice(_ price: Decimal) -> String { MoneyText.unitPrice(price) }

  /// A quantity with thousands separators (`42,000`, `1,100.5`).
  static func quantity(_ value: Decimal) -> String { DecimalText.grouped(value) }

  /// A number as CSV writes it: plain and exact (`1250.5`, `-0.05`). The tool's own digits, never a formula.
  static func number(_ value: Decimal) -> String { DecimalText.format(value) }

  /// An amount as CSV writes it: plain and exact, with at least two decimals (`23602.80`, `-0.01`).
  static func amount(_ value: Decimal) -> String { MoneyText.plain(value) }

  /// A percentage with one decimal and its sign (`+4.2 %`, `0.0 %`, `-41.9 %`).
  static func percent(_ value: Decimal) -> String {
    var copy = value
    var rounded = Decimal()
    NSDecimalRound(&rounded, &copy, 1, .plain)
    var text = DecimalText.format(rounded)
    if !text.contains(".") { text += ".0" }
    return (rounded > 0 ? "+" : "") + text + " %"
  }

  /// A differential as people read it after an index: `+ 0.1875`, `− 0.05`.
  static func differential(_ value: Decimal) -> String {
    value < 0 ? "− " + unitPrice(-value) : "+ " + unitPrice(value)
  }

  /// The title of zone `id` of `joint`, or the id when it is not one of its zones.
  static func zoneTitle(_ id: String, in joint: JointSolicitation) -> String {
    joint.zones.zones.first { Identifier.same($0.id.value, id) }?.title ?? id
  }

  /// The price option `id` of `solicitation`.
  static func option(_ id: String?, in solicitation: Solicitation) -> PriceOption? {
    id.flatMap { id in solicitation.priceOptions.first { Identifier.same($0.id.value, id) } }
  }

  /// A whole page: `title` in its head, `body` (HTML) in its body.
  static func page(title: String, body: String) -> String {
    HTMLPage.document(title: title, style: style, body: body)
  }

  /// The style of every award document: a wide table on screen, landscape pages in print.
  static let style = """
    body { font-family: "Helvetica Neue", Arial, sans-serif; color: #1a1a1a; margin: 1.5rem; line-height: 1.35; }
    h1, h2 { color: #12355b; }
    h1 { font-size: 1.5rem; margin-bottom: 0.2rem; }
    h2 { font-size: 1.15rem; border-bottom: 2px solid #12355b; padding-bottom: 0.15rem; margin-top: 1.8rem; }
    table { border-collapse: collapse; margin: 0.6rem 0 1rem; font-size: 0.85rem; }
    th, td { border: 1px solid #9aa5b1; padding: 0.2rem 0.35rem; vertical-align: top; text-align: left; }
    th { background: #eef2f6; font-weight: 600; }
    td.number, th.number { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
    td.price { text-align: right; font-variant-numeric: tabular-nums; min-width: 6rem; }
    td.date { white-space: nowrap; }
    td.description { min-width: 14rem; }
    tr.lot th { background: #dde5ee; text-align: left; }
    tr.subtotal td, tr.total td, tfoot td { font-weight: 600; background: #f6f8fa; }
    td.low { font-weight: bold; background: #e6f2e6; }
    .mark { font-weight: bold; white-space: nowrap; }
    .option { display: block; }
    .evaluated { font-weight: 600; }
    .answer { font-style: italic; color: #444; }
    .nonresponsive { color: #8a1c1c; font-weight: 600; }
    .note { border-left: 4px solid #12355b; padding: 0.4rem 0.8rem; background: #f3f6f9; }
    .small { font-size: 0.85em; color: #555; }
    dl.facts { display: grid; grid-template-columns: max-content auto; gap: 0.1rem 1rem; }
    dl.facts dt { font-weight: 600; }
    dl.facts dd { margin: 0; }
    @page { size: landscape; margin: 12mm 10mm; }
    @media print {
      body { margin: 0; font-size: 9pt; }
      table { font-size: 7.5pt; page-break-inside: auto; }
      th, td { padding: 0.1rem 0.2rem; }
      th.number { white-space: normal; }
      td.description { min-width: 0; overflow-wrap: anywhere; }
      td.price { min-width: 0; }
      tr.lot { page-break-after: avoid; break-after: avoid; }
      thead { display: table-header-group; }
      tfoot { display: table-footer-group; }
      tr { page-break-inside: avoid; break-inside: avoid; }
      h2 { page-break-after: avoid; break-after: avoid; }
      td.low { background: none; }
    }
    """
}
