/// Writes text into CSS string literals (`content: "…"`), where HTML escaping does not apply: every character
/// but ASCII letters, digits and the space is written as a CSS escape, so that no text can end the string, the
/// rule or the `<style>` element it stands in.
enum CSSText {
  /// The body of a CSS string (without its quotes) that reads as `text`: `Bid #1` is `Bid \23 1`.
  static func string(_ text: String) -> String {
    var escaped = ""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "a"..."z", "A"..."Z", "0"..."9", " ": escaped.unicodeScalars.append(scalar)
      default: escaped += "\\" + String(scalar.value, radix: 16) + " "
      }
    }
    return escaped
  }
}
