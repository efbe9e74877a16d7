/// Plain-text columns aligned for a terminal: text to the left, numbers to the right.
struct TextTable {
  enum Alignment { case left, right }

  var columns: [(title: String, alignment: Alignment)]
  var rows: [[String]] = []

  /// The table with a header row, each line indented by `indent` spaces.
  func rendered(indent: Int = 2) -> String {
    // A cell is one line of plain text: control characters and line breaks show as escapes.
    let rows = rows.map { $0.map { VisibleText.escaped($0) } }
    var widths = columns.map { $0.title.count }
    for row in rows {
      for (index, cell) in row.enumerated() where index < widths.count {
        widths[index] = max(widths[index], cell.count)
      }
    }
    func line(_ cells: [String]) -> String {
      let padded = cells.enumerated().map { index, cell -> String in
        let fill = String(repeating: " ", count: max(0, widths[index] - cell.count))
        return columns[index].alignment == .left ? cell + fill : fill + cell
      }
      let text = String(repeating: " ", count: indent) + padded.joined(separator: "  ")
      return String(text.reversed().drop { $0 == " " }.reversed()) + "\n"
    }
    return line(columns.map(\.title)) + rows.map(line).joined()
  }

  /// `text` cut to `limit` characters, with an ellipsis when cut.
  static func truncate(_ text: String, to limit: Int) -> String {
    text.count <= limit ? text : String(text.prefix(limit - 1)) + "…"
  }
}
