import Foundation

/// One participant's award schedule, ready to become its purchase orders: the solicitation and contract term,
/// each line it committed to or estimated with the awarded supplier and price, its own quantity (and band),
/// extended price, delivery site and dates; totals per supplier and overall; the rounding rule; and its part of
/// the reconciliation against the award. In HTML (landscape print pages) and CSV.
public enum ScheduleDocument {
  /// The rule every schedule states under its lines.
  public static let roundingNote =
    "Extended prices are the awarded unit price times this participant's quantity, rounded half up to the cent "
    + "on each line; the reconciliation shows how they add up against the award."

  /// The schedule as a page of HTML; `reconciliation` is worked out from `tabulation` when not given (pass it
  /// when writing every participant's schedule, to work it out once).
  public static func html(
    _ s: ParticipantSchedule, tabulation: BidTabulation, reconciliation: AwardReconciliation? = nil
  ) -> String {
    let solicitation = tabulation.joint.solicitation
    let e = AwardPage.escaped
    let title = "Award schedule: \(s.participant.name)"
    var body = "<h1>\(e(title))</h1>\n"
    body += "<p><strong>Solicitation \(e(solicitation.id)): \(e(solicitation.title))</strong></p>\n"
    body +=
      "<dl class=\"facts\">\n"
      + facts(s, tabulation).map { "<dt>\(e($0.0))</dt><dd>\(e($0.1))</dd>\n" }.joined() + "</dl>\n"
    if !tabulation.isAwarded {
      body +=
        "<p class=\"note\"><strong>Not final:</strong> \(e("an exact tie is still unresolved; lines of its unit show as not awarded."))</p>\n"
    }
    body += linesTable(s, tabulation)
    body += totalsTable(s)
    body += "<p class=\"note\" id=\"rounding\">\(e(roundingNote))</p>\n"
    let reconciled =
      reconciliation
      ?? AwardReconciliation.make(
        tabulation: tabulation, schedules: ParticipantSchedule.schedules(for: tabulation))
    body += reconciliationTable(s, reconciled)
    return AwardPage.page(title: "\(title) (solicitation \(solicitation.id))", body: body)
  }

  /// The schedule's facts: who, what, the term, the zone, the terms of delivery and payment.
  static func facts(_ s: ParticipantSchedule, _ t: BidTabulation) -> [(String, String)] {
    let solicitation = t.joint.solicitation
    var facts: [(String, String)] = [("Participant", "\(s.participant.name) (\(s.participant.id.value))")]
    if let contact = s.participant.contact {
      let parts = [contact.name, contact.email, contact.phone].compactMap { $0 }
      if !parts.isEmpty { facts.append(("Contact", parts.joined(separator: ", "))) }
    }
    if let lead = solicitation.leadAgency { facts.append(("Lead agency", lead.name)) }
    facts.append(("Contract term", termText(solicitation.term)))
    let zones = Set(s.lines.compactMap(\.zoneID))
    for zone in zones.sorted() { facts.append(("Price zone", AwardPage.zoneTitle(zone, in: t.joint))) }
    facts.append(("Currency", solicitation.currency))
    facts.append(("Delivery terms", solicitation.terms.delivery))
    facts.append(("Payment terms", solicitation.terms.payment))
    return facts
  }

  /// The contract term in words: "2027-07-01 to 2028-06-30 (12 months); 2 renewal options of 12 months each,
  /// to 2030-06-30 if all are exercised".
  static func termText(_ term: ContractTerm?) -> String {
    guard let term else { return "not stated in the solicitation" }
    var text = "\(term.start.value) to \(term.end) (\(term.months) months)"
    if term.renewalOptions > 0 {
      text +=
        "; \(term.renewalOptions) renewal option\(term.renewalOptions == 1 ? "" : "s") of \(term.renewalMonths) "
        + "months each, to \(term.endWithRenewals) if all are exercised"
    }
    return text
  }

