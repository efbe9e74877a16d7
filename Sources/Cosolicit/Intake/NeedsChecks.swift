import Foundation

/// Checks participants' needs files against each other, the schedule and the roster: an agency that submits
/// twice, a file submitted late, an agency that was not invited, an invited agency that has sent nothing. Each
/// line was checked as it was read (``NeedsResolver``).
struct NeedsChecks {
  /// The solicitation, when one was read.
  var solicitation: Solicitation?
  /// Whether the files checked are all the workspace's needs files (not files named alone), so that an invited
  /// agency none of them names has sent none.
  var seesEveryFile = true

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
    checkRoster(files.flatMap(\.sections).compactMap(\.agency), &diagnostics)
  }

  /// Warns at a needs file's agency that is not on the roster (the lead agency always takes part), and notes
  /// each invited agency without needs, when the solicitation lists whom it invited.
  private func checkRoster(_ agencies: [Agency], _ diagnostics: inout DiagnosticCollector) {
    guard let solicitation, let roster = solicitation.invited else { return }
    let lead = solicitation.leadAgency?.id.value
    for agency in agencies {
      let id = agency.id.value
      guard solicitation.invitedAgency(withID: id) == nil, !Identifier.same(id, lead) else { continue }
      let known = roster.map(\.id.value) + (lead.map { [$0] } ?? [])
      diagnostics.warning(
        "agency '\(id)' is not on the invited roster\(NearestName.hint(for: id, among: known)); expected an agency "
          + "listed under 'invited' in \(solicitation.path) (add it there if the lead agency invited it)",
        at: agency.id.location)
    }
    guard seesEveryFile else { return }
    let answered = Set(agencies.map { Identifier.key($0.id.value) })
    for agency in roster where !answered.contains(Identifier.key(agency.id.value)) {
      diagnostics.standaloneNote(
        "invited agency '\(agency.id.value)' (\(agency.name)) has not sent a needs file", at: agency.id.location)
    }
  }

  private func check(_ section: NeedsSection, _ diagnostics: inout DiagnosticCollector) {
    if let submitted = section.submitted, let window = solicitation?.orderingWindowCloses,
      submitted.value > window.value
    {
      diagnostics.warning(
        "submitted \(submitted.value) is after the ordering window closed on \(window.value); the file is late, "
          + "and the lead agency must accept it or remove it", at: submitted.location)
    }
  }
}
