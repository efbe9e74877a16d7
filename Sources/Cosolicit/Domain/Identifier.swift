/// Rules for the ids people give solicitations, lots, agencies and items.
public enum Identifier {
  /// Whether `text` holds only ASCII letters, digits, `.`, `_` and `-`, starts with a letter or digit, and
  /// is at most 64 characters, so that it is safe in file names, XML ids and URLs.
  public static func isValid(_ text: String) -> Bool {
    guard let first = text.unicodeScalars.first, text.unicodeScalars.count <= 64,
      isAlphanumeric(first)
    else { return false }
    return text.unicodeScalars.allSatisfy { isAlphanumeric($0) || $0 == "." || $0 == "_" || $0 == "-" }
  }

  /// What a valid id looks like, for messages.
  public static let rule = "letters, digits, '.', '_' and '-' only, starting with a letter or digit, at most 64"

  private static func isAlphanumeric(_ scalar: Unicode.Scalar) -> Bool {
    ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
  }
}
