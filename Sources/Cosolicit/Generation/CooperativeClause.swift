import Foundation

extension DocumentContext {
  /// The cooperative clause's parts, with the defaults used where the definition is silent.
  var cooperativeValues: [String: Any] {
    let terms = solicitation.cooperative
    let eligible = terms?.eligible ?? []
    let names = eligible.isEmpty ? ["public agencies"] : eligible.map(\.pluralName)
    let fee = terms?.adminFeePercent ?? 0
    return [
      "eligible": Self.list(names).prefix(1).uppercased() + Self.list(names).dropFirst(),
      "geography": terms?.geography ?? "any jurisdiction whose laws allow cooperative purchasing",
      "adminFee": DecimalText.format(fee), "hasAdminFee": fee > 0,
      "instrument": terms?.instrument ?? "a participating addendum signed by the contractor and the using agency",
      "usageReporting": terms?.usageReporting ?? "quarterly",
      "leadAgency": solicitation.leadAgency?.name ?? "the lead agency",
    ]
  }

  /// How the solicitation meets each of the five conditions that make a contract usable by another agency.
  var conditionValues: [[String: Any]] {
    let lead = solicitation.leadAgency
    let isPublic = lead?.type.map { ![.nonprofit, .other].contains($0) } ?? false
    let leadType = lead?.type?.displayName ?? "body of unknown type"
    let term = solicitation.term
    let scope = joint.lots.map { lot in
      "Lot \(lot.lot.id.value), \(lot.lot.title)"
        + (lot.lot.classifications.isEmpty
          ? "" : " (\(lot.lot.classifications.map(\.description).joined(separator: ", ")))")
    }
    let threshold = solicitation.formalBidThreshold.map { limit in
      " The combined estimated value, \(solicitation.currency) \(MoneyText.format(joint.threshold.combinedValue)), "
        + (joint.threshold.combinedValue > limit ? "exceeds" : "does not exceed")
        + " the formal bid threshold of \(solicitation.currency) \(MoneyText.format(limit))."
    }
    return [
      [
        "name": "Active term",
        "how": term.map {
          "The contract runs from \($0.start.value) to \($0.end)"
            + ($0.renewalOptions > 0 ? ", and to \($0.endWithRenewals) if every renewal is exercised" : "")
            + "; another agency may order only while it is in effect."
        } ?? "The contract term is stated in the award.",
        "met": term != nil,
      ],
      [
        "name": "Scope",
        "how": "The goods and services are those of the lots in this solicitation: " + Self.list(scope) + ".",
        "met": true,
      ],
      [
        "name": "Public lead agency",
        "how": isPublic
          ? "The lead agency, \(lead?.name ?? ""), is a public \(lead?.type?.displayName ?? "agency")."
          : "The lead agency, \(lead?.name ?? "(not named)"), is listed as a \(leadType); a using agency must confirm "
            + "that it is a public agency before relying on this contract.",
        "met": isPublic,
      ],
      [
        "name": "Competitive solicitation",
        "how": "The contract results from this formal competitive solicitation: public notice on "
          + "\(solicitation.schedule[.issue]?.description ?? "the issue date"), sealed responses due "
          + "\(solicitation.schedule[.responsesDue]?.description ?? "on the stated date"), and award "
          + "\(Self.awardText(solicitation.awardMethod ?? .byLine)) against the published evaluation criteria."
          + (threshold ?? ""),
        "met": true,
      ],
      [
        "name": "Cooperative language",
        "how": "This solicitation, and the contract that results from it, carry the cooperative purchasing clause "
          + "above.",
        "met": true,
      ],
    ]
  }

  /// "a, b and c".
  static func list(_ items: [String]) -> String {
    guard items.count > 1 else { return items.first ?? "" }
    return items.dropLast().joined(separator: ", ") + " and " + items[items.count - 1]
  }
}
