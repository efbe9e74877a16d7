import Foundation

/// What one bound participant receives, where and by when: its shares in line order.
struct DeliveryGroup: DocumentModel {
  /// One share to deliver.
  struct Delivery: DocumentModel {
    /// The line the share is of.
    let line: SolicitationLine
    /// The share.
    let share: Share
    /// The share's quantity, formatted.
    let quantity: String

    /// The share's basis in words: committed (with its band's range), committed up to a partial commitment's
    /// minimum and estimated above it, estimated, or as needed.
    var basis: String {
      if share.isAsNeeded { return "as needed" }
      guard share.commitment == .binding else { return "estimated" }
      let quantities = share.quantities
      let grouped = DecimalText.grouped
      if share.partialMinimum != nil {
        return "committed \(grouped(quantities.committed)), estimated \(grouped(quantities.estimated))"
          + (share.band == nil ? "" : ", at most \(grouped(quantities.maximum))")
      }
      guard share.band != nil else { return "committed" }
      return "committed: at least \(grouped(quantities.minimum)), at most \(grouped(quantities.maximum))"
    }

    /// The share's releases as bidders read them, "400 on July 1, 2027; 600 on January 15, 2028", in the line's
    /// unit like the share's quantity: a participant's releases in another unit are converted when that is exact
    /// and still sums to the share, and are otherwise shown in their own unit ("4 XCS (case) on …"); nil
    /// without releases.
    var releases: String? {
      guard let releases = share.releases else { return nil }
      guard share.originalUnit != line.unit else { return DeliveryRelease.text(releases) }
      if share.isExact, share.originalQuantity > 0 {
        let factor = share.quantity / share.originalQuantity
        let converted = releases.map { DeliveryRelease(date: $0.date, quantity: $0.quantity * factor) }
        if converted.reduce(Decimal(0), { $0 + $1.quantity }) == share.quantity {
          return DeliveryRelease.text(converted)
        }
      }
      return DeliveryRelease.text(releases, unit: share.originalUnit.label)
    }

    static let fields: DocumentFields<Self> = [
      .count("line") { $0.line.number },
      .text("item") { $0.line.itemID ?? "write-in" },
      .markup("itemWordML") { WordRuns.unbreakable($0.line.itemID ?? "write-in") },
      .text("description") { $0.line.description },
      .text("quantity") { $0.share.isAsNeeded ? "as needed" : $0.quantity },
      .text("unit") { $0.line.unit.code },
      .text("unitName") { $0.line.unit.name },
      .text("unitLabel") { $0.line.unit.label },
      .text("commitment") { $0.basis },
      .flag("isCommitted") { $0.share.commitment == .binding },
      .text("deliverTo") { $0.share.deliverTo ?? "" },
      .text("needBy") { $0.share.needBy?.description ?? "" },
      .flag("hasReleases") { $0.share.releases != nil },
      // One field for the schedule's "need by, or releases" cell: it is read once per share, and shares come by
      // the hundred thousand.
      .text("delivery") { $0.releases ?? $0.share.needBy?.description ?? "" },
      .text("releases") { $0.releases },
      .text("spec") { $0.share.spec ?? "" },
      .flag("hasSpec") { $0.share.spec != nil },
    ]
  }

  /// The participant.
  let agency: Agency
  /// Its shares.
  let deliveries: [Delivery]

  static let fields: DocumentFields<Self> = [
    .text("agencyID") { $0.agency.id.value },
    .text("name") { $0.agency.name },
    .list("deliveries") { $0.deliveries },
  ]

  /// The deliveries of each participant in `bound`, in participant order. Each share is visited once, grouped
  /// by agency in line order; quantities repeat, so each is formatted once.
  static func schedule(_ joint: JointSolicitation, bound: Set<String>) -> [DeliveryGroup] {
    var deliveries: [String: [Delivery]] = [:]
    var quantities = DecimalText.Memo(isGrouped: true)
    for line in joint.lines {
      for share in line.shares where bound.contains(share.agencyID) {
        deliveries[share.agencyID, default: []].append(
          Delivery(line: line, share: share, quantity: quantities.format(share.quantity)))
      }
    }
    return joint.participants.filter { bound.contains($0.agency.id.value) }.map { participant in
      DeliveryGroup(agency: participant.agency, deliveries: deliveries[participant.agency.id.value] ?? [])
    }
  }
}
