import Foundation
import Testing

@testable import Cosolicit

@Suite struct DomainValueTests {
  @Test func datesMustExist() {
    #expect(CalendarDate(iso: "2028-02-29") != nil)
    #expect(CalendarDate(iso: "2027-02-29") == nil)
    #expect(CalendarDate(iso: "2027-13-01") == nil)
    #expect(CalendarDate(iso: "2027-7-1") == nil)
    #expect(CalendarDate(iso: "2027-07-01T00:00") == nil)
    #expect(CalendarDate(iso: "next week") == nil)
  }

  @Test func termArithmeticClampsToTheMonthEnd() {
    let start = CalendarDate(iso: "2027-01-31")!
    #expect(start.adding(months: 1).description == "2027-02-28")
    #expect(start.adding(months: 13).description == "2028-02-29")
    #expect(CalendarDate(iso: "2027-07-01")!.adding(months: 36).previousDay.description == "2030-06-30")
    #expect(CalendarDate(iso: "2027-01-01")!.previousDay.description == "2026-12-31")
  }

  @Test func decimalsAreReadExactly() throws {
    #expect(try DecimalText.parse("0.1").get() + DecimalText.parse("0.2").get() == DecimalText.parse("0.3").get())
    #expect(try DecimalText.parse(" 1250.50 ").get() == Decimal(string: "1250.5"))
    #expect(try DecimalText.parse("-5").get() == -5)
    #expect(DecimalText.parse("1,200") == .failure(.groupingSeparator))
    #expect(DecimalText.parse("1e3") == .failure(.notANumber))
    #expect(DecimalText.parse(".5") == .failure(.notANumber))
    #expect(DecimalText.parse("NaN") == .failure(.notANumber))
    #expect(DecimalText.parse(String(repeating: "9", count: 40)) == .failure(.tooManyDigits))
    #expect(DecimalText.format(Decimal(string: "105.6688")!) == "105.6688")
  }

  @Test func thousandsSeparatorsInTheUSPatternAreReadExactly() throws {
    for (text, value) in [
      ("10,000", "10000"), ("1,234.5", "1234.5"), ("1,234,567.25", "1234567.25"), ("-1,000", "-1000"),
      (" 999,999,999,999.999 ", "999999999999.999"), ("1,200", "1200"), ("0.5", "0.5"), ("1234", "1234"),
    ] {
      #expect(try DecimalText.parse(text, thousands: true).get() == Decimal(string: value), "\(text)")
    }
    // Where input files are not read (a bid's xs:decimal), a comma stays an error.
    #expect(DecimalText.parse("1,200") == .failure(.groupingSeparator))
    #expect(DecimalText.parse("1,234,567,890,123,456", thousands: true) == .failure(.tooManyDigits))
  }

  @Test(arguments: [
    ("1,2", "a comma must be followed by groups of three digits; for a decimal comma write 1.2"),
    ("1,2345", "a comma must be followed by groups of three digits; for a decimal comma write 1.2345"),
    ("1,234,56", "a comma must be followed by groups of three digits"),
    ("0,500", "after one to three digits, not starting with 0; for a decimal comma write 0.500"),
    ("1234,567", "after one to three digits, not starting with 0; for a decimal comma write 1234.567"),
    ("1.234,5", "the European format, with '.' between thousands and ',' before the decimals; write 1234.5"),
    ("1.234.567", "the European format, with '.' between thousands; write 1234567"),
    ("12,34,567", "groups digits in twos (the Indian format); write 1234567 or 1,234,567"),
    ("1,00,000.5", "the Indian format); write 100000.5 or 100,000.5"),
    (",123", "it starts with a comma"),
    ("1,", "it ends with a comma"),
    ("1,,234", "it has two commas in a row"),
  ])
  func otherGroupingsSayWhyTheyAreAmbiguous(text: String, reason: String) {
    guard case .failure(.misgrouped(let found)) = DecimalText.parse(text, thousands: true) else {
      Issue.record("\(text) was read as \(DecimalText.parse(text, thousands: true))")
      return
    }
    #expect(found.contains(reason), "\(text): \(found)")
  }

