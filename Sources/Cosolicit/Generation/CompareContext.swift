import Foundation

/// The values of the report contrasting the joint and the piggyback-open variant, from this workspace's figures.
struct CompareContext {
  let joint: JointSolicitation

  private var leadID: String? { joint.solicitation.leadAgency?.id.value }

  /// Committed and estimated value of `lines` in `variant`.
  private func values(
    _ lines: [SolicitationLine], _ variant: DocumentVariant
  ) -> (committed: Decimal, estimated: Decimal) {
    let context = DocumentContext(joint: joint, variant: variant)
    return lines.map { context.variantValue(of: $0) }.reduce((Decimal(0), Decimal(0))) {
      ($0.0 + $1.committed, $0.1 + $1.estimated)
    }
  }

  /// Committed quantity per unit in `variant`, as "EA 629; LBR 12000".
  private func quantities(_ lines: [SolicitationLine], _ variant: DocumentVariant) -> String {
    var committed: [String: Decimal] = [:]
    for line in lines {
      committed[line.unit.code, default: 0] += variant.quantities(of: line, leadAgency: leadID).committed
    }
    let parts = committed.keys.sorted().filter { committed[$0] != 0 }.map {
      "\($0) \(DecimalText.format(committed[$0]!))"
    }
    return parts.isEmpty ? "none" : parts.joined(separator: "; ")
  }

  /// The binding share of the value, as a percentage with one decimal, or "n/a" with no priced volume.
  static func share(_ committed: Decimal, of total: Decimal) -> String {
    guard total > 0 else { return "n/a" }
    var ratio = committed / total * 100
    var rounded = Decimal()
    NSDecimalRound(&rounded, &ratio, 1, .plain)
    let text = DecimalText.format(rounded)
    return (text.contains(".") ? text : text + ".0") + "%"
  }

  /// How much pricing risk a binding share leaves the supplier.
  static func risk(_ share: Decimal?) -> String {
    guard let share else { return "Unknown" }
    return share >= Decimal(string: "0.75")! ? "Low" : share >= Decimal(string: "0.4")! ? "Moderate" : "High"
  }

  private func figures(_ lines: [SolicitationLine]) -> [String: Any] {
    let joint = values(lines, .joint)
    let piggyback = values(lines, .piggyback)
    let jointTotal = joint.committed + joint.estimated
    let piggybackTotal = piggyback.committed + piggyback.estimated
    return [
      "jointShareValue": jointTotal > 0 ? joint.committed / jointTotal : nil as Decimal? as Any,
      "piggybackShareValue": piggybackTotal > 0 ? piggyback.committed / piggybackTotal : nil as Decimal? as Any,
      "jointCommitted": MoneyText.format(joint.committed), "jointEstimated": MoneyText.format(joint.estimated),
      "jointShare": Self.share(joint.committed, of: joint.committed + joint.estimated),
      "jointQuantities": quantities(lines, .joint),
      "piggybackCommitted": MoneyText.format(piggyback.committed),
      "piggybackEstimated": MoneyText.format(piggyback.estimated),
      "piggybackShare": Self.share(piggyback.committed, of: piggyback.committed + piggyback.estimated),
      "piggybackQuantities": quantities(lines, .piggyback),
    ]
  }

  var values: [String: Any] {
    let solicitation = joint.solicitation
    let lead = solicitation.leadAgency
    var overall = figures(joint.lines)
    let signers = joint.participants.map { participant in
      participant.agency.name
        + (participant.agency.signer?.name.map { " (\($0)\(participant.agency.signer?.title.map { ", \($0)" } ?? ""))" }
          ?? "")
    }
    let jointShare = overall["jointShare"] as? String ?? "n/a"
    let piggybackShare = overall["piggybackShare"] as? String ?? "n/a"
    overall["lines"] = joint.lines.count
    return [
      "generator": DocumentContext.generator,
      "solicitation": [
        "id": solicitation.id, "title": solicitation.title, "currency": solicitation.currency,
        "leadAgency": lead?.name ?? "the lead agency",
        "orderingWindowCloses": solicitation.orderingWindowCloses?.value.description ?? "",
        "issue": solicitation.schedule[.issue]?.description ?? "",
        "termEnd": solicitation.term?.endWithRenewals.description ?? "",
      ] as [String: Any],
      "overall": overall,
      "lots": joint.lots.map { lot in
        var values = figures(lot.lines)
        values["id"] = lot.lot.id.value
        values["title"] = lot.lot.title
        values["lines"] = lot.lines.count
        return values
      },
      "participantCount": joint.participants.count,
      "unpricedLines": joint.totals.unpricedLineCount, "hasUnpricedLines": joint.totals.unpricedLineCount > 0,
      "rows": [
        [
          "aspect": "Parties bound",
          "joint": "All \(joint.participants.count) participants, each for its committed quantities",
          "piggyback": "Only \(lead?.name ?? "the lead agency"), for its own quantities; other agencies choose later",
        ],
        [
          "aspect": "Who signs",
          "joint": "Each participant's authorized official: " + DocumentContext.list(signers),
          "piggyback": "\(lead?.name ?? "The lead agency") signs the contract; each later user signs "
            + (solicitation.cooperative?.instrument ?? "a participating addendum"),
        ],
        [
          "aspect": "Who orders",
          "joint": "Each participant issues its own purchase orders for its committed quantities",
          "piggyback": "Each using agency issues its own purchase orders, if and when it joins",
        ],
        ["aspect": "Binding volume (share of priced value)", "joint": jointShare, "piggyback": piggybackShare],
        [
          "aspect": "Supplier's pricing risk",
          "joint": Self.risk(overall["jointShareValue"] as? Decimal) + ": \(jointShare) of the priced volume is "
            + "committed, so bidders price against volume they know they will sell",
          "piggyback": Self.risk(overall["piggybackShareValue"] as? Decimal) + ": \(piggybackShare) of the priced "
            + "volume is committed; bidders hedge for the rest, which may never be ordered",
        ],
        [
          "aspect": "Timing",
          "joint": "Needs were fixed before the solicitation: the ordering window closed on "
            + "\(solicitation.orderingWindowCloses?.value.description ?? "the stated date"), before issue on "
            + "\(solicitation.schedule[.issue]?.description ?? "the issue date")",
          "piggyback": "Other agencies join after award, at any time until the term ends on "
            + (solicitation.term?.endWithRenewals.description ?? "the end of the term"),
        ],
        [
          "aspect": "Legal instrument",
          "joint": "One competitive solicitation binding every participant; each holds its own contract or schedule",
          "piggyback": "The lead agency's contract plus "
            + (solicitation.cooperative?.instrument
              ?? "a participating addendum") + " for each later user",
        ],
      ],
    ]
  }
}
