import Foundation

/// The award part of the tabulation: each award unit with its winner and amount, how a tie was broken (the
/// rule, or the drawing's method, date and witnesses), the secondary supplier, and the bids that could not win
/// it; then every line as awarded.
enum TabulationAwardSection {
  static func html(_ t: BidTabulation) -> String {
    let e = AwardPage.escaped
    var html = "<h2 id=\"award\">Award</h2>\n"
    if !t.isAwarded {
      html +=
        "<p class=\"note\"><strong>Not awarded yet:</strong> "
        + e("an exact tie is unresolved; record its resolution in award.yaml (winner, method, date, witnesses).")
        + "</p>\n"
    }
    html += "<table class=\"units\">\n<thead><tr><th>Award unit</th><th>Awarded to</th>"
    html += "<th class=\"number\">Evaluated amount</th><th>Tie</th><th>Secondary supplier</th>"
    html += "<th>Bids that could not win it</th></tr></thead>\n<tbody>\n"
    let asNeeded = asNeededUnits(t)
    for (index, unit) in t.units.enumerated() {
      let isAsNeeded = asNeeded.contains(index)
      html += "<tr><td>\(e(unit.unit.description))</td>"
      html += "<td>\(e(winnerText(unit, t)))</td>"
      html += "<td class=\"number\">\(unit.winner.map { amountText($0, isAsNeeded: isAsNeeded) } ?? "")</td>"
      html += "<td>\(e(tieText(unit, t)))</td>"
      html +=
        "<td>\(e(unit.secondary.map { standingText($0, isAsNeeded: isAsNeeded, t) }.joined(separator: "; ")))</td>"
      html +=
        "<td>"
        + (unit.excluded.isEmpty
          ? ""
          : "<ul>"
            + unit.excluded.map { "<li>\(e(name(of: $0.bidID, t))): \(e($0.reasons.joined(separator: "; ")))</li>" }
            .joined() + "</ul>") + "</td></tr>\n"
    }
    html += "</tbody>\n</table>\n"
    return html + linesSection(t)
  }

  /// The supplier of bid `id`, or the id.
  static func name(of id: String, _ t: BidTabulation) -> String { t.bid(id)?.supplier ?? id }

  static func winnerText(_ unit: UnitEvaluation, _ t: BidTabulation) -> String {
    if let winner = unit.winner { return "\(name(of: winner.bidID, t)) (\(winner.bidID))" }
    if !unit.unresolvedTie.isEmpty {
      return "not awarded: tied between " + unit.unresolvedTie.map { name(of: $0, t) }.joined(separator: " and ")
        + "; record the resolution in award.yaml under \(unit.unit.recordKeys.isEmpty ? "the whole" : unit.unit.recordKeys)"
    }
    return "not awarded: no bid may win it"
  }

  /// A unit's evaluated amount: its extended prices' sum, or for a unit of as-needed lines only, the unit price.
  static func amountText(_ standing: UnitEvaluation.Standing, isAsNeeded: Bool) -> String {
    var text = money(standing.amount, isAsNeeded: isAsNeeded)
    if let option = standing.option { text += "<br /><span class=\"small\">option \(AwardPage.escaped(option))</span>" }
    return text
  }

  /// The positions in `t.units` of the units whose rows are all as needed: their amounts are unit prices.
  static func asNeededUnits(_ t: BidTabulation) -> Set<Int> {
    var lineRows: [String: Bool] = [:]
    for row in t.rows {
      lineRows[AwardedLineIndex.key(lot: row.lotID, number: row.lineNumber, zone: row.zoneID)] = row.isAsNeeded
    }
    var found = Set<Int>()
    for (index, unit) in t.units.enumerated() {
      let isAsNeeded: Bool
      if let lot = unit.unit.lotID, let number = unit.unit.lineNumber {
        isAsNeeded = lineRows[AwardedLineIndex.key(lot: lot, number: number, zone: unit.unit.zone)] ?? false
      } else {
        let rows = t.rows.filter { unit.unit.covers(lot: $0.lotID, line: $0.lineNumber, zone: $0.zoneID) }
        isAsNeeded = !rows.isEmpty && rows.allSatisfy(\.isAsNeeded)
      }
      if isAsNeeded { found.insert(index) }
    }
    return found
  }

