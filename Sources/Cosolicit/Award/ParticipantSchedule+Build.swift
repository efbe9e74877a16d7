import Foundation

extension ParticipantSchedule {
  /// One schedule per participant of `tabulation` with a share of some line, in participant order (a
  /// coordinating lead without needs gets none).
  ///
  /// Each share is one schedule line, in solicitation order (a participant with several shares of a line, for
  /// several delivery sites, has one schedule line per share): the line awarded in the participant's zone, its
  /// own quantity, commitment and band, where and when it is delivered, and its extended price, the awarded
  /// evaluated unit price × its quantity rounded half up to cents on the line. A line not awarded (no responsive
  /// bid, or a tie still unresolved) has no award and no extended price; an as-needed share has no quantity and
  /// no extended price.
  public static func schedules(for tabulation: BidTabulation) -> [ParticipantSchedule] {
    let joint = tabulation.joint
    let awards = AwardedLineIndex(tabulation.awardedLines)
    var linesByAgency: [String: [Line]] = [:]
    for line in joint.lines {
      for share in line.shares {
        let zoneID = joint.zones.zoneIndex(of: share.agencyID).map { joint.zones.zones[$0].id.value }
        let award = awards.line(lot: line.lotID, number: line.number, zone: zoneID)
        linesByAgency[Identifier.key(share.agencyID), default: []].append(
          Self.line(of: share, on: line, zone: zoneID, award: award))
      }
    }
    return joint.participants.compactMap { participant in
      guard let lines = linesByAgency[Identifier.key(participant.agency.id.value)], !lines.isEmpty else {
        return nil
      }
      let total = lines.reduce(Decimal(0)) { $0 + ($1.extendedPrice ?? 0) }
      return ParticipantSchedule(participant: participant.agency, lines: lines, total: total)
    }
  }

  /// The schedule line of `share` of `line`, in zone `zone`, awarded as `award` (nil: not awarded).
  static func line(of share: Share, on line: SolicitationLine, zone: String?, award: AwardedLine?) -> Line {
    let quantities = share.quantities
    let quantity: Decimal? = share.isAsNeeded ? nil : share.quantity
    let isRange = share.commitment == .binding && !share.isAsNeeded
    let converted = Self.releases(of: share, on: line)
    var scheduled = Line(
      lotID: line.lotID, lineNumber: line.number, itemID: line.itemID, description: line.description,
      unit: line.unit.code, zoneID: zone, award: award, quantity: quantity, commitment: share.commitment,
      minimumQuantity: isRange && quantities.minimum != quantities.nominal ? quantities.minimum : nil,
      maximumQuantity: isRange && quantities.maximum != quantities.nominal ? quantities.maximum : nil,
      deliverTo: share.deliverTo, needBy: share.needBy, releases: converted.releases,
      extendedPrice: nil)
    scheduled.releaseUnit = converted.unit
    if let award, let quantity {
      scheduled.extendedPrice = AwardAmount.extended(award.price.evaluatedUnitPrice, quantity)
    }
    return scheduled
  }

  /// The share's releases in the line's unit when the participant wrote another unit and the conversion is
  /// exact and still sums to the share; otherwise as written, with the unit written (nil: the line's unit).
  static func releases(of share: Share, on line: SolicitationLine) -> (releases: [DeliveryRelease]?, unit: String?) {
    guard let releases = share.releases else { return (nil, nil) }
    guard share.originalUnit != line.unit else { return (releases, nil) }
    if share.isExact, share.originalQuantity > 0 {
      let factor = share.quantity / share.originalQuantity
      let converted = releases.map { DeliveryRelease(date: $0.date, quantity: $0.quantity * factor) }
      if converted.reduce(Decimal(0), { $0 + $1.quantity }) == share.quantity { return (converted, nil) }
    }
    return (releases, share.originalUnit.code)
  }
}

/// The awarded lines of a tabulation by lot, line and zone, in any case.
struct AwardedLineIndex {
  private var lines: [String: AwardedLine] = [:]

  /// The index of `awarded`.
  init(_ awarded: [AwardedLine]) {
    for line in awarded {
      lines[Self.key(lot: line.lotID, number: line.lineNumber, zone: line.zoneID)] = line
    }
  }

  /// The line `number` of lot `lot` as awarded in zone `zone` (nil without zones), if it was awarded.
  func line(lot: String, number: Int, zone: String?) -> AwardedLine? {
    lines[Self.key(lot: lot, number: number, zone: zone)]
  }

  static func key(lot: String, number: Int, zone: String?) -> String {
    "\(Identifier.key(lot))\u{0}\(number)\u{0}\(zone.map(Identifier.key) ?? "")"
  }
}

/// The award's money rule: an extended price is the unit price × the quantity, rounded half up to cents.
enum AwardAmount {
  /// `unitPrice × quantity`, rounded half up to cents (exact; past `Decimal`'s 38 digits, rounded as `*` does).
  static func extended(_ unitPrice: Decimal, _ quantity: Decimal) -> Decimal {
    if let exact = BidCheck.extendedPrice(unitPrice: unitPrice, quantity: quantity) { return exact }
    return cents(unitPrice * quantity)
  }

  /// `amount` rounded half up to cents.
  static func cents(_ amount: Decimal) -> Decimal {
    var value = amount
    var rounded = Decimal()
    NSDecimalRound(&rounded, &value, 2, .plain)
    return rounded
  }
}
