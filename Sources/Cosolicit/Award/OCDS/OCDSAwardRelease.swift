import Foundation

/// The award stage as OCDS 1.1 (with the lots, bids, techniques and contract buyer extensions): `ocds.json` in
/// the award package, one release of the joint solicitation that carries the tender, every bid received, the
/// awards and one contract per buyer and supplier.
///
/// - `parties`: the tender's (every participant `buyer`, the lead agency `procuringEntity`), then each bid's
///   bidder as `tenderer` (id `bidder:<bid id>`), also `supplier` when it won a line.
/// - `bids.details`: each bid with the time received, `valid` or `disqualified` (nonresponsive), its bidder, the
///   lots it priced and its total at the evaluated prices.
/// - `awards`, only once every tie is resolved: one per winning bid (`award:<bid id>`), with its lots, its lines (the awarded
///   quantity and unit price) and its value, the sum of its lines' extended prices; `active` once the award date
///   is recorded (`awarded` in `award.yaml`), `pending` until then.
/// - `contracts`: one per participant and supplier (`contract:<agency id>:<bid id>`), with the participant as `buyer`, its own lines and
///   quantities from its award schedule, and the value its schedule gives (cents rounded per line, so the
///   contracts of an award may differ from it by the rounding the reconciliation states).
public enum OCDSAwardRelease {
  /// The file's name in the award package.
  public static let fileName = "ocds.json"

  /// The release package of tabulation `t`, with contracts from the participants' `schedules`; dated
  /// `awarded` (from `award.yaml`), else the award target, else the day responses were due.
  public static func package(_ t: BidTabulation, schedules: [ParticipantSchedule], awarded: CalendarDate?) -> JSONValue
  {
    let solicitation = t.joint.solicitation
    let day = awarded ?? solicitation.schedule[.awardTarget] ?? solicitation.schedule[.responsesDue]
    let date = day.map { OCDSPackage.dateTime($0, zone: solicitation.content.timeZone) } ?? "1970-01-01T00:00:00Z"
    return OCDSPackage.package(
      [release(t, schedules: schedules, status: awarded == nil ? "pending" : "active", date: date)],
      solicitation: solicitation, stage: "award", published: date)
  }

  /// The one release: tagged `tender`, and `award` and `contract` when it has them.
  static func release(
    _ t: BidTabulation, schedules: [ParticipantSchedule], status: String, date: String
  )
    -> JSONValue
  {
    let joint = t.joint
    let solicitation = joint.solicitation
    let ocid = OCDSPackage.ocid(solicitation)
    let awards = t.isAwarded ? self.awards(t, status: status, date: date) : []
    let contracts = t.isAwarded ? self.contracts(t, schedules: schedules) : []
    let tag = ["tender"] + (awards.isEmpty ? [] : ["award"]) + (contracts.isEmpty ? [] : ["contract"])
    var members: [(String, JSONValue)] = [
      ("ocid", .string(ocid)),
      ("id", .string(ocid + (t.isAwarded ? "-award" : "-tabulation"))),
      ("date", .string(date)),
      ("tag", .array(tag.map(JSONValue.string))),
      ("initiationType", .string("tender")),
      ("language", .string("en")),
      ("parties", .array(OCDSTenderRelease.parties(joint) + bidders(t))),
    ]
    if let lead = solicitation.leadAgency {
      members.append(("buyer", OCDSPackage.reference(id: lead.id.value, name: lead.name)))
    }
    let awardedLots = Set(t.awardedLines.map { Identifier.key($0.lotID) })
    var tender = OCDSTenderRelease.tender(
      joint, variant: .joint, status: t.isAwarded ? "complete" : "active"
    ) { lot in
      guard t.isAwarded else { return "active" }
      return awardedLots.contains(Identifier.key(lot)) ? "complete" : "unsuccessful"
    }
    tender.append(("numberOfTenderers", .integer(t.bids.count)))
    tender.append(("tenderers", .array(t.bids.map(bidder))))
    members.append(("tender", .object(tender)))
    members.append(("bids", .object([("details", .array(t.bids.map { bid($0, t) }))])))
    if !awards.isEmpty { members.append(("awards", .array(awards))) }
    if !contracts.isEmpty { members.append(("contracts", .array(contracts))) }
    return .object(members)
  }

