/// What the solicitation awards as one piece: a line, a lot or everything, each possibly in one price zone.
///
/// by-line and by-participant award (line, zone); by-lot awards (lot, zone); all-or-none awards the whole.
public struct AwardUnit: Hashable, Sendable, CustomStringConvertible {
  /// What the unit covers, before zones.
  public enum Scope: Hashable, Sendable {
    /// One line of a lot.
    case line(lot: String, number: Int)
    /// Every line of a lot.
    case lot(String)
    /// Every line of every lot.
    case whole
  }

  /// What the unit covers.
  public var scope: Scope
  /// The price zone, when lines are priced by zone (and the unit is not the whole).
  public var zone: String?

  /// Creates a unit.
  public init(_ scope: Scope, zone: String? = nil) {
    self.scope = scope
    self.zone = zone
  }

  /// The lot of a line or lot unit; nil for the whole.
  public var lotID: String? {
    switch scope {
    case .line(let lot, _), .lot(let lot): lot
    case .whole: nil
    }
  }

  /// The line number of a line unit.
  public var lineNumber: Int? {
    if case .line(_, let number) = scope { number } else { nil }
  }

  /// Whether the unit covers line `number` of lot `lot` in zone `zone`.
  public func covers(lot: String, line number: Int, zone: String?) -> Bool {
    guard self.zone == nil || Identifier.same(self.zone ?? "", zone ?? "") else { return false }
    switch scope {
    case .line(let unitLot, let unitNumber): return Identifier.same(unitLot, lot) && unitNumber == number
    case .lot(let unitLot): return Identifier.same(unitLot, lot)
    case .whole: return true
    }
  }

  /// "lot L1 line 3, zone north", "lot L1", "the whole solicitation".
  public var description: String {
    let base =
      switch scope {
      case .line(let lot, let number): "lot \(lot) line \(number)"
      case .lot(let lot): "lot \(lot)"
      case .whole: "the whole solicitation"
      }
    return zone.map { "\(base), zone \($0)" } ?? base
  }

  /// The keys that name the unit in `award.yaml` (`lot: L1, line: 3, zone: north`; `{}` for the whole).
  public var recordKeys: String {
    var keys: [String] = []
    if let lotID { keys.append("lot: \(lotID)") }
    if let lineNumber { keys.append("line: \(lineNumber)") }
    if let zone { keys.append("zone: \(zone)") }
    return keys.joined(separator: ", ")
  }
}
