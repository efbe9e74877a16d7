/// A workbook's shared strings (`xl/sharedStrings.xml`): the texts its cells refer to by position.
///
/// Each `<si>` is one text: a plain `<t>`, or rich-text runs (`<r><t>…</t></r>`) joined, with `_xHHHH_` escapes
/// replaced. Phonetic readings (`<rPh>`, the pronunciation of East Asian text) are not part of the text and are
/// left out.
struct SharedStringTable: Sendable {
  /// The texts, in order.
  var strings: [String]

  /// Reads the shared strings part `bytes`, called `part`.
  static func read(_ bytes: [UInt8], part: String) throws(WorkbookProblem) -> SharedStringTable {
    var strings: [String] = []
    var current: String?
    var inText = false
    var phoneticDepth = 0
    let failure = XMLEventReader.read(bytes) { event in
      switch event {
      case .start(let element):
        switch element.name {
        case "si": current = ""
        case "rPh": phoneticDepth += 1
        case "t": inText = current != nil && phoneticDepth == 0
        default: break
        }
      case .text(let text) where inText:
        current?.append(text)
      case .text: break
      case .end(let name):
        switch name {
        case "si":
          strings.append(unescaped(current ?? ""))
          current = nil
        case "rPh": phoneticDepth = max(phoneticDepth - 1, 0)
        case "t": inText = false
        default: break
        }
      }
      return true
    }
    if let failure { throw WorkbookIndex.malformed(part, failure) }
    return SharedStringTable(strings: strings)
  }

  /// `text` with the escapes of Office Open XML strings replaced: `_xHHHH_` is the character U+HHHH (Excel
  /// writes a carriage return as `_x000D_`, and a text that itself reads `_x0041_` as `_x005F_x0041_`).
  static func unescaped(_ text: String) -> String {
    guard text.contains("_x") else { return text }
    var scalars = Array(text.unicodeScalars)[...]
    var result = String.UnicodeScalarView()
    while let first = scalars.first {
      if first == "_", scalars.count >= 7, scalars[scalars.startIndex + 1] == "x",
        scalars[scalars.startIndex + 6] == "_",
        let value = UInt32(String(String.UnicodeScalarView(scalars.dropFirst(2).prefix(4))), radix: 16),
        let scalar = Unicode.Scalar(value)
      {
        result.append(scalar)
        scalars.removeFirst(7)
      } else {
        result.append(first)
        scalars.removeFirst()
      }
    }
    return String(result)
  }
}
