import Cosolicit
import Foundation
import FuzzCommon

/// The input is a section's Markdown, read as the RFP's sections are: parsed by libcmark into typed blocks and
/// written as HTML, Markdown and WordprocessingML. Whatever the input, no output carries a tag the input wrote
/// or a `javascript:` address, and the Markdown reads back as the same text (compared without control
/// characters, white space and emphasis asterisks: see `shown`).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
  let bytes = UnsafeRawBufferPointer(start: start, count: count)
  let text = String(decoding: bytes, as: UTF8.self)
  for links in [MarkdownLinks.asText, .allowed] {
    let document = MarkdownDocument.parse(text, links: links)
    let html = document.html
    if html.range(of: "<script", options: .caseInsensitive) != nil
      || html.range(of: "href=\"javascript", options: .caseInsensitive) != nil
    {
      fatalError("unsafe HTML from Markdown input")
    }
    _ = document.wordML
    let again = MarkdownDocument.parse(document.markdown, links: links)
    if shown(again.plainText) != shown(document.plainText) {
      fatalError("the Markdown written does not read back as the same text")
    }
  }
  return 0
}

/// `text` as documents show it, for comparison: control characters and white space left out (a line break and
/// a space read the same in a paragraph), and so are `*` and `_`: emphasis written next to punctuation or white
/// space can read back as its asterisks (CommonMark's flanking rules), which changes no other character.
func shown(_ text: String) -> String {
  String(
    String.UnicodeScalarView(
      text.unicodeScalars.filter { scalar in
        scalar.value > 0x20 && scalar.value != 0x7F && scalar != "*" && scalar != "_"
      }))
}

runLibFuzzer(fuzz)
