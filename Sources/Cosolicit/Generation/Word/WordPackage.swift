import Foundation

/// `rfp.docx`: the RFP of a variant as a Word document (Office Open XML WordprocessingML), assembled from parts
/// the templates render and a few fixed ones, zipped through ``DeterministicZip`` so that the same solicitation
/// always gives the same bytes.
///
/// What a lead agency may restyle is a template: the body (`rfp.docx.mustache`), the running header and the core
/// properties (`rfp.docx-header.mustache`, `rfp.docx-core.mustache`), the styles, the bullet numbering and the
/// page-number footer (`rfp.docx-styles.xml`, `rfp.docx-numbering.xml`, `rfp.docx-footer.xml`). The parts that
/// only tie the package together (content types, relationships, settings, application properties) are fixed
/// here: they must name exactly the parts this type writes, so a template could only break them.
enum WordPackage {
  /// The document's file name in a variant's folder.
  static let fileName = "rfp.docx"

  /// The templates rendered from the variant's ``VariantDocument``, by the part each becomes.
  static let renderedParts = [
    ("rfp.docx", "word/document.xml"), ("rfp.docx-header", "word/header1.xml"), ("rfp.docx-core", "docProps/core.xml"),
  ]
  /// The templates copied as they are, by the part each becomes.
  static let copiedParts = [
    ("rfp.docx-styles.xml", "word/styles.xml"), ("rfp.docx-numbering.xml", "word/numbering.xml"),
    ("rfp.docx-footer.xml", "word/footer1.xml"),
  ]

  /// Why the document could not be made: a template that rendered nothing or is not well-formed XML.
  struct Failure: Error {
    /// The problems, each at its template.
    var diagnostics: [Diagnostic]
  }

  /// The `.docx` bytes of `model`, rendered with `templates`.
  static func render(_ model: VariantDocument, templates: TemplateSet) -> Result<Data, Failure> {
    var parts: [DeterministicZip.Entry] = fixedParts.map { DeterministicZip.Entry(path: $0.0, data: Data($0.1.utf8)) }
    var problems: [Diagnostic] = []
    func add(_ text: String?, template: String, file: String, part: String) {
      let origin = templates.origins[file] ?? file
      guard let text else {
        problems.append(
          Diagnostic(
            .error, "the template rendered nothing; is '\(template)' missing from the defaults?", at: .start(of: origin)
          ))
        return
      }
      // XML starts at its declaration: a template's leading blank lines (after its pragma) are not part of it.
      let xml = String(text.drop { $0.isWhitespace })
      // A lead agency's template may break the XML; the defaults are proven by the tests, and not parsed again.
      // The first problem only: libxml2's later ones follow from it.
      let isDefault = templates.text(file) == DefaultTemplates.files[file]
      let found = isDefault ? [] : XMLWellFormedness.check(xml, path: "\(fileName)/\(part)", bounded: false)
      for problem in found.prefix(1) {
        problems.append(
          Diagnostic(
            .error,
            "the \(part) part of \(fileName) is not well-formed XML: \(problem.message) (at line "
              + "\(problem.location.line) of the rendered part; check the template)",
            at: .start(of: origin)))
      }
      parts.append(DeterministicZip.Entry(path: part, data: Data(xml.utf8)))
    }
    for (template, part) in renderedParts {
      add(templates.render(template, model), template: template, file: template + ".mustache", part: part)
    }
    for (template, part) in copiedParts {
      add(templates.text(template), template: template, file: template, part: part)
    }
    guard problems.isEmpty else { return .failure(Failure(diagnostics: problems)) }
    do {
      return .success(try DeterministicZip.archive(parts))
    } catch {
      return .failure(Failure(diagnostics: [Diagnostic(.error, error.description, at: .start(of: fileName))]))
    }
  }

  /// The parts that tie the package together, by path.
  static let fixedParts: [(String, String)] = [
    ("[Content_Types].xml", WordPackageParts.contentTypes), ("_rels/.rels", WordPackageParts.packageRelationships),
    ("word/_rels/document.xml.rels", WordPackageParts.documentRelationships),
    ("word/settings.xml", WordPackageParts.settings), ("docProps/app.xml", WordPackageParts.applicationProperties),
  ]
}
