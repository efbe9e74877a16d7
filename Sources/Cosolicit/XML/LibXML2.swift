internal import CLibXML2

/// The one place that talks to libxml2 directly: one-time setup, safe parsing and error collection.
///
/// Every libxml2 pointer made here is either freed here or handed to a caller in this folder that frees it.
enum LibXML2 {
  /// The message given for any document that has a document type declaration.
  static let doctypeMessage =
    "document type declarations (DOCTYPE) are not allowed; remove the <!DOCTYPE …> line"

  /// Parser options for untrusted input: no network, no printing, real line numbers past 65535, and the
  /// encoding declaration ignored because a Swift `String` is always handed over as UTF-8. Entity
  /// substitution (`NOENT`) and DTD loading (`DTDLOAD`, `DTDATTR`, `DTDVALID`) are never enabled.
  static let parseOptions = Int32(
    XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue
      | XML_PARSE_BIG_LINES.rawValue | XML_PARSE_IGNORE_ENC.rawValue
  )

  /// Process-wide setup, run once on first use (`static let` initializers are thread-safe and lazy).
  private static let setUp: Bool = {
    xmlInitParser()
    // In 2.9.x `xmlSchemaParse` initializes the built-in types lazily without a lock; do it up front.
    xmlSchemaInitTypes()
    xmlSetExternalEntityLoader(xmlNoNetExternalEntityLoader)
    cosolicit_xml_silence_generic_errors()
    return true
  }()

  /// Makes sure libxml2 is set up and that nothing it says on this thread reaches stderr.
  static func prepare() {
    _ = setUp
    cosolicit_xml_silence_generic_errors_on_this_thread()
  }

  /// The runtime libxml2 version, such as "20914".
  static var version: String {
    prepare()
    guard let digits = cosolicit_xml_parser_version() else { return "unknown" }
    return String(cString: digits)
  }

  /// The result of parsing: the tree, which the caller must free with `xmlFreeDoc`, and what went wrong.
  struct Parsed {
    /// The parsed tree, or nil when the text is not usable. The caller owns and frees it.
    var document: xmlDocPtr?
    /// Every error and warning, in the order libxml2 reported them.
    var diagnostics: [Diagnostic]
  }

  /// Parses `text` as untrusted XML; rejects any DOCTYPE. Only returns a tree when there is no error.
  /// A document out of `XMLInputBounds` is not handed to libxml2 at all: its excesses are the errors. Without
  /// `bounded` (for a document the tool generated itself, whose size follows the solicitation's) the bounds are
  /// not applied; libxml2's own limits and the DOCTYPE rejection still are.
  static func parse(_ text: String, path: String, bounded: Bool = true) -> Parsed {
    prepare()
    let sink = ErrorSink(path: path)
    var utf8 = text
    let document: xmlDocPtr? = utf8.withUTF8 { bytes -> xmlDocPtr? in
      guard bytes.count <= Int(Int32.max) else {
        sink.error("the document is larger than 2 GiB, which libxml2 cannot parse", line: 0, column: 0)
        return nil
      }
      let excesses = bounded ? XMLInputBounds.check(bytes, path: path) : []
      guard excesses.isEmpty else {
        sink.record(excesses)
        return nil
      }
      guard let context = xmlNewParserCtxt() else {
        sink.error("libxml2 could not create a parser context (out of memory?)", line: 0, column: 0)
        return nil
      }
      defer { xmlFreeParserCtxt(context) }
      context.pointee._private = Unmanaged.passUnretained(sink).toOpaque()
      if let sax = context.pointee.sax {
        sax.pointee.serror = parserErrorHandler
        sax.pointee.internalSubset = doctypeHandler
        sax.pointee.externalSubset = doctypeHandler
      }
      return withExtendedLifetime(sink) {
        bytes.withMemoryRebound(to: CChar.self) { chars in
          let empty: StaticString = ""
          let base =
            chars.baseAddress
            ?? UnsafeRawPointer(empty.utf8Start).assumingMemoryBound(to: CChar.self)
          return xmlCtxtReadMemory(context, base, Int32(chars.count), path, nil, parseOptions)
        }
      }
    }
    var diagnostics = sink.diagnostics
    // Belt and braces: a tree that somehow came back with a DTD is rejected as well.
    let treeHasDTD = document.map { $0.pointee.intSubset != nil || $0.pointee.extSubset != nil } ?? false
    let hasDoctype = sink.sawDoctype || treeHasDTD
    if hasDoctype {
      if !sink.sawDoctype {
        diagnostics.append(Diagnostic(.error, doctypeMessage, at: .start(of: path)))
      }
    } else if document == nil, !diagnostics.contains(where: { $0.severity == .error }) {
      diagnostics.append(Diagnostic(.error, "libxml2 could not parse the document", at: .start(of: path)))
    }
    let usable = !hasDoctype && !diagnostics.contains { $0.severity == .error }
    if !usable, let document {
      xmlFreeDoc(document)
      return Parsed(document: nil, diagnostics: diagnostics)
    }
    return Parsed(document: document, diagnostics: diagnostics)
  }

