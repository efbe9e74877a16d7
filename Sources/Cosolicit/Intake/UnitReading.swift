/// Reads the unit and classification fields that catalog rows and needs lines share.
enum UnitReading {
  /// Reads `unit`: an unknown unit is an error with the nearest known name; an ambiguous one a warning.
  static func unit(
    _ row: FieldReader, prefix: String, required: Bool, _ diagnostics: inout DiagnosticCollector
  ) -> Located<UnitOfMeasure>? {
    guard let text = row.text("unit", required: required, &diagnostics) else { return nil }
    switch UnitOfMeasure.lookup(text.value) {
    case .found(let unit):
      return Located(unit, at: text.location)
    case .ambiguous(let unit, let note):
      diagnostics.warning("\(prefix): \(note)", at: text.location)
      return Located(unit, at: text.location)
    case .unknown(let suggestion):
      diagnostics.error(
        "\(prefix): unknown unit '\(FieldReader.shown(text.value))'"
          + (suggestion.map { " (did you mean '\($0)'?)" } ?? "")
          + "; expected a UN/ECE code such as EA, KGM, GLL or XCS, or a common name such as each, lb, gallon or case",
        at: text.location)
      return nil
    }
  }

  /// Reads `classification` as a full `SCHEME:code`.
  static func classification(
    _ row: FieldReader, prefix: String, _ diagnostics: inout DiagnosticCollector
  ) -> Located<Classification>? {
    guard let text = row.text("classification", required: true, &diagnostics) else { return nil }
    switch Classification.parse(text.value, prefix: false) {
    case .failure(let problem):
      diagnostics.error("\(prefix): classification '\(FieldReader.shown(text.value))' \(problem)", at: text.location)
      return nil
    case .success(let code):
      return Located(code, at: text.location)
    }
  }
}
