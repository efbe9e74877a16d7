/// The `instructions` sheet of a needs request workbook: what the solicitation is, who leads it, when needs are
/// due, what the commitments mean, how to fill in the needs sheet, which units are accepted and where to send it.
enum NeedsRequestInstructions {
  /// The sheet for `form`.
  static func sheet(_ form: NeedsRequestForm) -> SpreadsheetSheet {
    var rows: [[SpreadsheetCell]] = []
    func heading(_ text: String) {
      if !rows.isEmpty { rows.append([]) }
      rows.append([.text(text, .title)])
    }
    func line(_ label: String, _ text: String) { rows.append([.text(label, .wrapped), .text(text, .wrapped)]) }

    let solicitation = form.solicitation
    heading("Needs request: \(solicitation.id)")
    line("Solicitation", "\(solicitation.id): \(solicitation.title)")
    if let lead = solicitation.leadAgency {
      line("Lead agency", lead.name)
      if let contact = contactText(lead.contact) { line("Contact", contact) }
    }
    if let agency = form.agency {
      line("Your agency", "\(agency.name) (\(agency.id.value)); its columns are filled in on every row: check them")
    } else {
      line(
        "Your agency",
        "Fill in agency_id (the id the lead agency gave you), agency_name and agency_type on every row you use")
    }
    if let due = solicitation.orderingWindowCloses?.value {
      line(
        "Needs due", "\(due): the ordering window closes; a form sent later is late, and the lead agency may refuse it")
    }
    if let term = solicitation.term {
      let renewals =
        term.renewalOptions == 0
        ? ""
        : "; up to \(term.renewalOptions) renewal\(term.renewalOptions == 1 ? "" : "s") of \(term.renewalMonths) "
          + "months, to \(term.endWithRenewals)"
      line("Contract term", "\(term.start.value) to \(term.end) (\(term.months) months)\(renewals)")
    }
    if let responses = solicitation.schedule[.responsesDue] {
      line("Bids due", "\(responses): suppliers bid on the pooled quantities after the needs are in")
    }
    line("Send it to", sendTo(solicitation))

    heading("How to fill in the needs sheet")
    for (number, step) in steps.enumerated() { line("\(number + 1).", step) }

    heading("Commitment")
    let band = form.solicitation.commitmentBand.map {
      " It commits within a band: your agency buys \($0.summary) of it (an item may have a band of its own)."
    }
    line(
      Commitment.binding.rawValue,
      "Your agency commits to buy this quantity under the contract. Suppliers price against it." + (band ?? ""))
    line(
      Commitment.estimate.rawValue,
      "What you expect to buy, without commitment. Bidders see it as an estimate; you are not bound to buy it.")

    heading("Units accepted")
    rows.append([
      .empty(.plain),
      .text("A code or a name, in any case, singular or plural: EA, each, XCS, case, cases, LBR, lb, pounds", .wrapped),
    ])
    rows.append([.text("code", .header), .text("unit", .header)])
    for unit in UnitTable.units {
      rows.append([
        .text(unit.code),
        .text(unit.isPackage ? "\(unit.name) (a package: counts through the item's packs)" : unit.name),
      ])
    }
    var sheet = SpreadsheetSheet(
      name: NeedsRequestWorkbook.instructionsSheetName, columns: [.init(width: 16), .init(width: 100)], rows: rows)
    // Instructions are read on paper too: one page wide, so that no line is cut.
    sheet.printsToPageWidth = true
    return sheet
  }

  private static let steps = [
    "Each row of the needs sheet is a catalog item. For each item you need, fill in quantity, unit and commitment; "
      + "leave the rows of items you do not need empty. The columns item to estimated_unit_price describe the item: "
      + "leave them as they are.",
    "unit: choose the item's base unit or one of its packs from the list (a pack of 12 counts as 12 of the base unit). "
      + "Other units of the same kind are accepted too: DZN for EA, KGM for LBR.",
    "commitment: binding or estimate (see below). quantity may be as-needed for an item you will order as needed "
      + "without a quantity (never binding). minimum_quantity (optional, on a binding row): the part of the quantity "
      + "you commit to when you commit to part of it; the rest is an estimate.",
    "deliver_to: the delivery site, with its street address. need_by: the date you need delivery, written yyyy-mm-dd "
      + "(such as 2027-08-02), on or after the contract term starts.",
    "releases (optional, instead of need_by): when the quantity is delivered in several releases over the term, "
      + "each release's date and quantity, separated by ';', as in \(NeedsReader.releasesExample). The quantities "
      + "must add up exactly to quantity, in the same unit; not on an as-needed row.",
    "spec: a requirement for the supplier, such as \"asset-tag before delivery\"; bidders see it. notes: remarks for "
      + "the lead agency.",
    "Something the catalog does not list: use a row at the end. Leave item empty; give a description and a full "
      + "classification code (such as UNSPSC:44111911), then quantity, unit and the rest.",
    "Save the workbook as it is (.xlsx), or as CSV UTF-8, and send it. Before sending you can check it with "
      + "cosolicit validate FILE, in a folder holding the solicitation's solicitation.yaml and catalog.",
  ]

  private static func contactText(_ contact: Agency.Contact?) -> String? {
    let parts = [contact?.name, contact?.email, contact?.phone].compactMap { $0 }
    return parts.isEmpty ? nil : parts.joined(separator: ", ")
  }

  private static func sendTo(_ solicitation: Solicitation) -> String {
    guard let lead = solicitation.leadAgency else { return "the lead agency" }
    let person = [lead.contact?.name, lead.contact?.email].compactMap { $0 }.joined(separator: ", ")
    let due = solicitation.orderingWindowCloses.map { ", by \($0.value)" } ?? ""
    return "\(lead.name)\(person.isEmpty ? "" : ": \(person)")\(due)"
  }
}
