import Foundation

/// What `BidCheck` found: every problem with its position, the corrected totals, and a readable summary.
public struct BidCheckReport: Sendable {
  /// One lot's recomputed figures.
  public struct LotTotal: Hashable, Sendable {
    /// The lot identifier.
    public var id: String
    /// The lot title.
    public var title: String
    /// The sum of the lot's governing extended prices (unit price × quantity, rounded to cents).
    public var subtotal: Decimal
    /// How many of the lot's lines are priced.
    public var pricedLines: Int
    /// How many of the lot's lines are marked no-bid.
    public var noBidLines: Int
    /// How many of the lot's priced lines are as needed, priced by unit price alone and left out of the subtotal.
    public var asNeededLines = 0
    /// The subtotals per (zone, option), when lines are priced so; none otherwise.
    public var sums: [PricedSum] = []
  }

  /// A recomputed sum over one (zone, option): a lot's subtotal or the bid's total.
  public struct PricedSum: Hashable, Sendable {
    /// The zone, when the solicitation has zones.
    public var zone: String?
    /// The option, when the solicitation has options.
    public var option: String?
    /// The sum of the governing extended prices; a differential option's at its reference price.
    public var amount: Decimal
    /// The reference price a differential option's prices were evaluated at; nil for a unit price.
    public var referencePrice: Decimal?
    /// How many prices are in the sum.
    public var pricedLines: Int

    /// "zone north, option A", for people.
    public var name: String {
      [zone.map { "zone \($0)" }, option.map { "option \($0)" }].compactMap { $0 }.joined(separator: ", ")
    }
  }

  /// The bid file, as given.
  public var path: String
  /// The blank form the bid was compared with, if any.
  public var reference: String?
  /// The bid as read, or nil when it could not be read (malformed, not a bid, or against the schema).
  public var document: BidDocument?
  /// Every finding, ordered by file and position, notes right after their finding.
  public var diagnostics: [Diagnostic]
  /// The lots with recomputed subtotals, in the bid's order; empty when the bid could not be read.
  public var lots: [LotTotal]
  /// The recomputed grand total; nil when the bid could not be read, a sum did not fit, or the bid is priced per
  /// zone or option (see ``sums``).
  public var total: Decimal?
  /// The recomputed totals per (zone, option), when lines are priced so; none otherwise.
  public var sums: [PricedSum] = []

  /// Creates a report; `diagnostics` are sorted here.
  public init(
    path: String, reference: String? = nil, document: BidDocument?, diagnostics: [Diagnostic], lots: [LotTotal],
    total: Decimal?, sums: [PricedSum] = []
  ) {
    self.sums = sums
    var collector = DiagnosticCollector()
    collector.append(contentsOf: diagnostics)
    self.path = path
    self.reference = reference
    self.document = document
    self.diagnostics = collector.sorted
    self.lots = lots
    self.total = total
  }

  /// The number of errors.
  public var errorCount: Int { diagnostics.count { $0.severity == .error } }
  /// The number of warnings.
  public var warningCount: Int { diagnostics.count { $0.severity == .warning } }
  /// Whether the bid conforms: it was read and has no error (warnings allowed).
  public var conforming: Bool { document != nil && errorCount == 0 }
  /// The number of priced lines.
  public var pricedLines: Int { lots.reduce(0) { $0 + $1.pricedLines } }
  /// The number of no-bid lines.
  public var noBidLines: Int { lots.reduce(0) { $0 + $1.noBidLines } }
  /// The number of priced as-needed lines, left out of the subtotals and the total.
  public var asNeededLines: Int { lots.reduce(0) { $0 + $1.asNeededLines } }

  /// A few lines for people: bidder, solicitation, each lot's corrected subtotal, the total, and the verdict.
  public var summary: String {
    var lines: [String] = []
    if let document {
      let name = oneLine(document.bidder.name.value)
      let bidder = name.isEmpty ? "(no bidder name)" : name
      let currency = document.currency.value
      lines.append("Bid:          \(path)")
      lines.append("Bidder:       \(bidder)")
      let against = reference.map { "the schema and \($0)" } ?? "the schema only (no solicitation to compare with)"
      lines.append("Checked with: \(against)")
      lines.append(
        "Solicitation: \(document.solicitation.value) \(oneLine(document.title.value)) "
          + "(\(document.variant.value.rawValue), award \(document.awardMethod.value.rawValue), \(currency))")
      for lot in lots {
        let subtotal = lot.pricedLines == 0 ? "no bid" : "\(MoneyText.format(lot.subtotal)) \(currency)"
        guard sums.isEmpty else {
          lines.append(
            "  Lot \(lot.id) \(oneLine(lot.title)): \(count(lot.pricedLines, "line")) priced, \(lot.noBidLines) "
              + "no-bid" + asNeeded(lot.asNeededLines))
          lines += lot.sums.map { "    \(describe($0, currency: currency))" }
          continue
        }
        lines.append(
          "  Lot \(lot.id) \(oneLine(lot.title)): \(count(lot.pricedLines, "line")) priced, \(lot.noBidLines) no-bid; "
            + "subtotal \(subtotal)" + asNeeded(lot.asNeededLines))
      }
      if sums.isEmpty {
        let total = self.total.map { "\(MoneyText.format($0)) \(currency)" } ?? "not computed"
        lines.append(
          "Total:        \(total) (\(count(pricedLines, "line")) priced, \(noBidLines) no-bid)"
            + asNeeded(asNeededLines))
      } else {
        lines.append(
          "Totals:       (\(count(pricedLines, "line")) priced, \(noBidLines) no-bid)" + asNeeded(asNeededLines))
        lines += sums.map { "  \(describe($0, currency: currency))" }
      }
    } else {
      lines.append("Bid:          \(path) (could not be read as a bid)")
    }
    let verdict = conforming ? "conforming" : "NOT conforming"
    lines.append("Result:       \(verdict): \(count(errorCount, "error")), \(count(warningCount, "warning"))")
    return lines.joined(separator: "\n")
  }

  /// `text` on one line: a bid's texts may hold line breaks, which must not forge lines of the summary.
  private func oneLine(_ text: String) -> String {
    text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
  }

  /// One sum for people: "zone north, option A: 12,345.00 USD (4 prices; at the reference price 2.45)".
  private func describe(_ sum: PricedSum, currency: String) -> String {
    let reference = sum.referencePrice.map {
      "; a differential, totalled at the reference price \(MoneyText.unitPrice($0))"
    }
    let amount = sum.pricedLines == 0 ? "no bid" : "\(MoneyText.format(sum.amount)) \(currency)"
    return "\(sum.name): \(amount) (\(count(sum.pricedLines, "price"))\(reference ?? ""))"
  }

  /// What a total says of the as-needed lines it leaves out; nothing when there are none.
  private func asNeeded(_ number: Int) -> String {
    number == 0 ? "" : "; \(count(number, "as-needed line")) left out (unit price only)"
  }

  /// "1 line", "2 lines".
  private func count(_ number: Int, _ noun: String) -> String {
    "\(number) \(noun)\(number == 1 ? "" : "s")"
  }
}
