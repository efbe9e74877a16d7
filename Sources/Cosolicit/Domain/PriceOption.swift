import Foundation

/// A way a supplier prices each line (`price_options` in `solicitation.yaml`): Option A as a differential over
/// a market index, Option B as a fixed unit price, or a base and an alternate.
public struct PriceOption: Sendable {
  /// How the option's price is given.
  public enum Basis: String, CaseIterable, Sendable, Keyword {
    /// A unit price.
    case unitPrice = "unit-price"
    /// A differential (which may be negative) over a named market index; evaluated at a reference price.
    case indexDifferential = "index-differential"
  }

  /// The option id, unique in the solicitation in any case.
  public var id: Located<String>
  /// The option's name on documents, such as "Option A: rack plus differential".
  public var title: String
  /// How the option is priced.
  public var basis: Basis
  /// The market index a differential is added to, such as "OPIS Portland rack, ultra-low sulfur diesel";
  /// only for an index differential.
  public var index: String?
  /// The index price every bid's differential is evaluated at (the evaluated unit price is the reference price
  /// plus the differential); only for an index differential.
  public var referencePrice: Decimal?

  /// Creates an option.
  public init(id: Located<String>, title: String, basis: Basis, index: String? = nil, referencePrice: Decimal? = nil) {
    self.id = id
    self.title = title
    self.basis = basis
    self.index = index
    self.referencePrice = referencePrice
  }

  /// Whether the option is priced as a differential over an index.
  public var isDifferential: Bool { basis == .indexDifferential }
}

/// Which price option decides the award (`award_price_option`).
public enum AwardPriceOption: Sendable, Equatable {
  /// The option named.
  case option(String)
  /// For each bid and award unit, whichever of its options evaluates lowest.
  case lowest

  /// The word in `solicitation.yaml` and the bid form.
  public var word: String {
    switch self {
    case .option(let id): id
    case .lowest: "lowest"
    }
  }
}
