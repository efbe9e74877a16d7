import Foundation

/// Merges a checked intake into a joint solicitation: converts every needs line exactly to its item's base
/// unit, merges lines of the same item, places each line in its lot, and lists what the lead agency should
/// review.
public enum Aggregator {
  /// Reads the workspace at `workspace` and aggregates it; nil when it cannot be, every finding in
  /// `diagnostics` either way (a workspace without a readable solicitation.yaml says so).
  public static func aggregate(
    workspace: String, progress: (@Sendable (Int, Int) -> Void)? = nil, _ diagnostics: inout DiagnosticCollector
  ) -> JointSolicitation? {
    let intake = Intake.load(workspace: workspace, progress: progress)
    diagnostics.append(contentsOf: intake.diagnostics)
    switch aggregate(intake) {
    case .success(let joint): return joint
    case .failure(let failure):
      diagnostics.append(contentsOf: failure.diagnostics)
      if case .noSolicitation = failure {
        diagnostics.error("the workspace has no readable solicitation.yaml", at: .start(of: workspace))
      }
      return nil
    }
  }

  /// Aggregates `intake`, whose lines intake checked and resolved; fails when the intake has errors, no
  /// solicitation definition, or lines it could not resolve, and when a total would lose digits.
  public static func aggregate(_ intake: Intake) -> Result<JointSolicitation, AggregationFailure> {
    let built: (solicitation: Solicitation, lots: [AggregatedLot], paths: [String])
    switch lots(of: intake) {
    case .success(let result): built = result
    case .failure(let failure): return .failure(failure)
    }
    let (solicitation, lots) = (built.solicitation, built.lots)
    let lines = lots.flatMap(\.lines)
    let summaries = summarize(Array(zip(built.paths, intake.needs)), lines: lines)
    // Agencies whose late files the lead agency rejected have no share in the lines, and take no part.
    let rejected = summaries.filter { solicitation.lateSubmissions.rejects($0.agency.id.value) }
    let participants = summaries.filter { !solicitation.lateSubmissions.rejects($0.agency.id.value) }
    return .success(
      JointSolicitation(
        solicitation: solicitation, participants: participants, lots: lots,
        review: ReviewList.build(
          solicitation: solicitation, lines: lines, participants: participants, rejected: rejected),
        threshold: threshold(solicitation, lines: lines, participants: participants),
        zones: ZoneMap(solicitation.priceZones(participants: participants.map(\.agency)))))
  }

  private static func summarize(
    _ files: [(path: String, file: NeedsFile)], lines: [SolicitationLine]
  ) -> [ParticipantSummary] {
    // Each line's shares are ordered by agency: each agency's quantities are summed and priced once, on every
    // core; the priced runs are then added up by agency.
    let runs = ConcurrentMap.map(lines) { line in pricedRuns(of: line) }
    var sums: [String: ShareSums] = [:]
    for run in runs.joined() where run.committed != 0 || run.estimated != 0 || run.range != nil {
      sums[run.agency, default: ShareSums()].add(
        committed: run.committed, estimated: run.estimated, range: run.range.map { ($0.minimum, $0.maximum) })
    }
    let values = sums.mapValues(\.totals)
    return files.flatMap { path, file in
      file.sections.compactMap { section -> ParticipantSummary? in
        guard let agency = section.agency else { return nil }
        let id = agency.id.value
        return ParticipantSummary(
          agency: agency, path: path, submitted: section.submitted?.value, lineCount: section.lines.count,
          bindingLineCount: section.lines.count { $0.commitment == .binding },
          committedValue: values[id]?.committed ?? 0, estimatedValue: values[id]?.estimated ?? 0,
          minimumValue: values[id]?.minimum ?? 0, maximumValue: values[id]?.maximum ?? 0,
          asNeededLineCount: section.lines.count(where: \.isAsNeeded))
      }
    }.sorted { $0.agency.id.value < $1.agency.id.value }
  }

