/// Builds the lead agency's review list: write-ins, differing notes, late files, dates outside the term, and
/// participants with only non-binding lines.
enum ReviewList {
  static func build(
    solicitation: Solicitation, lines: [SolicitationLine], participants: [ParticipantSummary]
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
    for line in lines where !line.isWriteIn {
      let noted = line.shares.indices.filter { line.shares.figures(at: $0).hasNotes }.map { line.shares[$0] }
      let distinct = Set(noted.compactMap(\.notes))
      guard distinct.count > 1 else { continue }
      let quoted = noted.map { "\($0.agencyID): \"\($0.notes ?? "")\"" }.joined(separator: "; ")
      items.append(
        ReviewItem(
          kind: .differingNotes,
          message: "line \(line.number) (\(line.itemID ?? "")): the participants' notes differ (\(quoted)); check "
            + "that they want the same specification", line: line.number, agencyID: nil, sources: noted.map(\.source)))
    }
    if let window = solicitation.orderingWindowCloses?.value {
      for participant in participants {
        guard let submitted = participant.submitted, submitted > window else { continue }
        items.append(
          ReviewItem(
            kind: .lateFile,
            message: "\(participant.agency.id.value) submitted its needs on \(submitted), after the ordering window "
              + "closed on \(window); accept the late file or remove it", line: nil,
            agencyID: participant.agency.id.value, sources: [.start(of: participant.path)]))
      }
    }
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
