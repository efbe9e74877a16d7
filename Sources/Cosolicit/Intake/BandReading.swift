import Foundation

/// Reads commitment band percents, `minimum_percent` and `maximum_percent`, from `solicitation.yaml`'s
/// `commitment_band` or a catalog item, and checks them where they are written.
enum BandReading {
  /// The fields of a band.
  static let fields = ["minimum_percent", "maximum_percent"]

  /// The percents `reader` gives (either may be absent), each checked: a number from 0 to 1000 with at most two
  /// decimal places, a minimum of
  /// at most 100 and a maximum of at least 100 (so the stated quantity lies within the band), a minimum no
  /// higher than the maximum. A percent with a problem is reported and left out.
  static func percents(
    _ reader: FieldReader, name: String, _ diagnostics: inout DiagnosticCollector
  ) -> (minimum: Decimal?, maximum: Decimal?) {
    func percent(_ key: String) -> Located<Decimal>? {
      guard let value = reader.decimal(key, positive: false, &diagnostics) else { return nil }
      guard CommitmentBand.percentRange.contains(value.value) else {
        diagnostics.error(
          "\(name): '\(key)' is \(DecimalText.format(value.value)); expected a percent from 0 to 1000",
          at: value.location)
        return nil
      }
      // Two decimal places at most (`62.5`, `33.33`): bands are written so, and the products stay short.
      var written = value.value
      var rounded = Decimal()
      NSDecimalRound(&rounded, &written, 2, .plain)
      guard rounded == value.value else {
        diagnostics.error(
          "\(name): '\(key)' is \(DecimalText.format(value.value)); expected a percent with at most two decimal "
            + "places, such as 62.5", at: value.location)
        return nil
      }
      return value
    }
    var minimum = percent("minimum_percent")
    var maximum = percent("maximum_percent")
    if let low = minimum, let high = maximum, low.value > high.value {
      diagnostics.error(
        "\(name): 'minimum_percent' \(DecimalText.format(low.value)) is above 'maximum_percent' "
          + "\(DecimalText.format(high.value)); expected a minimum no higher than the maximum", at: low.location)
      return (nil, nil)
    }
    if let low = minimum, low.value > 100 {
      diagnostics.error(
        "\(name): 'minimum_percent' is \(DecimalText.format(low.value)); a guaranteed minimum cannot be above the "
          + "quantity stated, expected 0 to 100", at: low.location)
      minimum = nil
    }
    if let high = maximum, high.value < 100 {
      diagnostics.error(
        "\(name): 'maximum_percent' is \(DecimalText.format(high.value)); the most that may be ordered cannot be "
          + "below the quantity stated, expected 100 to 1000", at: high.location)
      maximum = nil
    }
    return (minimum?.value, maximum?.value)
  }
}
