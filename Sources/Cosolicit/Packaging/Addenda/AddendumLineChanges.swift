import Foundation

/// The lines of two bid forms compared: lines added and removed, and each kept line's item, description, unit,
/// quantities (per price zone too) and delivery date changed.
///
/// Lines are matched by lot and item (a write-in by its description), the n-th line of an item with the n-th,
/// not by number: removing a line renumbers those after it, which is no change to them.
enum AddendumLineChanges {
  /// How an addendum names each quantity element.
  static let quantityWords = [
    "committedQuantity": "committed quantity", "estimatedQuantity": "estimated quantity", "quantity": "quantity",
    "minimumQuantity": "guaranteed minimum", "maximumQuantity": "maximum", "asNeeded": "as needed",
  ]

  /// The changes from the lines of `old` to those of `new`; `oldDelivery` and `newDelivery` are the RFPs' delivery
  /// dates by `lot#number`.
  static func changes(
    old: PublishedForm, new: PublishedForm, oldDelivery: [String: String], newDelivery: [String: String]
  ) -> [AddendumChanges.Change] {
    let was = keyed(old.lines)
    let now = keyed(new.lines)
    let newKeys = Set(now.map(\.key))
    var changes: [AddendumChanges.Change] = []
    func add(_ sentence: String) { changes.append(AddendumChanges.Change(part: .lines, sentence: sentence)) }
    var renumbered: [(lot: String, was: Int, now: Int)] = []
    for (key, line) in now {
      guard let before = was.first(where: { $0.key == key })?.line else {
        add("Lot \(line.lot), \(line.name) is added: \(amount(line)).")
        continue
      }
      var differences: [String] = []
      if before.description != line.description {
        differences.append("description was \"\(before.description)\"; now \"\(line.description)\"")
      }
      if before.unit != line.unit { differences.append("unit was \(before.unit); now \(line.unit)") }
      differences += quantityChanges(before.quantities, line.quantities, prefix: "")
      for zone in Set(before.zones.keys).union(line.zones.keys).sorted() {
        differences += quantityChanges(before.zones[zone] ?? [:], line.zones[zone] ?? [:], prefix: "zone \(zone) ")
      }
      let (oldDate, newDate) = (
        oldDelivery["\(before.lot)#\(before.number)"] ?? "", newDelivery["\(line.lot)#\(line.number)"] ?? ""
      )
      if oldDate != newDate {
        differences.append(
          "delivery by was \(oldDate.isEmpty ? "not given" : oldDate); now \(newDate.isEmpty ? "not given" : newDate)")
      }
      if before.number != line.number { renumbered.append((line.lot, before.number, line.number)) }
      if !differences.isEmpty {
        let number = before.number == line.number ? "" : " (now line \(line.number))"
        add("Lot \(line.lot), \(before.name)\(number): \(differences.joined(separator: "; ")).")
      }
    }
    for (key, line) in was where !newKeys.contains(key) {
      add("Lot \(line.lot), \(line.name) is removed.")
    }
    // Lines renumbered by a line added or removed before them: one sentence per lot.
    var lots: [String] = []
    for entry in renumbered where !lots.contains(entry.lot) { lots.append(entry.lot) }
    for lot in lots {
      let moves = renumbered.filter { $0.lot == lot }.map { "\($0.was) is now line \($0.now)" }
      add("Lot \(lot): lines are renumbered: line \(moves.joined(separator: ", line ")).")
    }
    return changes
  }

  /// The lines by matching key (`lot`, item or description, occurrence), in document order.
  static func keyed(_ lines: [PublishedForm.Line]) -> [(key: String, line: PublishedForm.Line)] {
    var seen: [String: Int] = [:]
    return lines.map { line in
      let base = "\(Identifier.key(line.lot))\u{0}\(line.item.map(Identifier.key) ?? "write-in: " + line.description)"
      let occurrence = seen[base, default: 0]
      seen[base] = occurrence + 1
      return ("\(base)\u{0}\(occurrence)", line)
    }
  }

  /// Each quantity of `was` and `now` that differs, as "committed quantity was 100; now 120".
  static func quantityChanges(_ was: [String: String], _ now: [String: String], prefix: String) -> [String] {
    PublishedForm.quantityNames.compactMap { name in
      let (before, after) = (was[name], now[name])
      guard before != after, let word = quantityWords[name] else { return nil }
      return "\(prefix)\(word) was \(before ?? "none"); now \(after ?? "none")"
    }
  }

  /// A new line's quantity: "120 EA (committed 100, estimated 20)", or "as needed, in EA".
  static func amount(_ line: PublishedForm.Line) -> String {
    if line.quantities["asNeeded"] != nil { return "as needed, in \(line.unit)" }
    let quantity = line.quantities["quantity"] ?? "0"
    return "\(quantity) \(line.unit) (committed \(line.quantities["committedQuantity"] ?? "0"), estimated "
      + "\(line.quantities["estimatedQuantity"] ?? "0"))"
  }
}