  /// The lots with their lines, proved exact: everything aggregation can refuse, without the summaries.
  private static func lots(
    of intake: Intake
  ) -> Result<(solicitation: Solicitation, lots: [AggregatedLot], paths: [String]), AggregationFailure> {
    guard intake.errorCount == 0 else { return .failure(.invalidInput(errorCount: intake.errorCount)) }
    guard let solicitation = intake.solicitation else { return .failure(.noSolicitation) }
    guard intake.isResolved else { return .failure(.notAWorkspace) }
    let workspace = WorkspacePaths(root: intake.root)
    let paths = intake.needs.map { workspace.relative($0.path) }
    let lots = LineBuilder(solicitation: solicitation, catalog: intake.catalog, files: intake.needs, paths: paths)
      .lots()
    if var problem = ExactnessCheck.firstProblem(in: lots) {
      // Shares name their source relative to the workspace; a finding names it as the user gave it.
      let relative = problem.location.path
      problem.location.path =
        relative.isEmpty
        ? (intake.files.first ?? relative) : intake.root.map { Workspace.join($0, relative) } ?? relative
      return .failure(.inexact(problem))
    }
    return .success((solicitation, lots, paths))
  }

  /// `intake` with aggregation's own findings added, so that what validation accepts, aggregation accepts: a
  /// clean workspace is aggregated, and a total that would lose digits is an error. An intake with errors, or
  /// files read alone, is returned as it is.
  public static func validate(_ intake: Intake) -> Intake {
    guard case .failure(let failure) = lots(of: intake), !failure.diagnostics.isEmpty else { return intake }
    var findings = DiagnosticCollector()
    findings.append(contentsOf: intake.diagnostics + failure.diagnostics)
    var checked = intake
    checked.diagnostics = findings.sorted
    return checked
  }

  /// One agency's values on one line: committed and estimated, and for shares under a band or a partial
  /// commitment the range (else the minimum is the committed value and the maximum both values).
  private struct PricedRun {
    var agency: String
    var committed: Decimal
    var estimated: Decimal
    /// Kept out of line (nearly every run has none), so that the runs of every line stay small.
    var range: Range?

    final class Range: Sendable {
      let minimum: Decimal
      let maximum: Decimal

      init(_ minimum: Decimal, _ maximum: Decimal) {
        self.minimum = minimum
        self.maximum = maximum
      }
    }
  }

  /// Each agency's values on `line`, agency by agency in share order; none without a price.
  private static func pricedRuns(of line: SolicitationLine) -> [PricedRun] {
    guard let price = line.estimatedUnitPrice else { return [] }
    var runs: [PricedRun] = []
    var run: (agency: String, sums: RunSums)?
    func close() {
      guard let run else { return }
      runs.append(run.sums.priced(agency: run.agency, at: price))
    }
    for share in line.shares.figures {
      if run?.agency != share.agencyID {
        close()
        run = (share.agencyID, RunSums())
      }
      run?.sums.add(share)
    }
    close()
    return runs
  }

  /// One agency's quantities on one line, and their values at the line's price.
  private struct RunSums {
    private var sums = ShareSums()

    mutating func add(_ share: ShareFigures) { sums.add(share) }

    /// The values at `price`.
    func priced(agency: String, at price: Decimal) -> PricedRun {
      func value(_ quantity: Decimal) -> Decimal {
        var sum = DecimalSum()
        sum.add(quantity, times: price)
        return sum.value
      }
      let totals = sums.totals
      return PricedRun(
        agency: agency, committed: value(totals.committed), estimated: value(totals.estimated),
        range: sums.hasRange ? PricedRun.Range(value(totals.minimum), value(totals.maximum)) : nil)
    }
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
  /// The intake has errors, which it lists.
  case invalidInput(errorCount: Int)
  /// There is no readable solicitation definition.
  case noSolicitation
  /// The needs were read as single files, not as a workspace, so their lines are not resolved.
  case notAWorkspace
  /// A total would need more digits than an exact decimal holds; the finding says where.
  case inexact(Diagnostic)

  /// The findings of aggregation itself, beyond the intake's: at most the one total that would lose digits.
  public var diagnostics: [Diagnostic] {
    if case .inexact(let diagnostic) = self { return [diagnostic] }
    return []
  }

  public var description: String {
    switch self {
    case .invalidInput(let count):
      "the workspace has \(count) error(s); fix them, then aggregate"
    case .noSolicitation:
      "the workspace has no readable solicitation.yaml"
    case .notAWorkspace:
      "only a whole workspace can be aggregated"
    case .inexact:
      "the workspace has 1 error(s); fix them, then aggregate"
    }
  }
}
