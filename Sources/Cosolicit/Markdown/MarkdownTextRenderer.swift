/// Writes a ``MarkdownDocument`` back as CommonMark: its texts escaped so that they read back as the same text
/// (no markup, HTML or link can come from a text), headings two levels down (`#` → `###`).
struct MarkdownTextRenderer {
  /// The Markdown text, blocks separated by blank lines.
  func render(_ document: MarkdownDocument) -> String {
    let text = blocks(document.blocks).joined(separator: "\n")
    return text.isEmpty ? "" : text + "\n"
  }

  /// Each block as its lines, with a blank line between blocks.
  private func blocks(_ blocks: [MarkdownDocument.Block]) -> [String] {
    var lines: [String] = []
    for block in blocks {
      if !lines.isEmpty { lines.append("") }
      lines += self.block(block)
    }
    return lines
  }

  private func block(_ block: MarkdownDocument.Block) -> [String] {
    switch block {
    case .heading(let level, let content):
      return [String(repeating: "#", count: min(level + 2, 6)) + " " + inlines(content)]
    case .paragraph(let content):
      return inlines(content).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    case .list(let ordered, let start, let items):
      var lines: [String] = []
      for (index, item) in items.enumerated() {
        let marker = ordered ? "\(start + index). " : "- "
        let body = blocks(item)
        let indent = String(repeating: " ", count: marker.count)
        if body.isEmpty {
          lines.append(marker.trimmingTrailingSpace)
          continue
        }
        lines.append(marker + body[0])
        lines += body.dropFirst().map { $0.isEmpty ? "" : indent + $0 }
        // A blank line between items keeps each item's blocks apart from the next marker.
        if index < items.count - 1, item.count > 1 { lines.append("") }
      }
      return lines
    case .quote(let inner):
      return blocks(inner).map { $0.isEmpty ? ">" : "> " + $0 }
    case .code(let code):
      let fence = String(repeating: "`", count: max(3, longestRun(of: "`", in: code) + 1))
      return [fence] + code.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) + [fence]
    case .rule:
      return ["---"]
    }
  }

  private func inlines(_ inlines: [MarkdownDocument.Inline]) -> String {
    var output = ""
    for inline in inlines {
      switch inline {
      case .text(let text):
        output += Self.escaped(text, atLineStart: output.isEmpty || output.hasSuffix("\n"))
      case .code(let code) where code.isEmpty: continue
      case .code(let code):
        let ticks = String(repeating: "`", count: longestRun(of: "`", in: code) + 1)
        let padded = code.hasPrefix("`") || code.hasSuffix("`") || code.hasPrefix(" ") ? " \(code) " : code
        output += ticks + padded.replacingNewlines + ticks
      case .emphasis(let inner): output += "*" + self.inlines(inner) + "*"
      case .strong(let inner): output += "**" + self.inlines(inner) + "**"
      case .link(let address, let inner):
        output += "[" + self.inlines(inner) + "](<" + Self.destination(address) + ">)"
      case .lineBreak: output += "\\\n"
      }
    }
    // Spaces ending a paragraph would be dropped by a reader: written as references, they stay.
    var trailing = 0
    while output.hasSuffix(" ") {
      output.removeLast()
      trailing += 1
    }
    return output + String(repeating: "&#32;", count: trailing)
  }

  /// `text` as Markdown that reads back as the same text: characters that start markup backslash-escaped,
  /// `&`, `<` and `>` as entities, line breaks as spaces; at the start of a line also what would start a
  /// list, heading, rule or quotation.
  static func escaped(_ text: String, atLineStart: Bool) -> String {
    var output = ""
    output.reserveCapacity(text.utf8.count)
    var lineStart = atLineStart
    var digits = ""
    for scalar in text.unicodeScalars {
      // Control characters no document shows are left out, wherever they are.
      if (scalar.value < 0x20 && !["\t", "\n", "\r"].contains(scalar)) || scalar.value == 0x7F { continue }
      if lineStart {
        if ("0"..."9").contains(scalar), digits.count < 9 {
          digits.unicodeScalars.append(scalar)
          continue
        }
        lineStart = false
        if !digits.isEmpty {
          output += digits
          if scalar == "." || scalar == ")" {
            output += "\\" + String(scalar)
            digits = ""
            continue
          }
          digits = ""
        } else if ["-", "+", "=", ">"].contains(scalar) {
          output += scalar == ">" ? "&gt;" : "\\" + String(scalar)
          continue
        } else if [" ", "\t", "\n", "\r"].contains(scalar) {
          // Leading spaces would indent the line into a code block.
          output += "&#32;"
          lineStart = true
          continue
        }
      }
      MarkdownText.append(scalar, to: &output)
    }
    return output + digits
  }

  /// A link address inside `<…>`: characters that would end it, and spaces, percent-encoded.
  static func destination(_ address: String) -> String {
    var output = ""
    for scalar in address.unicodeScalars {
      switch scalar {
      case "<": output += "%3C"
      case ">": output += "%3E"
      case " ": output += "%20"
      case "\\": output += "%5C"
      default: if scalar.value >= 0x20, scalar.value != 0x7F { output.unicodeScalars.append(scalar) }
      }
    }
    return output
  }

  private func longestRun(of character: Character, in text: String) -> Int {
    var longest = 0
    var current = 0
    for next in text {
      current = next == character ? current + 1 : 0
      longest = max(longest, current)
    }
    return longest
  }
}

extension String {
  fileprivate var trimmingTrailingSpace: String {
    var text = self
    while text.hasSuffix(" ") { text.removeLast() }
    return text
  }

  fileprivate var replacingNewlines: String {
    String(map { $0 == "\n" || $0 == "\r\n" || $0 == "\r" ? " " : $0 })
  }
}
