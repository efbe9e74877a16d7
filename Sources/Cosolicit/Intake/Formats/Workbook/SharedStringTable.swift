/// A workbook's shared strings (`xl/sharedStrings.xml`): the texts its cells refer to by position.
///
/// Each `<si>` is one text: a plain `<t>`, or rich-text runs (`<r><t>…</t></r>`) joined. Phonetic readings
/// (`<rPh>`, the pronunciation of East Asian text) are not part of the text and are left out.
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
          strings.append(current ?? "")
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
}
