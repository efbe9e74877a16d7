import Foundation

extension JointSolicitation {
  /// The version of the JSON contract, written as `format`.
  public static let jsonFormat = "cosolicit.joint-solicitation/1"

  /// The joint solicitation as the JSON document later stages and other tools read (documented in the README),
  /// ending with a newline.
  public var jsonText: String {
    var text = ""
    writeJSON { text += $0 }
    return text
  }

  /// Writes the JSON document in parts to `emit`. Lines and shares are never held as a tree: batches of lines
  /// are written on every core, four levels deep (document, lots, lot, lines), and handed over in order.
  func writeJSON(_ emit: (String) throws -> Void) rethrows {
    var writer = JSONWriter()
    writer.beginObject()
    writer.member("format", .string(Self.jsonFormat))
    writer.member(
      "solicitation",
      .object([
        ("id", .string(solicitation.id)), ("title", .string(solicitation.title)),
        ("currency", .string(solicitation.currency)),
        ("lead_agency", .text(solicitation.leadAgency?.id.value)),
        ("award_method", .text(solicitation.awardMethod?.rawValue)),
        ("zones", .array(zones.zones.map(\.json))),
        ("price_options", .array(solicitation.priceOptions.map(\.json))),
        ("award_price_option", .text(solicitation.awardPriceOption?.word)),
        (
          "commitment_band",
          solicitation.commitmentBand.map {
            .object([
              ("minimum_percent", .decimal($0.minimumPercent)), ("maximum_percent", .decimal($0.maximumPercent)),
            ])
          } ?? .null
        ),
      ]))
    writer.member("participants", .array(participants.map(\.json)))
    writer.key("lots")
    writer.beginArray()
    // Shares in the aggregation's store are written straight from it (every line's shares are in one store).
    let shareJSON = lines.lazy.compactMap { $0.shares.stored?.store }.first.map(ShareJSON.init)
    for lot in lots {
      writer.element()
      try lot.write(to: &writer) { writer in
        for batch in stride(from: 0, to: lot.lines.count, by: Self.linesPerBatch) {
          let batchLines = Array(lot.lines[batch..<min(batch + Self.linesPerBatch, lot.lines.count)])
          let rendered = ConcurrentMap.map(batchLines) { line in
            var lineWriter = JSONWriter(depth: 4)
            line.write(to: &lineWriter, zones: zoneQuantities(of: line), shareJSON)
            return lineWriter.text
          }
          for text in rendered {
            writer.element()
            try emit(writer.takeText())
            try emit(text)
          }
        }
      }
    }
    writer.endArray()
    writer.member("totals", totalsJSON)
    writer.member("review", .array(review.map(\.json)))
    writer.member("threshold", threshold.json)
    writer.endObject()
    try emit(writer.takeText() + "\n")
  }

  /// How many lines are written at once: enough to keep every core busy, few enough to hold little text.
  private static let linesPerBatch = ProcessInfo.processInfo.activeProcessorCount

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
      ("minimum_quantity", .object(minimumQuantity.keys.sorted().map { ($0, .decimal(minimumQuantity[$0]!)) })),
      ("maximum_quantity", .object(maximumQuantity.keys.sorted().map { ($0, .decimal(maximumQuantity[$0]!)) })),
      ("minimum_value", .decimal(minimumValue)),
      ("maximum_value", .decimal(maximumValue)),
      ("lines", .integer(lineCount)),
      ("unpriced_lines", .integer(unpricedLineCount)),
      ("as_needed_lines", .integer(asNeededLineCount)),
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
      ("minimum_value", .decimal(minimumValue)), ("maximum_value", .decimal(maximumValue)),
      ("as_needed_lines", .integer(asNeededLineCount)),
    ])
  }
}

extension AggregatedLot {
  fileprivate func write(
    to writer: inout JSONWriter, lines writeLines: (inout JSONWriter) throws -> Void
  ) rethrows {
    writer.beginObject()
    writer.member("id", .string(lot.id.value))
    writer.member("title", .string(lot.title))
    writer.key("lines")
    writer.beginArray()
    try writeLines(&writer)
    writer.endArray()
    writer.member("totals", totals.json)
    writer.endObject()
  }
}

