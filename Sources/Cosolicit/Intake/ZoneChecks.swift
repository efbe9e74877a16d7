/// Checks the price zones of `solicitation.yaml` against the needs files: every participant falls in a zone,
/// and every agency a zone lists is a participant, an invited agency or the lead agency. The zones themselves
/// (unique ids, each agency listed once) were checked as they were read (``SolicitationReader``).
struct ZoneChecks {
  /// The solicitation, when one was read.
  var solicitation: Solicitation?
  /// Whether the files checked are all the workspace's needs files, so that an agency none of them names is no
  /// participant.
  var everyFile = true

  func check(_ files: [NeedsFile], _ diagnostics: inout DiagnosticCollector) {
    guard let solicitation, let zones = solicitation.zones, !zones.isEmpty else { return }
    let agencies = files.flatMap(\.sections).compactMap(\.agency).filter {
      !solicitation.lateSubmissions.rejects($0.id.value)
    }
    let zoneIDs = zones.map(\.id.value)
    for agency in agencies where !zones.contains(where: { $0.contains(agency.id.value) }) {
      diagnostics.error(
        "agency '\(agency.id.value)' has needs but falls in no price zone; add it to the participants of one of "
          + "the zones in \(solicitation.path) (\(zoneIDs.joined(separator: ", ")))", at: agency.id.location)
      diagnostics.note("the zones are defined here", at: zones[0].id.location)
    }
    // Whether a listed agency takes part is known only when every needs file and every agency in it was read.
    guard everyFile, files.allSatisfy({ $0.sections.allSatisfy { $0.agency != nil } }) else { return }
    let lead = solicitation.leadAgency?.id.value
    let known = agencies.map(\.id.value) + (solicitation.invited ?? []).map(\.id.value) + (lead.map { [$0] } ?? [])
    for zone in zones {
      for listed in zone.participants where !known.contains(where: { Identifier.same($0, listed.value) }) {
        diagnostics.error(
          "zone '\(zone.id.value)': agency '\(listed.value)' is neither a participant (no needs file names it), "
            + "nor invited, nor the lead agency\(NearestName.hint(for: listed.value, among: known)); list the "
            + "agencies whose needs the zone delivers to", at: listed.location)
      }
    }
  }
}
