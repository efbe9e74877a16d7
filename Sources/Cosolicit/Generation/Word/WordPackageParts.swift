/// The fixed parts of `rfp.docx` (``WordPackage``): the content types of its parts, the relationships between
/// them, the document settings and the application properties. Nothing in them depends on the solicitation.
enum WordPackageParts {
  private static let declaration = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
  private static let officeDocument = "http://schemas.openxmlformats.org/officeDocument/2006"
  private static let wordprocessing = "application/vnd.openxmlformats-officedocument.wordprocessingml"

  /// `[Content_Types].xml`: what each part is.
  static let contentTypes =
    declaration + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
    + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
    + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
    + "<Override PartName=\"/word/document.xml\" ContentType=\"\(wordprocessing).document.main+xml\"/>"
    + "<Override PartName=\"/word/styles.xml\" ContentType=\"\(wordprocessing).styles+xml\"/>"
    + "<Override PartName=\"/word/numbering.xml\" ContentType=\"\(wordprocessing).numbering+xml\"/>"
    + "<Override PartName=\"/word/settings.xml\" ContentType=\"\(wordprocessing).settings+xml\"/>"
    + "<Override PartName=\"/word/header1.xml\" ContentType=\"\(wordprocessing).header+xml\"/>"
    + "<Override PartName=\"/word/footer1.xml\" ContentType=\"\(wordprocessing).footer+xml\"/>"
    + "<Override PartName=\"/docProps/core.xml\" "
    + "ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>"
    + "<Override PartName=\"/docProps/app.xml\" "
    + "ContentType=\"application/vnd.openxmlformats-officedocument.extended-properties+xml\"/>"
    + "</Types>"

  /// `_rels/.rels`: the main document and the two property parts.
  static let packageRelationships =
    declaration + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
    + "<Relationship Id=\"rId1\" Type=\"\(officeDocument)/relationships/officeDocument\" Target=\"word/document.xml\"/>"
    + "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/"
    + "core-properties\" Target=\"docProps/core.xml\"/>"
    + "<Relationship Id=\"rId3\" Type=\"\(officeDocument)/relationships/extended-properties\" "
    + "Target=\"docProps/app.xml\"/>"
    + "</Relationships>"

  /// `word/_rels/document.xml.rels`: the parts the body uses; the ids are the ones `rfp.docx.mustache` names.
  static let documentRelationships =
    declaration + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
    + "<Relationship Id=\"rIdStyles\" Type=\"\(officeDocument)/relationships/styles\" Target=\"styles.xml\"/>"
    + "<Relationship Id=\"rIdNumbering\" Type=\"\(officeDocument)/relationships/numbering\" Target=\"numbering.xml\"/>"
    + "<Relationship Id=\"rIdSettings\" Type=\"\(officeDocument)/relationships/settings\" Target=\"settings.xml\"/>"
    + "<Relationship Id=\"rIdHeader1\" Type=\"\(officeDocument)/relationships/header\" Target=\"header1.xml\"/>"
    + "<Relationship Id=\"rIdFooter1\" Type=\"\(officeDocument)/relationships/footer\" Target=\"footer1.xml\"/>"
    + "</Relationships>"

  /// `word/settings.xml`: US English, Word 2013+ layout; fields are not updated on opening (the table of
  /// contents is written out already, and Word would otherwise ask).
  static let settings =
    declaration + "<w:settings xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
    + "<w:defaultTabStop w:val=\"720\"/><w:characterSpacingControl w:val=\"doNotCompress\"/>"
    + "<w:compat><w:compatSetting w:name=\"compatibilityMode\" w:uri=\"http://schemas.microsoft.com/office/word\" "
    + "w:val=\"15\"/></w:compat><w:themeFontLang w:val=\"en-US\"/></w:settings>"

  /// `docProps/app.xml`: the application that wrote the document, and no counts or times that could vary.
  static let applicationProperties =
    declaration + "<Properties xmlns=\"\(officeDocument)/extended-properties\">"
    + "<Application>\(VariantDocument.generator)</Application><DocSecurity>0</DocSecurity></Properties>"
}
