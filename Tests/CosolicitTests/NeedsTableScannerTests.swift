import CosolicitTestSupport
import Foundation
import Testing

@testable import Cosolicit

/// The clean-CSV scanner reads a file exactly as the full reader does, or declines: over thousands of generated
/// needs files, clean and not, whenever the scanner reads a file the full reader reports nothing for it and
/// reads the same agencies, lines, positions, texts and resolutions.
@Suite struct NeedsTableScannerTests {
  /// One generated needs CSV: mostly clean values, with a chance of each kind of trouble.
  static func csv(_ random: inout SeededRandom, trouble: Int) -> String {
    func pick(_ clean: [String], _ troubled: [String]) -> String {
      Int.random(in: 0..<100, using: &random) < trouble
        ? troubled.randomElement(using: &random)!
        : clean.randomElement(using: &random)!
    }
    var columns = NeedsReader.csvColumns.filter { _ in Int.random(in: 0..<6, using: &random) > 0 }
    for required in ["agency_id", "agency_name", "agency_type", "quantity", "unit"] where !columns.contains(required) {
      columns.append(required)
    }
    columns.shuffle(using: &random)
    let lineEnd = Int.random(in: 0..<100, using: &random) < trouble ? "\r\n" : "\n"
    var text = Int.random(in: 0..<100, using: &random) < trouble ? "\u{FEFF}" : ""
    text +=
      pick(
        [columns.joined(separator: ",")],
        [columns.joined(separator: ",") + ",extra", "Agency ID," + columns.joined(separator: ",")]) + lineEnd
    let agencies = (1...Int.random(in: 1...3, using: &random)).map { "sd-\($0)" }
    for _ in 0..<Int.random(in: 1...25, using: &random) {
      let agency = agencies.randomElement(using: &random)!
      let isWriteIn = Int.random(in: 0..<10, using: &random) == 0
      // Each item with the units it converts from exactly.
      let (item, units) = [
        ("LAPTOP-14", ["each", "EA"]), ("MONITOR-24", ["each", "EA", "dozen"]),
        ("TOWEL-MF", ["each", "EA", "case", "XCS"]), ("FLOOR-CLEANER", ["gallon", "GLL", "case", "XCS"]),
      ].randomElement(using: &random)!
      let cells: [String: String] = [
        "agency_id": pick([agency], [agency.uppercased(), " \(agency)", "", "sd 1"]),
        "agency_name": pick(["District \(agency)"], ["Distrito Peña", "District \(agency) ", "Other name", ""]),
        "agency_type": pick(["k12"], ["K12", "city", "school", ""]),
        "item": isWriteIn ? "" : pick([item], ["LAPTOP-15", " LAPTOP-14", "lap top"]),
        "description": isWriteIn ? pick(["\"Desk, standing\""], ["", "\"Desk \"\"XL\"\"\""]) : pick([""], ["unused"]),
        "classification": isWriteIn ? pick(["UNSPSC:43211999"], ["UNSPSC:5611", "99", "UNSPSC:43211503"]) : "",
        "quantity": pick(["12", "12.5", "1", "400"], ["0", "1,200", "abc", " 5", "-2", "1e3", "0.0000001"]),
        "unit": isWriteIn
          ? pick(["each", "EA"], ["ton", "widgets"]) : pick(units, ["lb", "ton", "Cases", "widgets", "XBX"]),
        "commitment": pick(["", "binding", "estimate"], ["Estimate", "maybe", "BINDING"]),
        "deliver_to": pick(["Site 1", "\"Main St, 5\""], ["", "Café", " Site", "\"He said \"\"x\"\"\"", "\"a\nb\""]),
        "need_by": pick(["", "2027-08-01", "2028-03-15"], ["2026-01-01", "2035-01-01", "2027-02-30", "soon"]),
        "notes": pick(["", "note", "Teacher refresh"], ["x\ty", "\"two\nlines\"", "\u{1}", "bad\"quote"]),
      ]
      var row = columns.map { cells[$0] ?? "" }
      if Int.random(in: 0..<100, using: &random) < trouble / 3 { row.removeLast() }
      text += row.joined(separator: ",") + lineEnd
      if Int.random(in: 0..<100, using: &random) < trouble / 3 { text += lineEnd }
    }
    if Int.random(in: 0..<100, using: &random) < trouble { text.removeLast() }
    return text
  }

  @Test(arguments: [0, 2, 10, 40] as [Int])
  func theScannerReadsWhatTheFullReaderReadsOrDeclines(trouble: Int) throws {
    let sandbox = try Sandbox()
    let context = sandbox.validate()
    let resolver = NeedsResolver(solicitation: context.solicitation, catalog: context.catalog, catalogKnown: true)
    var random = SeededRandom(seed: UInt64(trouble) + 11)
    var (read, clean, accepted) = (0, 0, 0)
    let path = sandbox.path("needs/generated.csv")
    for _ in 0..<400 {
      let text = Self.csv(&random, trouble: trouble)
      try Data(text.utf8).write(to: URL(fileURLWithPath: path))
      var full = DiagnosticCollector()
      let fullFile = NeedsReader.read(path, resolver: resolver, scanning: false, &full)
      var either = DiagnosticCollector()
      let eitherFile = NeedsReader.read(path, resolver: resolver, &either)
      #expect(either.diagnostics == full.diagnostics, "\(text)")
      #expect(eitherFile == fullFile, "\(text)")
      read += 1
      if full.diagnostics.isEmpty { clean += 1 }
      let source = try SourceFile.read(path).get()
      if let scanned = NeedsTableScanner.read(source, resolver: resolver) {
        accepted += 1
        #expect(full.diagnostics.isEmpty, "the scanner read a file with findings:\n\(text)")
        #expect(scanned == fullFile, "\(text)")
      }
    }
    // Files written without trouble take the scanner's way when clean, or it would speed nothing up.
    if trouble == 0 { #expect(accepted == clean && clean > read / 4, "\(accepted) of \(clean) clean of \(read)") }
  }

  @Test func aValueWithSpaceAtItsEndIsLeftToTheFullReader() throws {
    let sandbox = try Sandbox()
    let context = sandbox.validate()
    let resolver = NeedsResolver(solicitation: context.solicitation, catalog: context.catalog, catalogKnown: true)
    let header = "agency_id,agency_name,agency_type,item,quantity,unit,deliver_to\n"
    let clean = SourceFile(path: "x.csv", bytes: Array((header + "sd-1,District,k12,LAPTOP-14,5,each,Site\n").utf8))
    let spaced = SourceFile(path: "x.csv", bytes: Array((header + "sd-1,District,k12,LAPTOP-14,5,each,Site \n").utf8))
    #expect(NeedsTableScanner.read(clean, resolver: resolver) != nil)
    #expect(NeedsTableScanner.read(spaced, resolver: resolver) == nil)
  }
}
