import CosolicitTestSupport
import Foundation
import Testing

@testable import Cosolicit

/// The plumbing of `build --pdf` with stand-ins for `soffice` (shell scripts), so it is checked where
/// LibreOffice is not installed: where each PDF is expected, what the converter is given, and what happens when
/// it writes nothing or does not finish.
@Suite struct PDFConversionTests {
  /// An executable script `soffice` in a new folder, running `body`.
  static func fakeSoffice(_ body: String) throws -> URL {
    let folder = try makeTemporaryFolder("fake-soffice")
    let script = folder.appendingPathComponent("soffice")
    try Data("#!/bin/sh\n\(body)\n".utf8).write(to: script)
    try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: script.path)
    return script
  }

  static let documents = [
    DocumentSet.File(path: "joint/rfp.docx", data: Data("joint".utf8)),
    DocumentSet.File(path: "piggyback/rfp.docx", data: Data("piggyback".utf8)),
  ]

  @Test func eachDocumentGetsThePDFTheConverterWritesBesideIt() throws {
    // Writes "%PDF <input's text> <HOME is a folder> <TZ>" for each input into the --outdir folder.
    let soffice = try Self.fakeSoffice(
      """
      while [ $# -gt 0 ]; do
        case "$1" in
          --outdir) out="$2"; shift 2 ;;
          *.docx) name=$(basename "$1" .docx); printf '%%PDF %s %s %s' "$(cat "$1")" \
            "$([ -d "$HOME" ] && echo home)" "$TZ" > "$out/$name.pdf"; shift ;;
          *) shift ;;
        esac
      done
      """)
    defer { try? FileManager.default.removeItem(at: soffice.deletingLastPathComponent()) }
    #expect(
      PDFConversion.soffice(searchPath: "/nonexistent:" + soffice.deletingLastPathComponent().path) == soffice.path)
    #expect(PDFConversion.soffice(searchPath: "/nonexistent") == nil)
    let pdfs = try PDFConversion.convert(Self.documents, soffice: soffice.path)
    #expect(pdfs.map(\.path) == ["joint/rfp.pdf", "piggyback/rfp.pdf"])
    #expect(
      pdfs.map { String(decoding: $0.data, as: UTF8.self) } == ["%PDF joint home UTC", "%PDF piggyback home UTC"])
  }

  @Test func aConverterThatWritesNothingIsAnError() throws {
    let soffice = try Self.fakeSoffice("echo 'Error: source file could not be loaded' >&2")
    defer { try? FileManager.default.removeItem(at: soffice.deletingLastPathComponent()) }
    #expect {
      try PDFConversion.convert(Self.documents, soffice: soffice.path)
    } throws: { error in
      let text = "\(error)"
      return text.contains("wrote no PDF of joint/rfp.docx") && text.contains("is LibreOffice Writer installed?")
    }
  }

  @Test func aConverterThatDoesNotFinishIsStopped() throws {
    let soffice = try Self.fakeSoffice("sleep 600")
    let log = soffice.deletingLastPathComponent()
    defer { try? FileManager.default.removeItem(at: log) }
    #expect {
      try PDFConversion.ProcessRun.run(soffice.path, [], home: log.path, log: log, timeout: 1)
    } throws: { error in
      "\(error)".contains("did not finish within 1 seconds and was stopped")
    }
  }
}