  /// The party id of the bidder of bid `id`: `bidder:<bid id>`, apart from every agency id (ids have no colon).
  static func bidderID(_ id: String) -> String { "bidder:\(id)" }

  /// The award id of the bid `id` won: `award:<bid id>`.
  static func awardID(_ id: String) -> String { "award:\(id)" }

  /// A reference to the bidder of `bid`.
  private static func bidder(_ bid: TabulatedBid) -> JSONValue {
    OCDSPackage.reference(id: bidderID(bid.id), name: bid.supplier)
  }

  /// Each bid's bidder as a party: `tenderer`, and `supplier` when it won a line.
  private static func bidders(_ t: BidTabulation) -> [JSONValue] {
    let winners = t.isAwarded ? Set(t.awardedLines.map(\.bidID)) : []
    return t.bids.map { bid in
      .object([
        ("id", .string(bidderID(bid.id))), ("name", .string(bid.supplier)),
        ("roles", .array((["tenderer"] + (winners.contains(bid.id) ? ["supplier"] : [])).map(JSONValue.string))),
      ])
    }
  }

  /// A bid's details: when received, valid or disqualified, its bidder, the lots it priced and its total at
  /// the evaluated prices (the rows it priced; none when it priced no row with a quantity).
  private static func bid(_ bid: TabulatedBid, _ t: BidTabulation) -> JSONValue {
    let solicitation = t.joint.solicitation
    var members: [(String, JSONValue)] = [("id", .string(bid.id))]
    if let received = bid.received {
      members.append(("date", .string(OCDSPackage.dateTime(received, zone: solicitation.content.timeZone))))
    }
    members.append(("status", .string(bid.isResponsive ? "valid" : "disqualified")))
    members.append(("tenderers", .array([bidder(bid)])))
    var lots: [String] = []
    var total: Decimal?
    for row in t.rows {
      guard let cell = row.cells.first(where: { $0.bidID == bid.id }), cell.answer == .priced else { continue }
      if !lots.contains(where: { Identifier.same($0, row.lotID) }) { lots.append(row.lotID) }
      if let extended = cell.extendedPrice { total = (total ?? 0) + extended }
    }
    if !lots.isEmpty { members.append(("relatedLots", .array(lots.map(JSONValue.string)))) }
    if let total { members.append(("value", OCDSPackage.value(total, currency: solicitation.currency))) }
    return .object(members)
  }

  /// One award per winning bid, in the order of its first awarded line.
  private static func awards(_ t: BidTabulation, status: String, date: String) -> [JSONValue] {
    let solicitation = t.joint.solicitation
    let lines = Dictionary(t.joint.lines.map { ($0.number, $0) }, uniquingKeysWith: { first, _ in first })
    var order: [String] = []
    var won: [String: [AwardedLine]] = [:]
    for line in t.awardedLines {
      if won[line.bidID] == nil { order.append(line.bidID) }
      won[line.bidID, default: []].append(line)
    }
    return order.map { bidID in
      let awarded = won[bidID] ?? []
      let supplier = t.bid(bidID)?.supplier ?? awarded.first?.supplier ?? bidID
      var members: [(String, JSONValue)] = [
        ("id", .string(awardID(bidID))), ("title", .string("Award to \(supplier)")),
      ]
      if let description = secondaryNote(t, awarded: awarded) { members.append(("description", .string(description))) }
      members.append(("status", .string(status)))
      members.append(("date", .string(date)))
      let value = awarded.reduce(Decimal(0)) { $0 + $1.extendedPrice }
      members.append(("value", OCDSPackage.value(value, currency: solicitation.currency)))
      members.append(("suppliers", .array([OCDSPackage.reference(id: bidderID(bidID), name: supplier)])))
      members.append(
        (
          "items",
          .array(
            awarded.map { line in
              item(
                line: line.lineNumber, zone: line.zoneID, lot: line.lotID, source: lines[line.lineNumber],
                quantity: line.isAsNeeded ? nil : line.quantity, unitPrice: line.price.unitPrice,
                currency: solicitation.currency)
            })
        ))
      if let term = solicitation.term {
        members.append(("contractPeriod", OCDSTenderRelease.period(term, zone: solicitation.content.timeZone)))
      }
      var lots: [String] = []
      for line in awarded where !lots.contains(where: { Identifier.same($0, line.lotID) }) { lots.append(line.lotID) }
      members.append(("relatedLots", .array(lots.map(JSONValue.string))))
      members.append(("relatedBid", .string(bidID)))
      return .object(members)
    }
  }

