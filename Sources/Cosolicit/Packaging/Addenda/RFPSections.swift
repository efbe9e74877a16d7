import Foundation

/// The sections of a published RFP, by heading, as an addendum compares them: the Markdown RFP's `## ` sections
/// (their number left out of the key, so that a section added before another does not change it), the
/// instructions and conditions one `### ` section at a time, and the same sections of the HTML RFP (`<h2>` to the
/// next `<h2>`, or a `<section class="rfp-section">`), for the addendum's HTML.
struct RFPSections {
  /// One section.
  struct Section: Equatable {
    /// The heading without its number: "Submission instructions".
    var title: String
    /// The Markdown text after the heading, trimmed.
    var markdown: String
  }

  /// The sections in document order.
  var sections: [Section]
  /// The HTML of each section after its heading, by title.
  var html: [String: String]

  /// The sections the addendum lists field by field instead of as text: the schedule (dates), the lots (lines and
  /// quantities) and the delivery schedule (delivery).
  static let comparedByField = [
    "Schedule of events", "Scope and quantities by lot", "Delivery schedule by participant",
  ]

  /// The sections of the Markdown RFP `markdown` and the HTML RFP `html` (either may be empty).
  init(markdown: String, html: String) {
    var sections: [Section] = []
    var current: (title: String, lines: [Substring])?
    func close() {
      guard let current else { return }
      sections.append(
        Section(title: current.title, markdown: current.lines.joined(separator: "\n").trimmingCharacters(in: .newlines))
      )
    }
    for line in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
      if line.hasPrefix("## ") {
        close()
        current = (Self.title(String(line.dropFirst(3))), [])
      } else if line.hasPrefix("---") && current != nil {
        close()
        current = nil
      } else {
        current?.lines.append(line)
      }
    }
    close()
    // The instructions and conditions are compared section by section: a bidder learns which one changed.
    self.sections = sections.flatMap { section in
      section.title == Self.instructions ? Self.subsections(of: section.markdown) : [section]
    }
    var fragments: [String: String] = [:]
    let parts = html.components(separatedBy: "<h2")
    for part in parts.dropFirst() {
      guard let open = part.firstIndex(of: ">"), let close = part.range(of: "</h2>") else { continue }
      let heading = Self.title(Self.plain(String(part[part.index(after: open)..<close.lowerBound])))
      var body = String(part[close.upperBound...])
      for end in ["<div class=\"signature-page\">", "<div class=\"appendix\">", "<p class=\"small\">Prepared with"] {
        if let range = body.range(of: end) { body = String(body[..<range.lowerBound]) }
      }
      fragments[heading] = body.trimmingCharacters(in: .whitespacesAndNewlines)
    }
    for part in html.components(separatedBy: "<section class=\"rfp-section\"").dropFirst() {
      guard let open = part.range(of: "<h3>"), let close = part.range(of: "</h3>"), open.upperBound <= close.lowerBound
      else { continue }
      let heading = Self.title(Self.plain(String(part[open.upperBound..<close.lowerBound])))
      var body = String(part[close.upperBound...])
      if let end = body.range(of: "</section>") { body = String(body[..<end.lowerBound]) }
      fragments[heading] = body.trimmingCharacters(in: .whitespacesAndNewlines)
    }
    self.html = fragments
  }

  /// The part of the RFP made of the standard sections and the workspace's own (`### 9.N. Title` each).
  static let instructions = "Instructions and conditions"

  /// The `### ` sections of the instructions and conditions' Markdown, each by its own title.
  static func subsections(of markdown: String) -> [Section] {
    var found: [Section] = []
    var current: (title: String, lines: [Substring])?
    func close() {
      guard let current else { return }
      found.append(
        Section(title: current.title, markdown: current.lines.joined(separator: "\n").trimmingCharacters(in: .newlines))
      )
    }
    for line in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
      if line.hasPrefix("### ") {
        close()
        current = (title(plain(String(line.dropFirst(4)))), [])
      } else {
        current?.lines.append(line)
      }
    }
    close()
    return found
  }

  /// The section titled `title`, if any.
  subscript(title: String) -> Section? { sections.first { $0.title == title } }

  /// A heading without its leading number ("6. Submission instructions" → "Submission instructions", "9.7.
  /// Protests" → "Protests", "Appendix A. Delivery schedule…" → "Delivery schedule…").
  static func title(_ heading: String) -> String {
    let trimmed = heading.trimmingCharacters(in: .whitespaces)
    if let match = trimmed.firstMatch(of: #/^(?:\d+(?:\.\d+)*\.|Appendix [A-Z]\.)\s+/#) {
      return String(trimmed[match.range.upperBound...])
    }
    return trimmed
  }

  /// The text of an HTML fragment without its tags.
  static func plain(_ html: String) -> String {
    html.replacing(#/<[^>]*>/#, with: "")
  }

  /// The schedule's dates by event, as the RFP prints them.
  var schedule: [(event: String, date: String)] {
    guard let section = self["Schedule of events"] else { return [] }
    var found: [(String, String)] = []
    // The schedule's own table comes before any subsection (such as the addenda issued).
    let table = section.markdown.split(separator: "\n").prefix { !$0.hasPrefix("### ") }
    for row in table.filter({ $0.hasPrefix("| ") }).dropFirst() {
      let cells = row.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
      guard cells.count == 2 else { continue }
      found.append((cells[0], cells[1]))
    }
    return found
  }

  /// Each line's "Delivery by" date as the lots' tables print it, by (lot, line number).
  var deliveryDates: [String: String] {
    guard let section = self["Scope and quantities by lot"] else { return [:] }
    var dates: [String: String] = [:]
    var lot = ""
    var inLines = false
    for line in section.markdown.split(separator: "\n") {
      if let match = line.firstMatch(of: #/^### Lot ([^:]+):/#) {
        lot = String(match.output.1)
        inLines = false
      } else if line.hasPrefix("| Line | Item |") {
        inLines = line.contains("Delivery by")
      } else if inLines, line.hasPrefix("| "),
        let number = line.dropFirst(2).split(separator: " ").first.flatMap({ Int($0) })
      {
        let cells = line.split(separator: "|", omittingEmptySubsequences: false)
        if cells.count >= 3 { dates["\(lot)#\(number)"] = cells[cells.count - 2].trimmingCharacters(in: .whitespaces) }
      } else if !line.hasPrefix("|") {
        inLines = false
      }
    }
    return dates
  }
}
