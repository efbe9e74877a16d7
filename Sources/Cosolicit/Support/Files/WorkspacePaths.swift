import Foundation

/// Writes input paths relative to the workspace folder, so that the joint solicitation reads the same
/// whichever folder the tool ran from.
struct WorkspacePaths {
  let root: String?

  func relative(_ path: String) -> String {
    guard let root, !root.isEmpty else { return path }
    let prefix = root.hasSuffix("/") ? root : root + "/"
    return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
  }
}
