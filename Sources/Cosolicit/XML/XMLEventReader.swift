internal import CLibXML2

/// Reads untrusted XML as a stream of events (element starts with their attributes, texts, element ends), for
/// documents too large to hold as a tree, such as a workbook's sheet.
///
/// Built on libxml2's streaming reader (`xmlTextReader`), with the safe options of the rest of this folder: no
/// network, no entity substitution, no DTD loading, and a document type declaration rejected before libxml2
/// reads it. Only UTF-8 is read. An element with more attributes than `XMLInputBounds.maximumAttributes` is
/// refused before parsing (libxml2's check of repeated attributes is quadratic). Names are local names,
/// without prefix or namespace: the documents read this way (Office Open XML parts) are told apart by their
/// structure. Every libxml2 allocation is freed before `read` returns.
enum XMLEventReader {
  /// One attribute: its local name and its value, with references replaced.
  struct Attribute: Sendable {
    /// The local name, without prefix.
    var name: String
    /// The value as the document means it.
    var value: String
  }

  /// An element's start tag.
  struct Element: Sendable {
    /// The local name, without prefix.
    var name: String
    /// The attributes in document order, namespace declarations left out.
    var attributes: [Attribute]

    /// The value of the attribute with local name `name`, if present.
    func attribute(_ name: String) -> String? {
      attributes.first { $0.name == name }?.value
    }
  }

  /// What the reader meets, in document order.
  enum Event: Sendable {
    /// An element starts. An empty element (`<a/>`) is followed by its `end` at once.
    case start(Element)
    /// A run of text (character data, a CDATA section or white space) inside the current element.
    case text(String)
    /// The element called `name` ends.
    case end(String)
  }

  /// Why a document could not be read: what libxml2 (or the checks before it) said, and where, in the
  /// document's own lines and columns (1-based; 0 when unknown).
  struct Failure: Error, Sendable, Equatable {
    /// What is wrong, without a trailing period.
    var message: String
    /// The line in the document, or 0.
    var line: Int
    /// The column in the document, or 0.
    var column: Int
  }

  /// Reads `bytes`, handing each event to `handle` until it returns false or the document ends. Returns why
  /// the document could not be read to its end, or nil when it was (or `handle` stopped it).
  static func read(_ bytes: [UInt8], _ handle: (Event) -> Bool) -> Failure? {
    guard !bytes.isEmpty else { return Failure(message: "the document is empty", line: 0, column: 0) }
    guard bytes.count <= Int(Int32.max) else {
      return Failure(message: "the document is larger than 2 GiB, which libxml2 cannot read", line: 0, column: 0)
    }
    if let problem = prologProblem(bytes) { return problem }
    return bytes.withUnsafeBufferPointer { buffer -> Failure? in
      if let offset = XMLInputBounds.firstElementWithTooManyAttributes(buffer) {
        let (line, column) = position(of: offset, in: buffer)
        return Failure(
          message: "an element has more than \(XMLInputBounds.maximumAttributes) attributes", line: line,
          column: column)
      }
      LibXML2.prepare()
      let sink = FirstError()
      return buffer.withMemoryRebound(to: CChar.self) { chars -> Failure? in
        guard let base = chars.baseAddress,
          let reader = xmlReaderForMemory(base, Int32(chars.count), nil, nil, LibXML2.parseOptions)
        else {
          return Failure(message: "libxml2 could not create a reader (out of memory?)", line: 0, column: 0)
        }
        defer { xmlFreeTextReader(reader) }
        return withExtendedLifetime(sink) {
          xmlTextReaderSetStructuredErrorHandler(reader, errorHandler, Unmanaged.passUnretained(sink).toOpaque())
          return events(of: reader, sink: sink, handle)
        }
      }
    }
  }

