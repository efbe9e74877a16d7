/// Text with positions marked inline, so that a test says where a finding belongs by pointing at it instead of
/// counting lines and columns: `1️⃣` … `9️⃣` (or any emoji keycap) before a character marks that character.
///
///     let text = MarkedText("""
///       agency_id,quantity
///       alder,1️⃣ten
///       """)
///     // text.text is the file without markers; text.positions["1️⃣"] is line 2, column 7.
public struct MarkedText: Sendable {
  /// A 1-based line and column, the column counted in Unicode scalars as the tool's findings count it.
  public struct Position: Sendable, Equatable {
    /// The line.
    public var line: Int
    /// The column.
    public var column: Int
  }

  /// The text without its markers.
  public let text: String
  /// Where each marker stood, by marker.
  public let positions: [String: Position]

  /// Removes the markers from `marked` and records where each stood.
  public init(_ marked: String) {
    var text = ""
    var positions: [String: Position] = [:]
    var line = 1
    var column = 1
    for character in marked {
      if Self.isMarker(character) {
        positions[String(character)] = Position(line: line, column: column)
        continue
      }
      text.append(character)
      if character == "\n" {
        line += 1
        column = 1
      } else {
        column += character.unicodeScalars.count
      }
    }
    self.text = text
    self.positions = positions
  }

  /// Whether `character` is a keycap emoji such as `1️⃣`.
  static func isMarker(_ character: Character) -> Bool {
    character.unicodeScalars.last == "\u{20E3}"
  }
}