extension SolicitationLine {
  fileprivate func write(to writer: inout JSONWriter, zones: [ZoneQuantities], _ shareJSON: ShareJSON?) {
    writer.beginObject()
    writer.member("line", .integer(number))
    writer.member("item", text: itemID)
    writer.member("write_in", .bool(isWriteIn))
    writer.member("description", text: description)
    writer.member("classification", text: classification.description)
    writer.member("unit", text: unit.code)
    writer.member("committed_quantity", decimal: committedQuantity)
    writer.member("estimated_quantity", decimal: estimatedQuantity)
    writer.member("minimum_quantity", decimal: minimumQuantity)
    writer.member("maximum_quantity", decimal: maximumQuantity)
    writer.member("as_needed", .bool(isAsNeeded))
    writer.member("as_needed_agencies", .array(asNeededAgencyIDs.map(JSONValue.string)))
    writer.member("estimated_unit_price", decimal: estimatedUnitPrice)
    writer.member("committed_value", decimal: committedValue)
    writer.member("estimated_value", decimal: estimatedValue)
    writer.member("minimum_value", decimal: minimumValue)
    writer.member("maximum_value", decimal: maximumValue)
    writer.member("delivery_sites", .array(deliverySites.map(JSONValue.string)))
    writer.member("earliest_need_by", text: earliestNeedBy?.description)
    writer.member("zones", .array(zones.map(\.json)))
    writer.key("shares")
    writer.beginArray()
    if let stored = shares.stored, let shareJSON, stored.store === shareJSON.store {
      shareJSON.write(stored.positions, to: &writer)
    } else {
      for share in shares {
        writer.element()
        share.write(to: &writer)
      }
    }
    writer.endArray()
    writer.endObject()
  }
}

extension Share {
  /// The share's range, when a band or a partial commitment gives it one: its guaranteed minimum, binding part
  /// and maximum; nil when it is its own range (binding: all its quantity; an estimate or as needed: none of it,
  /// up to its quantity).
  var rangeJSON: JSONValue {
    guard commitment == .binding, partialMinimum != nil || band != nil else { return .null }
    let quantities = self.quantities
    return .object([
      ("minimum_quantity", .decimal(quantities.minimum)), ("committed_quantity", .decimal(quantities.committed)),
      ("maximum_quantity", .decimal(quantities.maximum)),
    ])
  }

  func write(to writer: inout JSONWriter) {
    writer.beginObject()
    writer.member("agency", text: agencyID)
    writer.member("agency_name", text: agencyName)
    writer.member("quantity", decimal: quantity)
    writer.member("exact", .bool(isExact))
    writer.member("original_quantity", decimal: originalQuantity)
    writer.member("original_unit", text: originalUnit.code)
    writer.member("commitment", text: commitment.rawValue)
    writer.member("range", rangeJSON)
    writer.member("as_needed", .bool(isAsNeeded))
    writer.member("deliver_to", text: deliverTo)
    writer.member("need_by", text: needBy?.description)
    if let releases {
      // Only a share delivered in releases has the member: the others, nearly all, stay as they were.
      writer.member(
        "releases",
        .array(releases.map { .object([("date", .string($0.date.description)), ("quantity", .decimal($0.quantity))]) }))
    }
    writer.member("spec", text: spec)
    writer.member("notes", text: notes)
    writer.member("source", text: "\(source.path):\(source.lineOrCell)")
    writer.endObject()
  }
}

extension PriceZone {
  var json: JSONValue {
    .object([
      ("id", .string(id.value)), ("title", .string(title)),
      ("participants", .array(participants.map { .string($0.value) })),
    ])
  }
}

extension PriceOption {
  var json: JSONValue {
    .object([
      ("id", .string(id.value)), ("title", .string(title)), ("basis", .string(basis.rawValue)),
      ("index", .text(index)), ("reference_price", .decimal(referencePrice)),
    ])
  }
}

extension ZoneQuantities {
  /// A line's part in one zone; the quantities are sums of the zone's shares.
  var json: JSONValue {
    .object([
      ("zone", .string(zoneID)), ("committed_quantity", .decimal(committed)),
      ("estimated_quantity", .decimal(estimated)), ("quantity", .decimal(quantity)),
      ("minimum_quantity", .decimal(minimum)), ("maximum_quantity", .decimal(maximum)),
      ("as_needed", .bool(isAsNeeded)), ("shares", .integer(shareCount)),
    ])
  }
}

extension ReviewItem {
  var json: JSONValue {
    .object([
      ("kind", .string(kind.rawValue)), ("message", .string(message)),
      ("line", line.map { .integer($0) } ?? .null), ("agency", .text(agencyID)),
      ("sources", .array(sources.map { .string("\($0.path):\($0.lineOrCell)") })),
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
