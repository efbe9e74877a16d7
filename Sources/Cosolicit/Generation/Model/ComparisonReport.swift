import Foundation

/// The report contrasting the joint and the piggyback-open variant, from both variants' figures.
struct ComparisonReport: DocumentModel {
  /// The aggregated solicitation.
  let joint: JointSolicitation
  /// The figures of the whole solicitation.
  let overall: ComparisonFigures
  /// The figures of each lot.
  let lots: [ComparisonFigures]
  /// Whether the lead agency only coordinates and commits no quantity of its own.
  let leadIsCoordinator: Bool

  /// The report on `joint` from its joint and piggyback-open figures.
  init(_ joint: JointSolicitation, jointFigures: VariantFigures, piggybackFigures: VariantFigures) {
    self.joint = joint
    leadIsCoordinator = piggybackFigures.leadIsCoordinator
    overall = ComparisonFigures(
      lot: nil, lines: joint.lines, joint: Array(jointFigures.lots.joined()),
      piggyback: Array(piggybackFigures.lots.joined()))
    lots = joint.lots.indices.map { index in
      ComparisonFigures(
        lot: joint.lots[index].lot, lines: joint.lots[index].lines, joint: jointFigures.lots[index],
        piggyback: piggybackFigures.lots[index])
    }
  }

  static let fields: DocumentFields<Self> = [
    .text("generator") { _ in VariantDocument.generator },
    .object("solicitation") { SolicitationFacts(solicitation: $0.joint.solicitation) },
    .text("printHeader") { CSSText.string("Solicitation \($0.joint.solicitation.id) \u{B7} joint or piggyback-open") },
    .object("overall") { $0.overall },
    .list("lots") { $0.lots },
    .flag("leadIsCoordinator") { $0.leadIsCoordinator },
    .count("participantCount") { $0.joint.participants.count },
    .list("participants") { report in
      let lead = report.joint.solicitation.leadAgency?.id.value
      return report.joint.participants.map {
        ParticipantEntry(participant: $0, isLead: Identifier.same($0.agency.id.value, lead))
      }
    },
    .object("cooperative") {
      CooperativeDocument(terms: $0.joint.solicitation.cooperative, leadAgency: $0.joint.solicitation.leadAgency?.name)
    },
    .count("unpricedLines") { $0.joint.totals.unpricedLineCount },
    .flag("hasUnpricedLines") { $0.joint.totals.unpricedLineCount > 0 },
  ]
}
