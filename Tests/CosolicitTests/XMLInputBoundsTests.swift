import CosolicitTestSupport
import Foundation
import Testing

@testable import Cosolicit

/// No bid makes check-bid hang: a document out of bounds (attributes on one element, elements, depth, a text or
/// attribute value) is one error per kind at its first place, found before libxml2 sees the document.
/// Speed is measured in benchmarks, not here; these tests assert the findings, and that the check returns.
@Suite struct XMLInputBoundsTests {
  /// The bid fixture with `insertion` put right after the first `anchor`.
  static func bid(inserting insertion: String, after anchor: String) throws -> String {
    let text = try BidCheckTests.text("bid.xml")
    let range = try #require(text.range(of: anchor))
    return text.replacingCharacters(in: range, with: anchor + insertion)
  }

  /// Checks `bid` against the blank form fixture and returns its one error, which must say `words`.
  static func onlyError(of bid: String, saying words: String) throws -> Diagnostic {
    let report = BidCheck.check(
      bid: bid, path: "bid.xml", schema: try BidCheckTests.schema(), reference: try BidCheckTests.form("form.xml"))
    #expect(!report.conforming)
    #expect(report.diagnostics.count == 1, "\(report.diagnostics.prefix(3))")
    let error = try #require(report.diagnostics.first)
    #expect(error.severity == .error)
    #expect(error.message.contains(words), "\(error)")
    #expect(error.message.hasSuffix("so the document was not parsed"))
    // The same finding whoever reads the document.
    #expect(XMLWellFormedness.check(bid, path: "bid.xml") == [error])
    return error
  }

  /// The 1-based line and column (in Unicode scalars) of the first `needle` in `text`.
  static func position(of needle: String, in text: String) throws -> (Int, Int) {
    let range = try #require(text.range(of: needle))
    let before = text[..<range.lowerBound]
    let line = before.count { $0 == "\n" } + 1
    let lineStart = before.lastIndex(of: "\n").map { before.index(after: $0) } ?? before.startIndex
    return (line, before[lineStart...].unicodeScalars.count + 1)
  }

  @Test func fortyThousandAttributesOnOneElementAreOneFinding() throws {
    let attributes = (1...40_000).map { " a\($0)=\"x\"" }.joined()
    let bid = try Self.bid(inserting: attributes, after: "<bidder")
    let error = try Self.onlyError(of: bid, saying: "<bidder> has more than 100 attributes")
    let (line, column) = try Self.position(of: "a101=", in: bid)
    #expect(error.location == SourceLocation(path: "bid.xml", line: line, column: column))
  }

  @Test func twoMegabytesOfAttributesAreOneFinding() throws {
    let attributes = (1...150_000).map { " é\($0)='\($0)'" }.joined()
    #expect(attributes.utf8.count > 2_300_000)
    let bid = try Self.bid(inserting: attributes, after: "<line number=\"1\"")
    let error = try Self.onlyError(of: bid, saying: "<line> has more than 100 attributes")
    let (line, column) = try Self.position(of: "é100=", in: bid)  // `number` is the first
    #expect(error.location == SourceLocation(path: "bid.xml", line: line, column: column))
  }

  @Test func veryDeepNestingIsOneFinding() throws {
    let depth = 100_000
    let nested = String(repeating: "<x>", count: depth) + String(repeating: "</x>", count: depth)
    let bid = try Self.bid(inserting: nested, after: "<brandModel>")
    let error = try Self.onlyError(of: bid, saying: "<x> is nested more than 64 elements deep")
    // bid, lot, line, brandModel, then x: the 61st x is the 65th level.
    let (line, column) = try Self.position(of: "<brandModel><x>", in: bid)
    #expect(error.location == SourceLocation(path: "bid.xml", line: line, column: column + 12 + 60 * 3))
  }

  @Test func aHugeTextIsOneFinding() throws {
    let text = String(repeating: "Acme ", count: 1_800_000)
    let bid = try Self.bid(inserting: text, after: "<name>")
    let error = try Self.onlyError(
      of: bid, saying: "a text of more than 8,388,608 bytes (8 MiB) starts here, in <name>")
    let (line, column) = try Self.position(of: "<name>", in: bid)
    #expect(error.location == SourceLocation(path: "bid.xml", line: line, column: column + 6))
  }

