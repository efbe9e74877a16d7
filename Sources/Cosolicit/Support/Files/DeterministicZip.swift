import Foundation
import ZIPFoundation

/// Zip archives whose bytes depend on their entries alone: every entry deflated, stamped with one fixed date and
/// fixed permissions, and added in path order, so that the same files give the same archive in any time zone,
/// under any umask, on any run. Packages, spreadsheets and documents are written through it.
public enum DeterministicZip {
  /// One file of an archive.
  public struct Entry: Sendable {
    /// The path inside the archive, with `/` between folders.
    public var path: String
    /// The file's bytes.
    public var data: Data

    /// The file at `path` holding `data`.
    public init(path: String, data: Data) {
      self.path = path
      self.data = data
    }
  }

  /// Why an archive could not be made.
  public struct Failure: Error, CustomStringConvertible {
    /// What went wrong.
    public var reason: String

    public var description: String { "cannot make the zip archive: \(reason)" }
  }

  /// The time stamped on every entry.
  public static let entryDate = Date(timeIntervalSince1970: 946_684_800)  // 2000-01-01T00:00:00Z
  /// The permissions of every entry: readable by all, writable by the owner.
  public static let entryPermissions: UInt16 = 0o644

  /// The archive of `entries`, in path order (byte order of their UTF-8), each deflated.
  public static func archive(_ entries: [Entry]) throws(Failure) -> Data {
    do {
      // ZIPFoundation's Archive is not Sendable: it lives and dies in this call.
      let archive = try Archive(data: Data(), accessMode: .create)
      for entry in entries.sorted(by: { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }) {
        let data = entry.data
        try archive.addEntry(
          with: entry.path, type: .file, uncompressedSize: Int64(data.count), modificationDate: entryDate,
          permissions: entryPermissions, compressionMethod: .deflate
        ) { position, size in
          data.subdata(in: Int(position)..<Int(position) + size)
        }
      }
      guard let bytes = archive.data else { throw Failure(reason: "it could not be finished") }
      return bytes
    } catch let failure as Failure {
      throw failure
    } catch {
      throw Failure(reason: "\(error)")
    }
  }
}
