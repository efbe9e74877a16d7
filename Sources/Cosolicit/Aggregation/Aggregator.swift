import Foundation

/// Merges a checked intake into a joint solicitation: converts every needs line exactly to its item's base
/// unit, merges lines of the same item, places each line in its lot, and lists what the lead agency should
/// review.
public enum Aggregator {
  /// Aggregates `intake`; fails with the findings when the intake has errors or no solicitation definition.
  public static func aggregate(_ intake: Intake) -> Result<JointSolicitation, AggregationFailure> {
    guard intake.errorCount == 0 else { return .failure(.invalidInput(intake.diagnostics)) }
    guard let solicitation = intake.solicitation else { return .failure(.noSolicitation) }
    var diagnostics = DiagnosticCollector()
    let paths = WorkspacePaths(root: intake.root)
    var builder = LineBuilder(solicitation: solicitation, catalog: intake.catalog)
    let participants = intake.needs.flatMap { file in file.participants.map { (paths.relative(file.path), $0) } }
    for (path, participant) in participants {
      for line in participant.lines {
        builder.add(line, from: participant.agency, path: path, &diagnostics)
      }
    }
    guard !diagnostics.hasErrors else { return .failure(.invalidInput(diagnostics.sorted)) }
    let lots = builder.lots()
    if let problem = ExactnessCheck.firstProblem(in: lots) { return .failure(.invalidInput([problem])) }
    let lines = lots.flatMap(\.lines)
    let summaries = summarize(participants, lines: lines)
    return .success(
      JointSolicitation(
        solicitation: solicitation, participants: summaries, lots: lots,
        review: ReviewList.build(solicitation: solicitation, lines: lines, participants: summaries),
        threshold: threshold(solicitation, lines: lines, participants: summaries)))
  }

  private static func summarize(
    _ participants: [(path: String, participant: Participant)], lines: [SolicitationLine]
  ) -> [ParticipantSummary] {
    var committed: [String: Decimal] = [:]
    var estimated: [String: Decimal] = [:]
    for line in lines {
      guard let price = line.estimatedUnitPrice else { continue }
      for share in line.shares {
        switch share.commitment {
        case .binding: committed[share.agencyID, default: 0] += share.quantity * price
        case .estimate: estimated[share.agencyID, default: 0] += share.quantity * price
        }
      }
    }
    return participants.map { path, participant in
      let id = participant.agency.id.value
      return ParticipantSummary(
        agency: participant.agency, path: path, submitted: participant.submitted?.value,
        lineCount: participant.lines.count,
        bindingLineCount: participant.lines.count { $0.commitment == .binding },
        committedValue: committed[id] ?? 0, estimatedValue: estimated[id] ?? 0)
    }.sorted { $0.agency.id.value < $1.agency.id.value }
  }

  private static func threshold(
    _ solicitation: Solicitation, lines: [SolicitationLine], participants: [ParticipantSummary]
  ) -> ThresholdCheck {
    let totals = QuantityTotals(lines)
    return ThresholdCheck(
      formalBidThreshold: solicitation.formalBidThreshold,
      combinedValue: totals.committedValue + totals.estimatedValue, unpricedLineCount: totals.unpricedLineCount,
      participantValues: participants.map {
        ThresholdCheck.ParticipantValue(agencyID: $0.agency.id.value, value: $0.committedValue + $0.estimatedValue)
      })
  }
}

/// Why a workspace could not be aggregated.
public enum AggregationFailure: Error, CustomStringConvertible {
  /// The input has errors; they are listed.
  case invalidInput([Diagnostic])
  /// There is no readable solicitation definition.
  case noSolicitation

  /// The findings to print.
  public var diagnostics: [Diagnostic] {
    if case .invalidInput(let diagnostics) = self { return diagnostics }
    return []
  }

  public var description: String {
    switch self {
    case .invalidInput(let diagnostics):
      "the workspace has \(diagnostics.count { $0.severity == .error }) error(s); fix them, then aggregate"
    case .noSolicitation:
      "the workspace has no readable solicitation.yaml"
    }
  }
}
