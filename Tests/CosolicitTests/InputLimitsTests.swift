import CosolicitTestSupport
import Foundation
import Testing

@testable import Cosolicit

/// Input too big, too long, too deep or not text is refused with an error that says which limit and where,
/// never a crash, a hang or memory exhausted: the size (`SourceFile.maximumSize`), line
/// (`SourceFile.maximumLines`), CSV field (`FileFormat.maximumCSVFields`), value (`maximumNodes` of the YAML and
/// JSON readers), nesting and text length (`FieldReader.maximumTextLength`) limits, numbers of any size, and
/// bytes that are not UTF-8.
@Suite struct InputLimitsTests {
  func source(_ bytes: [UInt8], _ path: String = "f") -> SourceFile? {
    try? SourceFile.decode(bytes, path: path).get()
  }

  func failure<T>(_ result: Result<T, Diagnostic>) -> Diagnostic? {
    if case .failure(let diagnostic) = result { return diagnostic }
    return nil
  }

  /// The example workspace's findings in `relative` after writing `contents` there.
  func findings(_ relative: String, _ contents: [UInt8]) throws -> (Intake, [Diagnostic]) {
    let sandbox = try Sandbox()
    try FileManager.default.createDirectory(
      at: sandbox.root.appendingPathComponent(relative).deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data(contents).write(to: sandbox.root.appendingPathComponent(relative))
    let intake = sandbox.validate()
    return (intake, intake.diagnostics.filter { $0.location.path.hasSuffix("/" + relative) })
  }

  static let csvHeader =
    "agency_id,agency_name,agency_type,item,description,classification,quantity,unit,commitment,deliver_to,need_by,notes\n"

  // MARK: - Size and lines

  @Test func aFileOverTheSizeLimitIsRefusedUnread() throws {
    let sandbox = try Sandbox()
    let path = sandbox.path("needs/huge.csv")
    #expect(FileManager.default.createFile(atPath: path, contents: Data(Self.csvHeader.utf8)))
    let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
    try handle.truncate(atOffset: UInt64(SourceFile.maximumSize + 1))  // sparse: costs no disk
    try handle.close()
    let intake = sandbox.validate()
    let found = intake.findings(.error, in: "needs/huge.csv")
    #expect(found.count == 1 && found[0].location.line == 1, "\(intake.listing)")
    #expect(found.first?.message == "file is 67108865 bytes; input files are limited to 67108864 bytes")
  }

  /// A device or a pipe has no end: reading one as a needs file would never finish or would fill memory.
  @Test(.timeLimit(.minutes(1))) func aDeviceOrPipeIsRefusedNotRead() throws {
    let sandbox = try Sandbox()
    try FileManager.default.createSymbolicLink(atPath: sandbox.path("needs/zero.csv"), withDestinationPath: "/dev/zero")
    #expect(mkfifo(sandbox.path("needs/pipe.json"), 0o600) == 0)
    let intake = sandbox.validate()
    for name in ["needs/zero.csv", "needs/pipe.json"] {
      let found = intake.findings(.error, in: name)
      #expect(found.count == 1 && found[0].message.contains("not a regular file"), "\(name): \(intake.listing)")
    }
  }

  @Test func moreLinesThanTheLimitAreRefused() throws {
    let limit = SourceFile.maximumLines
    let atLimit = try #require(source(Array(repeating: UInt8(ascii: "\n"), count: limit)))
    #expect(atLimit.lineLimitProblem == nil, "exactly the limit, final line break")
    let crlf = try #require(source(Array(String(repeating: "x\r\n", count: limit - 1).utf8) + Array("x".utf8)))
    #expect(crlf.lineLimitProblem == nil)
    for lineEnd in ["\n", "\r\n", "\r"] {
      let text = String(repeating: "x" + lineEnd, count: limit) + "x"
      let diagnostic = try #require(source(Array(text.utf8))).lineLimitProblem
      #expect(
        diagnostic?.location == SourceLocation(path: "f", line: limit + 1, column: 1), "\(lineEnd.debugDescription)")
      #expect(diagnostic?.message.contains("more than \(limit) lines") == true)
    }
  }

  /// 64 MB of empty CSV rows used 24 GB before it was killed: each of 5 million rows was reported field by
  /// field. Past the line limit the file is one error.
  @Test func aFloodOfEmptyRowsIsOneError() throws {
    let rows = Self.csvHeader + String(repeating: ",,,,,,,,,,,\n", count: SourceFile.maximumLines)
    let (_, found) = try findings("needs/empty-rows.csv", Array(rows.utf8))
    #expect(found.count == 1, "\(found.prefix(3))")
    #expect(found.first?.message.contains("more than \(SourceFile.maximumLines) lines") == true)
  }

