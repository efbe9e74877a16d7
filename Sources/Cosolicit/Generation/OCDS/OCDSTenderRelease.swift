import Foundation

/// The tender stage as OCDS 1.1 (with the lots, bids, techniques and contract buyer extensions): one release per
/// variant built, each its own contracting process. `cosolicit build` writes the package to
/// `internal/ocds.json`.
///
/// Every participant is a party with the role `buyer`; the lead agency is also the `procuringEntity` (and only
/// that when it coordinates without needs of its own). Each line is an item with its classification, the
/// variant's quantity (committed and estimated; none for an as-needed line), its unit (UN/CEFACT) and its lot.
/// The piggyback-open variant is a framework agreement other agencies use without reopening competition.
public enum OCDSTenderRelease {
  /// The file's name in `internal/`.
  public static let fileName = "ocds.json"

  /// The release package of `variants` of `joint`, published on the day the last of them changed (the issue
  /// date, or the last addendum's).
  public static func package(_ joint: JointSolicitation, variants: [DocumentVariant]) -> JSONValue {
    let solicitation = joint.solicitation
    return OCDSPackage.package(
      variants.map { release(joint, variant: $0) }, solicitation: solicitation, stage: "tender",
      published: releaseDate(solicitation))
  }

  /// The release of `variant`: tagged `tender`, dated the issue date (or the last addendum's), with an id that
  /// changes with each addendum, since each addendum is a new release of the same process.
  public static func release(_ joint: JointSolicitation, variant: DocumentVariant) -> JSONValue {
    let solicitation = joint.solicitation
    let ocid = OCDSPackage.ocid(solicitation, variant: variant)
    let addendum = solicitation.addenda.map(\.number.value).max()
    var members: [(String, JSONValue)] = [
      ("ocid", .string(ocid)),
      ("id", .string(ocid + "-tender" + (addendum.map { "-addendum-\($0)" } ?? ""))),
      ("date", .string(releaseDate(solicitation))),
      ("tag", .array([.string("tender")])),
      ("initiationType", .string("tender")),
      ("language", .string("en")),
      ("parties", .array(parties(joint))),
    ]
    if let lead = solicitation.leadAgency {
      members.append(("buyer", OCDSPackage.reference(id: lead.id.value, name: lead.name)))
    }
    members.append(("tender", .object(tender(joint, variant: variant, status: "active") { _ in "active" })))
    return .object(members)
  }

  /// The day the tender was last published: the issue date or the latest addendum's, at midnight.
  static func releaseDate(_ solicitation: Solicitation) -> String {
    let days = [solicitation.schedule[.issue]].compactMap { $0 } + solicitation.addenda.map(\.issued.value)
    // A solicitation that reads without errors has an issue date; the epoch only stands in for a missing one.
    guard let day = days.max() else { return "1970-01-01T00:00:00Z" }
    return OCDSPackage.dateTime(day, zone: solicitation.content.timeZone)
  }

  /// The parties: the lead agency first (`procuringEntity`, and `buyer` when it has needs of its own), then
  /// every other participant (`buyer`), by agency id.
  static func parties(_ joint: JointSolicitation) -> [JSONValue] {
    let lead = joint.solicitation.leadAgency
    var parties: [JSONValue] = []
    if let lead {
      let buys = !VariantFigures.leadIsCoordinator(joint)
      parties.append(OCDSPackage.party(lead, roles: ["procuringEntity"] + (buys ? ["buyer"] : [])))
    }
    for participant in joint.participants where !Identifier.same(participant.agency.id.value, lead?.id.value) {
      parties.append(OCDSPackage.party(participant.agency, roles: ["buyer"]))
    }
    return parties
  }