  /// Collects the errors of one parse, schema compilation or validation; never shared between calls.
  final class ErrorSink {
    /// The path named in every diagnostic.
    let path: String
    /// What was reported so far.
    private(set) var diagnostics: [Diagnostic] = []
    /// Whether the parser met a document type declaration.
    private(set) var sawDoctype = false

    /// Creates an empty sink for the file at `path`.
    init(path: String) {
      self.path = path
    }

    /// Records an error of ours at `line` and `column` (0 for none).
    func error(_ message: String, line: Int, column: Int) {
      diagnostics.append(Diagnostic(.error, message, at: location(line: line, column: column)))
    }

    /// Records findings made without libxml2, such as a document's excesses over `XMLInputBounds`.
    func record(_ findings: [Diagnostic]) {
      diagnostics.append(contentsOf: findings)
    }

    /// Records that a DOCTYPE was found at `line`.
    func rejectDoctype(line: Int) {
      guard !sawDoctype else { return }
      sawDoctype = true
      error(LibXML2.doctypeMessage, line: max(line, 1), column: 1)
    }

    /// Records one structured libxml2 error.
    func record(_ error: UnsafePointer<xmlError>) {
      let raw = error.pointee
      let severity: Diagnostic.Severity = raw.level == XML_ERR_WARNING ? .warning : .error
      var message = raw.message.map { String(cString: $0) } ?? "libxml2 error \(raw.code)"
      message = LibXML2.tidy(message)
      if raw.domain == Int32(XML_FROM_SCHEMASV.rawValue), let node = raw.node,
        let nodePath = xmlGetNodePath(node.assumingMemoryBound(to: xmlNode.self))
      {
        defer { cosolicit_xml_free(nodePath) }
        message += " (at \(String(cString: nodePath)))"
      }
      let place = location(line: Int(raw.line), column: Int(raw.int2))
      diagnostics.append(Diagnostic(severity, message, at: place))
    }

    /// A location in this sink's file: the whole file when `line` is unknown, column 1 when `column` is.
    private func location(line: Int, column: Int) -> SourceLocation {
      line > 0 ? SourceLocation(path: path, line: line, column: max(column, 1)) : .start(of: path)
    }
  }

  /// Trims libxml2's trailing newline, spaces and final period from `message`.
  static func tidy(_ message: String) -> String {
    var text = Substring(message)
    while let last = text.last, last.isWhitespace { text.removeLast() }
    if text.hasSuffix("."), !text.hasSuffix("..") { text.removeLast() }
    return String(text)
  }

  /// The sink that was stored in a parser context's `_private` field.
  private static func sink(ofParserContext context: UnsafeMutableRawPointer?) -> ErrorSink? {
    guard let context else { return nil }
    let parser = context.assumingMemoryBound(to: xmlParserCtxt.self)
    guard let raw = parser.pointee._private else { return nil }
    return Unmanaged<ErrorSink>.fromOpaque(raw).takeUnretainedValue()
  }

  /// `sax.serror`: libxml2 passes the parser context (its `userData`) as the first argument.
  private static let parserErrorHandler: xmlStructuredErrorFunc = { context, error in
    guard let error, let sink = LibXML2.sink(ofParserContext: context) else { return }
    sink.record(error)
  }

  /// `sax.internalSubset` and `sax.externalSubset`: records the DOCTYPE and stops the parser at once,
  /// before any entity declaration is read.
  private static let doctypeHandler: internalSubsetSAXFunc = { context, _, _, _ in
    guard let context else { return }
    let parser = context.assumingMemoryBound(to: xmlParserCtxt.self)
    let line = parser.pointee.input.map { Int($0.pointee.line) } ?? 1
    LibXML2.sink(ofParserContext: context)?.rejectDoctype(line: line)
    xmlStopParser(parser)
  }

  /// A structured error handler for schema contexts, whose user data is an unretained `ErrorSink`.
  static let schemaErrorHandler: xmlStructuredErrorFunc = { userData, error in
    guard let userData, let error else { return }
    Unmanaged<ErrorSink>.fromOpaque(userData).takeUnretainedValue().record(error)
  }
}
