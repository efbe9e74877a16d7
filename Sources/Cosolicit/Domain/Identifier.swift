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

  /// The form in which ids are compared: ids that differ only in case are the same id (`Alder-County` is
  /// `alder-county`), wherever they are compared.
  public static func key(_ id: String) -> String { id.lowercased() }

  /// Whether `a` and `b` are the same id: equal but for the case of ASCII letters.
  public static func same(_ a: String?, _ b: String?) -> Bool {
    guard let a, let b else { return a == nil && b == nil }
    return sameBytes(a.utf8, b.utf8)
  }

  /// Whether two ids' UTF-8 bytes are equal but for the case of ASCII letters.
  static func sameBytes(_ a: some Collection<UInt8>, _ b: some Collection<UInt8>) -> Bool {
    a.count == b.count && zip(a, b).allSatisfy { x, y in x == y || (x | 0x20 == y | 0x20 && isLetter(x)) }
  }

  /// Whether `byte` is an ASCII letter, in either case.
  static func isLetter(_ byte: UInt8) -> Bool { (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte | 0x20) }

  /// What a valid id looks like, for messages.
  public static let rule = "letters, digits, '.', '_' and '-' only, starting with a letter or digit, at most 64"

  private static func isAlphanumeric(_ scalar: Unicode.Scalar) -> Bool {
    ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
  }
}
