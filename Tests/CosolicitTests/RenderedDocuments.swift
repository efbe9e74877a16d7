import Foundation
import Testing
import ZIPFoundation

@testable import Cosolicit

/// The documents of both variants of `joint`, rendered with the default templates, by path (a Word document by
/// its body, `word/document.xml`); records an issue for any finding of the rendering (which validates each XML
/// bid form against the schema).
func renderedDocuments(
  of joint: JointSolicitation, sourceLocation: Testing.SourceLocation = #_sourceLocation
) throws -> [String: String] {
  var diagnostics = DiagnosticCollector()
  let templates = try #require(TemplateSet.load(overrides: nil, &diagnostics), sourceLocation: sourceLocation)
  let files = try #require(
    DocumentSet(variants: [.joint, .piggyback]).render(joint, templates: templates, &diagnostics),
    sourceLocation: sourceLocation)
  #expect(diagnostics.diagnostics.isEmpty, "\(diagnostics.diagnostics)", sourceLocation: sourceLocation)
  return Dictionary(
    uniqueKeysWithValues: try files.map { file in
      guard file.path.hasSuffix(".docx") else { return (file.path, String(decoding: file.data, as: UTF8.self)) }
      return (file.path, try wordDocumentBody(file.data))
    })
}

/// The text of `word/document.xml` in the Word document `data`.
func wordDocumentBody(_ data: Data) throws -> String {
  let archive = try Archive(data: data, accessMode: .read)
  var body = Data()
  _ = try archive.extract(try #require(archive["word/document.xml"])) { body.append($0) }
  return String(decoding: body, as: UTF8.self)
}
