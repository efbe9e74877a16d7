internal import CLibXML2

/// An XML element as a plain Swift value: its name, attributes, child elements, direct text and position.
///
/// Made by `parse`, which reads untrusted XML with the safe options of the rest of this folder (no DOCTYPE,
/// no network, no entity expansion) and frees every libxml2 allocation before it returns.
public struct XMLElementTree: Hashable, Sendable {
  /// One attribute as written, in document order.
  public struct Attribute: Hashable, Sendable {
    /// The local name, without prefix.
    public var name: String
    /// The namespace URI, or nil for an unqualified attribute.
    public var namespace: String?
    /// The value, with character and predefined entity references replaced.
    public var value: String
  }

  /// The outcome of `parse`: the root element when the text is well-formed, and every problem found.
  public struct Parsed: Sendable {
    /// The root element, or nil when the text is not usable.
    public var root: XMLElementTree?
    /// The errors and warnings libxml2 reported, in order.
    public var diagnostics: [Diagnostic]
  }

  /// The local name, without prefix.
  public var name: String
  /// The namespace URI, or nil when the element is in no namespace.
  public var namespace: String?
  /// The attributes, in document order.
  public var attributes: [Attribute]
  /// The child elements, in document order.
  public var children: [XMLElementTree]
  /// The element's own text and CDATA children, concatenated (not the text of its descendants).
  public var text: String
  /// The 1-based line libxml2 gives the element (where its start tag ends).
  public var line: Int
  /// The 1-based column of the start tag's `<` on that line, or 1 when it is not on that line.
  public var column: Int

  /// Creates an element; for tests and generated trees.
  public init(
    name: String, namespace: String? = nil, attributes: [Attribute] = [], children: [XMLElementTree] = [],
    text: String = "", line: Int = 1, column: Int = 1
  ) {
    self.name = name
    self.namespace = namespace
    self.attributes = attributes
    self.children = children
    self.text = text
    self.line = line
    self.column = column
  }

  /// The value of the unqualified attribute `name`, if present.
  public func attribute(_ name: String) -> String? {
    attributes.first { $0.name == name && $0.namespace == nil }?.value
  }

  /// The first child element called `name` in the same namespace as this element.
  public func child(_ name: String) -> XMLElementTree? {
    children.first { $0.name == name && $0.namespace == namespace }
  }

  /// Every child element called `name` in the same namespace as this element.
  public func children(named name: String) -> [XMLElementTree] {
    children.filter { $0.name == name && $0.namespace == namespace }
  }

  /// The element's position in the file at `path`.
  public func location(in path: String) -> SourceLocation {
    SourceLocation(path: path, line: line, column: column)
  }

  /// Parses `text` as untrusted XML (`path` names it in diagnostics) into a tree of values.
  public static func parse(_ text: String, path: String) -> Parsed {
    let parsed = LibXML2.parse(text, path: path)
    guard let document = parsed.document else { return Parsed(root: nil, diagnostics: parsed.diagnostics) }
    defer { xmlFreeDoc(document) }
    guard let rootNode = xmlDocGetRootElement(document) else {
      let missing = Diagnostic(.error, "the document has no root element", at: .start(of: path))
      return Parsed(root: nil, diagnostics: parsed.diagnostics + [missing])
    }
    var columns = ColumnFinder(text: text)
    return Parsed(root: build(rootNode, columns: &columns), diagnostics: parsed.diagnostics)
  }

  /// Copies `node` and its descendant elements into values.
  private static func build(_ node: xmlNodePtr, columns: inout ColumnFinder) -> XMLElementTree {
    let element = node.pointee
    let localName = string(element.name)
    let prefix = element.ns.flatMap { $0.pointee.prefix.map { String(cString: $0) } }
    let line = max(Int(xmlGetLineNo(node)), 1)
    let qualifiedName = prefix.map { "\($0):\(localName)" } ?? localName
    let column = columns.column(of: qualifiedName, onLine: line)
    var attributes: [Attribute] = []
    var attribute = element.properties
    while let current = attribute {
      attributes.append(
        Attribute(
          name: string(current.pointee.name), namespace: current.pointee.ns.map { string($0.pointee.href) },
          value: textContent(of: current.pointee.children)))
      attribute = current.pointee.next
    }
    var children: [XMLElementTree] = []
    var text = ""
    var child = element.children
    while let current = child {
      switch current.pointee.type {
      case XML_ELEMENT_NODE: children.append(build(current, columns: &columns))
      case XML_TEXT_NODE, XML_CDATA_SECTION_NODE: text += string(current.pointee.content)
      default: break
      }
      child = current.pointee.next
    }
    return XMLElementTree(
      name: localName, namespace: element.ns.map { string($0.pointee.href) }, attributes: attributes,
      children: children, text: text, line: line, column: column)
  }

  /// The concatenated content of the text nodes in the sibling list starting at `first`.
  private static func textContent(of first: xmlNodePtr?) -> String {
    var text = ""
    var node = first
    while let current = node {
      if current.pointee.type == XML_TEXT_NODE { text += string(current.pointee.content) }
      node = current.pointee.next
    }
    return text
  }

  /// A libxml2 string as a Swift string; "" for NULL.
  private static func string(_ characters: UnsafePointer<xmlChar>?) -> String {
    characters.map { String(cString: $0) } ?? ""
  }

  /// Finds start tags' columns in the source text, element by element in document order, so two elements
  /// of the same name on one line get their own columns. Works on the UTF-8 bytes, so a large file costs one
  /// copy of its bytes and an offset per line.
  private struct ColumnFinder {
    /// The text's UTF-8 bytes.
    let bytes: [UInt8]
    /// Where each line starts in `bytes`; lines end at line feeds, as libxml2 counts them.
    let lineStarts: [Int]
    /// Per line, where the next search starts (after the last start tag found there) and the column of the
    /// byte there, so that many elements on one line cost one pass over it, not one each.
    var cursors: [Int: (offset: Int, column: Int)] = [:]

    init(text: String) {
      bytes = Array(text.utf8)
      var starts = [0]
      for (offset, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") { starts.append(offset + 1) }
      lineStarts = starts
    }

    /// The 1-based column, in Unicode scalars, of `<qualifiedName` on the 1-based `line`; 1 when not found.
    mutating func column(of qualifiedName: String, onLine line: Int) -> Int {
      guard line >= 1, line <= lineStarts.count else { return 1 }
      let lineStart = lineStarts[line - 1]
      let lineEnd = line < lineStarts.count ? lineStarts[line] - 1 : bytes.count
      let tag = [UInt8(ascii: "<")] + Array(qualifiedName.utf8)
      let ends: Set<UInt8> = [0x20, 0x09, 0x0D, 0x0A, UInt8(ascii: "/"), UInt8(ascii: ">")]
      let cursor = cursors[line] ?? (lineStart, 1)
      var start = cursor.offset
      while start + tag.count <= lineEnd {
        let end = start + tag.count
        if bytes[start..<end].elementsEqual(tag), end == lineEnd || ends.contains(bytes[end]) {
          // Count scalars, not bytes: every byte but a UTF-8 continuation byte starts one.
          let column = cursor.column + bytes[cursor.offset..<start].count { $0 & 0xC0 != 0x80 }
          cursors[line] = (end, column + bytes[start..<end].count { $0 & 0xC0 != 0x80 })
          return column
        }
        start += 1
      }
      return 1
    }
  }
}
