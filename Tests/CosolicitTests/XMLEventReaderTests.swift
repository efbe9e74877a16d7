import Testing

@testable import Cosolicit

/// The streaming XML reader of the libxml2 corner: events as Swift values, and the same refusals as the tree
/// parser (no DOCTYPE, no entity expansion, bounded attributes).
@Suite struct XMLEventReaderTests {
  /// The events of `text`, written compactly, and the failure if any.
  func events(_ text: String) -> (events: [String], failure: XMLEventReader.Failure?) {
    var events: [String] = []
    let failure = XMLEventReader.read(Array(text.utf8)) { event in
      switch event {
      case .start(let element):
        events.append("<\(element.name)" + element.attributes.map { " \($0.name)=\($0.value)" }.joined() + ">")
      case .text(let text): events.append(text)
      case .end(let name): events.append("</\(name)>")
      }
      return true
    }
    return (events, failure)
  }

  @Test func eventsComeInDocumentOrderWithLocalNames() {
    let (events, failure) = events(
      """
      <?xml version="1.0" encoding="UTF-8"?>
      <!-- a comment --><x:a xmlns:x="urn:x" xmlns:r="urn:r" r:id="rId1" b="1 &amp; 2"><c/><d>t &lt; u<![CDATA[<v>]]></d></x:a>
      """)
    #expect(failure == nil)
    #expect(events == ["<a id=rId1 b=1 & 2>", "<c>", "</c>", "<d>", "t < u", "<v>", "</d>", "</a>"])
  }

  @Test func theHandlerCanStopTheReading() {
    var seen = 0
    let failure = XMLEventReader.read(Array("<a><b/><b/><b/></a>".utf8)) { _ in
      seen += 1
      return seen < 2
    }
    #expect(failure == nil)
    #expect(seen == 2)
  }

  @Test func aDoctypeIsRefusedBeforeLibxml2ReadsIt() {
    let laughs = """
      <?xml version="1.0"?>
      <!-- before -->
      <!DOCTYPE a [<!ENTITY l "lol"><!ENTITY l2 "&l;&l;&l;&l;&l;&l;&l;&l;&l;&l;">]>
      <a>&l2;</a>
      """
    let (events, failure) = events(laughs)
    #expect(events.isEmpty)
    #expect(failure?.message == LibXML2.doctypeMessage)
    #expect(failure?.line == 3)
  }

  @Test func anUndeclaredEntityIsAnError() {
    #expect(events("<a>&nbsp;</a>").failure != nil)
  }

  @Test func malformedXMLIsAnErrorWithItsPlace() {
    let failure = events("<a>\n<b></a>").failure
    #expect(failure?.line == 2)
    #expect(failure?.message.isEmpty == false)
  }

  @Test func tooManyAttributesAreRefusedBeforeParsing() {
    let attributes = (1...(XMLInputBounds.maximumAttributes + 1)).map { " a\($0)=\"\"" }.joined()
    let failure = events("<r>\n<e\(attributes)/></r>").failure
    #expect(failure?.message == "an element has more than \(XMLInputBounds.maximumAttributes) attributes")
    #expect(failure?.line == 2)
  }

  @Test func onlyUTF8IsRead() {
    let utf16: [UInt8] = [0xFF, 0xFE] + Array("<a/>".utf8).flatMap { [$0, 0] }
    #expect(XMLEventReader.read(utf16) { _ in true }?.message == "the document is in UTF-16; only UTF-8 is read")
    #expect(XMLEventReader.read([]) { _ in true }?.message == "the document is empty")
  }
}