  /// The quantity basis in words: "committed", "committed: at least 37,800, at most 46,200", "estimated",
  /// "as needed".
  static func basis(_ line: ParticipantSchedule.Line) -> String {
    guard line.quantity != nil else { return "as needed" }
    guard line.commitment == .binding else { return "estimated" }
    var parts: [String] = []
    if let minimum = line.minimumQuantity { parts.append("at least \(AwardPage.quantity(minimum))") }
    if let maximum = line.maximumQuantity { parts.append("at most \(AwardPage.quantity(maximum))") }
    return parts.isEmpty ? "committed" : "committed: " + parts.joined(separator: ", ")
  }

  /// Delivery dates in words: the releases, or the need-by date.
  static func delivery(_ line: ParticipantSchedule.Line) -> String {
    if let releases = line.releases { return DeliveryRelease.text(releases, unit: line.releaseUnit) }
    return line.needBy.map { "by \($0)" } ?? ""
  }

  /// Why a line is not awarded, from its unit's evaluation: a tie still to resolve, or no bid that may win it.
  static func notAwarded(_ line: ParticipantSchedule.Line, _ t: BidTabulation) -> String {
    let unit = t.units.first { $0.unit.covers(lot: line.lotID, line: line.lineNumber, zone: line.zoneID) }
    if let unit, !unit.unresolvedTie.isEmpty { return "not awarded yet: a tie is unresolved" }
    if let unit, unit.winner != nil { return "not awarded yet" }
    return "not awarded: no bid may win it"
  }

