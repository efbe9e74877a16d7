import Foundation

/// The bid tabulation as the public record behind the award: every bid received and whether it is responsive
/// (and why not), the lines as rows and the bidders as columns with their unit and extended prices, lot
/// subtotals and totals, the low responsive bid marked on each row (★ LOW in bold, visible without colour), each
/// bid's deviation from it, and the award of each unit. In HTML for people (landscape print pages) and CSV.
public enum TabulationDocument {
  /// The tabulation as a page of HTML.
  public static func html(_ t: BidTabulation) -> String {
    let solicitation = t.joint.solicitation
    let e = AwardPage.escaped
    var body = "<h1>Bid tabulation: solicitation \(e(solicitation.id))</h1>\n"
    body += "<p><strong>\(e(solicitation.title))</strong></p>\n"
    body += facts(t)
    body += "<p class=\"note\">\(e(legend(t)))</p>\n"
    body += bidsSection(t)
    body += pricesSection(t)
    body += TabulationAwardSection.html(t)
    return AwardPage.page(title: "Bid tabulation: solicitation \(solicitation.id)", body: body)
  }

  /// How to read the table, in words.
  static func legend(_ t: BidTabulation) -> String {
    let currency = t.joint.solicitation.currency
    var text =
      "Each row is a line of the solicitation"
      + (t.joint.zones.isEmpty ? "" : " in one price zone")
      + "; each bidder has three columns: the unit price, the extended price (unit price × quantity, rounded half "
      + "up to the cent) and the deviation from the row's low bid in percent. ★ LOW marks the lowest evaluated "
      + "unit price among the responsive bids that priced the row, in bold. Amounts are in \(currency)."
    if !t.joint.solicitation.priceOptions.isEmpty {
      text +=
        " Each price option a bid gives is listed; the price evaluated is marked (evaluated), a differential at "
        + "its option's reference price."
    }
    return text + " A nonresponsive bid's prices are shown for the record and cannot be low or win."
  }

  static func facts(_ t: BidTabulation) -> String {
    let solicitation = t.joint.solicitation
    let e = AwardPage.escaped
    var rows: [(String, String)] = []
    if let lead = solicitation.leadAgency { rows.append(("Lead agency", lead.name)) }
    if let method = solicitation.awardMethod { rows.append(("Award method", method.rawValue)) }
    if let due = solicitation.schedule.responsesDue {
      rows.append(("Responses due", due.value.spelled(in: solicitation.content.timeZone)))
    }
    for option in solicitation.priceOptions {
      var text = option.title
      if option.isDifferential {
        text += ": a differential over \(option.index ?? "the index")"
        if let reference = option.referencePrice {
          text += ", evaluated at a reference price of \(AwardPage.unitPrice(reference))"
        }
      } else {
        text += ": a unit price"
      }
      rows.append(("Option \(option.id.value)", text))
    }
    if let award = solicitation.awardPriceOption {
      rows.append(
        (
          "Option evaluated",
          award == .lowest ? "each bid's lowest evaluated option" : "option \(award.word)"
        ))
    }
    for zone in t.joint.zones.zones { rows.append(("Zone \(zone.id.value)", zone.title)) }
    rows.append(("Bids received", String(t.bids.count)))
    return "<dl class=\"facts\">\n"
      + rows.map { "<dt>\(e($0.0))</dt><dd>\(e($0.1))</dd>\n" }.joined() + "</dl>\n"
  }

  // MARK: - Bids

