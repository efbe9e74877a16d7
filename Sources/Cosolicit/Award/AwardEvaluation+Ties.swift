import Foundation

extension AwardEvaluation {
  /// Awards each unit: the forced winner of an all-or-none bid, else the lowest eligible bid, an exact tie
  /// broken by the declared rules in order and then only by a resolution recorded in `award.yaml`; names the
  /// secondary supplier when the solicitation asks for one. An unresolved tie, a resolution naming a bid that
  /// did not tie, and a resolution for no tie are errors.
  func award(
    _ evaluations: inout [UnitEvaluation], allOrNone: AllOrNoneOutcome, currency: String,
    _ diagnostics: inout DiagnosticCollector
  ) {
    var used = Set<Int>()
    for index in evaluations.indices {
      var evaluation = evaluations[index]
      if let bidID = allOrNone.forced[index] {
        evaluation.winner = evaluation.eligible.first { $0.bidID == bidID }
      } else if let tied = allOrNone.tied[index] {
        let total = "equal totals for the whole award (\(currency) \(MoneyText.unitPrice(allOrNone.total)))"
        breakTie(tied, in: &evaluation, currency: currency, used: &used, amountText: total, &diagnostics)
      } else if let low = evaluation.eligible.first {
        let tied = evaluation.eligible.filter { $0.amount == low.amount }.map(\.bidID)
        if tied.count == 1 {
          evaluation.winner = low
        } else {
          breakTie(tied, in: &evaluation, currency: currency, used: &used, &diagnostics)
        }
      }
      if solicitation.secondaryAward, let winner = evaluation.winner {
        let rest = evaluation.eligible.filter { $0.bidID != winner.bidID }
        if let next = rest.first { evaluation.secondary = rest.filter { $0.amount == next.amount } }
      }
      evaluations[index] = evaluation
    }
    keepWhole(allOrNone.wholeBids, &evaluations, &diagnostics)
    for (index, resolution) in record.ties.enumerated() where !used.contains(index) {
      let tiedUnits = evaluations.filter { $0.tieBreak != nil || !$0.unresolvedTie.isEmpty }.map(\.unit.description)
      diagnostics.error(
        "this resolution is for \(Self.unitKeys(of: resolution)), where no bids tie; "
          + (tiedUnits.isEmpty
            ? "no unit has a tie to resolve, remove it"
            : "ties are at: \(tiedUnits.joined(separator: "; "))"),
        at: resolution.location)
    }
  }

  /// Breaks the tie among `tied` (bid ids, in bid order) for the unit: the declared rules first, then the
  /// resolution recorded for the unit; an error naming the bids and what to record when neither decides.
  private func breakTie(
    _ tied: [String], in evaluation: inout UnitEvaluation, currency: String, used: inout Set<Int>,
    amountText: String? = nil, _ diagnostics: inout DiagnosticCollector
  ) {
    var remaining = tied
    var rulesApplied: [String] = []
    for rule in solicitation.tieBreakers where rule.value == .localPreference {
      let locals = remaining.filter { id in bids.first { $0.id == id }?.isLocal == true }
      if !locals.isEmpty, locals.count < remaining.count {
        remaining = locals
        if remaining.count == 1 {
          evaluation.winner = evaluation.eligible.first { $0.bidID == remaining[0] }
          evaluation.tieBreak = TieBreak(
            tied: tied, method: TieBreaker.localPreference.rawValue, location: rule.location)
          return
        }
      }
      rulesApplied.append(
        locals.isEmpty ? "local preference: none of them is local" : "local preference: \(locals.count) are local")
    }
    let unit = evaluation.unit
    if let index = record.ties.firstIndex(where: { Self.resolution($0, matches: unit) }) {
      used.insert(index)
      let resolution = record.ties[index]
      // Named by file name or bidder's name in any case: two bids may answer to it (a supplier's two bids, file
      // names differing in case); the file name as written decides then, else the resolution is ambiguous.
      let named = remaining.filter { matches(resolution.winner.value, bidID: $0) }
      let exact = named.filter { $0 == resolution.winner.value }
      if named.count > 1, exact.count != 1 {
        diagnostics.error(
          "the winner '\(resolution.winner.value)' names more than one of the bids tied for \(unit): "
            + names(named) + "; name one of them by its file name (without .xml), as written",
          at: resolution.winner.location)
        evaluation.unresolvedTie = remaining
        return
      }
      if let winner = named.count == 1 ? named.first : exact.first {
        evaluation.winner = evaluation.eligible.first { $0.bidID == winner }
        evaluation.tieBreak = TieBreak(
          tied: tied, method: resolution.method, date: resolution.date, witnesses: resolution.witnesses,
          location: resolution.location)
        return
      }
      diagnostics.error(
        "the winner '\(resolution.winner.value)' is not one of the bids still tied for \(unit): "
          + names(remaining) + "; name one of them by its file name (without .xml) or its bidder's name",
        at: resolution.winner.location)
      evaluation.unresolvedTie = remaining
      return
    }
    evaluation.unresolvedTie = remaining
    let amount =
      amountText ?? evaluation.eligible.first.map { "\(currency) \(MoneyText.unitPrice($0.amount))" } ?? ""
    let rules = rulesApplied.isEmpty ? "" : " (\(rulesApplied.joined(separator: "; ")))"
    let keys = unit.recordKeys.isEmpty ? "" : unit.recordKeys + ", "
    let choices = remaining.joined(separator: " or ")
    diagnostics.error(
      "\(unit): \(names(remaining)) tie at \(amount)\(rules); the unit is not awarded until the tie is resolved "
        + "as the solicitation announces: record the outcome in award.yaml under `ties:` as "
        + "`- {\(keys)winner: \(choices), method: drawing, date: YYYY-MM-DD, witnesses: [name, name]}`",
      at: .start(of: record.path))
  }