  static func linesTable(_ s: ParticipantSchedule, _ t: BidTabulation) -> String {
    let e = AwardPage.escaped
    let solicitation = t.joint.solicitation
    var html = "<h2 id=\"lines\">Lines</h2>\n<table class=\"schedule\">\n<thead><tr>"
    html += "<th>Lot</th><th>Line</th><th>Item</th><th>Description</th><th>Supplier</th><th>Unit price</th>"
    html += "<th class=\"number\">Quantity</th><th>Unit</th><th class=\"number\">Extended price</th>"
    html += "<th>Deliver to</th><th>Delivery</th></tr></thead>\n<tbody>\n"
    for line in s.lines {
      html += "<tr><td>\(e(line.lotID))</td><td>\(line.lineNumber)</td><td>\(e(line.itemID ?? "write-in"))</td>"
      html += "<td class=\"description\">\(e(line.description))</td>"
      if let award = line.award {
        html += "<td>\(e(award.supplier))<br /><span class=\"small\">bid \(e(award.bidID))</span>"
        if let brand = award.brandModel { html += "<br /><span class=\"small\">offered: \(e(brand))</span>" }
        html += "</td>"
        html += "<td>\(e(TabulationAwardSection.priceText(award, solicitation)))</td>"
      } else {
        html += "<td class=\"answer\">\(e(notAwarded(line, t)))</td><td></td>"
      }
      html +=
        "<td class=\"number\">\(line.quantity.map(AwardPage.quantity) ?? "as needed")"
        + "<br /><span class=\"small\">\(e(basis(line)))</span></td>"
      html += "<td>\(e(line.unit))</td>"
      html += "<td class=\"number\">\(line.extendedPrice.map(AwardPage.money) ?? "")</td>"
      html +=
        "<td>\(e(line.deliverTo ?? ""))</td><td\(line.releases == nil ? " class=\"date\"" : "")>\(e(delivery(line)))</td></tr>\n"
    }
    return html + "</tbody>\n</table>\n"
  }

  /// The schedule's extended prices per supplier, in the order each first appears.
  static func supplierTotals(
    _ s: ParticipantSchedule
  ) -> [(bidID: String, supplier: String, lines: Int, total: Decimal)] {
    var totals: [(bidID: String, supplier: String, lines: Int, total: Decimal)] = []
    for line in s.lines {
      guard let award = line.award else { continue }
      if let index = totals.firstIndex(where: { $0.bidID == award.bidID }) {
        totals[index].lines += 1
        totals[index].total += line.extendedPrice ?? 0
      } else {
        totals.append((award.bidID, award.supplier, 1, line.extendedPrice ?? 0))
      }
    }
    return totals
  }

  static func totalsTable(_ s: ParticipantSchedule) -> String {
    let e = AwardPage.escaped
    var html = "<h2 id=\"totals\">Totals</h2>\n<table class=\"totals\">\n<thead><tr><th>Supplier</th>"
    html += "<th class=\"number\">Lines</th><th class=\"number\">Extended price</th></tr></thead>\n<tbody>\n"
    for total in supplierTotals(s) {
      html += "<tr><td>\(e(total.supplier)) <span class=\"small\">(bid \(e(total.bidID)))</span></td>"
      html += "<td class=\"number\">\(total.lines)</td><td class=\"number\">\(AwardPage.money(total.total))</td></tr>\n"
    }
    let unawarded = s.lines.filter { $0.award == nil }.count
    if unawarded > 0 {
      html += "<tr><td class=\"answer\">not awarded</td><td class=\"number\">\(unawarded)</td><td></td></tr>\n"
    }
    html += "</tbody>\n<tfoot><tr><td colspan=\"2\">Total</td>"
    return html + "<td class=\"number\">\(AwardPage.money(s.total))</td></tr></tfoot>\n</table>\n"
  }

  static func reconciliationTable(_ s: ParticipantSchedule, _ r: AwardReconciliation) -> String {
    let e = AwardPage.escaped
    var html = "<h2 id=\"reconciliation\">Reconciliation</h2>\n"
    html +=
      "<p>\(e("Each line awarded that this participant buys: the award's quantity and extended price, this participant's, and the sum of every participant's extended prices; the difference is what rounding each participant's line to the cent leaves."))</p>\n"
    let hasZones = s.lines.contains { $0.zoneID != nil }
    html += "<table class=\"reconciliation\">\n<thead><tr><th>Lot</th><th>Line</th>"
    html += (hasZones ? "<th>Zone</th>" : "") + "<th>Supplier</th>"
    html += "<th class=\"number\">Award quantity</th><th class=\"number\">Award extended price</th>"
    html += "<th class=\"number\">This participant's quantity</th>"
    html += "<th class=\"number\">This participant's extended price</th>"
    html += "<th class=\"number\">All participants' extended prices</th>"
    html += "<th class=\"number\">Difference (cents)</th></tr></thead>\n<tbody>\n"
    for (line, own) in r.lines(of: s.participant.id.value) {
      let award = line.award
      html += "<tr><td>\(e(award.lotID))</td><td>\(award.lineNumber)</td>"
      if hasZones { html += "<td>\(e(award.zoneID ?? ""))</td>" }
      html += "<td>\(e(award.supplier))</td>"
      html += "<td class=\"number\">\(award.isAsNeeded ? "as needed" : AwardPage.quantity(award.quantity))</td>"
      html += "<td class=\"number\">\(AwardPage.money(award.extendedPrice))</td>"
      html += "<td class=\"number\">\(AwardPage.quantity(own.reduce(0) { $0 + $1.quantity }))</td>"
      html += "<td class=\"number\">\(AwardPage.money(own.reduce(0) { $0 + $1.extendedPrice }))</td>"
      html += "<td class=\"number\">\(AwardPage.money(line.participantsExtendedPrice))</td>"
      html += "<td class=\"number\">\(centsText(line.difference))"
      if !line.quantityMatches { html += "<br /><strong>quantities do not add up to the award</strong>" }
      html += "</td></tr>\n"
    }
    return html + "</tbody>\n</table>\n"
  }

  /// A difference in whole cents, signed: `+1`, `-2`, `0`.
  static func centsText(_ difference: Decimal) -> String {
    let cents = difference * 100
    return (cents > 0 ? "+" : "") + DecimalText.format(cents)
  }
}
