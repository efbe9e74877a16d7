import Cosolicit
import Foundation
import FuzzCommon

/// The input is a section's Markdown, read as the RFP's sections are: parsed by libcmark into typed blocks and
/// written as HTML, Markdown and WordprocessingML. Whatever the input, no output carries a tag the input wrote
/// or a `javascript:` address, and the Markdown reads back as the same text.
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
    if again.plainText != document.plainText {
      fatalError("the Markdown written does not read back as the same text")
    }
  }
  return 0
}

runLibFuzzer(fuzz)
