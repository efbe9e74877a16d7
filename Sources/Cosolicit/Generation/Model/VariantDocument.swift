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

  /// The document of `variant`, from `figures` (which must be that variant's figures of `joint`).
  init(_ joint: JointSolicitation, figures: VariantFigures) {
    self.joint = joint
    variant = figures.variant
    leadIsCoordinator = figures.leadIsCoordinator
    let variant = figures.variant
    let lead = joint.solicitation.leadAgency?.id.value
    lots = zip(joint.lots, figures.lots).map { lot, lines in
      LotDocument(
        lot: lot,
        lines: zip(lot.lines, lines).map { line, figures in
          LineDocument(line: line, figures: figures, earliestNeedBy: Self.earliestNeedBy(of: line, variant, lead))
        },
        value: VariantFigures.Value(lines))
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
    .flag("hasAsNeeded") { document in document.joint.lines.contains { !$0.asNeededAgencyIDs.isEmpty } },
    .text("variantTitle") { $0.variant.title },
    .object("solicitation") { SolicitationFacts(solicitation: $0.solicitation) },
    .list("schedule") { document in
      Schedule.Event.allCases.compactMap { event in
        document.solicitation.schedule[event].map { ScheduleEntry(event: event, date: $0) }
      }
    },
    .object("terms") { Terms(terms: $0.solicitation.terms) },
    .list("evaluation") { $0.solicitation.evaluation.map(Criterion.init) },
    .list("lots") { $0.lots },
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
