/// A tag of a Mustache template that names something, with where its name starts: `{{x}}`, `{{{x}}}`, `{{&x}}`,
/// `{{#x}}`, `{{^x}}`, `{{/x}}`, `{{>x}}`, `{{<x}}` and `{{$x}}`. Comments, pragmas and delimiter changes are
/// read past (a delimiter change applies to the tags after it).
struct MustacheTag: Equatable {
  /// What the tag does with its name.
  enum Kind: Equatable {
    /// Prints a value, escaped or not.
    case variable
    /// Opens a section, rendered for a true value or for each element of a list.
    case section
    /// Opens a section rendered for a false, absent or empty value.
    case invertedSection
    /// Closes a section, block or parent.
    case close
    /// Includes another template.
    case partial
    /// Includes another template, overriding its blocks.
    case parent
    /// Opens a block a parent may override.
    case block
  }

  /// What the tag does.
  var kind: Kind
  /// The name as written, such as `solicitation.title`, `.`, `first()` or `uppercase(title)`.
  var name: String
  /// The 1-based line of the name's first character.
  var line: Int
  /// The 1-based column of the name's first character, in Unicode scalars.
  var column: Int
  /// Whether a variable prints unescaped (`{{{x}}}` or `{{&x}}`).
  var isRaw = false

  /// The variable a name refers to, without the transforms wrapped around it (`uppercase(title)` is
  /// `title`); empty for a transform of the list position, such as `first()`.
  var variable: String {
    guard let open = name.lastIndex(of: "(") else { return name }
    return String(name[name.index(after: open)...].prefix { $0 != ")" })
  }

  /// The naming tags of `text`, in order.
  static func tags(in text: String) -> [MustacheTag] {
    var scanner = Scanner(Array(text.unicodeScalars))
    return scanner.tags()
  }

  /// Reads tags left to right, keeping the line and column of its position.
  private struct Scanner {
    let text: [Unicode.Scalar]
    var index = 0
    var line = 1
    var column = 1
    var open: [Unicode.Scalar] = ["{", "{"]
    var close: [Unicode.Scalar] = ["}", "}"]

    init(_ text: [Unicode.Scalar]) { self.text = text }

    mutating func tags() -> [MustacheTag] {
      var tags: [MustacheTag] = []
      while let start = find(open, from: index) {
        advance(to: start + open.count)
        let sigil = index < text.count ? text[index] : " "
        var end = close
        let kind: Kind?
        switch sigil {
        case "{", "&":
          kind = .variable
          if sigil == "{" { end = ["}"] + close }
        case "#": kind = .section
        case "^": kind = .invertedSection
        case "/": kind = .close
        case ">": kind = .partial
        case "<": kind = .parent
        case "$": kind = .block
        case "!", "%": kind = nil
        case "=":
          changeDelimiters()
          continue
        default:
          tags.append(readName(.variable, until: close))
          continue
        }
        advance(to: index + 1)
        guard let kind else {
          advance(to: (find(close, from: index) ?? text.count) + close.count)
          continue
        }
        var tag = readName(kind, until: end)
        tag.isRaw = sigil == "{" || sigil == "&"
        tags.append(tag)
      }
      return tags
    }

    /// Reads a tag's name and the end of the tag.
    private mutating func readName(_ kind: Kind, until end: [Unicode.Scalar]) -> MustacheTag {
      while index < text.count, text[index].properties.isWhitespace { advance(to: index + 1) }
      let (line, column) = (self.line, self.column)
      let stop = find(end, from: index) ?? text.count
      var name = String(String.UnicodeScalarView(text[index..<stop])).trimmingWhitespace()
      if kind == .partial || kind == .parent, name.hasPrefix("*") { name.removeFirst() }
      advance(to: stop + end.count)
      return MustacheTag(kind: kind, name: name, line: line, column: column)
    }

    /// Reads `=<% %>=` and the closing delimiter after it; the tags after it use the new delimiters.
    private mutating func changeDelimiters() {
      advance(to: index + 1)
      let stop = find(["="] + close, from: index) ?? text.count
      let parts = text[index..<stop].split { $0.properties.isWhitespace }
      advance(to: stop + 1 + close.count)
      if parts.count == 2 {
        open = Array(parts[0])
        close = Array(parts[1])
      }
    }

    /// The first position at or after `start` where `delimiter` begins.
    private func find(_ delimiter: [Unicode.Scalar], from start: Int) -> Int? {
      guard !delimiter.isEmpty, start <= text.count - delimiter.count else { return nil }
      var position = start
      while position <= text.count - delimiter.count {
        if text[position] == delimiter[0], Array(text[position..<position + delimiter.count]) == delimiter {
          return position
        }
        position += 1
      }
      return nil
    }

    /// Moves to `target`, counting lines and columns.
    private mutating func advance(to target: Int) {
      while index < min(target, text.count) {
        if text[index] == "\n" {
          line += 1
          column = 1
        } else {
          column += 1
        }
        index += 1
      }
      index = max(index, target)
    }
  }
}

extension String {
  /// The text without leading and trailing whitespace.
  fileprivate func trimmingWhitespace() -> String {
    let scalars = unicodeScalars
    guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
      let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
    else { return "" }
    return String(scalars[first...last])
  }
}
