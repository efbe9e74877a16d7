import Foundation

/// Checks participants' needs files against each other and the schedule: an agency that submits twice, a file
/// submitted late. Each line was checked as it was read (``NeedsResolver``).
struct NeedsChecks {
  /// The solicitation, when one was read.
  var solicitation: Solicitation?

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
