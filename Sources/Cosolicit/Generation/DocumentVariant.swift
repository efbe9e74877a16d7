import Foundation

/// The two ways the same needs can be put out to bid.
public enum DocumentVariant: String, CaseIterable, Sendable {
  /// A joint solicitation: every participant's quantities are committed and binding.
  case joint
  /// A piggyback-open solicitation: the lead agency's own binding quantities, everyone else's volume estimated
  /// and non-binding, and a cooperative clause that lets other agencies use the contract after award.
  case piggyback

  /// The variant's name on documents.
  public var title: String {
    switch self {
    case .joint: "Joint solicitation (committed volumes)"
    case .piggyback: "Piggyback-open solicitation (estimated volumes, cooperative use)"
    }
  }

  /// The committed and estimated quantity of `line` as this variant publishes it, with its guaranteed minimum
  /// and its maximum. In a piggyback-open solicitation only the lead agency's binding shares are committed
  /// (within their band); everyone else's volume is an estimate, guaranteeing nothing, up to its quantity.
  public func quantities(
    of line: SolicitationLine, leadAgency: String?
  ) -> (committed: Decimal, estimated: Decimal, minimum: Decimal, maximum: Decimal) {
    switch self {
    case .joint:
      return (line.committedQuantity, line.estimatedQuantity, line.minimumQuantity, line.maximumQuantity)
    case .piggyback:
      var committed = Decimal(0)
      var estimated = Decimal(0)
      var minimum = Decimal(0)
      var maximum = Decimal(0)
      for share in line.shares.figures {
        if Identifier.same(share.agencyID, leadAgency) && share.commitment == .binding {
          let quantities = share.quantities
          committed = ExactArithmetic.provenSum(committed, quantities.committed)
          estimated = ExactArithmetic.provenSum(estimated, quantities.estimated)
          minimum = ExactArithmetic.provenSum(minimum, quantities.minimum)
          maximum = ExactArithmetic.provenSum(maximum, quantities.maximum)
        } else {
          estimated = ExactArithmetic.provenSum(estimated, share.quantity)
          maximum = ExactArithmetic.provenSum(maximum, share.quantity)
        }
      }
      return (committed, estimated, minimum, maximum)
    }
  }
}