  @Test func groupedTextThatIsNoNumberIsNotANumber() {
    for text in ["1,2a", "1,234.", "1,234.5.6", "1.2.3", "a,bcd", "1,234e3"] {
      #expect(DecimalText.parse(text, thousands: true) == .failure(.notANumber), "\(text)")
    }
  }

  @Test func theFormatMemoGivesWhatFormattingGives() {
    // Equal values written differently (trailing zeros in the significand) and values that differ only far down.
    var memo = DecimalText.Memo()
    var random = SeededRandom(seed: 3)
    for _ in 0..<5_000 {
      let significand = Decimal(UInt64.random(in: 0...2_000, using: &random))
      let value = Decimal(sign: .plus, exponent: Int.random(in: -4...3, using: &random), significand: significand)
      for candidate in [value, value * 10 / 10, value + Decimal(string: "0.000001")!] {
        #expect(memo.format(candidate) == DecimalText.format(candidate))
      }
    }
  }

  @Test func theDigitShortcutReadsWhatFoundationReads() {
    // Leading and trailing zeros, points, signs and lengths around the 15-digit limit, both parsers.
    var random = SeededRandom(seed: 11)
    let alphabet = Array("0000123456789.")
    for _ in 0..<20_000 {
      var text = String(
        (0..<Int.random(in: 1...18, using: &random)).map { _ in alphabet.randomElement(using: &random)! })
      if Bool.random(using: &random) { text = (Bool.random(using: &random) ? "-" : "+") + text }
      let expected = Decimal(string: text, locale: Locale(identifier: "en_US_POSIX"))
      switch DecimalText.parse(text) {
      case .success(let value):
        let reference = expected ?? .nan
        #expect(value == reference, "\(text)")
        // (Zero comes from Foundation's parser either way, whose -0 keeps its exponent.)
        #expect(
          value == 0
            || value.exponent == reference.exponent && value.significand == reference.significand
              && DecimalText.format(value) == DecimalText.format(reference),
          "\(text): same representation")
      case .failure(let problem):
        let unsigned = text.first == "-" || text.first == "+" ? text.dropFirst() : Substring(text)
        let parts = unsigned.split(separator: ".", omittingEmptySubsequences: false)
        let wellFormed = parts.count <= 2 && parts.allSatisfy { !$0.isEmpty && $0.allSatisfy(\.isNumber) }
        #expect(!wellFormed || problem == .tooManyDigits, "\(text): \(problem)")
      }
    }
  }

  @Test(arguments: [
    ("UNSPSC:43211503", false, true), ("UNSPSC:4321", false, false), ("UNSPSC:4321", true, true),
    ("unspsc:43211503", false, true), ("NIGP:204-59", false, true), ("NIGP:204", false, false),
    ("NIGP:204", true, true), ("NIGP:204-59-12-1234", false, true), ("NIGP:20-459", false, false),
    ("CPV:30213100-6", false, true), ("CPV:30213100", false, true), ("XYZ:1234", false, false),
    ("43211503", false, false),
  ])
  func classificationsHaveTheirSchemeShape(text: String, prefix: Bool, valid: Bool) {
    let result = Classification.parse(text, prefix: prefix)
    if case .success = result { #expect(valid) } else { #expect(!valid) }
  }

  @Test func lotPrefixesMatchByDigits() throws {
    let item = try Classification.parse("NIGP:204-59", prefix: false).get()
    #expect(item.isCovered(by: try Classification.parse("NIGP:204", prefix: true).get()))
    #expect(!item.isCovered(by: try Classification.parse("NIGP:204-58", prefix: true).get()))
    #expect(!item.isCovered(by: try Classification.parse("UNSPSC:20", prefix: true).get()))
  }

  @Test func nearestNameFindsLikelyMisspellings() {
    #expect(NearestName.to("quantty", among: ["quantity", "unit"]) == "quantity")
    #expect(NearestName.to("untis", among: ["quantity", "unit", "units"]) == "units")
    #expect(NearestName.to("colour", among: ["quantity", "unit"]) == nil)
  }
}
