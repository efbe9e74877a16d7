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
    // A needs request form (with base_unit) one time in three.
    var columns = NeedsReader.csvColumns.filter { name in
      NeedsReader.formColumns.contains(name)
        ? Int.random(in: 0..<3, using: &random) == 0 : Int.random(in: 0..<6, using: &random) > 0
    }
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
        "quantity": pick(
          ["12", "12.5", "1", "400", "\"1,200\"", "\"1,234.5\""],
          ["0", "1,200", "abc", " 5", "-2", "1e3", "0.0000001", "\"1,2\"", "\"1.234,5\"", "\"12,34,567\""]),
        "unit": isWriteIn
          ? pick(["each", "EA"], ["ton", "widgets"]) : pick(units, ["lb", "ton", "Cases", "widgets", "XBX"]),
        "commitment": pick(["", "binding", "estimate"], ["Estimate", "maybe", "BINDING"]),
        "deliver_to": pick(["Site 1", "\"Main St, 5\""], ["", "Café", " Site", "\"He said \"\"x\"\"\"", "\"a\nb\""]),
        "need_by": pick(["", "2027-08-01", "2028-03-15"], ["2026-01-01", "2035-01-01", "2027-02-30", "soon"]),
        // Releases, clean or not, are the full reader's: the scanner must decline every row that gives them.
        "releases": pick(
          [""],
          ["2027-08-01: 6; 2028-01-15: 6", "2027-08-01: 12", "\"2027-08-01: 1,200\"", "2027-08-01 12", "2027-02-30: 1"]),
        "spec": pick(["", "Asset tags", "\"Fragrance free, unscented\""], ["x\ty", " padded", "\u{2}"]),
        "notes": pick(["", "note", "Teacher refresh"], ["x\ty", "\"two\nlines\"", "\u{1}", "bad\"quote"]),
        // The agency's details: the same for each of its rows when clean, or left empty.
        "agency_state": pick(["", "OR"], ["Oregon", "ZZ", "WA"]),
        "contact_name": pick(["", "Pat Buyer"], ["Other Person", " Pat"]),
        "contact_email": pick(["", "pat@\(agency).example.org"], ["pat at sd", "other@\(agency).example.org"]),
        "contact_phone": pick(["", "555-0100"], ["555-0199"]),
        "signer_name": pick(["Sam Lee"], ["", "Other Signer"]),
        "signer_title": pick(["", "Superintendent"], ["Clerk"]),
        "submitted": pick(["", "2027-02-01"], ["2027-02-02", "Feb 1", "2027-02-30"]),
        // A form's informational columns, read by nobody.
        "base_unit": pick(["EA", ""], ["\"\"", "??"]),
        "packs": pick(["", "XCS=16"], ["XCS=1,2"]),
        "estimated_unit_price": pick(["950.00", ""], ["abc"]),
      ]
      let isUnusedFormRow = columns.contains("base_unit") && Int.random(in: 0..<4, using: &random) == 0
      if Int.random(in: 0..<20, using: &random) == 0 {
        // A blank row, as spreadsheets export one: commas only, or spaces.
        text += pick([String(repeating: ",", count: columns.count - 1), ",,", " , "], ["\"\",", "\u{A0},"]) + lineEnd
      }
      var row = columns.map { column in
        isUnusedFormRow && NeedsReader.fillInColumns.contains(column) ? pick([""], [" "]) : cells[column] ?? ""
      }
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

  /// Files the scanner must read itself (their findings are none) and files it must leave to the full reader.
  @Test func agencyDetailsFormRowsBlankRowsAndGroupedQuantitiesTakeTheFastPath() throws {
    let sandbox = try Sandbox()
    let context = sandbox.validate()
    let resolver = NeedsResolver(solicitation: context.solicitation, catalog: context.catalog, catalogKnown: true)
    let header =
      "agency_id,agency_name,agency_type,agency_state,contact_email,signer_name,signer_title,submitted,item,"
      + "description,classification,base_unit,packs,estimated_unit_price,quantity,unit,deliver_to,spec,notes\n"
    let first = "sd-1,District,k12,OR,pat@sd.example.org,Sam Lee,Superintendent,2027-02-01,"
    let later = "sd-1,District,k12,,,,,,"
    let clean =
      ",,,\n" + header + first + "LAPTOP-14,Laptop,UNSPSC:43211503,EA,,950.00,\"1,200\",each,Site,Asset tags,\n"
      + later + "MONITOR-24,Monitor,UNSPSC:43211902,EA,,180.00,,,,,\n" + " , ,\n"
      + later + "TOWEL-MF,Towel,UNSPSC:14111703,EA,XCS=16,2.10,2,case,Site,,note\n"
    let troubled = [
      clean + "sd-1,District,k12,WA,,,,,LAPTOP-14,,,,,,1,each,Site,,\n",  // another state
      clean + "sd-1,District,k12,,,,,2027-02-02,LAPTOP-14,,,,,,1,each,Site,,\n",  // another submission date
      clean.replacingOccurrences(of: "Sam Lee", with: ""),  // a signer's title without a name
      clean.replacingOccurrences(of: "pat@sd.example.org", with: "pat"),  // an email address that is not one
      clean.replacingOccurrences(of: "\"1,200\"", with: "\"1,2\""),  // a decimal comma
    ]
    for (text, isClean) in [(clean, true)] + troubled.map { ($0, false) } {
      let source = SourceFile(path: "needs/x.csv", bytes: Array(text.utf8))
      var full = DiagnosticCollector()
      let fullFile = NeedsReader.read(.success(source), path: source.path, resolver: resolver, scanning: false, &full)
      let scanned = NeedsTableScanner.read(source, resolver: resolver)
      #expect(full.diagnostics.isEmpty == isClean, "\(text)\n\(full.diagnostics)")
      #expect((scanned != nil) == isClean, "\(text)")
      if let scanned { #expect(scanned == fullFile) }
    }
    let file = try #require(
      NeedsTableScanner.read(SourceFile(path: "x.csv", bytes: Array(clean.utf8)), resolver: resolver))
    let participant = try #require(file.participants.first)
    #expect(participant.agency.state == "OR" && participant.agency.signer?.title == "Superintendent")
    #expect(participant.submitted?.value.description == "2027-02-01")
    #expect(
      participant.lines.map(\.quantity.value) == [1200, 2] && participant.lines.map(\.spec) == ["Asset tags", nil])
  }
}
