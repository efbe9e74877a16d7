import Foundation

/// The values templates render, computed and formatted in Swift so that templates stay logic-less: exact
/// quantities as written decimals, amounts with cents and thousands separators, flags for optional parts.
struct DocumentContext {
  let joint: JointSolicitation
  let variant: DocumentVariant

  static let generator = "Cosolicit 0.1.0"

  var solicitation: Solicitation { joint.solicitation }
  var leadID: String? { solicitation.leadAgency?.id.value }

  /// Everything the RFP and the bid forms of this variant show.
  var values: [String: Any] {
    var values: [String: Any] = [
      "generator": Self.generator,
      "variant": variant.rawValue,
      "isJoint": variant == .joint,
      "isPiggyback": variant == .piggyback,
      "variantTitle": variant.title,
      "solicitation": solicitationValues,
      "schedule": scheduleValues,
      "terms": ["delivery": solicitation.terms.delivery, "payment": solicitation.terms.payment],
      "evaluation": solicitation.evaluation.map {
        ["criterion": $0.criterion, "weight": DecimalText.format($0.weight)] as [String: Any]
      },
      "lots": lotValues,
      "lineCount": joint.lines.count,
      "totals": totalValues,
      "participants": participantValues,
      "participantCount": joint.participants.count,
      "deliverySchedule": deliveryValues,
    ]
    if let term = solicitation.term {
      values["term"] =
        [
          "start": term.start.value.description, "end": term.end.description, "months": term.months,
          "renewalOptions": term.renewalOptions, "renewalMonths": term.renewalMonths,
          "hasRenewals": term.renewalOptions > 0, "endWithRenewals": term.endWithRenewals.description,
        ] as [String: Any]
    }
    if variant == .piggyback {
      values["otherAgencies"] = otherAgencyValues
      values["hasOtherAgencies"] = !otherAgencyValues.isEmpty
      values["cooperative"] = cooperativeValues
      values["conditions"] = conditionValues
    }
    return values
  }

  private var solicitationValues: [String: Any] {
    let lead = solicitation.leadAgency
    let due = solicitation.schedule[.responsesDue]?.description
    return [
      "id": solicitation.id, "title": solicitation.title, "description": solicitation.description ?? "",
      "hasDescription": solicitation.description != nil, "currency": solicitation.currency,
      "awardMethod": solicitation.awardMethod?.rawValue ?? "by-line",
      "awardMethodText": Self.awardText(solicitation.awardMethod ?? .byLine),
      "leadAgency": lead?.name ?? "", "leadAgencyID": lead?.id.value ?? "",
      "leadAgencyType": lead?.type?.displayName ?? "public agency", "leadState": lead?.state ?? "",
      "contactName": lead?.contact?.name ?? "", "contactEmail": lead?.contact?.email ?? "",
      "contactPhone": lead?.contact?.phone ?? "", "hasContact": lead?.contact != nil,
      "responsesDue": due ?? "", "hasResponsesDue": due != nil,
      "issue": solicitation.schedule[.issue]?.description ?? "",
      "orderingWindowCloses": solicitation.orderingWindowCloses?.value.description ?? "",
      "formalBidThreshold": solicitation.formalBidThreshold.map(MoneyText.format) ?? "",
      "hasFormalBidThreshold": solicitation.formalBidThreshold != nil,
    ]
  }

  static func awardText(_ method: AwardMethod) -> String {
    switch method {
    case .byLine: "by line: each line may be awarded to a different bidder"
    case .byLot: "by lot: each lot is awarded to one bidder, who must price every line of the lot"
    case .allOrNone: "all or none: everything is awarded to one bidder, who must price every line"
    }
  }

  private var scheduleValues: [[String: Any]] {
    let names: [Schedule.Event: String] = [
      .issue: "Solicitation issued", .questionsDue: "Written questions due",
      .preBidConference: "Pre-bid conference", .responsesDue: "Responses due",
      .awardTarget: "Award (target)",
    ]
    return Schedule.Event.allCases.compactMap { event in
      solicitation.schedule[event].map { ["event": names[event] ?? event.rawValue, "date": $0.description] }
    }
  }

  /// A line's published values in this variant.
  func lineValues(_ line: SolicitationLine) -> [String: Any] {
    let (committed, estimated) = variant.quantities(of: line, leadAgency: leadID)
    let quantity = committed + estimated
    let price = line.estimatedUnitPrice
    let basis =
      estimated == 0 ? "committed" : committed == 0 ? "estimated" : "committed and estimated"
    return [
      "number": line.number, "item": line.itemID ?? "", "hasItem": line.itemID != nil,
      "description": line.description, "classification": line.classification.description,
      "unit": line.unit.code, "unitName": line.unit.name,
      "committedQuantity": DecimalText.format(committed), "estimatedQuantity": DecimalText.format(estimated),
      "quantity": DecimalText.format(quantity), "hasCommitted": committed > 0, "hasEstimated": estimated > 0,
      "basis": basis, "isWriteIn": line.isWriteIn,
      "estimatedUnitPrice": price.map(MoneyText.unitPrice) ?? "", "hasPrice": price != nil,
      "committedValue": price.map { MoneyText.format(committed * $0) } ?? "",
      "estimatedValue": price.map { MoneyText.format(estimated * $0) } ?? "",
      "deliverySites": line.deliverySites.joined(separator: "; "),
      "earliestNeedBy": earliestNeedBy(of: line)?.description ?? "",
    ]
  }

