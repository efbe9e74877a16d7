/// One cell of a worksheet as its part writes it (`<c r="C7" t="s" s="2"><v>4</v></c>`), and the text it
/// shows: what the field readers read, as they read a CSV file's cells.
///
/// Strings (shared, inline, or a formula's) are kept as written, `_xHHHH_` escapes replaced; true and false
/// are `TRUE` and `FALSE`; a number is its plain decimal text to 15 significant digits (`ExcelNumberText`),
/// or, in a cell whose format shows a date, the date as `yyyy-mm-dd`. A formula shows the result saved with it.
struct WorksheetCell: Sendable {
  /// The 1-based column.
  var column: Int
  /// The `t` attribute: `s` (shared string), `str` (a formula's string), `inlineStr`, `b` (boolean), `e`
  /// (error), `n` (number, the default) or `d` (ISO 8601 date).
  var type: String
  /// The `s` attribute: the cell's style, a position in the styles' `cellXfs`.
  var style: Int
  /// The text of `<v>`, if the cell has one.
  var value: String?
  /// The text of `<is>`, for an inline string.
  var inline: String?
  /// Whether the cell has a formula (`<f>`).
  var hasFormula = false

  /// Creates a cell at `column` with the attributes `type` and `style`, its contents still to read.
  init(column: Int, type: String, style: Int) {
    self.column = column
    self.type = type
    self.style = style
  }

  /// What the cell needs to be read: the workbook's shared strings and date styles, and its date system.
  struct Context {
    var strings: SharedStringTable?
    var styles: CellDateStyles
    var uses1904: Bool
  }

  /// The text the cell shows, or what is wrong with it (a finding at the cell).
  func text(in context: Context) -> Result<String, CellProblem> {
    // A formula's result is saved in `<v>`; tools that cannot calculate write none, or an empty one (an empty
    // text is a result only of a text formula, `str`).
    if hasFormula, type != "inlineStr", value == nil || (type != "str" && value?.trimmed.isEmpty == true) {
      return .failure(.formulaWithoutResult)
    }
    switch type {
    case "s":
      guard let value, let index = Int(value.trimmed), index >= 0 else {
        return .failure(.message("the cell's shared string number '\(value ?? "")' is not a number"))
      }
      guard let strings = context.strings else { return .failure(.noSharedStrings(index)) }
      guard index < strings.strings.count else {
        return .failure(
          .message(
            "the cell refers to shared string \(index), but the workbook has only \(strings.strings.count); "
              + "save it again from Excel"))
      }
      return .success(strings.strings[index])
    case "str":
      return .success(SharedStringTable.unescaped(value ?? ""))
    case "inlineStr":
      return .success(SharedStringTable.unescaped(inline ?? value ?? ""))
    case "b":
      switch value?.trimmed {
      case "1": return .success("TRUE")
      case "0": return .success("FALSE")
      default: return .failure(.message("the cell holds '\(value ?? "")' as true or false; expected 1 or 0"))
      }
    case "e":
      return .failure(
        .message("the cell shows the error \(value ?? "#VALUE!"); correct the formula or clear the cell"))
    case "d":
      guard let value else { return .success("") }
      if let date = CalendarDate(iso: String(value.trimmed.prefix(10))) { return .success(date.description) }
      return .failure(.message("the cell holds '\(value)' as a date; expected a date like 2027-08-01"))
    case "n", "":
      guard let value, !value.trimmed.isEmpty else { return .success("") }
      guard let number = ExcelNumberText.normalized(value) else {
        return .failure(.message("the cell holds '\(value)' as a number, which is not one"))
      }
      guard context.styles.showsDate(style: style) else { return .success(number) }
      switch ExcelSerialDate.isoDate(number, uses1904: context.uses1904) {
      case .success(let date): return .success(date)
      case .failure(let problem):
        return .failure(
          .message("the cell's date (serial number \(number)) \(problem.message); write the date as yyyy-mm-dd"))
      }
    default:
      return .failure(
        .message("the cell has the unknown type '\(type)'; expected s, str, inlineStr, b, e, n or d"))
    }
  }

  /// What is wrong with a cell.
  enum CellProblem: Error, Equatable {
    /// A formula saved without its result, as some tools write them.
    case formulaWithoutResult
    /// A shared string, in a workbook without a shared strings part.
    case noSharedStrings(Int)
    /// Anything else, said by the message.
    case message(String)

    /// What is wrong and what to do.
    var message: String {
      switch self {
      case .formulaWithoutResult:
        "the formula in this cell has no saved result; open the workbook in Excel or LibreOffice, recalculate "
          + "and save it"
      case .noSharedStrings(let index):
        "the cell refers to shared string \(index), but the workbook has no shared strings part "
          + "(xl/sharedStrings.xml); save it again from Excel"
      case .message(let message): message
      }
    }
  }
}
