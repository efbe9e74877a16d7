import Foundation

/// Reads the prices a bid offers for each line and zone of the published form, per price option, evaluated as
/// the solicitation says (a differential at its option's reference price).
struct BidPrices {
  /// The published blank form.
  var form: BidDocument

  /// The option ids in form order; `[nil]` when lines have one price.
  var optionIDs: [String?] { form.priceOptions.isEmpty ? [nil] : form.priceOptions.map(\.id.value) }

  /// The option the award is decided by; nil when the lowest option decides (or there are none).
  var awardOption: String? {
    guard let option = form.awardPriceOption?.value, !Identifier.same(option, "lowest") else { return nil }
    return option
  }

  /// The options a bid may be evaluated at: the award option alone, or every option.
  var evaluatedOptions: [String?] { awardOption.map { [$0] } ?? optionIDs }

  /// The zones of `line` with demand, in form order; `[nil]` when lines are not priced by zone.
  func zones(of line: BidDocument.Line) -> [String?] {
    form.zones.isEmpty ? [nil] : line.zones.map(\.zone.value)
  }

  /// The quantity of `line` in `zone` (the line's without zones), and whether it is as needed there.
  func quantity(of line: BidDocument.Line, zone: String?) -> (quantity: Decimal, isAsNeeded: Bool) {
    guard let zone, let quantities = line.zones.first(where: { Identifier.same($0.zone.value, zone) }) else {
      return (line.quantity.value, line.isAsNeeded)
    }
    return (quantities.quantity.value, quantities.asNeededLocation != nil || line.isAsNeeded)
  }

  /// How `line` (the bid's; nil when missing) answers `zone`, and the prices it offers there per option.
  func offered(_ line: BidDocument.Line?, zone: String?) -> (TabulationCell.Answer, [OfferedPrice]) {
    guard let line else { return (.blank, []) }
    if line.noBid { return (.noBid, []) }
    guard !line.prices.isEmpty else {
      guard let unitPrice = line.unitPrice?.value else { return (.blank, []) }
      return (
        .priced, [OfferedPrice(option: nil, unitPrice: unitPrice, differential: nil, evaluatedUnitPrice: unitPrice)]
      )
    }
    let inZone = line.prices.filter { zone == nil ? $0.zone == nil : Identifier.same($0.zone?.value, zone) }
    var prices: [OfferedPrice] = []
    var declined = false
    for option in optionIDs {
      guard
        let price = inZone.first(where: { option == nil ? $0.option == nil : Identifier.same($0.option?.value, option) }
        )
      else { continue }
      if price.noBid {
        declined = true
        continue
      }
      if let unitPrice = price.unitPrice?.value {
        prices.append(
          OfferedPrice(option: option, unitPrice: unitPrice, differential: nil, evaluatedUnitPrice: unitPrice))
      } else if let differential = price.differential?.value, let option,
        let reference = form.priceOptions.first(where: { Identifier.same($0.id.value, option) })?.referencePrice?.value,
        let evaluated = ExactArithmetic.sum(reference, differential)
      {
        prices.append(
          OfferedPrice(option: option, unitPrice: nil, differential: differential, evaluatedUnitPrice: evaluated))
      }
    }
    if !prices.isEmpty { return (.priced, prices) }
    return (declined ? .noBid : .blank, [])
  }

  /// The bid's lines by ``key(lot:line:)``, the first of each kept.
  static func linesByLotAndNumber(_ document: BidDocument) -> [String: BidDocument.Line] {
    var lines: [String: BidDocument.Line] = [:]
    for lot in document.lots {
      for line in lot.lines where lines[key(lot: lot.id.value, line: line.number.value)] == nil {
        lines[key(lot: lot.id.value, line: line.number.value)] = line
      }
    }
    return lines
  }

  /// A line's key: its lot (in any case) and number.
  static func key(lot: String, line: Int) -> String { "\(Identifier.key(lot))#\(line)" }
}
