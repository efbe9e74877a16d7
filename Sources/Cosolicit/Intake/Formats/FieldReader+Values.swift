extension FieldReader {
  /// The field as a day with an optional time of day (`2027-03-09`, `2027-03-09T14:00`, `2027-03-09 14:00`,
  /// seconds optional). YAML may read an unquoted time as a timestamp; the reader keeps the text as written.
  public func dateTime(
    _ key: String, required: Bool = false, _ diagnostics: inout DiagnosticCollector
  ) -> Located<LocalDateTime>? {
    guard let text = text(key, required: required, &diagnostics) else { return nil }
    guard let value = LocalDateTime(iso: text.value) else {
      diagnostics.error(
        "\(context): '\(key)' '\(Self.shown(text.value))' is not a date or a local date and time; expected "
          + "YYYY-MM-DD or YYYY-MM-DDTHH:MM (24-hour clock), such as 2027-03-09 or 2027-03-09T14:00",
        at: text.location)
      return nil
    }
    return Located(value, at: text.location)
  }

  /// The field as yes or no: `true` or `false` (also `yes`/`no`), in any case.
  public func boolean(_ key: String, _ diagnostics: inout DiagnosticCollector) -> Located<Bool>? {
    guard let text = text(key, &diagnostics) else { return nil }
    switch text.value.lowercased() {
    case "true", "yes": return Located(true, at: text.location)
    case "false", "no": return Located(false, at: text.location)
    default:
      diagnostics.error(
        "\(context): '\(key)' '\(Self.shown(text.value))' is not true or false; expected true or false",
        at: text.location)
      return nil
    }
  }
}