  /// The tender's members for `variant`, with `status` for the tender and `lotStatus` for each lot (by id).
  static func tender(
    _ joint: JointSolicitation, variant: DocumentVariant, status: String, lotStatus: (String) -> String
  ) -> [(String, JSONValue)] {
    let solicitation = joint.solicitation
    let zone = solicitation.content.timeZone
    let figures = VariantFigures(joint, variant: variant)
    var members: [(String, JSONValue)] = [
      ("id", .string(variant == .joint ? solicitation.id : "\(solicitation.id)-\(variant.rawValue)")),
      ("title", .string(solicitation.title)),
    ]
    if let description = solicitation.description { members.append(("description", .string(description))) }
    members.append(("status", .string(status)))
    if let lead = solicitation.leadAgency {
      members.append(("procuringEntity", OCDSPackage.reference(id: lead.id.value, name: lead.name)))
    }
    members.append(("items", .array(items(joint, figures: figures))))
    if solicitation.publishEstimatedValues, joint.lines.contains(where: { $0.estimatedUnitPrice != nil }) {
      members.append(("value", OCDSPackage.value(figures.total.combined, currency: solicitation.currency)))
    }
    members.append(("procurementMethod", .string("open")))
    members.append(("procurementMethodDetails", .string(variant.title)))
    members.append(("mainProcurementCategory", .string("goods")))
    // Lines bought by the job, the hour or the month (grounds maintenance, a service call) are services.
    let serviceDimensions: [UnitOfMeasure.Dimension] = [.service, .lumpSum, .time, .calendarTime]
    if joint.lines.contains(where: { serviceDimensions.contains($0.unit.dimension) }) {
      members.append(("additionalProcurementCategories", .array([.string("services")])))
    }
    members += awardCriteria(solicitation)
    members += submission(solicitation.content.submission)
    members += periods(solicitation, zone: zone)
    members.append(
      (
        "lots",
        .array(
          joint.lots.map { lot in
            .object([
              ("id", .string(lot.lot.id.value)), ("title", .string(lot.lot.title)),
              ("status", .string(lotStatus(lot.lot.id.value))),
            ])
          })
      ))
    if variant == .piggyback {
      members.append(("techniques", techniques(solicitation, figures: figures)))
    }
    return members
  }

  /// One item per line: its classification, the variant's quantity (none when as needed), unit and lot.
  private static func items(_ joint: JointSolicitation, figures: VariantFigures) -> [JSONValue] {
    var items: [JSONValue] = []
    for (lot, lotFigures) in zip(joint.lots, figures.lots) {
      for (line, figure) in zip(lot.lines, lotFigures) {
        var members: [(String, JSONValue)] = [
          ("id", .string(OCDSPackage.itemID(line: line.number))),
          ("description", .string(line.description)),
          ("classification", OCDSPackage.classification(line.classification)),
        ]
        if !figure.isAsNeeded { members.append(("quantity", .number(figure.quantity))) }
        members.append(("unit", OCDSPackage.unit(line.unit.code, currency: joint.solicitation.currency)))
        members.append(("relatedLot", .string(lot.lot.id.value)))
        items.append(.object(members))
      }
    }
    return items
  }

  /// `awardCriteria` (`priceOnly` when price is the only criterion, else `ratedCriteria`) and the details: the
  /// award method and the published criteria with their weights.
  private static func awardCriteria(_ solicitation: Solicitation) -> [(String, JSONValue)] {
    let criteria = solicitation.evaluation
    let priceOnly = criteria.count <= 1 && criteria.allSatisfy { $0.criterion.lowercased().contains("price") }
    var details: [String] = []
    if let method = solicitation.awardMethod {
      let zoned = solicitation.zones != nil ? ", in each price zone" : ""
      let text =
        switch method {
        case .byLine: "Award by line\(zoned): each line to the lowest responsive unit price."
        case .byLot: "Award by lot\(zoned): each lot to the lowest responsive lot total with every line priced."
        case .allOrNone: "All or none: everything to the lowest responsive grand total with every line priced."
        case .byParticipant:
          "Award by participant: each participant's lines in its own zone, each line to the lowest responsive unit "
            + "price."
        }
      details.append(text)
    }
    if !criteria.isEmpty {
      let list = criteria.map { "\($0.criterion) \(DecimalText.format($0.weight))" }.joined(separator: "; ")
      details.append("Evaluation criteria (weights): \(list).")
    }
    var members: [(String, JSONValue)] = [("awardCriteria", .string(priceOnly ? "priceOnly" : "ratedCriteria"))]
    if !details.isEmpty { members.append(("awardCriteriaDetails", .string(details.joined(separator: " ")))) }
    return members
  }

