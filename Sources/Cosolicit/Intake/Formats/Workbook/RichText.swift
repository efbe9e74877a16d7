/// The text of an Office Open XML string element, gathered from the events inside it: a shared string's `<si>`
/// or an inline string's `<is>`. Its text is its plain `<t>`, or the `<t>` of its rich-text runs (`<r>`)
/// joined; phonetic readings (`<rPh>`, the pronunciation of East Asian text) are not part of it. `_xHHHH_`
/// escapes are left for the reader to replace (``SharedStringTable/unescaped(_:)``).
struct RichText {
  /// The text gathered so far.
  private(set) var text = ""
  private var inText = false
  private var phoneticDepth = 0

  /// Takes one event from inside the string element.
  mutating func take(_ event: XMLEventReader.Event) {
    switch event {
    case .start(let element):
      if element.name == "rPh" {
        phoneticDepth += 1
      } else if element.name == "t" {
        inText = phoneticDepth == 0
      }
    case .text(let part):
      if inText { text.append(part) }
    case .end(let name):
      if name == "rPh" {
        phoneticDepth = max(phoneticDepth - 1, 0)
      } else if name == "t" {
        inText = false
      }
    }
  }
}
