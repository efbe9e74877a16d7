import Foundation

/// A unit of measure, identified by its UN/ECE Recommendation 20 code, or for packages by its
/// Recommendation 21 code written with an `X` prefix (`XCS` case, `XBX` box).
public struct UnitOfMeasure: Hashable, Sendable, CustomStringConvertible {
  /// What a unit measures; units convert into each other only inside one dimension.
  public enum Dimension: String, Sendable {
    /// Pieces: each, dozen, hundred.
    case count
    case pair
    case set
    /// Mass, in kilograms.
    case mass
    /// Volume, in liters.
    case volume
    /// Length, in meters.
    case length
    /// Area, in square meters.
    case area
    /// Clock time, in minutes: minute, hour, day, week.
    case time
    /// Calendar time, in months: month, quarter, year.
    case calendarTime
    /// Energy, in kilowatt hours.
    case energy
    /// A lump sum: the whole job at one price.
    case lumpSum
    /// A service unit or job, as the specification defines it.
    case service
    /// A package (box, case, pack, ...): converts to other units only through an item's pack sizes.
    case package
  }

  /// The UN/ECE code: `EA`, `KGM`, `XCS`.
  public let code: String
  /// The common English name: `each`, `kilogram`, `case`.
  public let name: String
  /// What the unit measures.
  public let dimension: Dimension
  /// How many of the dimension's base unit one of this unit is, exactly (1 LBR = 0.45359237 KGM).
  public let factor: Decimal

  /// `name (CODE)`, such as `pound (LBR)`.
  public var description: String { "\(name) (\(code))" }

  /// `CODE (name)`, such as `YDQ (cubic yard)`: how documents show a unit to bidders, code first as bid forms
  /// take it. Made once per unit: documents print it on every row of their delivery schedules.
  public let label: String

  /// Whether the unit is a Recommendation 21 package.
  public var isPackage: Bool { dimension == .package }

  init(_ code: String, _ name: String, _ dimension: Dimension, _ factor: String = "1") {
    self.code = code
    self.name = name
    self.label = "\(code) (\(name))"
    self.dimension = dimension
    self.factor = Decimal(string: factor, locale: Locale(identifier: "en_US_POSIX")) ?? 1
  }

  /// The unit with `code`, if it is one the tool knows.
  public static func withCode(_ code: String) -> UnitOfMeasure? { UnitTable.byCode[code] }

  /// What reading a unit as written gave.
  public enum Lookup: Equatable, Sendable {
    /// The text names this unit unambiguously.
    case found(UnitOfMeasure)
    /// The text is ambiguous; it was read as this unit, and the message says so.
    case ambiguous(UnitOfMeasure, note: String)
    /// The text names no known unit; `suggestion` is the nearest known name, if any.
    case unknown(suggestion: String?)
  }

  /// Reads a unit as people write it: a code (`KGM`, `XCS`, case-insensitive) or a common name (`each`, `lbs`,
  /// `Gallons`, `short ton`).
  public static func lookup(_ text: String) -> Lookup {
    if let unit = UnitTable.exactTexts[text] { return .found(unit) }
    var key = text.lowercased().split(whereSeparator: { $0 == " " || $0 == "\t" }).joined(separator: " ")
    while key.hasSuffix(".") { key.removeLast() }
    if let unit = UnitTable.byCode[key.uppercased()] { return .found(unit) }
    if let note = UnitTable.ambiguousNames[key], let unit = UnitTable.byName[key] {
      return .ambiguous(unit, note: note)
    }
    for candidate in [key, singular(of: key)].compactMap({ $0 }) {
      if let unit = UnitTable.byName[candidate] { return .found(unit) }
    }
    let suggestion = NearestName.to(key, among: UnitTable.byName.keys.sorted())
    return .unknown(suggestion: suggestion)
  }

  private static func singular(of key: String) -> String? {
    if key.hasSuffix("es"), UnitTable.byName[String(key.dropLast(2))] != nil {
      return String(key.dropLast(2))
    }
    if key.hasSuffix("s") { return String(key.dropLast()) }
    return nil
  }
}

extension UnitOfMeasure.Dimension {
  /// The unit whose factor is 1, that the dimension's units convert through (EA, KGM, LTR, …); nil for
  /// dimensions whose units do not convert.
  public var baseUnit: UnitOfMeasure? {
    guard isConvertible else { return nil }
    return UnitTable.units.first { $0.dimension == self && $0.factor == 1 }
  }
}