  /// Names the secondary (backup) suppliers of the award units `awarded` lines were won in, when the
  /// solicitation names them.
  private static func secondaryNote(_ t: BidTabulation, awarded: [AwardedLine]) -> String? {
    var notes: [String] = []
    for evaluation in t.units where !evaluation.secondary.isEmpty {
      guard awarded.contains(where: { $0.unit == evaluation.unit }) else { continue }
      let names = evaluation.secondary.map { t.bid($0.bidID)?.supplier ?? $0.bidID }.joined(separator: " and ")
      notes.append("\(evaluation.unit): \(names)")
    }
    return notes.isEmpty ? nil : "Secondary (backup) supplier: " + notes.joined(separator: "; ") + "."
  }

  /// One contract per participant and supplier: the participant's own awarded lines, at its quantities.
  private static func contracts(_ t: BidTabulation, schedules: [ParticipantSchedule]) -> [JSONValue] {
    let solicitation = t.joint.solicitation
    let lines = Dictionary(t.joint.lines.map { ($0.number, $0) }, uniquingKeysWith: { first, _ in first })
    var contracts: [JSONValue] = []
    for schedule in schedules {
      var order: [String] = []
      var bought: [String: [ParticipantSchedule.Line]] = [:]
      for line in schedule.lines {
        guard let award = line.award else { continue }
        if bought[award.bidID] == nil { order.append(award.bidID) }
        bought[award.bidID, default: []].append(line)
      }
      let agency = schedule.participant
      for bidID in order {
        let own = bought[bidID] ?? []
        let supplier = t.bid(bidID)?.supplier ?? own.first?.award?.supplier ?? bidID
        var members: [(String, JSONValue)] = [
          ("id", .string("contract:\(agency.id.value):\(bidID)")), ("awardID", .string(awardID(bidID))),
          ("title", .string("\(agency.name): \(supplier)")), ("status", .string("pending")),
          ("buyer", OCDSPackage.reference(id: agency.id.value, name: agency.name)),
        ]
        let value = own.reduce(Decimal(0)) { $0 + ($1.extendedPrice ?? 0) }
        members.append(("value", OCDSPackage.value(value, currency: solicitation.currency)))
        members.append(
          (
            "items",
            .array(
              own.map { line in
                item(
                  line: line.lineNumber, zone: line.zoneID, lot: line.lotID, source: lines[line.lineNumber],
                  description: line.description, unit: line.unit, quantity: line.quantity,
                  unitPrice: line.award?.price.unitPrice, currency: solicitation.currency)
              })
          ))
        if let term = solicitation.term {
          members.append(("period", OCDSTenderRelease.period(term, zone: solicitation.content.timeZone)))
        }
        contracts.append(.object(members))
      }
    }
    return contracts
  }

  /// An awarded or contracted item: line `line` (in `zone`) of `lot`, described and classified as the
  /// solicitation's line `source`, with its quantity (none when as needed) and, for a fixed unit price, the
  /// price of one unit.
  private static func item(
    line: Int, zone: String?, lot: String, source: SolicitationLine?, description: String? = nil,
    unit: String? = nil, quantity: Decimal?, unitPrice: Decimal?, currency: String
  ) -> JSONValue {
    var members: [(String, JSONValue)] = [
      ("id", .string(OCDSPackage.itemID(line: line, zone: zone))),
      ("description", .string(description ?? source?.description ?? "line \(line)")),
    ]
    if let source { members.append(("classification", OCDSPackage.classification(source.classification))) }
    if let quantity { members.append(("quantity", .number(quantity))) }
    if let code = unit ?? source?.unit.code {
      members.append(("unit", OCDSPackage.unit(code, price: unitPrice, currency: currency)))
    }
    members.append(("relatedLot", .string(lot)))
    return .object(members)
  }
}
