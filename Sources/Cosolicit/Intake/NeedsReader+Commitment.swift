import Foundation

extension NeedsReader {
  /// The commitment of a line, checked against what else the line says: an `as-needed` line is never binding
  /// (an explicit `commitment: binding` is an error; the file's default does not apply to it), and a
  /// `minimum_quantity` makes the line a partial commitment, binding up to the minimum: it cannot stand on an
  /// as-needed line or one the line itself says is an estimate, nor exceed the quantity.
  static func checkedCommitment(
    given: Located<Commitment>?, default fileDefault: Commitment, isAsNeeded: Bool, quantity: Located<Decimal>?,
    minimum: Located<Decimal>?, name: String, _ diagnostics: inout DiagnosticCollector
  ) -> Commitment {
    if isAsNeeded {
      if let given, given.value == .binding {
        diagnostics.error(
          "\(name): an as-needed line cannot be binding, since it states no quantity to commit to; give a "
            + "quantity to commit to it, or remove 'commitment' (an as-needed line is an estimate)",
          at: given.location)
      }
      if let minimum {
        diagnostics.error(
          "\(name): 'minimum_quantity' on an as-needed line; a minimum needs a quantity to be part of. Give the "
            + "quantity, or remove 'minimum_quantity'", at: minimum.location)
      }
      return .estimate
    }
    guard let minimum else { return given?.value ?? fileDefault }
    if let given, given.value == .estimate {
      diagnostics.error(
        "\(name): 'minimum_quantity' on a line whose commitment is estimate; a minimum commits the participant to "
          + "buy that much. Remove 'commitment: estimate' (the line is then binding up to the minimum and "
          + "estimated above it), or remove 'minimum_quantity'", at: minimum.location)
      return .estimate
    }
    if let quantity, minimum.value > quantity.value {
      diagnostics.error(
        "\(name): 'minimum_quantity' \(DecimalText.format(minimum.value)) is above the quantity "
          + "\(DecimalText.format(quantity.value)); expected a minimum from 0 up to the quantity, in the same unit",
        at: minimum.location)
    }
    return .binding
  }
}
