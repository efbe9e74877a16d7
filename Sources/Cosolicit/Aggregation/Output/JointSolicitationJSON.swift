import Foundation

extension JointSolicitation {
  /// The version of the JSON contract, written as `format`.
  public static let jsonFormat = "cosolicit.joint-solicitation/1"

  /// The joint solicitation as the JSON document later stages and other tools read (documented in the README).
  public var json: JSONValue {
    .object([
      ("format", .string(Self.jsonFormat)),
      (
        "solicitation",
        .object([
          ("id", .string(solicitation.id)), ("title", .string(solicitation.title)),
          ("currency", .string(solicitation.currency)),
          ("lead_agency", .text(solicitation.leadAgency?.id.value)),
          ("award_method", .text(solicitation.awardMethod?.rawValue)),
        ])
      ),
      ("participants", .array(participants.map(\.json))),
      ("lots", .array(lots.map(\.json))),
      ("totals", totalsJSON),
      ("review", .array(review.map(\.json))),
      ("threshold", threshold.json),
    ])
  }

  private var totalsJSON: JSONValue {
    var members = totals.json.objectMembers
    members.append(("participants", .integer(participants.count)))
    members.append(
      (
        "participants_by_type",
        .object(
          EntityType.allCases.compactMap { type in participantsByType[type].map { (type.rawValue, .integer($0)) } })
      ))
    members.append(("shares", .integer(lines.reduce(0) { $0 + $1.shares.count })))
    return .object(members)
  }
}

extension JSONValue {
  fileprivate var objectMembers: [(String, JSONValue)] {
    if case .object(let members) = self { return members }
    return []
  }
}

extension QuantityTotals {
  var json: JSONValue {
    .object([
      ("committed_quantity", .object(committedQuantity.keys.sorted().map { ($0, .decimal(committedQuantity[$0]!)) })),
      ("estimated_quantity", .object(estimatedQuantity.keys.sorted().map { ($0, .decimal(estimatedQuantity[$0]!)) })),
      ("committed_value", .decimal(committedValue)),
      ("estimated_value", .decimal(estimatedValue)),
      ("lines", .integer(lineCount)),
      ("unpriced_lines", .integer(unpricedLineCount)),
    ])
  }
}

extension ParticipantSummary {
  var json: JSONValue {
    .object([
      ("agency", .string(agency.id.value)), ("name", .string(agency.name)),
      ("type", .text(agency.type?.rawValue)), ("state", .text(agency.state)),
      ("file", .string(path)), ("submitted", .text(submitted?.description)),
      ("lines", .integer(lineCount)), ("binding_lines", .integer(bindingLineCount)),
      ("committed_value", .decimal(committedValue)), ("estimated_value", .decimal(estimatedValue)),
    ])
  }
}

extension AggregatedLot {
  var json: JSONValue {
    .object([
      ("id", .string(lot.id.value)), ("title", .string(lot.title)),
      ("lines", .array(lines.map(\.json))),
      ("totals", totals.json),
    ])
  }
}

extension SolicitationLine {
  var json: JSONValue {
    .object([
      ("line", .integer(number)), ("item", .text(itemID)), ("write_in", .bool(isWriteIn)),
      ("description", .string(description)), ("classification", .string(classification.description)),
      ("unit", .string(unit.code)),
      ("committed_quantity", .decimal(committedQuantity)), ("estimated_quantity", .decimal(estimatedQuantity)),
      ("estimated_unit_price", .decimal(estimatedUnitPrice)),
      ("committed_value", .decimal(committedValue)), ("estimated_value", .decimal(estimatedValue)),
      ("delivery_sites", .array(deliverySites.map(JSONValue.string))),
      ("earliest_need_by", .text(earliestNeedBy?.description)),
      ("shares", .array(shares.map(\.json))),
    ])
  }
}

extension Share {
  var json: JSONValue {
    .object([
      ("agency", .string(agencyID)), ("agency_name", .string(agencyName)),
      ("quantity", .decimal(quantity)), ("exact", .bool(isExact)),
      ("original_quantity", .decimal(originalQuantity)), ("original_unit", .string(originalUnit.code)),
      ("commitment", .string(commitment.rawValue)), ("deliver_to", .text(deliverTo)),
      ("need_by", .text(needBy?.description)), ("notes", .text(notes)),
      ("source", .string("\(source.path):\(source.line)")),
    ])
  }
}

extension ReviewItem {
  var json: JSONValue {
    .object([
      ("kind", .string(kind.rawValue)), ("message", .string(message)),
      ("line", line.map { .integer($0) } ?? .null), ("agency", .text(agencyID)),
      ("sources", .array(sources.map { .string("\($0.path):\($0.line)") })),
    ])
  }
}

extension ThresholdCheck {
  var json: JSONValue {
    .object([
      ("formal_bid_threshold", .decimal(formalBidThreshold)),
      ("combined_value", .decimal(combinedValue)),
      ("requires_formal_process", requiresFormalProcess.map { .bool($0) } ?? .null),
      ("unpriced_lines", .integer(unpricedLineCount)),
      (
        "participants_below",
        .array(participantsBelow.map { .object([("agency", .string($0.agencyID)), ("value", .decimal($0.value))]) })
      ),
    ])
  }
}
