import Foundation

/// A commodity code qualified by its scheme, written `SCHEME:code` (`UNSPSC:43211503`, `NIGP:204-59`).
///
/// Lots name code prefixes (`UNSPSC:4321`); items and write-ins name full codes. An item falls in a lot when
/// the schemes agree and the lot's digits start the item's digits.
public struct Classification: Hashable, Sendable, CustomStringConvertible {
  /// A commodity classification scheme.
  public enum Scheme: String, CaseIterable, Sendable {
    /// United Nations Standard Products and Services Code: 8 digits, 2 each for segment, family, class,
    /// commodity.
    case unspsc = "UNSPSC"
    /// NIGP Commodity/Services Code: 3-digit class, then 2-digit item, 2-digit group, 4-digit detail.
    case nigp = "NIGP"
    /// EU Common Procurement Vocabulary: 8 digits and an optional check digit (`30213100-6`).
    case cpv = "CPV"
  }

  /// The scheme.
  public let scheme: Scheme
  /// The code as written after the colon.
  public let code: String

  /// The code's digits without separators; prefix matching compares these.
  public var digits: String { code.filter { $0 != "-" } }

  /// `SCHEME:code`.
  public var description: String { "\(scheme.rawValue):\(code)" }

  /// Whether this code falls under `prefix` (same scheme, digits start with the prefix's digits).
  public func isCovered(by prefix: Classification) -> Bool {
    scheme == prefix.scheme && digits.hasPrefix(prefix.digits)
  }

  /// Why a text is not an acceptable classification.
  public enum Problem: Error, Equatable, CustomStringConvertible {
    /// No `SCHEME:` part.
    case missingScheme
    /// A scheme other than UNSPSC, NIGP or CPV.
    case unknownScheme(String)
    /// The code does not have the shape its scheme requires.
    case malformedCode(Scheme, expected: String)

    public var description: String {
      switch self {
      case .missingScheme:
        "has no scheme; write it as SCHEME:code, such as UNSPSC:43211503 or NIGP:204-59"
      case .unknownScheme(let name):
        "names the unknown scheme '\(name)'; expected one of "
          + Scheme.allCases.map(\.rawValue).joined(separator: ", ")
      case .malformedCode(let scheme, let expected):
        "is not a valid \(scheme.rawValue) code; expected \(expected)"
      }
    }
  }

  /// Parses a full code (`prefix == false`) or a lot's code prefix (`prefix == true`).
  public static func parse(_ text: String, prefix: Bool) -> Result<Classification, Problem> {
    let parts = text.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
    guard parts.count == 2 else { return .failure(.missingScheme) }
    let name = parts[0].trimmed.uppercased()
    guard let scheme = Scheme(rawValue: name) else {
      return .failure(.unknownScheme(String(parts[0])))
    }
    let code = parts[1].trimmed
    let groups = code.split(separator: "-", omittingEmptySubsequences: false).map(\.count)
    let allDigits = code.allSatisfy { $0.isASCII && ($0.isNumber || $0 == "-") } && !code.isEmpty
    let isValid: Bool
    let expected: String
    switch scheme {
    case .unspsc:
      expected = prefix ? "2 to 8 digits" : "8 digits, such as 43211503"
      isValid = allDigits && groups.count == 1 && (prefix ? (2...8).contains(code.count) : code.count == 8)
    case .nigp:
      // Full codes have a 3-digit class and at least the 2-digit item: 204-59, 204-59-12, 204-59-12-1234.
      let shape = [3, 2, 2, 4]
      expected =
        prefix
        ? "a 3-digit class, optionally with -item parts, such as 204 or 204-59" : "class-item digits such as 204-59"
      isValid =
        allDigits && groups.count <= 4
        && zip(groups, shape).allSatisfy { $0 == $1 } && (prefix || groups.count >= 2)
    case .cpv:
      expected = prefix ? "2 to 8 digits" : "8 digits with an optional check digit, such as 30213100-6"
      isValid =
        allDigits
        && (prefix
          ? groups.count == 1 && (2...8).contains(code.count)
          : groups.first == 8 && (groups.count == 1 || (groups.count == 2 && groups[1] == 1)))
    }
    guard isValid else { return .failure(.malformedCode(scheme, expected: expected)) }
    return .success(Classification(scheme: scheme, code: code))
  }

  /// Creates a classification without checking it; for tests and values already checked.
  public init(scheme: Scheme, code: String) {
    self.scheme = scheme
    self.code = code
  }
}