  @Test func aCSVFileWithMoreFieldsThanTheLimitIsOneError() throws {
    let row = String(repeating: ",", count: 999) + "\n"
    let text = Self.csvHeader + String(repeating: row, count: FileFormat.maximumCSVFields / 1000 + 1)
    let (_, found) = try findings("needs/wide-rows.csv", Array(text.utf8))
    #expect(found.count == 1, "\(found.prefix(3))")
    #expect(found.first?.message == "the file holds more than 4000000 fields; split it into several files")
    // Commas inside quotes are text, not fields.
    let quoted = Self.csvHeader + "\"" + String(repeating: ",", count: FileFormat.maximumCSVFields + 1) + "\"\n"
    let (_, inQuotes) = try findings("needs/quoted.csv", Array(quoted.utf8))
    #expect(!inQuotes.contains { $0.message.contains("fields; split it") })
  }

  // MARK: - Values and nesting

  @Test func jsonWithMoreValuesThanTheLimitIsRefused() throws {
    let limit = JSONDocumentReader.maximumNodes
    func array(_ count: Int) -> [UInt8] { Array(("[" + String(repeating: "1,", count: count - 1) + "1]").utf8) }
    // The array and its items are the values.
    guard case .success = JSONDocumentReader.read(try #require(source(array(limit - 1)))) else {
      Issue.record("exactly the limit is read")
      return
    }
    let diagnostic = failure(JSONDocumentReader.read(try #require(source(array(limit)))))
    #expect(
      diagnostic?.message == "malformed JSON: the document holds more than 1000000 values; split it into several files")
    #expect(diagnostic?.location == SourceLocation(path: "f", line: 1, column: 2 * limit))
  }

  @Test(arguments: [
    "items: [" + String(repeating: "1,", count: 2_000_001) + "1]\n",
    String(repeating: String(repeating: "- ", count: 500) + "x\n", count: 4_001),
    String(repeating: "{a: 1, b: [2, 3]}\n", count: 1),
  ])
  func yamlWithMoreValuesThanTheLimitIsRefusedBeforeComposing(text: String) throws {
    let result = YAMLDocumentReader.read(try #require(source(Array(text.utf8))))
    if text.utf8.count < 100 {
      guard case .success = result else {
        Issue.record("a small document is read: \(result)")
        return
      }
      return
    }
    let diagnostic = failure(result)
    #expect(diagnostic?.message == "the document holds more than 1000000 values; split it into several files")
    #expect((diagnostic?.location.line ?? 0) >= 1)
  }

  @Test(arguments: [
    ("a:\n" + (1..<3000).map { String(repeating: " ", count: $0) + "k\($0):\n" }.joined(), "nesting level"),
    ("a: " + String(repeating: "- ", count: 5000) + "x\n", "block sequence entries are not allowed"),
    (String(repeating: "- ", count: 5000) + "x\n", "nesting level"),
  ])
  func deepYAMLBlockNestingIsAnErrorNotACrash(text: String, message: String) throws {
    let diagnostic = failure(YAMLDocumentReader.read(try #require(source(Array(text.utf8)))))
    #expect(diagnostic?.message.contains(message) == true, "\(String(describing: diagnostic))")
    #expect((diagnostic?.location.line ?? 0) >= 1)
  }

  // MARK: - Long lines and values

  static let tenMegabytes = String(repeating: "A", count: 10_000_000)

  @Test(arguments: [
    (
      "needs/long.csv", Self.csvHeader + "long-agency,\(tenMegabytes),city,LAPTOP-14,,,1,each,,Hall,,\n", 2, 13,
      "row: 'agency_name' is 10000000 bytes long; a value may be at most 1048576 bytes"
    ),
    (
      "needs/long.json",
      "{\"agency\": {\"id\": \"long\", \"name\": \"L\", \"type\": \"city\"}, \"items\": [\n"
        + "{\"item\": \"LAPTOP-14\", \"quantity\": 1, \"unit\": \"each\", \"notes\": \"\(tenMegabytes)\"}]}", 2, 63,
      "items #1: 'notes' is 10000000 bytes long"
    ),
    (
      "needs/long.yaml", "agency: {id: long, name: L, type: city}\ndeliver_to: \(tenMegabytes)\nitems: []\n", 2, 13,
      "needs file: 'deliver_to' is 10000000 bytes long"
    ),
  ])
  func aTenMegabyteValueIsRefusedAtItsPlace(file: String, text: String, line: Int, column: Int, message: String) throws
  {
    let (intake, found) = try findings(file, Array(text.utf8))
    let error = found.first { $0.message.contains("bytes long") }
    #expect(error?.location.line == line && error?.location.column == column, "\(intake.listing.prefix(2000))")
    #expect(error?.message.hasPrefix(message) == true, "\(String(describing: error?.message.prefix(300)))")
    #expect(found.allSatisfy { $0.message.utf8.count < 400 }, "no finding repeats the value")
  }

  @Test func aTenMegabyteLineThatHoldsNoValueIsFine() throws {
    let text =
      "# " + Self.tenMegabytes + "\nagency: {id: comment, name: C, type: city}\ndeliver_to: Hall\n"
      + "items:\n  - {item: LAPTOP-14, quantity: 1, unit: each}\n"
    let (intake, found) = try findings("needs/comment.yaml", Array(text.utf8))
    #expect(found.isEmpty, "\(intake.listing)")
  }

  // MARK: - Numbers

  static let hugeNumbers = [
    "1e999999", "-1e999999", String(repeating: "9", count: 400), "0." + String(repeating: "0", count: 400) + "1",
    "1E+400", "NaN", "Infinity",
  ]

  @Test(arguments: hugeNumbers)
  func aHugeNumberIsAnErrorThatSaysSo(number: String) throws {
    let sandbox = try Sandbox()
    try sandbox.write(
      "needs/numbers.json",
      "{\"agency\": {\"id\": \"numbers\", \"name\": \"N\", \"type\": \"city\"}, \"deliver_to\": \"Hall\", \"items\": [\n"
        + "{\"item\": \"LAPTOP-14\", \"quantity\": \(number.first!.isLetter ? "\"\(number)\"" : number), \"unit\": \"each\"}]}\n"
    )
    try sandbox.write(
      "needs/numbers.yaml",
      "agency: {id: numbers-yaml, name: N, type: city}\ndeliver_to: Hall\nitems:\n"
        + "  - {item: LAPTOP-14, quantity: \(number), unit: each}\n")
    try sandbox.write(
      "needs/numbers.csv", Self.csvHeader + "numbers-csv,N,city,LAPTOP-14,,,\(number),each,,Hall,,\n")
    let definition = try String(contentsOfFile: sandbox.path("solicitation.yaml"), encoding: .utf8)
      .replacingOccurrences(of: "months: 24", with: "months: \(number)")
      .replacingOccurrences(of: "weight: 70", with: "weight: \(number)")
      .replacingOccurrences(of: "formal_bid_threshold: 150000", with: "formal_bid_threshold: \(number)")
    try sandbox.write("solicitation.yaml", definition)
    let catalog = try String(contentsOfFile: sandbox.path("catalog.csv"), encoding: .utf8)
      .replacingOccurrences(of: ",EA,,950.00,", with: ",EA,,\(number),")
    try sandbox.write("catalog.csv", catalog)
    let intake = sandbox.validate()
    let places: [(String, Int, String)] = [
      ("needs/numbers.json", 2, "'quantity'"), ("needs/numbers.yaml", 4, "'quantity'"),
      ("needs/numbers.csv", 2, "'quantity'"), ("solicitation.yaml", 30, "'months'"),
      ("solicitation.yaml", 46, "'weight'"),
      ("solicitation.yaml", 56, "'formal_bid_threshold'"), ("catalog.csv", 2, "'estimated_unit_price'"),
    ]
    for (file, line, field) in places {
      let found = intake.findings(.error, in: file).filter { $0.location.line == line && $0.message.contains(field) }
      #expect(found.count == 1, "\(file):\(line) \(field) \(number.prefix(20)):\n\(intake.listing.prefix(3000))")
      #expect(found.allSatisfy { $0.message.utf8.count < 300 }, "\(found.first?.message.prefix(400) ?? "")")
    }
  }

  // MARK: - Not UTF-8

  @Test(
    arguments: [
      ([0xFF], 1, 1), (Array("ab\n".utf8) + [0xC0, 0xAF], 2, 1), (Array("x".utf8) + [0xED, 0xA0, 0x80], 1, 2),
      (Array("€".utf8) + [0xE2, 0x82], 1, 2), ([0xF5, 0x80, 0x80, 0x80], 1, 1), (Array("ok\n\nzz".utf8) + [0x80], 3, 3),
      ([0xEF, 0xBB, 0xBF, 0x41, 0xFE], 1, 2),
    ] as [([UInt8], Int, Int)])
  func bytesThatAreNotUTF8AreAnErrorAtTheirPosition(bytes: [UInt8], line: Int, column: Int) {
    let diagnostic = failure(SourceFile.decode(bytes, path: "f"))
    #expect(diagnostic?.location == SourceLocation(path: "f", line: line, column: column))
    #expect(diagnostic?.message.contains("is not valid UTF-8") == true)
  }

  @Test(arguments: ["needs/latin1.csv", "needs/latin1.yaml", "needs/latin1.json", "catalog.csv", "solicitation.yaml"])
  func aFileInAnotherEncodingIsOneErrorInEveryReader(file: String) throws {
    // "Café" in Latin-1 on line 2.
    let (intake, found) = try findings(file, Array("x\nCaf".utf8) + [0xE9] + Array("\n".utf8))
    #expect(found.count == 1, "\(intake.listing)")
    #expect(found.first?.location.line == 2 && found.first?.location.column == 4)
    #expect(found.first?.message == "the file is not valid UTF-8 (byte 0xE9); save it as UTF-8")
  }
}
