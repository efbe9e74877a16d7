import Crypto
import Foundation

/// Makes LibreOffice's PDFs reproducible. LibreOffice 7.4 ignores `SOURCE_DATE_EPOCH` and has no export option
/// for it: each PDF carries its creation time (`/CreationDate(D:YYYYMMDDhhmmssZ')`, in UTC because the
/// conversion runs with `TZ=UTC`), a document id drawn from that time (`/ID [<…> <…>]`) and a checksum
/// (`/DocChecksum /…`). Each is rewritten in place, to the same length so that no byte offset moves: the time to
/// ``DeterministicZip/entryDate``, the id and checksum to hexadecimal digits of the SHA-256 of the PDF with
/// those stamps blanked. Everything else LibreOffice writes is the same from one run to the next.
enum PDFStamps {
  /// `pdf` with its time, id and checksum fixed; a stamp that is not where or as expected is left as it is.
  static func normalized(_ pdf: Data) -> Data {
    var bytes = [UInt8](pdf)
    let fixedTime = Array("20000101000000".utf8)
    for start in ranges(of: "/CreationDate(D:", in: bytes) {
      let digits = start..<min(start + fixedTime.count, bytes.count)
      if digits.count == fixedTime.count, bytes[digits].allSatisfy({ (0x30...0x39).contains($0) }) {
        bytes.replaceSubrange(digits, with: fixedTime)
      }
    }
    // The spans of hexadecimal digits to fill: each id string `<…>` and the checksum name.
    var spans: [Range<Int>] = []
    for start in ranges(of: "/ID [", in: bytes) {
      var index = start
      for _ in 0..<2 {
        guard let open = bytes[index...].prefix(8).firstIndex(of: UInt8(ascii: "<")) else { break }
        let digits = bytes[(open + 1)...].prefix { isHexDigit($0) }
        guard !digits.isEmpty else { break }
        spans.append(digits.startIndex..<digits.endIndex)
        index = digits.endIndex
      }
    }
    for start in ranges(of: "/DocChecksum /", in: bytes) {
      let digits = bytes[start...].prefix { isHexDigit($0) }
      if !digits.isEmpty { spans.append(digits.startIndex..<digits.endIndex) }
    }
    for span in spans { bytes.replaceSubrange(span, with: repeatElement(UInt8(ascii: "0"), count: span.count)) }
    let digest = Array(SHA256.hash(data: bytes).map { String(format: "%02X", $0) }.joined().utf8)
    for span in spans { bytes.replaceSubrange(span, with: (0..<span.count).map { digest[$0 % digest.count] }) }
    return Data(bytes)
  }

  /// Where each occurrence of `marker` ends in `bytes`.
  private static func ranges(of marker: String, in bytes: [UInt8]) -> [Int] {
    let pattern = Array(marker.utf8)
    guard bytes.count >= pattern.count else { return [] }
    var found: [Int] = []
    var index = 0
    while index <= bytes.count - pattern.count {
      if bytes[index] == pattern[0], bytes[index..<index + pattern.count].elementsEqual(pattern) {
        found.append(index + pattern.count)
        index += pattern.count
      } else {
        index += 1
      }
    }
    return found
  }

  private static func isHexDigit(_ byte: UInt8) -> Bool {
    (0x30...0x39).contains(byte) || (0x41...0x46).contains(byte) || (0x61...0x66).contains(byte)
  }
}
