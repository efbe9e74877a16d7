import Foundation

/// The committed and estimated figures of one variant, computed once with exact arithmetic from the aggregated
/// solicitation and shared by its RFPs, its bid forms and the comparison report.
struct VariantFigures: Sendable {
  /// One line's quantities and values as the variant publishes them.
  struct Line: Sendable {
    /// The binding quantity.
    var committed: Decimal
    /// The non-binding quantity.
    var estimated: Decimal
    /// The committed quantity at the estimated unit price; nil without a price.
    var committedValue: Decimal?
    /// The estimated quantity at the estimated unit price; nil without a price.
    var estimatedValue: Decimal?
    /// The guaranteed minimum quantity (the committed quantity unless a band or a partial commitment lowers it).
    var minimum: Decimal
    /// The most that may be ordered (the quantity unless a band raises it).
    var maximum: Decimal
    /// Whether every share is as-needed: no quantity, left out of totals.
    var isAsNeeded = false

    /// The guaranteed minimum at the estimated unit price; nil without a price.
    var minimumValue: Decimal?
    /// The quantities per zone with demand, in zone order, as the variant publishes them; none without zones.
    var zones: [ZoneQuantities] = []

    /// Both quantities.
    var quantity: Decimal { ExactArithmetic.provenSum(committed, estimated) }
  }

  /// Committed and estimated value of some lines, an unpriced line counting zero.
  struct Value: Sendable {
    /// The binding value.
    var committed = Decimal(0)
    /// The non-binding value.
    var estimated = Decimal(0)
    /// The guaranteed minimum's value: the committed value unless bands or partial commitments lower it.
    var minimum = Decimal(0)

    /// Both values.
    var combined: Decimal { ExactArithmetic.provenSum(committed, estimated) }

    /// The values of `lines`.
    init(_ lines: some Sequence<Line>) {
      for line in lines {
        committed = ExactArithmetic.provenSum(committed, line.committedValue ?? 0)
        estimated = ExactArithmetic.provenSum(estimated, line.estimatedValue ?? 0)
        minimum = ExactArithmetic.provenSum(minimum, line.minimumValue ?? 0)
      }
    }
  }

  /// The variant.
  let variant: DocumentVariant
  /// Each lot's lines' figures, in the order of the solicitation's lots and lines.
  let lots: [[Line]]
  /// Whether the lead agency only coordinates: it has no needs file among the participants, so it commits no
  /// quantity, and a piggyback-open solicitation commits nothing at all.
  let leadIsCoordinator: Bool

  /// The figures of `variant` for every line of `joint`.
  init(_ joint: JointSolicitation, variant: DocumentVariant) {
    self.variant = variant
    let lead = joint.solicitation.leadAgency?.id.value
    leadIsCoordinator = Self.leadIsCoordinator(joint)
    lots = joint.lots.map { lot in
      lot.lines.map { line in
        let quantities = variant.quantities(of: line, leadAgency: lead)
        let (committed, estimated) = (quantities.committed, quantities.estimated)
        let price = line.estimatedUnitPrice
        return Line(
          committed: committed, estimated: estimated,
          committedValue: price.map { ExactArithmetic.provenProduct(committed, $0) },
          estimatedValue: price.map { ExactArithmetic.provenProduct(estimated, $0) }, minimum: quantities.minimum,
          maximum: quantities.maximum, isAsNeeded: line.isAsNeeded,
          minimumValue: price.map { ExactArithmetic.provenProduct(quantities.minimum, $0) },
          zones: line.zoneQuantities(joint.zones) { agency, commitment in
            variant.isCommitted(agency: agency, commitment, leadAgency: lead)
          })
      }
    }
  }

  /// Whether the lead agency of `joint` is none of its participants (it has no needs file, or its late file was
  /// rejected): it coordinates the solicitation and buys nothing under it.
  static func leadIsCoordinator(_ joint: JointSolicitation) -> Bool {
    guard let lead = joint.solicitation.leadAgency?.id.value else { return false }
    return !joint.participants.contains { Identifier.same($0.agency.id.value, lead) }
  }

  /// The value of every line.
  var total: Value { Value(lots.joined()) }

  /// The value of the lot at `index`.
  func value(ofLot index: Int) -> Value { Value(lots[index]) }

  /// The committed quantity per unit of `lines` (paired with their figures), as "629 EA (each); 12,000 LBR
  /// (pound)" in the order of the units' codes, or nil
  /// when nothing is committed. `guaranteed` counts only the guaranteed minimums (which commitment bands and
  /// partial commitments may set below the committed quantities).
  static func committedQuantities(_ lines: [SolicitationLine], _ figures: [Line], guaranteed: Bool = false) -> String? {
    var committed: [String: (unit: UnitOfMeasure, quantity: Decimal)] = [:]
    for (line, figure) in zip(lines, figures) {
      committed[line.unit.code] = (
        line.unit,
        ExactArithmetic.provenSum(
          committed[line.unit.code]?.quantity ?? 0, guaranteed ? figure.minimum : figure.committed)
      )
    }
    let parts = committed.sorted { $0.key < $1.key }.filter { $0.value.quantity != 0 }.map {
      "\(DecimalText.grouped($0.value.quantity)) \($0.value.unit.label)"
    }
    return parts.isEmpty ? nil : parts.joined(separator: "; ")
  }
}

extension ExactArithmetic {
  /// `a + b` for figures of an aggregated solicitation, whose every sum aggregation has proved exact
  /// (``ExactnessCheck``); the plain sum is the fallback that proof rules out.
  static func provenSum(_ a: Decimal, _ b: Decimal) -> Decimal { sum(a, b) ?? a + b }

  /// `a × b` for figures of an aggregated solicitation, whose every product aggregation has proved exact.
  static func provenProduct(_ a: Decimal, _ b: Decimal) -> Decimal { product(a, b) ?? a * b }
}
