/// A CSV file read strictly by RFC 4180: a header row, then records of fields, each field with its position.
///
/// A byte-level reader: UTF-8 with or without a byte order mark, CRLF or LF line ends, quoted fields that
/// may hold commas, quotes written twice and line breaks. Malformed quoting is an error with its position,
/// never silently repaired, and reading goes on to report every such error in the file.
public struct CSVTable: Sendable {
  /// One cell's text and where it starts.
  public struct Field: Sendable {
    /// The text, with quoting removed.
    public var text: String
    /// Where the field starts (its opening quote, for a quoted field).
    public var location: SourceLocation
  }

  /// One record: the fields of a row, and where the row starts.
  public struct Record: Sendable {
    /// The fields, in column order.
    public var fields: [Field]
    /// Where the row starts.
    public var location: SourceLocation
    /// Whether the row has bad quoting or the wrong number of fields, already reported; its fields are not
    /// to be checked one by one.
    public var isMalformed: Bool

    /// Whether every field is empty or white space: a blank line, or a row a spreadsheet exports as `,,,,`,
    /// which says nothing and is skipped, whatever its number of fields.
    public var isBlank: Bool { !isMalformed && Self.isBlank(fields.lazy.map(\.text)) }

    /// Whether every one of `texts` is empty or white space.
    static func isBlank(_ texts: some Sequence<String>) -> Bool {
      texts.allSatisfy { $0.isEmpty || $0.trimmed.isEmpty }
    }
  }

  /// The header row's fields; empty for an empty file.
  public var header: [Field]
  /// The rows after the header, blank rows skipped (``Record/isBlank``).
  public var records: [Record]
  /// For a table read from a workbook (`Workbook`), the sheet it was read from; nil for a CSV file.
  public var sheet: String? = nil

  /// Reads `source`; syntax errors go to `diagnostics` and the rows around them are still read.
  public static func read(_ source: SourceFile, diagnostics: inout DiagnosticCollector) -> CSVTable {
    var scanner = Scanner(bytes: source.bytes, path: source.path)
    var rows: [Record] = []
    while true {
      let findingsBefore = diagnostics.diagnostics.count  // the scanner only adds errors
      guard let row = scanner.nextRecord(diagnostics: &diagnostics) else { break }
      let record = Record(
        fields: row.fields, location: row.location, isMalformed: diagnostics.diagnostics.count > findingsBefore)
      if !record.isBlank { rows.append(record) }
    }
    guard !rows.isEmpty else { return CSVTable(header: [], records: []) }
    let header = rows.removeFirst().fields
    for (index, record) in rows.enumerated() where record.fields.count != header.count {
      rows[index].isMalformed = true
      if record.isMalformed { continue }
      diagnostics.error(
        "row has \(record.fields.count) field\(record.fields.count == 1 ? "" : "s"); the header has "
          + "\(header.count) (check for an unquoted comma, or quote fields that contain commas)",
        at: record.location)
    }
    return CSVTable(header: header, records: rows)
  }

  private struct Scanner {
    let bytes: [UInt8]
    let path: String
    var index = 0
    var line = 1
    var lineStart = 0

    init(bytes: [UInt8], path: String) {
      self.bytes = bytes
      self.path = path
    }

    var columnMark = (offset: 0, column: 1)

    /// The position of `offset` on the current line; counts on from the last position asked for, so that long
    /// lines stay linear.
    mutating func location(at offset: Int) -> SourceLocation {
      if columnMark.offset < lineStart || columnMark.offset > offset { columnMark = (lineStart, 1) }
      let column = bytes[columnMark.offset..<offset].reduce(columnMark.column) { $1 & 0xC0 == 0x80 ? $0 : $0 + 1 }
      columnMark = (offset, column)
      return SourceLocation(path: path, line: line, column: column)
    }

    /// Reads one record; nil at the end of the file.
    mutating func nextRecord(
      diagnostics: inout DiagnosticCollector
    ) -> (fields: [Field], location: SourceLocation)? {
      guard index < bytes.count else { return nil }
      let recordLocation = location(at: index)
      var fields: [Field] = []
      while true {
        let fieldLocation = location(at: index)
        let quoted = index < bytes.count && bytes[index] == UInt8(ascii: "\"")
        let text = quoted ? readQuoted(diagnostics: &diagnostics) : readPlain(diagnostics: &diagnostics)
        fields.append(Field(text: text, location: fieldLocation))
        guard index < bytes.count else { break }
        let byte = bytes[index]
        index += 1
        if byte == UInt8(ascii: ",") { continue }
        // Line end: LF, CRLF or a lone CR.
        if byte == UInt8(ascii: "\r"), index < bytes.count, bytes[index] == UInt8(ascii: "\n") { index += 1 }
        newLine()
        break
      }
      return (fields, recordLocation)
    }

    mutating func newLine() {
      line += 1
      lineStart = index
    }

    /// Reads up to the next comma or line end, which it leaves in place.
    mutating func readPlain(diagnostics: inout DiagnosticCollector) -> String {
      let start = index
      var reportedQuote = false
      while index < bytes.count {
        let byte = bytes[index]
        if byte == UInt8(ascii: ",") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") { break }
        if byte == UInt8(ascii: "\""), !reportedQuote {
          diagnostics.error(
            "a quote inside an unquoted field; quote the whole field and write the quote twice (\"\")",
            at: location(at: index))
          reportedQuote = true
        }
        index += 1
      }
      return String(decoding: bytes[start..<index], as: UTF8.self)
    }

    /// Reads a quoted field from its opening quote to the comma or line end after the closing quote.
    mutating func readQuoted(diagnostics: inout DiagnosticCollector) -> String {
      let opening = location(at: index)
      index += 1
      var text: [UInt8] = []
      while index < bytes.count {
        let byte = bytes[index]
        if byte == UInt8(ascii: "\"") {
          if index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "\"") {
            text.append(byte)
            index += 2
            continue
          }
          index += 1
          let afterQuote = index
          while index < bytes.count,
            ![UInt8(ascii: ","), UInt8(ascii: "\n"), UInt8(ascii: "\r")].contains(bytes[index])
          {
            index += 1
          }
          if index > afterQuote {
            diagnostics.error(
              "unexpected text after a closing quote; expected ',' or the end of the line "
                + "(a quote inside a quoted field is written twice: \"\")", at: location(at: afterQuote))
          }
          return String(decoding: text, as: UTF8.self)
        }
        if byte == UInt8(ascii: "\n") {
          text.append(byte)
          index += 1
          newLine()
          continue
        }
        text.append(byte)
        index += 1
      }
      diagnostics.error("quoted field is never closed; expected a closing '\"'", at: opening)
      return String(decoding: text, as: UTF8.self)
    }
  }
}
