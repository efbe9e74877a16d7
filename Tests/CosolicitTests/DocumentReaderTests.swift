import Foundation
import Testing

@testable import Cosolicit

/// The YAML, JSON and CSV readers: exact values, positions, and no crash or blow-up on hostile input.
@Suite struct DocumentReaderTests {
  func source(_ text: String, _ path: String = "f") -> SourceFile {
    guard case .success(let file) = SourceFile.decode(Array(text.utf8), path: path) else {
      fatalError("test text is valid UTF-8")
    }
    return file
  }

  func json(_ text: String) -> Result<DocumentNode?, Diagnostic> { JSONDocumentReader.read(source(text)) }
  func yaml(_ text: String) -> Result<DocumentNode?, Diagnostic> { YAMLDocumentReader.read(source(text)) }

  func entries(_ result: Result<DocumentNode?, Diagnostic>) -> [DocumentNode.Entry] {
    guard case .success(let node?) = result, case .mapping(let entries) = node.value else { return [] }
    return entries
  }

  func failure(_ result: Result<DocumentNode?, Diagnostic>) -> Diagnostic? {
    if case .failure(let diagnostic) = result { return diagnostic }
    return nil
  }

  @Test func jsonKeepsNumbersAsWrittenAndPositions() {
    let found = entries(
      json("{\n  \"quantity\": 0.1000000000000000055511151231257827,\n  \"x\": \"\\u00e9\\ud83d\\ude00\"\n}"))
    #expect(found.map(\.key) == ["quantity", "x"])
    #expect(found.first?.value.scalarText == "0.1000000000000000055511151231257827")
    #expect(found.first?.value.location == SourceLocation(path: "f", line: 2, column: 15))
    #expect(found.last?.value.scalarText == "é😀")
  }

  @Test func jsonColumnsCountCharactersNotBytes() {
    let found = entries(json("{\"é\": 1, \"n\": 2}"))
    #expect(found.last?.keyLocation.column == 10)
  }

  @Test(arguments: [
    ("{\"a\": 1,}", 1, 9, "expected a quoted member name"),
    ("{\"a\" 1}", 1, 6, "expected ':'"),
    ("[1, 2", 1, 6, "expected ',' or ']'"),
    ("{\"a\": \"open", 1, 7, "string is never closed"),
    ("{\"a\": 01}", 1, 7, "may not start with 0"),
    ("{\"a\": tru}", 1, 7, "expected a value"),
    ("{} {}", 1, 4, "expected the end of the document"),
    ("{\"a\": \"\\q\"}", 1, 9, "unknown escape"),
  ])
  func jsonSyntaxErrorsNameThePositionAndWhatWasExpected(text: String, line: Int, column: Int, message: String) {
    let diagnostic = failure(json(text))
    #expect(
      diagnostic?.location == SourceLocation(path: "f", line: line, column: column), "\(String(describing: diagnostic))"
    )
    #expect(diagnostic?.message.contains(message) == true, "\(String(describing: diagnostic))")
  }

  @Test func deeplyNestedJSONIsAnErrorNotACrash() {
    let diagnostic = failure(json(String(repeating: "[", count: 100_000)))
    #expect(diagnostic?.message.contains("nest deeper") == true)
  }

  @Test func emptyDocumentsReadAsNothing() {
    guard case .success(nil) = json("  \n"), case .success(nil) = yaml("# only a comment\n") else {
      Issue.record("an empty document should read as nil")
      return
    }
  }

  @Test func yamlKeepsScalarsAsWritten() {
    let found = entries(yaml("state: NO\nquantity: 012.50\nwhen: 2027-07-01\nempty:\nquoted: \"~\"\n"))
    #expect(found.map { $0.value.scalarText } == ["NO", "012.50", "2027-07-01", nil, "~"])
    #expect(found[2].value.location == SourceLocation(path: "f", line: 3, column: 7))
  }

  @Test func yamlDuplicateKeysAreAnError() {
    let diagnostic = failure(yaml("a: 1\nb: 2\na: 3\n"))
    #expect(diagnostic?.message.contains("'a' appears more than once") == true, "\(String(describing: diagnostic))")
  }

  @Test func yamlAliasBombIsBoundedNotExpanded() {
    var text = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
    for level in 1...9 {
      let refs = Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ")
      text += "a\(level): &a\(level) [\(refs)]\n"
    }
    let clock = ContinuousClock()
    var diagnostic: Diagnostic?
    let elapsed = clock.measure { diagnostic = failure(yaml(text)) }
    #expect(diagnostic?.message.contains("expands to more than") == true, "\(String(describing: diagnostic))")
    #expect(elapsed < .seconds(30), "bounded work, not 10^10 nodes")
  }

  @Test func deeplyNestedYAMLIsAnErrorNotACrash() {
    let diagnostic = failure(yaml("a: " + String(repeating: "[", count: 100_000)))
    #expect(diagnostic?.message.contains("nest deeper") == true)
  }

  @Test func csvReadsQuotingLineEndsAndPositions() {
    var diagnostics = DiagnosticCollector()
    let table = CSVTable.read(
      source("\u{FEFF}a,b\r\n\"x, \"\"y\"\"\",\"two\nlines\"\r\n\r\nlast,é\rcr,end"), diagnostics: &diagnostics)
    #expect(diagnostics.diagnostics.isEmpty)
    #expect(table.header.map(\.text) == ["a", "b"])
    #expect(
      table.records.map { $0.fields.map(\.text) } == [["x, \"y\"", "two\nlines"], ["last", "é"], ["cr", "end"]])
    #expect(table.records[1].location.line == 5)
    #expect(table.records[2].fields[1].location == SourceLocation(path: "f", line: 6, column: 4))
  }

  @Test func csvReportsEveryMalformedRow() {
    var diagnostics = DiagnosticCollector()
    let table = CSVTable.read(source("a,b\n1,2,3\nx\"y,2\n\"ok\"junk,2\n4,5\n"), diagnostics: &diagnostics)
    let messages = diagnostics.diagnostics.map { "\($0.location.line):\($0.location.column) \($0.message)" }
    #expect(messages.count == 3, "\(messages)")
    #expect(messages[0].hasPrefix("3:2 a quote inside an unquoted field"))
    #expect(messages[1].hasPrefix("4:5 unexpected text after a closing quote"))
    #expect(messages[2].hasPrefix("2:1 row has 3 fields; the header has 2"))
    #expect(table.records.count == 4)
  }

  @Test func invalidUTF8IsReportedWithItsPosition() {
    let result = SourceFile.decode(Array("ok\nab".utf8) + [0xC3, 0x28], path: "f")
    guard case .failure(let diagnostic) = result else {
      Issue.record("invalid UTF-8 must be an error")
      return
    }
    #expect(diagnostic.location == SourceLocation(path: "f", line: 2, column: 3))
    #expect(diagnostic.message.contains("not valid UTF-8"))
  }
}
