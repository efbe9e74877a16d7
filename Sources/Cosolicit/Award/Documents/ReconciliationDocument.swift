import Foundation

/// The reconciliation as CSV (`reconciliation.csv` in the award package): how the participants' extended prices,
/// each rounded half up to cents on its own line, add up against the award's.
public enum ReconciliationDocument {
  /// A header, then for each awarded line (and zone) a `line` record (the award's quantity and extended price,
  /// the participants' sums, the difference in cents and whether the quantities agree) followed by one `share`
  /// record per participant's share; then a `supplier` record per supplier and a `total` record. Numbers are
  /// exact and plain; text goes through ``CSVCell``.
  public static func csv(_ r: AwardReconciliation) -> String {
    let header = [
      "record", "lot", "line", "zone", "bid", "supplier", "participant", "unit_price", "quantity", "extended_price",
      "participants_quantity", "participants_extended_price", "difference_cents", "quantity_matches",
    ]
    var text = CSVCell.row(header)
    let n = AwardPage.number
    let a = AwardPage.amount
    for line in r.lines {
      let award = line.award
      let key = [award.lotID, String(award.lineNumber), award.zoneID ?? ""].map(CSVCell.escape)
      let supplier = [award.bidID, award.supplier].map(CSVCell.escape)
      text +=
        (["line"] + key + supplier + [
          "", n(award.price.evaluatedUnitPrice), n(award.quantity), a(award.extendedPrice),
          n(line.participantsQuantity), a(line.participantsExtendedPrice), n(line.differenceInCents),
          line.quantityMatches ? "yes" : "NO",
        ]).joined(separator: ",") + "\r\n"
      for part in line.parts {
        text +=
          (["share"] + key + supplier + [
            CSVCell.escape(part.agencyID), n(award.price.evaluatedUnitPrice), n(part.quantity),
            a(part.extendedPrice), "", "", "", "",
          ]).joined(separator: ",") + "\r\n"
      }
    }
    for supplier in r.suppliers {
      text +=
        ([
          "supplier", "", "", "", CSVCell.escape(supplier.bidID), CSVCell.escape(supplier.supplier), "", "", "",
          a(supplier.awardTotal), "", a(supplier.participantsTotal), n(supplier.difference * 100), "",
        ])
        .joined(separator: ",") + "\r\n"
    }
    text +=
      (["total"] + Array(repeating: "", count: 8) + [
        a(r.awardTotal), "", a(r.participantsTotal), n(r.difference * 100), r.isConserved ? "yes" : "NO",
      ]).joined(separator: ",") + "\r\n"
    return text
  }
}
