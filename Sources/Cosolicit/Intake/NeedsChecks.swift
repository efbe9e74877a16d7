import Foundation

/// Checks participants' needs files against each other, the schedule and the roster: an agency that submits
/// twice, a file submitted late, the lead agency's decisions on late files, an agency that was not invited, an
/// invited agency that has sent nothing. Each line was checked as it was read (``NeedsResolver``).
struct NeedsChecks {
  /// The solicitation, when one was read.
  var solicitation: Solicitation?
  /// Whether the files checked are all the workspace's needs files, so that an agency none of them names is no
  /// participant; false when files are validated one by one, or a needs file could not be read at all.
  var everyFile = true

  func check(_ files: [NeedsFile], _ diagnostics: inout DiagnosticCollector) {
    var firstPlace: [String: Agency] = [:]
    for section in files.flatMap(\.sections) {
      if let agency = section.agency {
        let id = agency.id
        if let first = firstPlace[Identifier.key(id.value)] {
          let spelled =
            first.id.value == id.value ? "" : " as '\(first.id.value)' (ids that differ only in case are the same id)"
          diagnostics.error(
            "agency '\(id.value)' already has needs at \(first.id.location)\(spelled); each participant submits its "
              + "needs once, in one file", at: id.location)
          diagnostics.note("agency '\(first.id.value)' first appears here", at: first.id.location)
        } else {
          firstPlace[Identifier.key(id.value)] = agency
        }
      }
      check(section, &diagnostics)
    }
    // Whether an agency is a participant is known only when every needs file and every agency in it was read.
    let everyAgency = everyFile && files.allSatisfy { $0.sections.allSatisfy { $0.agency != nil } }
    checkRoster(files.flatMap(\.sections).compactMap(\.agency), notingSilence: everyAgency, &diagnostics)
    guard everyAgency, let decisions = solicitation?.lateSubmissions else { return }
    for (list, ids) in [("accept", decisions.accepted), ("reject", decisions.rejected)] {
      for id in ids where firstPlace[Identifier.key(id.value)] == nil {
        diagnostics.error(
          "late_submissions.\(list): '\(id.value)' is not a participant: no needs file names that agency"
            + NearestName.hint(for: id.value, among: firstPlace.values.map(\.id.value).sorted()),
          at: id.location)
      }
    }
    // Rejecting every participant would leave a solicitation of no lines, as an empty needs folder would.
    if let first = decisions.rejected.first, !firstPlace.isEmpty,
      firstPlace.values.allSatisfy({ decisions.rejects($0.id.value) })
    {
      diagnostics.error(
        "late_submissions.reject: every participant's needs are rejected, so nothing is left to solicit; accept "
          + "the late files that should stay, or extend the ordering window", at: first.location)
    }
  }

  /// Warns at a needs file's agency that is not on the roster (the lead agency always takes part), and, when
  /// `notingSilence` (every needs file was read), notes each invited agency without needs.
  private func checkRoster(
    _ agencies: [Agency], notingSilence: Bool, _ diagnostics: inout DiagnosticCollector
  ) {
    guard let solicitation, let roster = solicitation.invited else { return }
    let lead = solicitation.leadAgency?.id.value
    for agency in agencies {
      let id = agency.id.value
      if let invited = solicitation.invitedAgency(withID: id) {
        checkAgreement(agency, with: invited, &diagnostics)
        continue
      }
      guard !Identifier.same(id, lead) else { continue }
      let known = roster.map(\.id.value) + (lead.map { [$0] } ?? [])
      diagnostics.warning(
        "agency '\(id)' is not on the invited roster\(NearestName.hint(for: id, among: known)); expected an agency "
          + "listed under 'invited' in \(solicitation.path) (add it there if the lead agency invited it)",
        at: agency.id.location)
    }
    guard notingSilence else { return }
    let answered = Set(agencies.map { Identifier.key($0.id.value) })
    for agency in roster where !answered.contains(Identifier.key(agency.id.value)) {
      diagnostics.remark(
        "invited agency '\(agency.id.value)' (\(agency.name)) has not sent a needs file", at: agency.id.location)
    }
  }

  /// Warns where a needs file names an invited agency otherwise than the roster does (its name, type or state):
  /// the forms were pre-filled from the roster, the documents use the needs file.
  private func checkAgreement(
    _ agency: Agency, with invited: Agency, _ diagnostics: inout DiagnosticCollector
  ) {
    let differences = [
      ("name", agency.name, invited.name), ("type", agency.type?.rawValue, invited.type?.rawValue),
      ("state", agency.state, invited.state),
    ].compactMap { field, given, listed -> String? in
      guard let given, let listed, given != listed else { return nil }
      return "\(field) '\(given)' (the roster: '\(listed)')"
    }
    guard !differences.isEmpty else { return }
    diagnostics.warning(
      "agency '\(agency.id.value)' is given here with \(differences.joined(separator: ", ")); the documents use the "
        + "needs file's; make the roster under 'invited' and the needs file agree", at: agency.id.location)
    diagnostics.note("the roster's entry for '\(invited.id.value)' is here", at: invited.id.location)
  }

  private func check(_ section: NeedsSection, _ diagnostics: inout DiagnosticCollector) {
    guard let solicitation, let window = solicitation.orderingWindowCloses else { return }
    let submitted = section.submitted
    let isLate = submitted.map { $0.value > window.value } ?? false
    guard let agency = section.agency,
      let (decision, listed) = solicitation.lateSubmissions.decision(for: agency.id.value)
    else {
      if let submitted, isLate {
        diagnostics.warning(
          "submitted \(submitted.value) is after the ordering window closed on \(window.value); the file is late: "
            + "the lead agency accepts or rejects it under late_submissions in solicitation.yaml",
          at: submitted.location)
      }
      return
    }
    if let submitted, !isLate {
      let effect = decision == .accept ? "the entry changes nothing" : "it is left out all the same"
      diagnostics.warning(
        "late_submissions.\(decision.rawValue): '\(listed.value)' is listed, but its needs file was submitted on "
          + "\(submitted.value), by the close of the ordering window on \(window.value), so it is not late; "
          + "\(effect). Remove the entry if the file is on time", at: listed.location)
      diagnostics.note("the file's submission date is here", at: submitted.location)
    }
    if decision == .reject {
      let when = submitted.map { isLate ? " (submitted \($0.value), after the window closed on \(window.value))" : "" }
      diagnostics.remark(
        "the needs of '\(agency.id.value)'\(when ?? "") are rejected as late by late_submissions in "
          + "solicitation.yaml; they are left out of the aggregation and the documents",
        at: submitted?.location ?? agency.id.location)
    }
  }
}
