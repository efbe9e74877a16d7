import Foundation
import FuzzCommon
import ZIPFoundation

/// The input is an Excel needs workbook, beside the workspace's YAML needs file (so duplicate agencies are
/// found). An input that starts like a zip archive (`PK`) is the workbook as it is: the archive's directory,
/// sizes and packing are fuzzed. Any other input is the workbook's XML, parts separated by NUL bytes: the sheet,
/// then the shared strings, the styles and `xl/workbook.xml`, each missing part taken from a small template; it is
/// packed into a well-formed archive, so that the XML and the cells are fuzzed, not just the zip checksum.
enum Harness {
  static let workspace = FuzzWorkspace(
    file: "needs/fuzz.xlsx", removing: ["needs/school-districts.csv"], isWorkbook: true)

  static let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
  static let relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

  /// The template's parts, in the order an input gives them.
  static let templateParts = [
    """
    <worksheet xmlns="\(main)"><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row></sheetData></worksheet>
    """,
    """
    <sst xmlns="\(main)"><si><t>agency_id</t></si></sst>
    """,
    """
    <styleSheet xmlns="\(main)"><numFmts><numFmt numFmtId="164" formatCode="m/d/yyyy"/></numFmts>\
    <cellXfs><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/></cellXfs></styleSheet>
    """,
    """
    <workbook xmlns="\(main)" xmlns:r="\(relationships)"><sheets><sheet name="needs" sheetId="1" r:id="rId1"/>\
    </sheets></workbook>
    """,
  ]
  static let partNames = ["xl/worksheets/sheet1.xml", "xl/sharedStrings.xml", "xl/styles.xml", "xl/workbook.xml"]
  static let workbookRelationships = """
    <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
    <Relationship Id="rId1" Type="\(relationships)/worksheet" Target="worksheets/sheet1.xml"/>\
    <Relationship Id="rId2" Type="\(relationships)/sharedStrings" Target="sharedStrings.xml"/>\
    <Relationship Id="rId3" Type="\(relationships)/styles" Target="/xl/styles.xml"/></Relationships>
    """

  /// `input`'s XML parts packed into a workbook.
  static func packed(_ input: [UInt8]) -> Data {
    let given = input.split(separator: 0, maxSplits: 3, omittingEmptySubsequences: false).map { Data($0) }
    var parts = Dictionary(uniqueKeysWithValues: zip(partNames, templateParts.map { Data($0.utf8) }))
    for (name, data) in zip(partNames, given) { parts[name] = data }
    parts["xl/_rels/workbook.xml.rels"] = Data(workbookRelationships.utf8)
    do {
      let archive = try Archive(data: Data(), accessMode: .create)
      for name in parts.keys.sorted() {
        let data = parts[name] ?? Data()
        try archive.addEntry(
          with: name, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate,
          provider: { position, size in data.subdata(in: Int(position)..<Int(position) + size) })
      }
      guard let bytes = archive.data else { setupFailure("ZIPFoundation made no archive") }
      return bytes
    } catch {
      setupFailure("ZIPFoundation could not pack the parts: \(error)")
    }
  }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
  let input = UnsafeRawBufferPointer(start: start, count: count)
  if input.starts(with: [0x50, 0x4B]) {
    Harness.workspace.run(input)
  } else {
    Harness.packed(Array(input)).withUnsafeBytes { Harness.workspace.run($0) }
  }
  return 0
}

_ = Harness.workspace  // set up before fuzzing, so that a broken setup stops at once
runLibFuzzer(fuzz)