  /// An amount in cents, or a unit price (every decimal) for a unit of as-needed lines.
  static func money(_ amount: Decimal, isAsNeeded: Bool) -> String {
    isAsNeeded ? AwardPage.unitPrice(amount) + " per unit (as needed)" : AwardPage.money(amount)
  }

  static func standingText(_ standing: UnitEvaluation.Standing, isAsNeeded: Bool, _ t: BidTabulation) -> String {
    "\(name(of: standing.bidID, t)) (\(standing.bidID)), \(money(standing.amount, isAsNeeded: isAsNeeded))"
      + (standing.option.map { " at option \($0)" } ?? "")
  }

  /// How a tie was broken, in words: who tied, by what, when and before whom.
  static func tieText(_ unit: UnitEvaluation, _ t: BidTabulation) -> String {
    guard let tie = unit.tieBreak else {
      return unit.unresolvedTie.isEmpty ? "" : "unresolved: " + unit.unresolvedTie.joined(separator: ", ")
    }
    var text =
      "tied: " + tie.tied.map { name(of: $0, t) }.joined(separator: ", ") + "; broken by " + tie.method
    if let date = tie.date { text += " on \(date)" }
    if !tie.witnesses.isEmpty { text += ", witnessed by " + tie.witnesses.joined(separator: ", ") }
    if let location = tie.location { text += " (recorded in \(location.path))" }
    return text
  }

  /// Every line as awarded, with the supplier, the price (option, index and differential) and the amount.
  static func linesSection(_ t: BidTabulation) -> String {
    guard !t.awardedLines.isEmpty else { return "" }
    let e = AwardPage.escaped
    let solicitation = t.joint.solicitation
    var html = "<h2 id=\"lines-awarded\">Lines awarded</h2>\n<table class=\"awarded\">\n<thead><tr>"
    let hasZones = !t.joint.zones.isEmpty
    html += "<th>Lot</th><th>Line</th>\(hasZones ? "<th>Zone</th>" : "")<th>Supplier</th><th>Unit price</th>"
    html += "<th class=\"number\">Quantity</th><th class=\"number\">Extended price</th></tr></thead>\n<tbody>\n"
    for line in t.awardedLines {
      html += "<tr><td>\(e(line.lotID))</td><td>\(line.lineNumber)</td>"
      if hasZones { html += "<td>\(e(line.zoneID ?? ""))</td>" }
      html += "<td>\(e(line.supplier))</td><td>\(e(priceText(line, solicitation)))</td>"
      html += "<td class=\"number\">\(line.isAsNeeded ? "as needed" : AwardPage.quantity(line.quantity))</td>"
      html += "<td class=\"number\">\(line.isAsNeeded ? "" : AwardPage.money(line.extendedPrice))</td></tr>\n"
    }
    let total = t.awardedLines.reduce(Decimal(0)) { $0 + $1.extendedPrice }
    html += "</tbody>\n<tfoot><tr><td colspan=\"\(hasZones ? 6 : 5)\">Total awarded</td>"
    html += "<td class=\"number\">\(AwardPage.money(total))</td></tr></tfoot>\n</table>\n"
    return html
  }

  /// An awarded price in words: `2.71`, `option B: 2.71`, `option A: OPIS … + 0.1875 (2.6375 at 2.45)`.
  static func priceText(_ line: AwardedLine, _ solicitation: Solicitation) -> String {
    let option = line.price.option.map { "option \($0): " } ?? ""
    guard let differential = line.price.differential else {
      return option + AwardPage.unitPrice(line.price.unitPrice ?? line.price.evaluatedUnitPrice)
    }
    let reference = AwardPage.option(line.price.option, in: solicitation)?.referencePrice
    return option + (line.index ?? "index") + " " + AwardPage.differential(differential) + " ("
      + AwardPage.unitPrice(line.price.evaluatedUnitPrice)
      + (reference.map { " at the reference price \(AwardPage.unitPrice($0))" } ?? "") + ")"
  }
}
