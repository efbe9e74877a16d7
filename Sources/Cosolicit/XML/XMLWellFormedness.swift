internal import CLibXML2

/// Checks that a text is well-formed XML, parsed with the same safe options as validation.
public enum XMLWellFormedness {
  /// Returns every well-formedness problem in `document` (empty when well-formed); `path` names it.
  /// A document type declaration (DOCTYPE) is always an error. `bounded: false` is for a document the tool
  /// generated, whose size follows the solicitation's: the input bounds (`XMLInputBounds`) are not applied.
  public static func check(_ document: String, path: String, bounded: Bool = true) -> [Diagnostic] {
    let parsed = LibXML2.parse(document, path: path, bounded: bounded)
    if let tree = parsed.document { xmlFreeDoc(tree) }
    return parsed.diagnostics
  }
}
