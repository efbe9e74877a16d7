import Foundation
import Testing

@testable import Cosolicit

/// The documents of both variants of `joint`, rendered with the default templates, by path; records an issue for
/// any finding of the rendering (which validates each XML bid form against the schema).
func renderedDocuments(
  of joint: JointSolicitation, sourceLocation: Testing.SourceLocation = #_sourceLocation
) throws -> [String: String] {
  var diagnostics = DiagnosticCollector()
  let templates = try #require(TemplateSet.load(overrides: nil, &diagnostics), sourceLocation: sourceLocation)
  let files = try #require(
    DocumentSet(variants: [.joint, .piggyback]).render(joint, templates: templates, &diagnostics),
    sourceLocation: sourceLocation)
  #expect(diagnostics.diagnostics.isEmpty, "\(diagnostics.diagnostics)", sourceLocation: sourceLocation)
  return Dictionary(uniqueKeysWithValues: files.map { ($0.path, String(decoding: $0.data, as: UTF8.self)) })
}
