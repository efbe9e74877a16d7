/// The shape an XML document may have before it is handed to libxml2, checked by a cheap scan of its bytes.
///
/// libxml2 2.9 and its schema validator do work quadratic in the attributes of one element (a 443 KB bid with
/// 40,000 attributes on one element took 12 s), so a document is measured first, in one pass over its UTF-8
/// bytes and without libxml2: attributes per element, elements, nesting depth, and the longest text and
/// attribute value. Over a limit, each kind of excess is one error at the first place it happens, and libxml2 is
/// never called. The limits are far above anything a bid, a bid form or a bid-form schema has: a bid has one
/// element per line, at most six attributes on any, and nests five deep.
///
/// The scan is not a parser: it only needs to find tags, attributes and texts well enough to count them.
/// Malformed markup is left for libxml2 to report, and the scan goes on after it as libxml2 does; the scan
/// stops only at a document type declaration before the root, where the parser stops too.
struct XMLInputBounds: Sendable {
  /// The attributes (namespace declarations included) one element may have.
  static let maximumAttributes = 100
  /// The elements a document may have: a blank form of 200,000 lines (the most a catalog holds) has 2.6 million.
  static let maximumElements = 4_000_000
  /// How deep elements may nest; libxml2 itself stops at 256.
  static let maximumDepth = 64
  /// The bytes, as written, of one text (a run of character data, or a CDATA section) or attribute value:
  /// 8 MiB holds a 1 MiB text of the lead agency's, the input limit, even written as `&quot;` six bytes a
  /// character, and stays below libxml2's own 10,000,000.
  static let maximumValueBytes = 8 * 1_048_576

  /// The kinds of excess, each reported at most once.
  enum Excess: CaseIterable {
    case attributes, elements, depth, text, attributeValue
  }

  /// The first byte offset of each kind of excess found, and where the name of the element it was in is.
  private var found: [Excess: (offset: Int, element: Range<Int>)] = [:]

  /// Every excess in `bytes` (the document at `path`): one error per kind, at its first place; empty when the
  /// document is within bounds.
  static func check(_ bytes: UnsafeBufferPointer<UInt8>, path: String) -> [Diagnostic] {
    var scan = XMLInputBounds()
    scan.scan(bytes)
    let ordered = scan.found.sorted { $0.value.offset < $1.value.offset }
    return ordered.map { excess, place in
      // At most 64 bytes of the name; a cut character becomes U+FFFD.
      let name = bytes[place.element.lowerBound..<min(place.element.upperBound, place.element.lowerBound + 64)]
      let element = String(decoding: UnsafeBufferPointer(rebasing: name), as: UTF8.self)
      return Diagnostic(
        .error, message(excess, element: element), at: location(of: place.offset, in: bytes, path: path))
    }
  }

  /// The byte offset of the first element in `bytes` with more than `maximumAttributes` attributes, if any: the
  /// one bound a document streamed by ``XMLEventReader`` needs before libxml2 sees it (libxml2's check for
  /// repeated attributes is quadratic in an element's attributes); its other limits are the reader's own.
  static func firstElementWithTooManyAttributes(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
    var scan = XMLInputBounds()
    scan.scan(bytes)
    return scan.found[.attributes]?.offset
  }

  /// What is wrong, for each kind of excess, with the element's name where it helps.
  private static func message(_ excess: Excess, element: String) -> String {
    let unread = "so the document was not parsed"
    switch excess {
    case .attributes:
      return "<\(element)> has more than \(maximumAttributes) attributes; no element of a bid has more than a few, "
        + unread
    case .elements:
      return "the document has more than \(grouped(maximumElements)) elements (the rest start here), \(unread)"
    case .depth:
      return "<\(element)> is nested more than \(maximumDepth) elements deep; a bid nests about five, \(unread)"
    case .text:
      return "a text of more than \(grouped(maximumValueBytes)) bytes (8 MiB) starts here, in <\(element)>, \(unread)"
    case .attributeValue:
      return "an attribute value of <\(element)> is longer than \(grouped(maximumValueBytes)) bytes (8 MiB), \(unread)"
    }
  }

  /// Records the first place of `excess`.
  private mutating func record(_ excess: Excess, at offset: Int, element: Range<Int>) {
    if found[excess] == nil { found[excess] = (offset, element) }
  }