  /// An error, and no award of its units, for each all-or-none bid that tie breaks left winning some of its
  /// units but not all: it cannot be split, so its tied units must be resolved alike.
  private func keepWhole(
    _ wholeBids: [String: [Int]], _ evaluations: inout [UnitEvaluation], _ diagnostics: inout DiagnosticCollector
  ) {
    for (id, units) in wholeBids.sorted(by: { $0.key < $1.key }) {
      let won = units.filter { evaluations[$0].winner?.bidID == id }
      guard !won.isEmpty, won.count < units.count else { continue }
      diagnostics.error(
        "the all-or-none bid \(names([id]).dropFirst(5)) would win \(won.count) of its \(units.count) units "
          + "(\(units.map { evaluations[$0].unit.description }.joined(separator: "; "))) and cannot be split; "
          + "resolve its tied units alike in award.yaml: all to it, or none", at: .start(of: record.path))
      for index in units {
        evaluations[index].unresolvedTie = [id] + evaluations[index].eligible.map(\.bidID).filter { $0 != id }.prefix(1)
        evaluations[index].winner = nil
        evaluations[index].secondary = []
      }
    }
  }

  /// "bids a (A Co.) and b (B Co.)".
  private func names(_ ids: [String]) -> String {
    let named = ids.map { id in
      let supplier = bids.first { $0.id == id }?.supplier ?? id
      return supplier == id ? id : "\(id) (\(supplier))"
    }
    let list =
      named.count <= 2
      ? named.joined(separator: " and ") : named.dropLast().joined(separator: ", ") + " and " + named.last!
    return "bids \(list)"
  }

  /// Whether `written` names bid `bidID`: its id, or its supplier's name, ignoring case and spacing.
  private func matches(_ written: String, bidID: String) -> Bool {
    if Identifier.same(written, bidID) { return true }
    guard let bid = bids.first(where: { $0.id == bidID }) else { return false }
    return SupplierName.same(written, bid.supplier)
  }

  /// Whether a recorded resolution names `unit`: the same lot, line and zone, each present exactly when the unit
  /// has it.
  static func resolution(_ resolution: AwardRecord.TieResolution, matches unit: AwardUnit) -> Bool {
    func same(_ written: String?, _ wanted: String?) -> Bool {
      switch (written, wanted) {
      case (nil, nil): true
      case (let written?, let wanted?): Identifier.same(written, wanted)
      default: false
      }
    }
    return same(resolution.lot?.value, unit.lotID) && resolution.line?.value == unit.lineNumber
      && same(resolution.zone?.value, unit.zone)
  }

  /// The keys of a recorded resolution, as written: `lot L1, line 3, zone north`, or "the whole solicitation".
  static func unitKeys(of resolution: AwardRecord.TieResolution) -> String {
    let keys = [
      resolution.lot.map { "lot \($0.value)" }, resolution.line.map { "line \($0.value)" },
      resolution.zone.map { "zone \($0.value)" },
    ].compactMap { $0 }
    return keys.isEmpty ? "the whole solicitation" : keys.joined(separator: ", ")
  }
}
