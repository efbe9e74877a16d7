import Foundation

extension WordPackage {
  /// What a Word document made of ready paragraphs shows besides its body.
  struct Properties {
    /// The running header's text.
    var header: String
    /// The document's title, in its core properties.
    var title: String
    /// Its subject.
    var subject: String
    /// Its author: the lead agency.
    var creator: String
  }

  /// The `.docx` bytes of a document whose body is `paragraphs` (WordprocessingML `<w:p>` elements in the
  /// package's style ids, such as ``MarkdownDocument/wordML(firstHeadingLevel:)`` writes), on Letter pages with
  /// the default templates' styles, numbering and page-number footer, and `properties`' running header.
  static func document(paragraphs: String, properties: Properties) -> Result<Data, Failure> {
    let declaration = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    let main = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\""
    let body =
      declaration + "<w:document \(main) "
      + "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><w:body>\n\(paragraphs)\n"
      + "<w:sectPr><w:headerReference w:type=\"default\" r:id=\"rIdHeader1\"/><w:footerReference w:type=\"default\" "
      + "r:id=\"rIdFooter1\"/><w:pgSz w:w=\"12240\" w:h=\"15840\"/><w:pgMar w:top=\"1440\" w:right=\"1440\" "
      + "w:bottom=\"1440\" w:left=\"1440\" w:header=\"720\" w:footer=\"720\" w:gutter=\"0\"/></w:sectPr>"
      + "</w:body></w:document>\n"
    let header =
      declaration + "<w:hdr \(main)><w:p><w:pPr><w:pStyle w:val=\"Header\"/></w:pPr><w:r><w:t xml:space=\"preserve\">"
      + XMLText.escaped(properties.header) + "</w:t></w:r></w:p></w:hdr>\n"
    let core =
      declaration
      + "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" "
      + "xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><dc:title>\(XMLText.escaped(properties.title))</dc:title>"
      + "<dc:subject>\(XMLText.escaped(properties.subject))</dc:subject>"
      + "<dc:creator>\(XMLText.escaped(properties.creator))</dc:creator><dc:language>en-US</dc:language>"
      + "</cp:coreProperties>\n"
    var parts = fixedParts.map { DeterministicZip.Entry(path: $0.0, data: Data($0.1.utf8)) }
    parts += [("word/document.xml", body), ("word/header1.xml", header), ("docProps/core.xml", core)].map {
      DeterministicZip.Entry(path: $0.0, data: Data($0.1.utf8))
    }
    for (template, part) in copiedParts {
      let text = String((DefaultTemplates.files[template] ?? "").drop { $0.isWhitespace })
      parts.append(DeterministicZip.Entry(path: part, data: Data(text.utf8)))
    }
    do {
      return .success(try DeterministicZip.archive(parts))
    } catch {
      return .failure(Failure(diagnostics: [Diagnostic(.error, error.description, at: .start(of: "document.docx"))]))
    }
  }
}