  /// One pass over `bytes`: tags, attributes, texts, comments, CDATA sections and processing instructions.
  private mutating func scan(_ bytes: UnsafeBufferPointer<UInt8>) {
    let count = bytes.count
    var index = 0
    var depth = 0
    var elements = 0
    var open: [Range<Int>] = []  // where the open elements' names are, for messages (at most `maximumDepth + 1`)
    /// The offset of the first `byte` at or after `start`, or `count`.
    func next(_ byte: UInt8, from start: Int) -> Int {
      var at = start
      while at < count, bytes[at] != byte { at += 1 }
      return at
    }
    /// The offset just past the first `terminator` at or after `start`, or `count`.
    func past(_ terminator: [UInt8], from start: Int) -> Int {
      var at = start
      while at < count {
        at = next(terminator[0], from: at)
        guard at + terminator.count <= count else { return count }
        if (1..<terminator.count).allSatisfy({ bytes[at + $0] == terminator[$0] }) { return at + terminator.count }
        at += 1
      }
      return count
    }
    /// Whether the bytes at `at` are `prefix`.
    func starts(_ prefix: [UInt8], at: Int) -> Bool {
      guard at + prefix.count <= count else { return false }
      for offset in 0..<prefix.count where bytes[at + offset] != prefix[offset] { return false }
      return true
    }
    let none = 0..<0
    while index < count {
      guard bytes[index] == Byte.open else {
        let end = next(Byte.open, from: index)
        if end - index > Self.maximumValueBytes { record(.text, at: index, element: open.last ?? none) }
        index = end
        continue
      }
      let second = index + 1 < count ? bytes[index + 1] : 0
      if second == Byte.slash {
        depth = max(depth - 1, 0)
        if !open.isEmpty, open.count > depth { open.removeLast() }
        index = past([Byte.close], from: index + 2)
      } else if second == Byte.bang, starts(Byte.comment, at: index) {
        index = past(Byte.commentEnd, from: index + 4)
      } else if second == Byte.bang, starts(Byte.cdata, at: index) {
        let end = past(Byte.cdataEnd, from: index + 9)
        if end - index - 12 > Self.maximumValueBytes { record(.text, at: index, element: open.last ?? none) }
        index = end
      } else if second == Byte.bang, elements == 0 {
        return  // a DOCTYPE before the root: the parser stops there (it rejects any), and so does the scan
      } else if second == Byte.bang {
        // Markup libxml2 rejects; after a fatal error it still reads the rest (without building a tree), so the
        // scan goes on too.
        index = past([Byte.close], from: index + 2)
      } else if second == Byte.question {
        index = past(Byte.instructionEnd, from: index + 2)
      } else {
        let tag = index
        elements += 1
        if elements > Self.maximumElements { record(.elements, at: tag, element: none) }
        index += 1
        let nameStart = index
        while index < count, !Byte.endsName(bytes[index]) { index += 1 }
        let name = nameStart..<index
        if depth + 1 > Self.maximumDepth { record(.depth, at: tag, element: name) }
        var attributes = 0
        tag: while index < count {
          switch bytes[index] {
          case Byte.space, Byte.tab, Byte.lineFeed, Byte.carriageReturn:
            index += 1
          case Byte.close:
            index += 1
            depth += 1
            if open.count < Self.maximumDepth + 1 { open.append(name) }
            break tag
          case Byte.slash:
            index += 1
            if index < count, bytes[index] == Byte.close {
              index += 1
              break tag
            }
          case Byte.open:
            break tag  // malformed; the parser reports it
          case Byte.equals:
            index += 1
            while index < count, Byte.isSpace(bytes[index]) { index += 1 }
            guard index < count, bytes[index] == Byte.quote || bytes[index] == Byte.apostrophe else { continue }
            let valueStart = index + 1
            let valueEnd = next(bytes[index], from: valueStart)
            if valueEnd - valueStart > Self.maximumValueBytes {
              record(.attributeValue, at: valueStart, element: name)
            }
            index = min(valueEnd + 1, count)
          default:
            attributes += 1
            if attributes > Self.maximumAttributes { record(.attributes, at: index, element: name) }
            while index < count, !Byte.endsName(bytes[index]), bytes[index] != Byte.equals { index += 1 }
          }
        }
      }
    }
  }

  /// The 1-based line (counting line feeds, as libxml2 does) and column (in Unicode scalars) of `offset`.
  private static func location(of offset: Int, in bytes: UnsafeBufferPointer<UInt8>, path: String) -> SourceLocation {
    var line = 1
    var lineStart = 0
    for at in 0..<min(offset, bytes.count) where bytes[at] == Byte.lineFeed {
      line += 1
      lineStart = at + 1
    }
    var column = 1
    for at in lineStart..<min(offset, bytes.count) where bytes[at] & 0xC0 != 0x80 { column += 1 }
    return SourceLocation(path: path, line: line, column: column)
  }

  /// `value` with thousands separators, as the README writes limits.
  private static func grouped(_ value: Int) -> String {
    var digits = String(value)
    var index = digits.endIndex
    while digits.distance(from: digits.startIndex, to: index) > 3 {
      index = digits.index(index, offsetBy: -3)
      digits.insert(",", at: index)
    }
    return digits
  }

  /// The bytes the scan looks for.
  private enum Byte {
    static let open = UInt8(ascii: "<")
    static let close = UInt8(ascii: ">")
    static let slash = UInt8(ascii: "/")
    static let equals = UInt8(ascii: "=")
    static let quote = UInt8(ascii: "\"")
    static let apostrophe = UInt8(ascii: "'")
    static let space = UInt8(ascii: " ")
    static let tab = UInt8(ascii: "\t")
    static let lineFeed = UInt8(ascii: "\n")
    static let carriageReturn = UInt8(ascii: "\r")
    static let comment = Array("<!--".utf8)
    static let commentEnd = Array("-->".utf8)
    static let cdata = Array("<![CDATA[".utf8)
    static let cdataEnd = Array("]]>".utf8)
    static let bang = UInt8(ascii: "!")
    static let question = UInt8(ascii: "?")
    static let instructionEnd = Array("?>".utf8)

    /// Whether `byte` is XML white space.
    static func isSpace(_ byte: UInt8) -> Bool {
      byte == space || byte == tab || byte == lineFeed || byte == carriageReturn
    }

    /// Whether `byte` ends a tag or attribute name.
    static func endsName(_ byte: UInt8) -> Bool {
      isSpace(byte) || byte == close || byte == slash || byte == open
    }
  }
}
