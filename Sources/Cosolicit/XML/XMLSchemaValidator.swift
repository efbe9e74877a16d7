internal import CLibXML2

/// An XSD schema compiled by libxml2, used to validate XML documents.
///
/// The compiled schema is shared read-only; each `validate` call makes its own validation context, so one
/// validator can be used from many tasks at once.
public struct XMLSchemaValidator: Sendable {
  /// The compiled schema and the schema document it points into, freed together.
  private final class CompiledSchema: @unchecked Sendable {
    // @unchecked: both pointers are only read after `init`; every validation gets its own
    // `xmlSchemaNewValidCtxt`, and libxml2 does not modify a compiled schema while validating.
    let schema: xmlSchemaPtr
    let document: xmlDocPtr

    init(schema: xmlSchemaPtr, document: xmlDocPtr) {
      self.schema = schema
      self.document = document
    }

    deinit {
      xmlSchemaFree(schema)
      xmlFreeDoc(document)
    }
  }

  private let compiled: CompiledSchema

  /// Warnings libxml2 gave while compiling the schema; usually none.
  public let warnings: [Diagnostic]

  /// The version of the libxml2 library in use, such as "20914".
  public static var libxml2Version: String { LibXML2.version }

  /// Compiles `schema` (XSD text); `path` names it in diagnostics. Throws
  /// `XMLSchemaError.invalidSchema` listing every schema error.
  public init(schema: String, path: String) throws(XMLSchemaError) {
    // The schema text goes through the same safe parser as documents (no DOCTYPE, no network) instead of
    // `xmlSchemaNewMemParserCtxt`, which parses with XML_PARSE_NOENT. Documents the schema itself pulls in
    // with xs:include, xs:import or xs:redefine are still loaded by libxml2 that way (local files only).
    let parsed = LibXML2.parse(schema, path: path)
    guard let document = parsed.document else {
      throw .invalidSchema(parsed.diagnostics)
    }
    let sink = LibXML2.ErrorSink(path: path)
    let compiledSchema: xmlSchemaPtr? = withExtendedLifetime(sink) {
      guard let context = xmlSchemaNewDocParserCtxt(document) else { return nil }
      defer { xmlSchemaFreeParserCtxt(context) }
      xmlSchemaSetParserStructuredErrors(
        context, LibXML2.schemaErrorHandler, Unmanaged.passUnretained(sink).toOpaque())
      return xmlSchemaParse(context)
    }
    let diagnostics = parsed.diagnostics + sink.diagnostics
    guard let compiledSchema, !diagnostics.contains(where: { $0.severity == .error }) else {
      if let compiledSchema { xmlSchemaFree(compiledSchema) }
      xmlFreeDoc(document)
      var reported = diagnostics
      if !reported.contains(where: { $0.severity == .error }) {
        reported.append(Diagnostic(.error, "libxml2 could not compile the schema", at: .start(of: path)))
      }
      throw .invalidSchema(reported)
    }
    // The compiled schema keeps pointers into its document, so both live and die together.
    self.compiled = CompiledSchema(schema: compiledSchema, document: document)
    self.warnings = diagnostics
  }

  /// Parses `document` safely and validates it; returns every problem found (empty when valid).
  /// Malformed XML gives parse errors with line and column.
  public func validate(_ document: String, path: String) -> [Diagnostic] {
    let parsed = LibXML2.parse(document, path: path)
    guard let tree = parsed.document else { return parsed.diagnostics }
    defer { xmlFreeDoc(tree) }
    let sink = LibXML2.ErrorSink(path: path)
    let status: Int32 = withExtendedLifetime((sink, compiled)) {
      guard let context = xmlSchemaNewValidCtxt(compiled.schema) else { return -1 }
      defer { xmlSchemaFreeValidCtxt(context) }
      xmlSchemaSetValidStructuredErrors(
        context, LibXML2.schemaErrorHandler, Unmanaged.passUnretained(sink).toOpaque())
      return xmlSchemaValidateDoc(context, tree)
    }
    var diagnostics = parsed.diagnostics + sink.diagnostics
    if status != 0, !sink.diagnostics.contains(where: { $0.severity == .error }) {
      let message = "libxml2 could not validate the document (internal error \(status))"
      diagnostics.append(Diagnostic(.error, message, at: .start(of: path)))
    }
    return diagnostics
  }
}

/// Why an XSD schema could not be used.
public enum XMLSchemaError: Error, CustomStringConvertible {
  /// The schema is not well-formed XML or not a valid XSD; every problem found, in order.
  case invalidSchema([Diagnostic])

  /// The problems behind the error.
  public var diagnostics: [Diagnostic] {
    switch self {
    case .invalidSchema(let diagnostics): diagnostics
    }
  }

  /// A summary line followed by one line per problem.
  public var description: String {
    switch self {
    case .invalidSchema(let diagnostics):
      (["invalid XML schema:"] + diagnostics.map(\.description)).joined(separator: "\n")
    }
  }
}