  static func bidsSection(_ t: BidTabulation) -> String {
    let e = AwardPage.escaped
    let zone = t.joint.solicitation.content.timeZone
    var html = "<h2 id=\"bids\">Bids received</h2>\n<table class=\"bids\">\n<thead><tr><th>Bid</th><th>Supplier</th>"
    html += "<th>Received</th><th>Responsive</th><th>Conditions</th></tr></thead>\n<tbody>\n"
    for bid in t.bids {
      var conditions: [String] = []
      if bid.isAllOrNone { conditions.append("all-or-none: awarded whole or not at all") }
      if bid.isLocal { conditions.append("local supplier") }
      let responsive =
        bid.isResponsive
        ? "Responsive"
        : "<span class=\"nonresponsive\">NONRESPONSIVE</span><ul>"
          + bid.reasons.map { "<li>\(e($0))</li>" }.joined() + "</ul>"
      html += "<tr><td>\(e(bid.id))</td><td>\(e(bid.supplier))</td>"
      html += "<td>\(e(bid.received.map { $0.spelled(in: zone) } ?? "not recorded"))</td>"
      html += "<td>\(responsive)</td><td>\(e(conditions.joined(separator: "; ")))</td></tr>\n"
    }
    return html + "</tbody>\n</table>\n"
  }

  // MARK: - Prices

