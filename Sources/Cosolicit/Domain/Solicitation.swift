import Foundation

/// The lead agency's definition of a joint solicitation, read from `solicitation.yaml`.
public struct Solicitation: Sendable {
  /// Delivery and payment terms printed in the solicitation and bid form.
  public struct Terms: Sendable {
    /// Delivery terms, such as "FOB destination, freight prepaid".
    public var delivery: String
    /// Payment terms, such as "Net 30".
    public var payment: String

    /// The terms used when the definition gives none.
    public static let standard = Terms(delivery: "FOB destination, freight prepaid", payment: "Net 30")
  }

  /// Where the definition was read from.
  public var path: String
  /// The solicitation number, such as `CVPC-2027-01`.
  public var id: String
  /// The title.
  public var title: String
  /// A summary of the scope.
  public var description: String?
  /// The ISO 4217 currency of all prices.
  public var currency: String
  /// The agency running the process.
  public var leadAgency: Agency?
  /// The agencies invited to take part, in the order listed (`invited`); nil when the definition lists none, so
  /// that any agency may send needs.
  public var invited: [Agency]?
  /// The schedule of events.
  public var schedule: Schedule
  /// The last day participants may submit needs.
  public var orderingWindowCloses: Located<CalendarDate>?
  /// The resulting contract's term.
  public var term: ContractTerm?
  /// How the solicitation is awarded.
  public var awardMethod: AwardMethod?
  /// The price zones as defined under `zones`, in order; nil when the definition has none (see
  /// ``priceZones(participants:)`` for the zones in force).
  public var zones: [PriceZone]? = nil
  /// The price options, in order; empty when each line has one unit price.
  public var priceOptions: [PriceOption] = []
  /// Which price option decides the award; nil without price options.
  public var awardPriceOption: AwardPriceOption? = nil
  /// The lots, in order.
  public var lots: [Lot]
  /// Whether every lot could be read; when not, items are not checked against the lots, since the missing
  /// lot may be the one they belong to.
  public var lotsComplete: Bool
  /// The evaluation criteria.
  public var evaluation: [EvaluationCriterion]
  /// Cooperative-use terms for the piggyback-open variant.
  public var cooperative: CooperativeTerms?
  /// The amount above which a formal competitive process is required.
  public var formalBidThreshold: Decimal?
  /// Delivery and payment terms.
  public var terms: Terms
  /// The lead agency's decisions on late needs files.
  public var lateSubmissions: LateSubmissions = .none
  /// The band binding quantities commit participants within (`commitment_band`); nil commits exactly.
  public var commitmentBand: CommitmentBand?
  /// Whether public documents show values computed from the lead agency's estimated unit prices
  /// (`publish_estimated_values`); by default they show quantities only, and only internal documents show values.
  public var publishEstimatedValues = false
  /// The addenda issued, in the order issued (`addenda`); none before the first.
  public var addenda: [Addendum] = []
  /// Submission, opening, questions, bonds and insurance, price adjustment, non-appropriation and authority.
  public var content: SolicitationContent = .none
  /// The workspace's own RFP sections (`sections/`), sorted by number, then file name.
  public var sections: [WorkspaceSection] = []
  /// The rules that break exact ties, in the order applied (`tie_breakers`); none: every tie is resolved by a
  /// record in `award.yaml`.
  public var tieBreakers: [Located<TieBreaker>] = []
  /// The suppliers the lead agency counts as local for `local-preference` (`local_suppliers`), by name.
  public var localSuppliers: [Located<String>] = []
  /// Whether the next lowest responsive bidder per award unit is named the secondary supplier
  /// (`secondary_award`).
  public var secondaryAward = false
  /// The publisher's registered OCDS ocid prefix (`ocds_prefix`, `ocds-` and six lowercase letters or digits);
  /// nil: ``OCDSPrefix/placeholder``.
  public var ocdsPrefix: Located<String>? = nil

  /// The lot with `id`, if any.
  public func lot(withID id: String) -> Lot? { lots.first { Identifier.same($0.id.value, id) } }

  /// The invited agency with `id` (in any case), if the roster lists it.
  public func invitedAgency(withID id: String) -> Agency? {
    invited?.first { Identifier.same($0.id.value, id) }
  }
}

extension Solicitation {
  /// The lot an item with `classification` falls in: the lot with the longest matching code prefix, else the
  /// lot without classifications, if there is one.
  public func lot(for classification: Classification) -> Lot? {
    var best: (lot: Lot, length: Int)?
    for lot in lots {
      for prefix in lot.classifications where classification.isCovered(by: prefix) {
        if prefix.digits.count > best?.length ?? -1 { best = (lot, prefix.digits.count) }
      }
    }
    return best?.lot ?? lots.first { $0.classifications.isEmpty }
  }

  /// The band a binding line of `item` (nil for a write-in) commits within: the item's own percents where it
  /// gives them, else the solicitation's; nil when that commits exactly the stated quantity.
  public func commitmentBand(for item: CatalogItem?) -> CommitmentBand? {
    let base = commitmentBand ?? .exact
    let band = CommitmentBand(
      minimumPercent: item?.minimumPercent ?? base.minimumPercent,
      maximumPercent: item?.maximumPercent ?? base.maximumPercent)
    return band.isExact ? nil : band
  }

  /// The lot of a catalog item: the one it names, else the one its classification falls in.
  public func lot(for item: CatalogItem) -> Lot? {
    if let id = item.lot?.value { return lot(withID: id) }
    return lot(for: item.classification.value)
  }
}
