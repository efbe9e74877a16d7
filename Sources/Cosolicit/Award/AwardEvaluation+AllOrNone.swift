import Foundation

extension AwardEvaluation {
  /// How suppliers' own all-or-none bids take part in the award: the units each such bid wins whole, and the
  /// units where equally good ways of keeping them whole disagree (an exact tie, resolved like any other).
  struct AllOrNoneOutcome {
    /// The unit indices awarded whole to an all-or-none bid, with its id.
    var forced: [Int: String] = [:]
    /// The unit indices where equally cheap combinations give different winners, with the bids tied.
    var tied: [Int: [String]] = [:]
    /// Each all-or-none bid still in the award, with the unit indices it must win all of or none.
    var wholeBids: [String: [Int]] = [:]
    /// The total of the whole award of the best combination, for messages.
    var total: Decimal = 0
  }

  /// The most all-or-none bids whose combinations are searched exactly (2^16 combinations).
  static let allOrNoneLimit = 16

  /// Keeps every supplier's all-or-none bid whole by searching every combination of such bids that do not
  /// overlap: each combination awards its bids' units to them and every other unit to its lowest other bid.
  /// The combination that awards the most units, then costs the least in all, is the award; combinations equal
  /// on both tie, and the units where they differ are ties to resolve. All-or-none bids in no best combination
  /// are awarded nothing, with the reason.
  func applyAllOrNoneBids(
    _ evaluations: inout [UnitEvaluation], currency: String, _ diagnostics: inout DiagnosticCollector
  ) -> AllOrNoneOutcome {
    guard prices.form.awardMethod.value != .allOrNone else { return AllOrNoneOutcome() }
    let whole: [(id: String, units: Set<Int>, total: Decimal)] = bids.compactMap { bid in
      guard bid.isAllOrNone, bid.isResponsive else { return nil }
      let units = evaluations.indices.filter { evaluations[$0].eligible.contains { $0.bidID == bid.id } }
      guard !units.isEmpty else { return nil }
      let total = units.reduce(Decimal(0)) { sum, index in
        sum + evaluations[index].eligible.first { $0.bidID == bid.id }!.amount
      }
      return (bid.id, Set(units), total)
    }
    guard !whole.isEmpty else { return AllOrNoneOutcome() }
    guard whole.count <= Self.allOrNoneLimit else {
      diagnostics.error(
        "\(whole.count) bids are all-or-none; the award keeps at most \(Self.allOrNoneLimit) of them whole "
          + "exactly, so it is not made", at: .start(of: bids[0].path))
      for index in evaluations.indices { evaluations[index].unresolvedTie = whole.map(\.id) }
      return AllOrNoneOutcome()
    }
    let wholeIDs = Set(whole.map(\.id))
    let splitLow = evaluations.map { $0.eligible.first { !wholeIDs.contains($0.bidID) }?.amount }
    var best: [Int] = []
    var bestKey: (awarded: Int, cost: Decimal)?
    for mask in 0..<(1 << whole.count) {
      var covered = Set<Int>()
      var cost: Decimal = 0
      var overlaps = false
      for (bit, bid) in whole.enumerated() where mask & (1 << bit) != 0 {
        if !covered.isDisjoint(with: bid.units) {
          overlaps = true
          break
        }
        covered.formUnion(bid.units)
        cost += bid.total
      }
      guard !overlaps else { continue }
      var awarded = covered.count
      for (index, low) in splitLow.enumerated() where !covered.contains(index) {
        if let low {
          cost += low
          awarded += 1
        }
      }
      if let key = bestKey, key.awarded == awarded, key.cost == cost {
        best.append(mask)
      } else if bestKey == nil || awarded > bestKey!.awarded || (awarded == bestKey!.awarded && cost < bestKey!.cost) {
        (best, bestKey) = ([mask], (awarded, cost))
      }
    }
    var outcome = AllOrNoneOutcome(total: bestKey?.cost ?? 0)
    let inSome = Set(best.flatMap { mask in whole.indices.filter { mask & (1 << $0) != 0 } })
    for (bit, bid) in whole.enumerated() {
      guard inSome.contains(bit) else {
        let reason =
          "its bid is all-or-none (\(currency) \(MoneyText.unitPrice(bid.total)) for its \(bid.units.count) "
          + "units), and the lowest award that keeps every all-or-none bid whole, \(currency) "
          + "\(MoneyText.unitPrice(outcome.total)) in all, does not include it"
        for index in bid.units {
          evaluations[index].eligible.removeAll { $0.bidID == bid.id }
          evaluations[index].excluded.append((bid.id, [reason]))
        }
        continue
      }
      outcome.wholeBids[bid.id] = bid.units.sorted()
    }
    for index in evaluations.indices {
      let owners = best.map { mask in whole.indices.first { mask & (1 << $0) != 0 && whole[$0].units.contains(index) } }
      let candidates = owners.map { bit in bit.map { whole[$0].id } }
      if let first = candidates.first, candidates.allSatisfy({ $0 == first }) {
        if let id = first { outcome.forced[index] = id }
        continue
      }
      // Combinations disagree on this unit: its tie is among their winners (the split award's lowest bids).
      var tied: [String] = []
      for candidate in candidates {
        let ids =
          candidate.map { [$0] }
          ?? evaluations[index].eligible.filter { !wholeIDs.contains($0.bidID) && $0.amount == splitLow[index] }
          .map(\.bidID)
        for id in ids where !tied.contains(id) { tied.append(id) }
      }
      outcome.tied[index] = bids.map(\.id).filter { tied.contains($0) }
    }
    return outcome
  }
}
