import Foundation

/// Where each file of a solicitation package goes, in one place for the build, the checks that read a package
/// back, and the tests.
///
/// A package folder `<id>/` holds `public/` (what bidders see: each variant's RFP and bid forms, and the addenda)
/// and `internal/` (what only the lead agency sees: the aggregated solicitation, the participants, the comparison
/// report and the review list). `manifest.json` at the root lists every file of both trees; `public/manifest.json`
/// lists the public files only, and travels with them in `<id>.zip`, the archive to publish, which holds
/// `<id>/public/…` and nothing else.
public enum PackageLayout {
  /// The folder of what bidders see.
  public static let publicFolder = "public"
  /// The folder of what only the lead agency sees.
  public static let internalFolder = "internal"
  /// The folder of the addenda, inside `public/`.
  public static let addendaFolder = "addenda"
  /// The manifest of every file, at the root of the package.
  public static let manifest = "manifest.json"
  /// The manifest of the public files, inside `public/` and in the zip.
  public static let publicManifest = "\(publicFolder)/manifest.json"

  /// The path of `file` among the public documents of `variant`: `public/<variant>/<file>`.
  public static func `public`(_ variant: DocumentVariant, _ file: String) -> String {
    "\(publicFolder)/\(variant.rawValue)/\(file)"
  }

  /// The path of the internal `file`: `internal/<file>`.
  public static func `internal`(_ file: String) -> String {
    "\(internalFolder)/\(file)"
  }

  /// The path of addendum `number` with the extension `fileExtension`: `public/addenda/addendum-<N>.<ext>`.
  public static func addendum(_ number: Int, _ fileExtension: String) -> String {
    "\(publicFolder)/\(addendaFolder)/addendum-\(number).\(fileExtension)"
  }

  /// The name of the zip to publish, `<id>.zip`, at the root of the package.
  public static func zip(_ id: String) -> String { "\(id).zip" }

  /// Whether the package path `path` is published (under `public/`).
  public static func isPublic(_ path: String) -> Bool { path.hasPrefix(publicFolder + "/") }
}
