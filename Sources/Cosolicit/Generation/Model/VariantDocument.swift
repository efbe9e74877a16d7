import Foundation

/// Everything the RFP and the bid forms of one variant show, built once from the aggregated solicitation.
struct VariantDocument: DocumentModel {
  /// The name and version documents say they were prepared with.
  static let generator = "Cosolicit 0.1.0"

  /// The aggregated solicitation.
  let joint: JointSolicitation
  /// The variant.
  let variant: DocumentVariant
  /// Its lots, lines and figures.
  let lots: [LotDocument]
  /// The value of every line.
  let totals: Totals
  /// The parties bound: every participant in a joint solicitation, only the lead agency in a piggyback one.
  let participants: [ParticipantEntry]
  /// What each bound participant receives.
  let deliverySchedule: [DeliveryGroup]
  /// Whether the lead agency only coordinates and commits no quantity of its own.
  let leadIsCoordinator: Bool
  /// How bid forms ask for prices: per price zone and option, or one unit price per line.
  let pricing: PricingPlan
  /// The part "Instructions and conditions": the standard sections and the workspace's own, in order, each
  /// already rendered to every format (see ``SectionAssembly``).
  var sections: [SectionDocument] = []

  /// The document of `variant`, from `figures` (which must be that variant's figures of `joint`).
  init(_ joint: JointSolicitation, figures: VariantFigures) {
    self.joint = joint
    variant = figures.variant
    leadIsCoordinator = figures.leadIsCoordinator
    let variant = figures.variant
    let lead = joint.solicitation.leadAgency?.id.value
    let pricing = PricingPlan(joint)
    self.pricing = pricing
    lots = zip(joint.lots, figures.lots).map { lot, lines in
      LotDocument(
        lot: lot,
        lines: zip(lot.lines, lines).map { line, figures in
          var document = LineDocument(
            line: line, figures: figures, earliestNeedBy: Self.earliestNeedBy(of: line, variant, lead),
            pricing: pricing)
          document.isDeliveredInReleases =
            variant == .joint ? line.shares.hasReleases() : lead.map { line.shares.hasReleases(agency: $0) } ?? false
          return document
        },
        value: VariantFigures.Value(lines), sums: pricing.sums)
    }
    totals = Totals(
      value: figures.total, unpricedLines: joint.totals.unpricedLineCount,
      asNeededLines: joint.totals.asNeededLineCount)
    participants = joint.participants.filter { variant == .joint || Identifier.same($0.agency.id.value, lead) }.map {
      ParticipantEntry(participant: $0, isLead: Identifier.same($0.agency.id.value, lead))
    }
    deliverySchedule = DeliveryGroup.schedule(joint, bound: Set(participants.map(\.participant.agency.id.value)))
  }

  /// The earliest date the committed volume is needed by: any share's in a joint solicitation, the lead
  /// agency's binding shares' in a piggyback-open one (the others may never order).
  static func earliestNeedBy(of line: SolicitationLine, _ variant: DocumentVariant, _ lead: String?) -> CalendarDate? {
    switch variant {
    case .joint: line.earliestNeedBy
    case .piggyback:
      line.shares.figures.filter { Identifier.same($0.agencyID, lead) && $0.commitment == .binding }
        .compactMap(\.needBy).min()
    }
  }

  private var solicitation: Solicitation { joint.solicitation }
  private var isPiggyback: Bool { variant == .piggyback }
  private var leadID: String? { solicitation.leadAgency?.id.value }

  /// In a piggyback-open solicitation, the agencies whose volumes are shown as estimates; nil in a joint one.
  private var otherAgencies: [OtherAgency]? {
    guard isPiggyback else { return nil }
    return joint.participants.filter { !Identifier.same($0.agency.id.value, leadID) }.map(OtherAgency.init)
  }

  static let fields: DocumentFields<Self> = [
    .text("generator") { _ in generator },
    .text("variant") { $0.variant.rawValue },
    .flag("isJoint") { $0.variant == .joint },
    .flag("isPiggyback") { $0.isPiggyback },
    .flag("leadIsCoordinator") { $0.leadIsCoordinator },
    .flag("nothingCommitted") { $0.isPiggyback && $0.leadIsCoordinator },
    .flag("showsEstimatedValues") { $0.solicitation.publishEstimatedValues },
    .list("addenda") { $0.solicitation.addenda.map(AddendumEntry.init) },
    .flag("hasAddenda") { !$0.solicitation.addenda.isEmpty },
    .flag("hasAsNeeded") { document in document.joint.lines.contains { !$0.asNeededAgencyIDs.isEmpty } },
    .text("variantTitle") { $0.variant.title },
    .text("printHeader") { CSSText.string("Solicitation \($0.solicitation.id) \u{B7} \($0.variant.title)") },
    .object("solicitation") { SolicitationFacts(solicitation: $0.solicitation) },
    .object("content") { ContentDocument(solicitation: $0.solicitation) },
    .list("sections") { $0.sections },
    .flag("hasSections") { !$0.sections.isEmpty },
    .list("schedule") { document in
      Schedule.Event.allCases.compactMap { event in
        document.solicitation.schedule.moment(event).map {
          ScheduleEntry(event: event, date: $0.value, zone: document.solicitation.content.timeZone)
        }
      }
    },
    .object("terms") { Terms(terms: $0.solicitation.terms) },
    .list("evaluation") { $0.solicitation.evaluation.map(Criterion.init) },
    .list("lots") { $0.lots },
    // Price zones and options.
    .flag("isPriced") { $0.pricing.isPriced },
    .list("sums") { $0.pricing.sums },
    .flag("hasZones") { !$0.pricing.zones.isEmpty },
    .list("zones") { document in
      // Participants by the name their needs file gives; invited agencies and the lead agency by the roster's.
      let agencies =
        document.joint.participants.map(\.agency) + (document.solicitation.invited ?? [])
        + (document.solicitation.leadAgency.map { [$0] } ?? [])
      let names = Dictionary(
        agencies.map { (Identifier.key($0.id.value), $0.name) }, uniquingKeysWith: { first, _ in first })
      return document.pricing.zones.map { ZoneDocument(zone: $0, names: names) }
    },
    .flag("hasPriceOptions") { !$0.pricing.options.isEmpty },
    .list("priceOptions") { document in
      document.pricing.options.map {
        PriceOptionDocument(option: $0, decidesAward: document.pricing.award == .option($0.id.value))
      }
    },
    .text("awardPriceOption") { $0.pricing.award?.word ?? "" },
    .flag("isAwardedByLowestOption") { $0.pricing.award == .lowest },
    .text("awardPriceOptionTitle") { document in
      document.pricing.options.first { document.pricing.award == .option($0.id.value) }?.title ?? ""
    },
    .count("lineCount") { $0.joint.lots.reduce(0) { $0 + $1.lines.count } },
    .object("totals") { $0.totals },
    .list("participants") { $0.participants },
    .count("participantCount") { $0.joint.participants.count },
    .list("deliverySchedule") { $0.deliverySchedule },
    .object("term") { $0.solicitation.term.map(Term.init) },
    .object("threshold") { document in
      document.solicitation.formalBidThreshold.map {
        Threshold(combinedValue: document.joint.threshold.combinedValue, limit: $0)
      }
    },
    .list("otherAgencies") { $0.otherAgencies },
    .flag("hasOtherAgencies") { $0.otherAgencies.map { !$0.isEmpty } },
    .object("cooperative") { document in
      document.isPiggyback
        ? CooperativeDocument(
          terms: document.solicitation.cooperative, leadAgency: document.solicitation.leadAgency?.name)
        : nil
    },
  ]
}
