import CosolicitTestSupport
import Foundation
import Testing

@testable import Cosolicit

@Suite struct AtomicFileTests {
  /// A new empty temporary folder.
  func makeFolder() throws -> URL { try makeTemporaryFolder("atomic") }

  @Test func replacesAnExistingFileWhole() throws {
    let folder = try makeFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("out.txt").path
    try AtomicFile.write("first", to: path)
    try AtomicFile.write("second", to: path)
    #expect(try String(contentsOfFile: path, encoding: .utf8) == "second")
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["out.txt"])
  }

  @Test func aFailedWriteLeavesNothingBehind() throws {
    let folder = try makeFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    // The target is an existing folder that is not empty: rename(2) cannot replace it.
    let target = folder.appendingPathComponent("taken")
    try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
    try Data("keep".utf8).write(to: target.appendingPathComponent("inside"))
    #expect(throws: AtomicFile.Failure.self) { try AtomicFile.write("text", to: target.path) }
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["taken"])
    #expect(try String(contentsOf: target.appendingPathComponent("inside"), encoding: .utf8) == "keep")
  }
}

extension AtomicFileTests {
  @Test func keepsPermissionsAndFollowsSymbolicLinks() throws {
    let folder = try makeFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let real = folder.appendingPathComponent("real.json").path
    try AtomicFile.write("one", to: real)
    try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: real)
    let link = folder.appendingPathComponent("link.json").path
    try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: real)
    try AtomicFile.write("two", to: link)
    #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == real, "the link is still a link")
    #expect(try String(contentsOfFile: real, encoding: .utf8) == "two")
    let mode = try FileManager.default.attributesOfItem(atPath: real)[.posixPermissions] as? NSNumber
    #expect(mode?.intValue == 0o600)
  }
}

extension AtomicFileTests {
  struct Interrupted: Error {}

  @Test func aStreamWrittenInPartsArrivesWholeOrNotAtAll() throws {
    let folder = try makeFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("joint.json").path
    try AtomicFile.write(to: path) { emit in
      for part in ["{", "\"a\": 1", "}\n"] { try emit(part) }
    }
    #expect(try String(contentsOfFile: path, encoding: .utf8) == "{\"a\": 1}\n")
    // A producer failing after writing parts leaves the previous file and no temporary file.
    #expect(throws: AtomicFile.Failure.self) {
      try AtomicFile.write(to: path) { emit in
        try emit("half of a new ")
        throw Interrupted()
      }
    }
    #expect(try String(contentsOfFile: path, encoding: .utf8) == "{\"a\": 1}\n")
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["joint.json"])
  }
}
