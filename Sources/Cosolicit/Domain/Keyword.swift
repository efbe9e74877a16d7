/// A closed set of words an input field may take, such as `binding` or `estimate`.
public protocol Keyword: RawRepresentable, CaseIterable where RawValue == String {}

extension Keyword {
  /// The accepted words, in declaration order, as a list for messages: `binding, estimate`.
  public static var acceptedWords: String { allCases.map(\.rawValue).joined(separator: ", ") }

  /// The keyword `text` names, matched without regard to case; nil when it names none.
  static func matching(_ text: String) -> Self? { Self(rawValue: text) ?? Self(rawValue: text.lowercased()) }
}
