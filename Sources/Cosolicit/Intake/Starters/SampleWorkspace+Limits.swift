/// The largest sample workspace `cosolicit sample` writes: every file it writes must be one that `validate`
/// reads, so each bound below is worked out from the readers' own limits, never chosen by hand.
///
/// - **Items.** The catalog is one CSV file: a header and one row of 6 fields per item, so items are bounded by
///   `SourceFile.maximumLines` (one line is the header) and by `FileFormat.maximumCSVFields`.
/// - **Lines per participant.** Each participant is one needs file, so its lines must fit one file of each
///   format the run writes (`mixed` writes all three): in CSV a header and one row of 11 fields per line; in
///   YAML 7 lines of header and at most 7 lines and 15 values per line (a write-in); in JSON 3 lines and 8
///   values of header and one text line of at most 8 values per line. The value limit is
///   `YAMLDocumentReader.maximumNodes` (the same for JSON); every format is also held to
///   `SourceFile.maximumSize`, at most `bytesPerLine` bytes a line.
/// - **Participants.** Agency ids and file names are `agency-00001` to `agency-99999`, zero-padded to 5 digits
///   so that they sort in participant order; a sixth digit would break that order, so 99,999 is the bound. It
///   is also a sane one for a folder: each participant is one file in `needs/`, and the largest benchmark
///   workspace has 20,000. The readers set no limit on a workspace's total lines (participants × lines); with
///   the bounds above a sample is at most 99,999 files, each of which `validate` reads.
extension SampleWorkspace {
  /// The digits of a sample agency id's number (`agency-00001`).
  static let participantDigits = 5

  /// The most participants (needs files) a sample holds: every number of `participantDigits` digits but 0.
  public static var maximumParticipants: Int {
    (0..<participantDigits).reduce(1) { value, _ in value * 10 } - 1
  }

  /// The most catalog items: rows of one catalog CSV file under a header.
  public static var maximumItems: Int {
    min(SourceFile.maximumLines, FileFormat.maximumCSVFields / catalogColumns) - 1
  }

  /// The most lines one participant submits, written in `formats`, so that the needs file stays readable.
  public static func maximumLines(formats: Formats) -> Int {
    switch formats {
    case .csv:
      min(SourceFile.maximumLines, FileFormat.maximumCSVFields / needsColumns) - 1
    case .yaml:
      min(
        (SourceFile.maximumLines - 7) / 7, (YAMLDocumentReader.maximumNodes - 16) / 15,
        SourceFile.maximumSize / bytesPerLine)
    case .json:
      min(
        SourceFile.maximumLines - 3, (JSONDocumentReader.maximumNodes - 8) / 8, SourceFile.maximumSize / bytesPerLine)
    case .mixed:
      [Formats.csv, .yaml, .json].map(maximumLines(formats:)).min() ?? 0
    }
  }

  /// Why these arguments are out of range, naming the limit, or nil when a sample of them can be written and
  /// read back.
  public static func limitProblem(participants: Int, lines: Int, items: Int, formats: Formats) -> String? {
    guard participants >= 1, lines >= 1, items >= 1 else {
      return "--participants, --lines and --items must be at least 1"
    }
    if participants > maximumParticipants {
      return "--participants is \(participants); a sample holds at most \(maximumParticipants) participants "
        + "(agency ids agency-00001 to agency-99999, one needs file each)"
    }
    if items > maximumItems {
      return "--items is \(items); the catalog is one file, and a file holds at most \(SourceFile.maximumLines) "
        + "lines, so at most \(maximumItems) items"
    }
    let most = maximumLines(formats: formats)
    if lines > most {
      return "--lines is \(lines); each participant's needs file must stay within the readers' limits "
        + "(\(SourceFile.maximumLines) lines, \(YAMLDocumentReader.maximumNodes) values), so with --formats "
        + "\(formats.rawValue) at most \(most) lines"
    }
    return nil
  }

  /// The columns of the catalog CSV file.
  static let catalogColumns = 6
  /// The columns of a needs CSV file.
  static let needsColumns = 11
  /// More bytes than the longest needs line the sample writes takes in any format.
  static let bytesPerLine = 512
}
