internal import CCMark
import Foundation

/// Turns CommonMark text into a ``MarkdownDocument`` with libcmark: the only code that touches its C nodes. It
/// owns and frees the parsed tree before returning Swift values.
struct CommonMarkConverter {
  /// How links are kept.
  var links: MarkdownLinks

  /// Nesting deeper than this (quotes in quotes, emphasis in emphasis) is flattened to its text, so that no
  /// input recurses without bound.
  static let deepestNesting = 24

  /// The document `text` holds.
  func convert(_ text: String) -> MarkdownDocument {
    let bytes = Array(text.utf8)
    let options = CMARK_OPT_VALIDATE_UTF8 | CMARK_OPT_NORMALIZE
    guard
      let root = bytes.withUnsafeBufferPointer({ buffer in
        buffer.baseAddress.flatMap { base in
          base.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
            cmark_parse_document($0, buffer.count, options)
          }
        } ?? cmark_parse_document("", 0, options)
      })
    else { return MarkdownDocument(blocks: []) }
    defer { cmark_node_free(root) }
    return MarkdownDocument(blocks: blocks(under: root, depth: 0))
  }

  private func children(of node: OpaquePointer) -> [OpaquePointer] {
    var nodes: [OpaquePointer] = []
    var child = cmark_node_first_child(node)
    while let current = child {
      nodes.append(current)
      child = cmark_node_next(current)
    }
    return nodes
  }

  /// The node's text, without the control characters no document can show (tabs and line breaks stay).
  private func literal(_ node: OpaquePointer) -> String {
    let text = cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
    guard text.unicodeScalars.contains(where: Self.isHidden) else { return text }
    return String(String.UnicodeScalarView(text.unicodeScalars.filter { !Self.isHidden($0) }))
  }

  /// Whether `scalar` is a control character other than a tab or line break.
  static func isHidden(_ scalar: Unicode.Scalar) -> Bool {
    (scalar.value < 0x20 && scalar != "\t" && scalar != "\n") || scalar.value == 0x7F
  }

  private func blocks(under node: OpaquePointer, depth: Int) -> [MarkdownDocument.Block] {
    children(of: node).compactMap { block($0, depth: depth + 1) }
  }

  private func block(_ node: OpaquePointer, depth: Int) -> MarkdownDocument.Block? {
    if depth > Self.deepestNesting {
      return .paragraph([.text(plainText(of: node))])
    }
    switch cmark_node_get_type(node) {
    case CMARK_NODE_HEADING:
      return .heading(level: Int(cmark_node_get_heading_level(node)), inlines(under: node, depth: depth))
    case CMARK_NODE_PARAGRAPH:
      // A paragraph of nothing a document can show is left out, as a reader of its Markdown would.
      let content = inlines(under: node, depth: depth)
      return content.allSatisfy({ $0 == .text("") || $0 == .text(" ") }) ? nil : .paragraph(content)
    case CMARK_NODE_LIST:
      let items = children(of: node).map { blocks(under: $0, depth: depth + 1) }
      return .list(
        ordered: cmark_node_get_list_type(node) == CMARK_ORDERED_LIST,
        start: max(0, Int(cmark_node_get_list_start(node))), items: items)
    case CMARK_NODE_BLOCK_QUOTE:
      return .quote(blocks(under: node, depth: depth))
    case CMARK_NODE_CODE_BLOCK:
      var code = literal(node)
      if code.hasSuffix("\n") { code.removeLast() }
      return .code(code)
    case CMARK_NODE_HTML_BLOCK:
      // Raw HTML is shown as the text it is, line by line.
      var html = literal(node)
      while html.hasSuffix("\n") { html.removeLast() }
      let lines: [[MarkdownDocument.Inline]] = html.split(separator: "\n", omittingEmptySubsequences: false).map {
        [.text(String($0))]
      }
      return html.isEmpty ? nil : .paragraph(Array(lines.joined(separator: [MarkdownDocument.Inline.lineBreak])))
    case CMARK_NODE_THEMATIC_BREAK:
      return .rule
    default:
      let text = plainText(of: node)
      return text.isEmpty ? nil : .paragraph([.text(text)])
    }
  }

  private func inlines(under node: OpaquePointer, depth: Int) -> [MarkdownDocument.Inline] {
    var runs: [MarkdownDocument.Inline] = []
    for child in children(of: node) {
      for inline in inline(child, depth: depth + 1) {
        // Adjacent texts (split by the parser at entities and escapes) become one.
        if case .text(let next) = inline, case .text(let previous)? = runs.last {
          runs[runs.count - 1] = .text(previous + next)
        } else {
          runs.append(inline)
        }
      }
    }
    return runs
  }

  private func inline(_ node: OpaquePointer, depth: Int) -> [MarkdownDocument.Inline] {
    if depth > Self.deepestNesting {
      return [.text(plainText(of: node))]
    }
    switch cmark_node_get_type(node) {
    // A line break written as a character reference (`&#10;`) is a space, as a line break in text is.
    case CMARK_NODE_TEXT: return [.text(literal(node).replacingOccurrences(of: "\n", with: " "))]
    // Inline HTML is its text; a line break inside it (a comment or CDATA over lines) is a space, as in text.
    case CMARK_NODE_HTML_INLINE: return [.text(literal(node).replacingOccurrences(of: "\n", with: " "))]
    case CMARK_NODE_SOFTBREAK: return [.text(" ")]
    case CMARK_NODE_LINEBREAK: return [.lineBreak]
    case CMARK_NODE_CODE:
      // Code of nothing a document can show is nothing.
      let code = literal(node)
      return code.isEmpty ? [] : [.code(code)]
    // Emphasis of nothing is nothing (its Markdown would be bare asterisks, read back as text).
    case CMARK_NODE_EMPH:
      let inner = inlines(under: node, depth: depth)
      return inner.allSatisfy { $0 == .text("") } ? [] : [.emphasis(inner)]
    case CMARK_NODE_STRONG:
      let inner = inlines(under: node, depth: depth)
      return inner.allSatisfy { $0 == .text("") } ? [] : [.strong(inner)]
    case CMARK_NODE_IMAGE:
      // An image is its description: documents carry no pictures from sections.
      return inlines(under: node, depth: depth)
    case CMARK_NODE_LINK:
      let address = cmark_node_get_url(node).map { String(cString: $0) } ?? ""
      let label = inlines(under: node, depth: depth)
      guard MarkdownLinks.isSafe(address) else { return label }
      switch links {
      case .allowed: return [.link(address: address, label)]
      case .asText:
        let shown = address.lowercased().hasPrefix("mailto:") ? String(address.dropFirst(7)) : address
        return label == [.text(shown)] || label == [.text(address)] ? label : label + [.text(" (\(shown))")]
      }
    default: return [.text(plainText(of: node))]
    }
  }

  /// The text of every text and code node under `node`, walked without recursion.
  private func plainText(of node: OpaquePointer) -> String {
    guard let iterator = cmark_iter_new(node) else { return "" }
    defer { cmark_iter_free(iterator) }
    var text = ""
    while true {
      let event = cmark_iter_next(iterator)
      if event == CMARK_EVENT_DONE || event == CMARK_EVENT_NONE { break }
      guard event == CMARK_EVENT_ENTER, let current = cmark_iter_get_node(iterator) else { continue }
      switch cmark_node_get_type(current) {
      case CMARK_NODE_TEXT, CMARK_NODE_CODE, CMARK_NODE_HTML_INLINE, CMARK_NODE_CODE_BLOCK, CMARK_NODE_HTML_BLOCK:
        text += literal(current)
      case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK: text += " "
      default: break
      }
    }
    return text.trimmingCharacters(in: .whitespacesAndNewlines)
  }
}
