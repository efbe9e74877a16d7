/// Why a workbook cannot be read at all: reported at the start of the file (`path:1:1`), and nothing of the
/// file is read. Problems in single cells are findings at the cell instead, and reading goes on.
struct WorkbookProblem: Error, Sendable, Equatable {
  /// What is wrong and what to do, in one sentence without a trailing period.
  var message: String

  /// A problem described by `message`.
  init(_ message: String) {
    self.message = message
  }

  /// The file is not a workbook at all, for the reason `why`.
  static func notAWorkbook(_ why: String) -> WorkbookProblem {
    WorkbookProblem("not an Excel workbook (.xlsx): \(why); save it from Excel as .xlsx, or as CSV")
  }

  /// The file is a zip archive, but a damaged one, as `what` says.
  static func damaged(_ what: String) -> WorkbookProblem {
    WorkbookProblem("the workbook is damaged: \(what); save it again from Excel as .xlsx, or as CSV")
  }

  /// The workbook's part `part` cannot be read, as `what` says.
  static func part(_ part: String, _ what: String) -> WorkbookProblem {
    WorkbookProblem("the workbook's part \(part) \(what); save it again from Excel as .xlsx, or as CSV")
  }
}
