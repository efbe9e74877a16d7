/// How much of a workbook (`.xlsx`) is ever unpacked and read: a needs workbook is a few parts of a few
/// megabytes, and a zip archive can claim, or hold, far more than it looks (a "zip bomb").
///
/// Sizes are counted as parts are unpacked, never taken from the archive's own claims alone, and unpacking
/// stops at the first limit passed. The sheet read is also held to the limits of a CSV file:
/// `SourceFile.maximumLines` rows with values, `FileFormat.maximumCSVFields` cells.
public enum WorkbookLimits {
  /// The files (zip entries) a workbook may hold; Excel writes about a dozen, a workbook with many sheets,
  /// images and comments a few hundred.
  public static let maximumEntries = 10_000
  /// The unpacked size of any one part read (the workbook, its sheet, shared strings, styles): as much as any
  /// input file may be (`SourceFile.maximumSize`). A 20,000-row needs sheet is about 7 MiB.
  public static let maximumPartSize = 64 * 1_048_576
  /// The unpacked size of all the parts read, together.
  public static let maximumTotalSize = 128 * 1_048_576
  /// How many times its packed size a part over `ratioCheckedAbove` may unpack to. Spreadsheet parts pack
  /// about 10 to 20 to 1; a zip bomb packs a thousand to 1 or more.
  public static let maximumRatio = 100
  /// The unpacked size above which `maximumRatio` applies: small parts of repeated markup pack well.
  public static let ratioCheckedAbove = 1_048_576
}
