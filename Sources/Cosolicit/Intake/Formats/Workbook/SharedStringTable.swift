/// A workbook's shared strings (`xl/sharedStrings.xml`): the texts its cells refer to by position.
///
/// Each `<si>` is one text (``RichText``), with `_xHHHH_` escapes replaced.
struct SharedStringTable: Sendable {
  /// The texts, in order.
  var strings: [String]

  /// Reads the shared strings part `bytes`, called `part`.
  static func read(_ bytes: [UInt8], part: String) throws(WorkbookProblem) -> SharedStringTable {
    var strings: [String] = []
    var current: RichText?
    let failure = XMLEventReader.read(bytes) { event in
      switch event {
      case .start(let element) where element.name == "si":
        current = RichText()
      case .end("si"):
        strings.append(unescaped(current?.text ?? ""))
        current = nil
      default:
        current?.take(event)
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