  /// The earliest date the committed volume is needed by: any share's in a joint solicitation, the lead
  /// agency's binding shares' in a piggyback-open one (the others may never order).
  func earliestNeedBy(of line: SolicitationLine) -> CalendarDate? {
    switch variant {
    case .joint: line.earliestNeedBy
    case .piggyback:
      line.shares.filter { $0.agencyID == leadID && $0.commitment == .binding }.compactMap(\.needBy).min()
    }
  }

  private var lotValues: [[String: Any]] {
    joint.lots.map { lot in
      let values = lot.lines.map { variantValue(of: $0) }
      return [
        "id": lot.lot.id.value, "title": lot.lot.title,
        "classifications": lot.lot.classifications.map(\.description).joined(separator: ", "),
        "lineCount": lot.lines.count, "hasLines": !lot.lines.isEmpty,
        "lines": lot.lines.map(lineValues),
        "committedValue": MoneyText.format(values.reduce(Decimal(0)) { $0 + $1.committed }),
        "estimatedValue": MoneyText.format(values.reduce(Decimal(0)) { $0 + $1.estimated }),
      ] as [String: Any]
    }
  }

  /// A line's committed and estimated value in this variant (zero without a price).
  func variantValue(of line: SolicitationLine) -> (committed: Decimal, estimated: Decimal) {
    guard let price = line.estimatedUnitPrice else { return (0, 0) }
    let (committed, estimated) = variant.quantities(of: line, leadAgency: leadID)
    return (committed * price, estimated * price)
  }

  private var totalValues: [String: Any] {
    let values = joint.lines.map { variantValue(of: $0) }
    let committed = values.reduce(Decimal(0)) { $0 + $1.committed }
    let estimated = values.reduce(Decimal(0)) { $0 + $1.estimated }
    return [
      "committedValue": MoneyText.format(committed), "estimatedValue": MoneyText.format(estimated),
      "combinedValue": MoneyText.format(committed + estimated),
      "unpricedLines": joint.totals.unpricedLineCount, "hasUnpricedLines": joint.totals.unpricedLineCount > 0,
    ]
  }

  private func participantValue(_ participant: ParticipantSummary) -> [String: Any] {
    let agency = participant.agency
    return [
      "id": agency.id.value, "name": agency.name, "typeName": agency.type?.displayName ?? "public entity",
      "state": agency.state ?? "", "lineCount": participant.lineCount,
      "committedValue": MoneyText.format(participant.committedValue),
      "estimatedValue": MoneyText.format(participant.estimatedValue),
      "signerName": agency.signer?.name ?? "", "signerTitle": agency.signer?.title ?? "",
      "hasSigner": agency.signer?.name != nil, "isLead": agency.id.value == leadID,
    ]
  }

  /// The parties bound: every participant in a joint solicitation, only the lead agency in a piggyback one.
  private var participantValues: [[String: Any]] {
    joint.participants.filter { variant == .joint || $0.agency.id.value == leadID }.map(participantValue)
  }

  /// In a piggyback-open solicitation, the agencies whose volumes are shown as estimates.
  private var otherAgencyValues: [[String: Any]] {
    joint.participants.filter { $0.agency.id.value != leadID }.map { participant in
      [
        "name": participant.agency.name, "typeName": participant.agency.type?.displayName ?? "public entity",
        "estimatedValue": MoneyText.format(participant.committedValue + participant.estimatedValue),
      ] as [String: Any]
    }
  }

  /// What each bound participant receives, where and by when.
  private var deliveryValues: [[String: Any]] {
    let bound = Set(participantValues.compactMap { $0["id"] as? String })
    // Each share is visited once, grouped by agency in line order; quantities repeat, so each is formatted once.
    var deliveries: [String: [[String: Any]]] = [:]
    var quantities = DecimalText.Memo()
    for line in joint.lines {
      for share in line.shares where bound.contains(share.agencyID) {
        let quantity = quantities.format(share.quantity)
        deliveries[share.agencyID, default: []].append([
          "line": String(line.number), "item": line.itemID ?? "write-in", "description": line.description,
          "quantity": quantity, "unit": line.unit.code,
          "commitment": share.commitment == .binding ? "committed" : "estimated",
          "deliverTo": share.deliverTo ?? "", "needBy": share.needBy?.description ?? "",
        ])
      }
    }
    return joint.participants.filter { bound.contains($0.agency.id.value) }.map { participant in
      let id = participant.agency.id.value
      return ["agencyID": id, "name": participant.agency.name, "deliveries": deliveries[id] ?? []] as [String: Any]
    }
  }
}
