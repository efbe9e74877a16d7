/// Tells a number format that shows a date from one that does not, so that a date stored as a serial number
/// is read as the date the user sees.
///
/// Built-in formats are known by id; any other by its format code (LibreOffice writes even the built-in date
/// formats as custom codes, such as `m/d/yyyy` for id 14). A code shows a date when it has a day or year
/// letter (`d`, `y`), or a month `m` without hours or seconds (beside `h` or `s`, `m` is minutes), outside
/// quoted text, escapes and brackets (`[$-409]`, `[Red]`; the elapsed times `[h]`, `[mm]`, `[ss]` are times).
/// A format of times alone shows no date: such a cell reads as its number.
enum ExcelDateFormat {
  /// The built-in format ids that show a date (with or without a time): 14–17 and 22, and the East Asian
  /// locales' 27–31, 34–36 and 50–58. The built-in times (18–21, 32, 33, 45–47) show no date.
  static let builtInDateIDs = Set([14, 15, 16, 17, 22, 27, 28, 29, 30, 31, 34, 35, 36] + Array(50...58))

  /// Whether the number format `id`, whose code is `code` when the workbook defines one, shows a date.
  static func showsDate(id: Int, code: String?) -> Bool {
    guard let code else { return builtInDateIDs.contains(id) }
    return showsDate(code: code)
  }

  /// Whether the format code `code` shows a date.
  static func showsDate(code: String) -> Bool {
    var hasDate = false
    var hasMonthOrMinute = false
    var hasTime = false
    var characters = code.lowercased().makeIterator()
    while let character = characters.next() {
      switch character {
      case "\"":
        while let next = characters.next(), next != "\"" {}
      case "\\", "_", "*":
        _ = characters.next()  // an escaped character, a space as wide as one, or a fill character
      case "[":
        var inside = ""
        while let next = characters.next(), next != "]" { inside.append(next) }
        if !inside.isEmpty, inside.allSatisfy({ "hms".contains($0) }) { hasTime = true }
      case "d", "y": hasDate = true
      case "m": hasMonthOrMinute = true
      case "h", "s": hasTime = true
      default: continue
      }
    }
    return hasDate || (hasMonthOrMinute && !hasTime)
  }
}
