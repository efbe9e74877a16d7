import Foundation
import Testing

@testable import Cosolicit

/// LibreOffice's PDFs differ from run to run only in their creation time, id and checksum; ``PDFStamps`` fixes
/// them in place, so two conversions of the same document give the same bytes, at the same offsets.
@Suite struct PDFStampsTests {
  /// The tail of a PDF as LibreOffice 7.4 writes it, with the given time and id.
  static func pdf(time: String, id: String, checksum: String) -> Data {
    Data(
      """
      %PDF-1.6
      1 0 obj <</Creator<FEFF0057>/CreationDate(D:\(time)Z')>> endobj
      trailer
      <</Size 92/Root 90 0 R
      /Info 91 0 R
      /ID [ <\(id)>
      <\(id)> ]
      /DocChecksum /\(checksum)
      >>
      startxref
      97524
      %%EOF

      """.utf8)
  }

  @Test func twoConversionsOfTheSameDocumentGiveTheSameBytes() throws {
    let first = Self.pdf(
      time: "20261201193019", id: "7CF11EF4BE2AFF7F7208F29814914DEE", checksum: "CF197B2BA67561E2258B9F48B334FEAE")
    let second = Self.pdf(
      time: "20270315080102", id: "FCAD670308440EAB84D01B7F61BBE030", checksum: "48873E9D62CB9E85CD497FCA631B0CB6")
    let (one, two) = (PDFStamps.normalized(first), PDFStamps.normalized(second))
    #expect(one == two)
    #expect(one.count == first.count, "no offset moves")
    let text = String(decoding: one, as: UTF8.self)
    #expect(text.contains("/CreationDate(D:20000101000000Z')"))
    #expect(!text.contains("7CF11EF4") && !text.contains("CF197B2B"))
    // The id is drawn from the rest of the document: another document gets another id.
    let other = PDFStamps.normalized(
      Data(
        String(decoding: first, as: UTF8.self).replacingOccurrences(of: "FEFF0057", with: "FEFF0058").utf8))
    #expect(other != one && other.count == one.count)
  }

  @Test func aPDFWithoutTheStampsIsLeftAsItIs() {
    let plain = Data("%PDF-1.4\n1 0 obj <</Title(x)>> endobj\ntrailer <</Size 2>>\n%%EOF\n".utf8)
    #expect(PDFStamps.normalized(plain) == plain)
  }
}