  @Test func aHugeCDATASectionIsOneFinding() throws {
    let text = "<![CDATA[" + String(repeating: "<&>", count: 3_000_000) + "]]>"
    let bid = try Self.bid(inserting: text, after: "<name>")
    _ = try Self.onlyError(of: bid, saying: "a text of more than 8,388,608 bytes")
  }

  @Test func aHugeAttributeValueIsOneFinding() throws {
    let value = String(repeating: "&quot;", count: 1_500_000)
    let bid = try Self.bid(inserting: " note=\"\(value)\"", after: "<lot id=\"L1\"")
    let error = try Self.onlyError(of: bid, saying: "an attribute value of <lot> is longer than 8,388,608 bytes")
    let (line, column) = try Self.position(of: "note=\"", in: bid)
    #expect(error.location == SourceLocation(path: "bid.xml", line: line, column: column + 6))
  }

  @Test func tooManyElementsAreOneFinding() throws {
    let elements = String(repeating: "<b/>", count: XMLInputBounds.maximumElements)
    let bid = try Self.bid(inserting: elements, after: "<brandModel>")
    _ = try Self.onlyError(of: bid, saying: "the document has more than 4,000,000 elements")
  }

  /// Elements within bounds but all on one line cost one pass over the line to place, not one each.
  @Test func manyElementsOnOneLineKeepTheirColumns() throws {
    let count = 200_000
    let text = "<r>" + String(repeating: "<a/>", count: count) + "é<a/><b/></r>"
    let root = try #require(XMLElementTree.parse(text, path: "x.xml").root)
    #expect(root.children.count == count + 2)
    #expect(root.children.first?.column == 4)
    #expect(root.children[count].column == 4 + 4 * count + 1)
    #expect(root.children.last?.column == 4 + 4 * count + 5)
  }

  /// libxml2 reads on after a fatal error (without building a tree), so markup it rejects does not end the scan.
  @Test func rejectedMarkupDoesNotHideAnExcess() throws {
    let attributes = (1...40_000).map { " a\($0)=\"x\"" }.joined()
    let bid = try Self.bid(inserting: "<!x>\n<a" + attributes + "/>", after: "<brandModel>")
    let findings = XMLWellFormedness.check(bid, path: "bid.xml")
    #expect(findings.count == 1, "\(findings.prefix(2))")
    #expect(findings.first?.message.contains("<a> has more than 100 attributes") == true)
  }

  /// Every kind over its limit in one document: one finding each, in document order.
  @Test func eachKindIsReportedOnce() throws {
    let attributes = (1...300).map { " a\($0)=''" }.joined()
    let deep = String(repeating: "<x\(attributes)>", count: 100) + String(repeating: "</x>", count: 100)
    let bid = try Self.bid(inserting: deep + String(repeating: "y", count: 9_000_000), after: "<brandModel>")
    let findings = XMLWellFormedness.check(bid, path: "bid.xml")
    #expect(findings.count == 3, "\(findings.map(\.message))")
    #expect(findings.map(\.location) == findings.map(\.location).sorted())
  }

  /// Documents within bounds are untouched by the scan, whatever their markup.
  @Test func documentsWithinBoundsHaveNoFinding() throws {
    for name in ["bid.xml", "form.xml", "blank.xml", "nobid.xml", "hostile-name.xml"] {
      let text = try BidCheckTests.text(name)
      let findings = text.utf8.withContiguousStorageIfAvailable { XMLInputBounds.check($0, path: name) }
      #expect(findings == [], "\(name)")
    }
    let markup = "<?xml version='1.0'?><!-- <a b='>' --><r a='<x>' b=\"'\"><![CDATA[<x y=1>]]><?pi <z>?></r>"
    #expect(Array(markup.utf8).withUnsafeBufferPointer { XMLInputBounds.check($0, path: "x") }.isEmpty)
  }
}
