import Foundation
import Testing
import ZIPFoundation

@testable import Cosolicit

/// An `rfp.docx` opened for checking: its parts by path, and its body parsed by the project's libxml2 reader.
struct WordDocument {
  /// Each part's text, by its path in the zip, in the zip's order.
  let parts: [(path: String, text: String)]
  /// `word/document.xml`, parsed.
  let body: XMLElementTree

  /// Opens the `.docx` bytes `data`; records an issue when a part is missing or not well-formed.
  init(_ data: Data, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
    let archive = try Archive(data: data, accessMode: .read)
    var parts: [(String, String)] = []
    for entry in archive {
      var bytes = Data()
      _ = try archive.extract(entry) { bytes.append($0) }
      parts.append((entry.path, String(decoding: bytes, as: UTF8.self)))
    }
    self.parts = parts
    let document = parts.first { $0.0 == "word/document.xml" }?.1 ?? ""
    let parsed = XMLElementTree.parse(document, path: "word/document.xml")
    #expect(parsed.diagnostics.isEmpty, "\(parsed.diagnostics.prefix(3))", sourceLocation: sourceLocation)
    body = try #require(parsed.root, sourceLocation: sourceLocation)
  }

  /// The text of the part at `path` ("" when absent).
  func part(_ path: String) -> String { parts.first { $0.path == path }?.text ?? "" }

  /// Every element of `tree`, depth first.
  static func elements(_ tree: XMLElementTree) -> [XMLElementTree] { [tree] + tree.children.flatMap(elements) }

  /// The paragraphs of the body, depth first (table cells included).
  var paragraphs: [XMLElementTree] { Self.elements(body).filter { $0.name == "p" } }

  /// A paragraph's style id ("" for none).
  static func style(of paragraph: XMLElementTree) -> String {
    paragraph.child("pPr")?.child("pStyle")?.value("val") ?? ""
  }

  /// A paragraph's or cell's text: its runs' texts, a tab as a tab and a non-breaking hyphen as `-`.
  static func text(of tree: XMLElementTree) -> String {
    elements(tree).map { element in
      switch element.name {
      case "t": element.text
      case "tab" where element.children.isEmpty && element.attributes.isEmpty: "\t"
      case "noBreakHyphen": "-"
      default: ""
      }
    }.joined()
  }

  /// The texts of the paragraphs of style `style`, in order.
  func texts(ofStyle style: String) -> [String] {
    paragraphs.filter { Self.style(of: $0) == style }.map(Self.text(of:))
  }

  /// The whole body's text, paragraphs on lines of their own.
  var text: String { paragraphs.map(Self.text(of:)).joined(separator: "\n") }
}

extension XMLElementTree {
  /// The value of the attribute `name` in any namespace (WordprocessingML qualifies its attributes: `w:val`).
  func value(_ name: String) -> String? { attributes.first { $0.name == name }?.value }
}