  /// `submissionMethod` (`written` for sealed paper bids, `electronicSubmission` for the portal) and where.
  private static func submission(_ submission: Submission?) -> [(String, JSONValue)] {
    guard let submission else { return [] }
    var methods: [JSONValue] = []
    var details: [String] = []
    if submission.isSealed {
      methods.append(.string("written"))
      if let address = submission.address { details.append("Sealed bids to \(address).") }
    }
    if submission.isElectronic {
      methods.append(.string("electronicSubmission"))
      if let portal = submission.portalURL { details.append("Electronic bids at \(portal).") }
    }
    var members: [(String, JSONValue)] = [("submissionMethod", .array(methods))]
    if !details.isEmpty { members.append(("submissionMethodDetails", .string(details.joined(separator: " ")))) }
    return members
  }

  /// The tender, enquiry, award and contract periods the schedule and the term give.
  private static func periods(_ solicitation: Solicitation, zone: TimeZone?) -> [(String, JSONValue)] {
    let schedule = solicitation.schedule
    var members: [(String, JSONValue)] = []
    var tender: [(String, JSONValue)] = []
    if let issue = schedule[.issue] { tender.append(("startDate", .string(OCDSPackage.dateTime(issue, zone: zone)))) }
    if let due = schedule.responsesDue?.value {
      tender.append(("endDate", .string(OCDSPackage.dateTime(due, zone: zone))))
    }
    if !tender.isEmpty { members.append(("tenderPeriod", .object(tender))) }
    if let questions = schedule.moment(.questionsDue)?.value {
      let end =
        questions.hasTime
        ? OCDSPackage.dateTime(questions, zone: zone) : OCDSPackage.endOfDay(questions.date, zone: zone)
      members.append(("enquiryPeriod", .object([("endDate", .string(end))])))
    }
    if let target = schedule[.awardTarget] {
      var award: [(String, JSONValue)] = []
      if let due = schedule.responsesDue?.value {
        award.append(("startDate", .string(OCDSPackage.dateTime(due, zone: zone))))
      }
      award.append(("endDate", .string(OCDSPackage.endOfDay(target, zone: zone))))
      members.append(("awardPeriod", .object(award)))
    }
    if let term = solicitation.term { members.append(("contractPeriod", period(term, zone: zone))) }
    return members
  }

  /// The contract term as a period: its first day to the end of the initial term, and the end with every
  /// renewal as the maximum extent.
  static func period(_ term: ContractTerm, zone: TimeZone?) -> JSONValue {
    .object([
      ("startDate", .string(OCDSPackage.dateTime(term.start.value, zone: zone))),
      ("endDate", .string(OCDSPackage.endOfDay(term.end, zone: zone))),
      ("maxExtentDate", .string(OCDSPackage.endOfDay(term.endWithRenewals, zone: zone))),
    ])
  }

  /// The piggyback-open variant's framework agreement: used by other eligible agencies without reopening
  /// competition, for the term with renewals; its estimated value only when estimated values are published.
  private static func techniques(_ solicitation: Solicitation, figures: VariantFigures) -> JSONValue {
    var agreement: [(String, JSONValue)] = [("method", .string("withoutReopeningCompetition"))]
    if let cooperative = solicitation.cooperative {
      let eligible = cooperative.eligible.map(\.pluralName)
      let categories =
        cooperative.geography ?? (eligible.isEmpty ? nil : "Eligible: " + eligible.joined(separator: ", "))
      if let categories, !categories.isEmpty { agreement.append(("buyerCategories", .string(categories))) }
    }
    if solicitation.publishEstimatedValues, figures.lots.joined().contains(where: { $0.committedValue != nil }) {
      agreement.append(("value", OCDSPackage.value(figures.total.combined, currency: solicitation.currency)))
    }
    if let term = solicitation.term {
      let zone = solicitation.content.timeZone
      agreement.append(
        (
          "period",
          .object([
            ("startDate", .string(OCDSPackage.dateTime(term.start.value, zone: zone))),
            ("endDate", .string(OCDSPackage.endOfDay(term.endWithRenewals, zone: zone))),
          ])
        ))
    }
    return .object([("hasFrameworkAgreement", .bool(true)), ("frameworkAgreement", .object(agreement))])
  }
}