  /// Reads the nodes of `reader` into events for `handle`.
  private static func events(of reader: xmlTextReaderPtr, sink: FirstError, _ handle: (Event) -> Bool) -> Failure? {
    // Names come from the reader's dictionary, one pointer per distinct name: each is made a String once.
    var names: [UnsafePointer<xmlChar>: String] = [:]
    func localName() -> String {
      guard let pointer = xmlTextReaderConstLocalName(reader) else { return "" }
      if let known = names[pointer] { return known }
      let name = String(cString: pointer)
      names[pointer] = name
      return name
    }
    func value() -> String { xmlTextReaderConstValue(reader).map { String(cString: $0) } ?? "" }
    while true {
      let status = xmlTextReaderRead(reader)
      if status == 0 { return sink.failure }
      guard status > 0 else {
        return sink.failure
          ?? Failure(
            message: "the document is not well-formed XML", line: Int(xmlTextReaderGetParserLineNumber(reader)),
            column: Int(xmlTextReaderGetParserColumnNumber(reader)))
      }
      switch xmlTextReaderNodeType(reader) {
      case Int32(XML_READER_TYPE_ELEMENT.rawValue):
        let name = localName()
        let isEmpty = xmlTextReaderIsEmptyElement(reader) == 1
        var attributes: [Attribute] = []
        while xmlTextReaderMoveToNextAttribute(reader) == 1 {
          guard xmlTextReaderIsNamespaceDecl(reader) != 1 else { continue }
          attributes.append(Attribute(name: localName(), value: value()))
        }
        xmlTextReaderMoveToElement(reader)
        guard handle(.start(Element(name: name, attributes: attributes))) else { return nil }
        if isEmpty, !handle(.end(name)) { return nil }
      case Int32(XML_READER_TYPE_END_ELEMENT.rawValue):
        guard handle(.end(localName())) else { return nil }
      case Int32(XML_READER_TYPE_TEXT.rawValue), Int32(XML_READER_TYPE_CDATA.rawValue),
        Int32(XML_READER_TYPE_WHITESPACE.rawValue), Int32(XML_READER_TYPE_SIGNIFICANT_WHITESPACE.rawValue):
        guard handle(.text(value())) else { return nil }
      case Int32(XML_READER_TYPE_DOCUMENT_TYPE.rawValue):
        return Failure(
          message: LibXML2.doctypeMessage, line: Int(xmlTextReaderGetParserLineNumber(reader)), column: 1)
      case Int32(XML_READER_TYPE_ENTITY_REFERENCE.rawValue):
        return Failure(
          message: "an entity reference that is not a character reference or one of the five predefined ones",
          line: Int(xmlTextReaderGetParserLineNumber(reader)), column: 0)
      default:
        continue
      }
    }
  }

  /// The problem with the start of `bytes` that libxml2 must not see: text in UTF-16 (which the bounds check
  /// before it cannot read), or a document type declaration before the root element.
  private static func prologProblem(_ bytes: [UInt8]) -> Failure? {
    if bytes.starts(with: [0xFE, 0xFF]) || bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0x00, 0x3C])
      || bytes.starts(with: [0x3C, 0x00])
    {
      return Failure(message: "the document is in UTF-16; only UTF-8 is read", line: 1, column: 1)
    }
    var index = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
    func skip(past terminator: [UInt8]) {
      while index < bytes.count, !bytes[index...].starts(with: terminator) { index += 1 }
      index += terminator.count
    }
    while index < bytes.count {
      switch bytes[index] {
      case 0x20, 0x09, 0x0A, 0x0D:
        index += 1
      case UInt8(ascii: "<") where bytes[index...].starts(with: Array("<?".utf8)):
        skip(past: Array("?>".utf8))
      case UInt8(ascii: "<") where bytes[index...].starts(with: Array("<!--".utf8)):
        skip(past: Array("-->".utf8))
      case UInt8(ascii: "<") where bytes[index...].starts(with: Array("<!".utf8)):
        let (line, _) = position(of: index, in: bytes)
        return Failure(message: LibXML2.doctypeMessage, line: line, column: 1)
      default:
        return nil
      }
    }
    return nil
  }

  /// The 1-based line and column (in bytes) of `offset`.
  private static func position<Bytes: RandomAccessCollection<UInt8>>(
    of offset: Int, in bytes: Bytes
  ) -> (line: Int, column: Int) where Bytes.Index == Int {
    var line = 1
    var lineStart = bytes.startIndex
    for at in bytes.startIndex..<min(offset, bytes.endIndex) where bytes[at] == 0x0A {
      line += 1
      lineStart = at + 1
    }
    return (line, offset - lineStart + 1)
  }

  /// Keeps the first error libxml2 reports while reading one document; never shared between reads.
  private final class FirstError {
    var failure: Failure?

    func record(_ error: UnsafePointer<xmlError>) {
      let raw = error.pointee
      guard failure == nil, raw.level != XML_ERR_WARNING else { return }
      let message = raw.message.map { LibXML2.tidy(String(cString: $0)) } ?? "libxml2 error \(raw.code)"
      failure = Failure(message: message, line: Int(raw.line), column: Int(raw.int2))
    }
  }

  /// The reader's structured error handler; its argument is an unretained `FirstError`.
  private static let errorHandler: xmlStructuredErrorFunc = { argument, error in
    guard let argument, let error else { return }
    Unmanaged<FirstError>.fromOpaque(argument).takeUnretainedValue().record(error)
  }
}
