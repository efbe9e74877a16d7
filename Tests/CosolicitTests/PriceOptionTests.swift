import CosolicitTestSupport
import Foundation
import Testing

@testable import Cosolicit

/// Price options (`price_options`, `award_price_option`): how they are read and checked.
@Suite struct PriceOptionTests {
  @Test func optionsAreReadWithTheirIndexAndReferencePrice() throws {
    let intake = try PriceZoneTests.intake(
      MarkedText(
        """
        award_method: by-line
        price_options:
          - {id: A, title: "Option A", basis: index-differential, index: OPIS rack ULSD, reference_price: 2.4500}
          - {id: B, title: "Option B", basis: unit-price}
        award_price_option: b

        """))
    #expect(intake.errorCount == 0, "\(intake.listing)")
    let solicitation = try #require(intake.solicitation)
    #expect(solicitation.priceOptions.map(\.id.value) == ["A", "B"])
    #expect(solicitation.priceOptions[0].referencePrice == Decimal(string: "2.45"))
    #expect(solicitation.priceOptions[0].index == "OPIS rack ULSD")
    #expect(solicitation.awardPriceOption == .option("B"))
  }

  @Test func optionMistakesAreReportedAtTheirEntriesAllAtOnce() throws {
    let pricing = """
      award_method: by-line
      price_options:
        - {id: A, basis: 1️⃣index-diferential}
        - 2️⃣{id: B, basis: index-differential}
        - {id: C, basis: unit-price, reference_price: 3️⃣2.10}
        - {id: 4️⃣b, basis: unit-price}
      award_price_option: 5️⃣D

      """
    let intake = try PriceZoneTests.intake(MarkedText(pricing))
    intake.expect(
      .error, in: "solicitation.yaml", at: try PriceZoneTests.shifted(pricing),
      [
        "1️⃣": "did you mean 'index-differential'", "2️⃣": "missing required field 'index'",
        "3️⃣": "only an index-differential option names an index and a reference price",
        "4️⃣": "option id 'b' is used twice", "5️⃣": "award_price_option 'D' is not a price option",
      ])
    #expect(intake.findings(.error, in: "solicitation.yaml").contains { $0.message.contains("'reference_price'") })
  }

  @Test func twoOptionsNeedAnAwardOptionAndNoneNeedNoAwardOption() throws {
    let two = try PriceZoneTests.intake(
      MarkedText(
        """
        award_method: by-line
        price_options:
          - {id: A, basis: unit-price}
          - {id: B, basis: unit-price}

        """))
    #expect(two.diagnostics.contains { $0.message.contains("missing required field 'award_price_option'") })
    let one = try PriceZoneTests.intake(
      MarkedText("award_method: by-line\nprice_options: [{id: A, basis: unit-price}]\n"))
    #expect(one.errorCount == 0 && one.solicitation?.awardPriceOption == .option("A"), "\(one.listing)")
    let none = try PriceZoneTests.intake(MarkedText("award_method: by-line\naward_price_option: lowest\n"))
    #expect(none.diagnostics.contains { $0.message.contains("there are no price_options") })
    let lowest = try PriceZoneTests.intake(
      MarkedText(
        """
        award_method: by-line
        price_options:
          - {id: A, basis: unit-price}
          - {id: B, basis: unit-price}
        award_price_option: Lowest

        """))
    #expect(lowest.errorCount == 0 && lowest.solicitation?.awardPriceOption == .lowest, "\(lowest.listing)")
  }
}
