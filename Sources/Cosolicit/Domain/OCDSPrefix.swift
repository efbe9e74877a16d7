/// The ocid prefix of the OCDS releases (`ocds_prefix`): what the Open Contracting Partnership registers for a
/// publisher, `ocds-` and six lowercase letters or digits; every ocid starts with it.
public enum OCDSPrefix {
  /// The prefix used when `solicitation.yaml` gives none: shaped like a registered prefix but registered to no
  /// one; a publisher replaces it with its own before publishing.
  public static let placeholder = "ocds-cosoli"

  /// Whether `text` is shaped like a registered prefix: `ocds-` and six lowercase letters or digits.
  public static func isValid(_ text: String) -> Bool {
    let scalars = Array(text.unicodeScalars)
    guard scalars.count == 11, text.hasPrefix("ocds-") else { return false }
    return scalars[5...].allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) }
  }
}
