import Foundation

extension FieldReader {
  /// The words a yes-or-no field accepts, matched without regard to case.
  static let booleanWords: [String: Bool] = ["true": true, "false": false, "yes": true, "no": false]

  /// The field as yes or no (`true`/`false`, or `yes`/`no`, in any case); nil when absent or empty.
  public func boolean(_ key: String, _ diagnostics: inout DiagnosticCollector) -> Located<Bool>? {
    guard let text = text(key, &diagnostics) else { return nil }
    guard let value = Self.booleanWords[text.value.lowercased()] else {
      diagnostics.error(
        "\(context): '\(key)' '\(Self.shown(text.value))' is not yes or no; write true or false", at: text.location)
      return nil
    }
    return Located(value, at: text.location)
  }
}
