import Foundation

extension ScheduleDocument {
  /// The schedule as CSV, a header then one `line` record per schedule line, one `supplier` record per supplier
  /// with its total and a `total` record. Numbers are exact and plain; text goes through ``CSVCell``.
  public static func csv(_ s: ParticipantSchedule, tabulation: BidTabulation) -> String {
    let header = [
      "record", "solicitation", "participant", "lot", "line", "zone", "item", "description", "bid", "supplier",
      "brand_model",
      "price_option", "index", "differential", "unit_price", "quantity", "minimum_quantity", "maximum_quantity",
      "unit", "commitment", "extended_price", "deliver_to", "need_by", "releases", "status",
    ]
    var text = CSVCell.row(header)
    let solicitation = CSVCell.escape(tabulation.joint.solicitation.id)
    let participant = CSVCell.escape(s.participant.id.value)
    let blank = { (count: Int) in Array(repeating: "", count: count) }
    for line in s.lines {
      let award = line.award
      let status =
        award == nil ? "not awarded" : line.quantity == nil ? "as needed" : "awarded"
      var cells = ["line", solicitation, participant, CSVCell.escape(line.lotID), String(line.lineNumber)]
      cells += [
        line.zoneID ?? "", line.itemID ?? "", line.description, award?.bidID ?? "", award?.supplier ?? "",
        award?.brandModel ?? "",
      ]
      .map(CSVCell.escape)
      cells += [
        CSVCell.escape(award?.price.option ?? ""),
        CSVCell.escape(award?.price.differential == nil ? "" : award?.index ?? ""),
        award?.price.differential.map(AwardPage.number) ?? "",
        award.map { AwardPage.number($0.price.evaluatedUnitPrice) } ?? "",
        line.quantity.map(AwardPage.number) ?? "", line.minimumQuantity.map(AwardPage.number) ?? "",
        line.maximumQuantity.map(AwardPage.number) ?? "", CSVCell.escape(line.unit),
        line.quantity == nil ? "as needed" : line.commitment.rawValue,
        line.extendedPrice.map(AwardPage.amount) ?? "", CSVCell.escape(line.deliverTo ?? ""),
        line.needBy?.description ?? "",
        CSVCell.escape(
          line.releases.map { DeliveryRelease.cellText($0) + (line.releaseUnit.map { " (\($0))" } ?? "") } ?? ""),
        status,
      ]
      text += cells.joined(separator: ",") + "\r\n"
    }
    for total in supplierTotals(s) {
      var cells = ["supplier", solicitation, participant] + blank(5)
      cells += [CSVCell.escape(total.bidID), CSVCell.escape(total.supplier)] + blank(10)
      cells += [AwardPage.amount(total.total)] + blank(4)
      text += cells.joined(separator: ",") + "\r\n"
    }
    let cells = ["total", solicitation, participant] + blank(17) + [AwardPage.amount(s.total)] + blank(4)
    return text + cells.joined(separator: ",") + "\r\n"
  }
}
