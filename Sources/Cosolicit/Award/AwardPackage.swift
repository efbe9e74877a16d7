import Foundation

/// The award package `cosolicit tabulate --out` writes, `OUT/<id>-award/`: the bid tabulation (HTML and CSV),
/// each participant's award schedule (`schedules/<participant id>.html` and `.csv`), the reconciliation of the
/// schedules' cents against the award, the OCDS release, and a manifest of them all; complete or not at all.
public enum AwardPackage {
  /// The `format` of the award package's manifest.
  public static let manifestFormat = "cosolicit.award-manifest/1"

  /// The package's folder name in the output folder: `<solicitation id>-award`, beside (never over) the
  /// solicitation package `<solicitation id>`.
  public static func folderName(_ id: String) -> String { "\(id)-award" }

  /// Every document of the award package of `tabulation`, sorted by path (the manifest is added on writing).
  public static func files(_ tabulation: BidTabulation) -> [DocumentSet.File] {
    let schedules = ParticipantSchedule.schedules(for: tabulation)
    let reconciliation = AwardReconciliation.make(tabulation: tabulation, schedules: schedules)
    var files = [
      file("tabulation.html", TabulationDocument.html(tabulation)),
      file("tabulation.csv", TabulationDocument.csv(tabulation)),
      file("reconciliation.csv", ReconciliationDocument.csv(reconciliation)),
      file(
        "ocds.json",
        OCDSAwardRelease.package(tabulation, schedules: schedules, awarded: tabulation.awarded).serialized),
    ]
    for schedule in schedules {
      let id = schedule.participant.id.value
      files.append(
        file(
          "schedules/\(id).html",
          ScheduleDocument.html(schedule, tabulation: tabulation, reconciliation: reconciliation)))
      files.append(file("schedules/\(id).csv", ScheduleDocument.csv(schedule, tabulation: tabulation)))
    }
    return files.sorted { $0.path < $1.path }
  }

  /// Writes `files` and their manifest to `output/<id>-award/`, replacing an earlier award package of the same
  /// solicitation only once the new one is complete, and nothing that is not one. Returns the folder.
  public static func write(
    _ files: [DocumentSet.File], solicitation id: String, to output: String
  ) throws(SolicitationPackage.Failure) -> String {
    let manifest = SolicitationPackage.manifest(of: files, solicitation: id, format: manifestFormat)
    return try SolicitationPackage.replace(
      folder: folderName(id), in: output, with: files + [manifest], format: manifestFormat, solicitation: id)
  }

  private static func file(_ path: String, _ text: String) -> DocumentSet.File {
    DocumentSet.File(path: path, data: Data(text.utf8))
  }
}
