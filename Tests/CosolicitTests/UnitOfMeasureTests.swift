import Foundation
import Testing

@testable import Cosolicit

@Suite struct UnitOfMeasureTests {
  func unit(_ text: String) -> UnitOfMeasure? {
    if case .found(let unit) = UnitOfMeasure.lookup(text) { return unit }
    return nil
  }

  @Test(arguments: [
    ("each", "EA"), ("EA", "EA"), ("ea", "EA"), ("Cases", "XCS"), ("case", "XCS"), ("XCS", "XCS"), ("boxes", "XBX"),
    ("box", "XBX"), ("pack", "XPK"), ("dozen", "DZN"), ("lbs", "LBR"), ("lb.", "LBR"), ("Pounds", "LBR"),
    ("kg", "KGM"), ("short ton", "STN"), ("metric ton", "TNE"), ("tonne", "TNE"), ("gallon", "GLL"),
    ("gal", "GLL"), ("liters", "LTR"), ("litre", "LTR"), ("hour", "HUR"), ("hrs", "HUR"), ("day", "DAY"),
    ("month", "MON"), ("year", "ANN"), ("cubic  yard", "YDQ"), ("acres", "ACR"), ("pallet", "XPX"),
  ])
  func commonNamesAndCodesNormalize(text: String, code: String) {
    #expect(unit(text)?.code == code)
  }

  @Test func bareTonIsAmbiguousAndReadAsShortTon() {
    guard case .ambiguous(let unit, let note) = UnitOfMeasure.lookup("ton") else {
      Issue.record("'ton' must be reported as ambiguous")
      return
    }
    #expect(unit.code == "STN")
    #expect(note.contains("short ton") && note.contains("tonne"))
  }

  @Test func unknownUnitSuggestsTheNearestName() {
    #expect(UnitOfMeasure.lookup("eech") == .unknown(suggestion: "each"))
    #expect(UnitOfMeasure.lookup("zzzzzz") == .unknown(suggestion: nil))
  }

  func convert(_ quantity: Decimal, _ from: String, _ to: String, packs: [String: Decimal] = [:]) -> (Decimal, Bool)? {
    guard let source = UnitOfMeasure.withCode(from), let target = UnitOfMeasure.withCode(to),
      let conversion = UnitConversion.between(source, target, packs: packs)
    else { return nil }
    let result = conversion.apply(to: quantity)
    return (result.value, result.isExact)
  }

  @Test func conversionsInsideADimensionAreExact() {
    #expect(convert(1, "LBR", "KGM")! == (Decimal(string: "0.45359237")!, true))
    #expect(convert(3, "STN", "LBR")! == (6000, true))
    #expect(convert(2, "GLL", "LTR")! == (Decimal(string: "7.570823568")!, true))
    #expect(convert(400, "QTI", "GLL")! == (100, true))
    #expect(convert(2, "ANN", "MON")! == (24, true))
    #expect(convert(5, "DZN", "EA")! == (60, true))
    #expect(convert(540, "FTQ", "YDQ")! == (20, true))
    // The issue's example: 3 × 0.1 LBR is exactly 0.136077711 KGM.
    #expect(convert(Decimal(string: "0.1")! * 3, "LBR", "KGM")! == (Decimal(string: "0.136077711")!, true))
  }

  @Test func conversionsThatDoNotTerminateAreFlagged() {
    let (value, exact) = convert(1, "KGM", "LBR")!
    #expect(!exact)
    #expect(value == Decimal(string: "2.204623"), "rounded half to even to 6 places")
    #expect(convert(400, "LTR", "GLL")! == (Decimal(string: "105.668821")!, false))
  }

  @Test func packagesConvertOnlyThroughPacks() {
    #expect(convert(3, "XCS", "EA", packs: ["XCS": 12])! == (36, true))
    #expect(convert(3, "XCS", "EA") == nil)
    #expect(convert(3, "XBX", "EA", packs: ["XCS": 12]) == nil)
  }

  @Test func differentDimensionsDoNotConvert() {
    #expect(convert(1, "KGM", "LTR") == nil)
    #expect(convert(1, "HUR", "MON") == nil)
    #expect(convert(1, "PR", "EA") == nil)
  }
}

extension UnitOfMeasureTests {
  @Test func theExactTextShortcutAgreesWithTheFullLookup() {
    // Padding with spaces skips the shortcut, so the full normalization reads every name and code.
    let texts = Set(UnitTable.units.flatMap { [$0.code, $0.name] } + UnitTable.byName.keys)
    for text in texts {
      #expect(UnitOfMeasure.lookup(text) == UnitOfMeasure.lookup(" \(text) "), "\(text)")
    }
    #expect(UnitTable.exactTexts["ton"] == nil, "ambiguous names take the full lookup, which warns")
  }
}