  static func pricesSection(_ t: BidTabulation) -> String {
    let e = AwardPage.escaped
    let hasZones = !t.joint.zones.isEmpty
    let columns = lineColumns(t) + 3 * t.bids.count
    var html = "<h2 id=\"prices\">Prices</h2>\n<table class=\"tabulation\">\n<thead>\n<tr>"
    html += (["Lot", "Line"] + (hasZones ? ["Zone"] : []) + ["Item", "Description", "Quantity", "Unit"]).map {
      "<th rowspan=\"2\"\($0 == "Quantity" ? " class=\"number\"" : "")>\($0)</th>"
    }.joined()
    for bid in t.bids {
      html += "<th colspan=\"3\" class=\"bid\">\(e(bid.supplier))<br /><span class=\"small\">\(e(bid.id))</span>"
      if !bid.isResponsive { html += "<br /><span class=\"nonresponsive\">NONRESPONSIVE</span>" }
      html += "</th>"
    }
    html += "</tr>\n<tr>"
    html += String(
      repeating:
        "<th class=\"number\">Unit price</th><th class=\"number\">Extended</th><th class=\"number\">vs low</th>",
      count: t.bids.count)
    html += "</tr>\n</thead>\n<tbody>\n"
    for lot in t.joint.lots {
      let rows = t.rows.filter { Identifier.same($0.lotID, lot.lot.id.value) }
      guard !rows.isEmpty else { continue }
      html += "<tr class=\"lot\"><th colspan=\"\(columns)\">Lot \(e(lot.lot.id.value)): \(e(lot.lot.title))</th></tr>\n"
      for row in rows { html += rowHTML(row, t) }
      for (zone, zoneRows) in byZone(rows) {
        let label = "Lot \(lot.lot.id.value) subtotal" + (zone.map { ", zone \($0)" } ?? "")
        html += totalRow(label, rows: zoneRows, t, kind: "subtotal")
      }
    }
    for (zone, zoneRows) in byZone(t.rows) where zone != nil {
      html += totalRow("Total, zone \(zone ?? "")", rows: zoneRows, t, kind: "total")
    }
    html += totalRow("Grand total", rows: t.rows, t, kind: "total")
    return html + "</tbody>\n</table>\n"
  }

  /// How many columns describe a row before the bids': lot, line, zone (with zones), item, description,
  /// quantity, unit.
  static func lineColumns(_ t: BidTabulation) -> Int { t.joint.zones.isEmpty ? 6 : 7 }

  /// `rows` grouped by zone, in the order zones first appear (one group with a nil zone without zones).
  static func byZone(_ rows: [TabulationRow]) -> [(String?, [TabulationRow])] {
    var groups: [(String?, [TabulationRow])] = []
    for row in rows {
      if let index = groups.firstIndex(where: { Identifier.same($0.0, row.zoneID) }) {
        groups[index].1.append(row)
      } else {
        groups.append((row.zoneID, [row]))
      }
    }
    return groups
  }

  static func rowHTML(_ row: TabulationRow, _ t: BidTabulation) -> String {
    let e = AwardPage.escaped
    var html = "<tr class=\"line\"><td>\(e(row.lotID))</td><td>\(row.lineNumber)</td>"
    if !t.joint.zones.isEmpty { html += "<td>\(e(row.zoneID ?? ""))</td>" }
    html += "<td>\(e(row.itemID ?? "write-in"))</td>"
    html += "<td class=\"description\">\(e(row.description))</td>"
    html += "<td class=\"number\">\(row.isAsNeeded ? "as needed" : AwardPage.quantity(row.quantity))</td>"
    html += "<td>\(e(row.unit))</td>"
    for cell in row.cells { html += cellHTML(cell, row: row, t) }
    return html + "</tr>\n"
  }

  static func cellHTML(_ cell: TabulationCell, row: TabulationRow, _ t: BidTabulation) -> String {
    switch cell.answer {
    case .noBid: return "<td colspan=\"3\" class=\"answer\">no bid</td>"
    case .blank: return "<td colspan=\"3\" class=\"answer\">blank</td>"
    case .unreadable: return "<td colspan=\"3\" class=\"answer\">unreadable bid</td>"
    case .priced: break
    }
    let isLow = row.lowBidIDs.contains(cell.bidID)
    let solicitation = t.joint.solicitation
    var price = ""
    if isLow { price += "<span class=\"mark\">★ LOW</span> " }
    if solicitation.priceOptions.isEmpty {
      price += cell.evaluatedUnitPrice.map(AwardPage.unitPrice) ?? ""
    } else {
      for offered in cell.prices {
        let evaluated = offered.option != nil && offered.option == cell.evaluatedOption
        price +=
          "<span class=\"option\(evaluated ? " evaluated" : "")\">"
          + AwardPage.escaped(optionText(offered, solicitation)) + (evaluated ? " (evaluated)" : "") + "</span>"
      }
    }
    let low = isLow ? " low" : ""
    let extended = row.isAsNeeded ? "as needed" : cell.extendedPrice.map(AwardPage.money) ?? ""
    let deviation = isLow ? "LOW" : cell.deviationPercent.map(AwardPage.percent) ?? ""
    return "<td class=\"price\(low)\">\(price)</td><td class=\"number\(low)\">\(extended)</td>"
      + "<td class=\"number\(low)\">\(deviation)</td>"
  }

  /// One offered price in words: `B: 2.71`, `A: index + 0.1875 = 2.6375`.
  static func optionText(_ offered: OfferedPrice, _ solicitation: Solicitation) -> String {
    let id = offered.option.map { $0 + ": " } ?? ""
    if let differential = offered.differential {
      return id + "index " + AwardPage.differential(differential) + " = "
        + AwardPage.unitPrice(offered.evaluatedUnitPrice)
    }
    return id + AwardPage.unitPrice(offered.unitPrice ?? offered.evaluatedUnitPrice)
  }

  /// A subtotal or total row: each bid's extended prices over `rows`, and how many of them it left unpriced.
  static func totalRow(_ label: String, rows: [TabulationRow], _ t: BidTabulation, kind: String) -> String {
    var html = "<tr class=\"\(kind)\"><td colspan=\"\(lineColumns(t))\">\(AwardPage.escaped(label))</td>"
    for index in t.bids.indices {
      let sum = BidSum(rows: rows, bid: index)
      var text = sum.pricedCount == 0 ? "" : AwardPage.money(sum.amount)
      if sum.unpricedCount > 0, sum.pricedCount > 0 {
        text += "<br /><span class=\"small\">\(sum.unpricedCount) not priced</span>"
      }
      html += "<td colspan=\"3\" class=\"number\">\(text)</td>"
    }
    return html + "</tr>\n"
  }
}

/// One bid's extended prices over some rows: their sum, and how many rows with a quantity it priced or not.
struct BidSum {
  var amount = Decimal(0)
  var pricedCount = 0
  var unpricedCount = 0

  /// The sum of the cells of bid `bid` (its position) over `rows`; as-needed rows count for nothing.
  init(rows: [TabulationRow], bid: Int) {
    for row in rows where !row.isAsNeeded && bid < row.cells.count {
      if let extended = row.cells[bid].extendedPrice {
        amount += extended
        pricedCount += 1
      } else {
        unpricedCount += 1
      }
    }
  }
}
