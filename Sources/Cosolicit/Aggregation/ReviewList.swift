/// Builds the lead agency's review list: write-ins, differing specs, late files (and the lead agency's decisions
/// on them), dates outside the term, and participants with only non-binding lines.
enum ReviewList {
  static func build(
    solicitation: Solicitation, lines: [SolicitationLine], participants: [ParticipantSummary],
    rejected: [ParticipantSummary] = []
  ) -> [ReviewItem] {
    var items: [ReviewItem] = []
    for line in lines where line.isWriteIn {
      let agencies = Set(line.shares.map(\.agencyID)).sorted().joined(separator: ", ")
      items.append(
        ReviewItem(
          kind: .writeIn,
          message: "line \(line.number) is a write-in, \"\(line.description)\" (\(line.classification), "
            + "\(line.unit.code)), requested by \(agencies); confirm its specification or match it to a catalog item",
          line: line.number, agencyID: nil, sources: line.shares.map(\.source)))
    }
    for line in lines {
      let specs = line.shares.specs
      guard specs.count > 1 else { continue }
      let quoted = specs.map { "\($0.agencyIDs.joined(separator: ", ")): \"\($0.text)\"" }.joined(separator: "; ")
      let item = line.itemID ?? "write-in"
      items.append(
        ReviewItem(
          kind: .differingSpecs,
          message: "line \(line.number) (\(item)): the participants' specs differ (\(quoted)); bidders see each "
            + "beside the line: check that one offer can meet them all, or split the line",
          line: line.number, agencyID: nil, sources: specs.flatMap(\.sources).sorted()))
    }
    items += lateFiles(solicitation, participants: participants, rejected: rejected)
    if let term = solicitation.term {
      // Every share's date is looked at, on every core; the lines' items come back in line order.
      items += ConcurrentMap.map(lines) { line in datesOutside(term, line) }.joined()
    }
    for participant in participants where participant.lineCount > 0 && participant.bindingLineCount == 0 {
      items.append(
        ReviewItem(
          kind: .onlyNonBinding,
          message: "\(participant.agency.id.value) commits to nothing: every one of its \(participant.lineCount) "
            + "lines is a non-binding estimate", line: nil, agencyID: participant.agency.id.value,
          sources: [.start(of: participant.path)]))
    }
    return items
  }

  /// The late files: each the lead agency has yet to decide on, each it accepted, and each it rejected (whose
  /// lines are in no solicitation line).
  private static func lateFiles(
    _ solicitation: Solicitation, participants: [ParticipantSummary], rejected: [ParticipantSummary]
  ) -> [ReviewItem] {
    let window = solicitation.orderingWindowCloses?.value
    /// What the participant's submission date says: late after the window, or nil.
    func lateness(_ participant: ParticipantSummary) -> String? {
      guard let submitted = participant.submitted, let window, submitted > window else { return nil }
      return "\(participant.agency.id.value) submitted its needs on \(submitted), after the ordering window closed on "
        + "\(window)"
    }
    var items: [ReviewItem] = []
    func add(_ kind: ReviewItem.Kind, _ participant: ParticipantSummary, _ message: String) {
      items.append(
        ReviewItem(
          kind: kind, message: message, line: nil, agencyID: participant.agency.id.value,
          sources: [.start(of: participant.path)]))
    }
    for participant in participants {
      let id = participant.agency.id.value
      let late = lateness(participant)
      switch solicitation.lateSubmissions.decision(for: id)?.decision {
      case .accept where late != nil || participant.submitted == nil:
        add(
          .lateFileAccepted, participant,
          "\(late ?? "\(id)'s needs file came in late"); the late file is accepted by the lead agency "
            + "(late_submissions.accept)")
      case nil where late != nil:
        add(
          .lateFile, participant,
          "\(late ?? id); accept the late file or reject it under late_submissions in solicitation.yaml")
      default: continue
      }
    }
    for participant in rejected {
      let lines = "\(participant.lineCount) line\(participant.lineCount == 1 ? " is" : "s are")"
      add(
        .lateFileRejected, participant,
        "\(lateness(participant) ?? "\(participant.agency.id.value)'s needs file came in late"); the late file is "
          + "rejected by the lead agency (late_submissions.reject): its \(lines) left out of the solicitation and its "
          + "documents")
    }
    return items
  }

  /// The review items of `line`'s shares needed outside `term`.
  private static func datesOutside(_ term: ContractTerm, _ line: SolicitationLine) -> [ReviewItem] {
    var items: [ReviewItem] = []
    for position in line.shares.indices {
      guard let needBy = line.shares.figures(at: position).needBy, needBy < term.start.value || needBy > term.end
      else { continue }
      let share = line.shares[position]
      let when =
        needBy < term.start.value
        ? "before the term starts on \(term.start.value)"
        : needBy <= term.endWithRenewals
          ? "after the initial term ends on \(term.end), so only within a renewal the lead agency may not exercise"
          : "after the term ends on \(term.endWithRenewals), even with every renewal"
      items.append(
        ReviewItem(
          kind: .needByOutsideTerm,
          message: "line \(line.number): \(share.agencyID) needs delivery by \(needBy), \(when)",
          line: line.number, agencyID: share.agencyID, sources: [share.source]))
    }
    return items
  }
}
