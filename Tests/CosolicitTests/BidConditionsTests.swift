import CosolicitTestSupport
import Foundation
import Testing

@testable import Cosolicit

/// A filled bid's `<allOrNone/>` (right after `<bidder>`) and `<received>` (last): the schema admits them there
/// only and in a bid only, bids without them still conform, and both are read with their places.
@Suite struct BidConditionsTests {
  /// The filled fixture with `<allOrNone/>` after the bidder and `received` as the last child, when given.
  static func bid(allOrNone: Bool = true, received: String? = "2027-03-09T13:52:00-08:00") throws -> String {
    var text = try BidCheckTests.text("filled.xml")
    if allOrNone { text = text.replacingOccurrences(of: "</bidder>\n", with: "</bidder>\n  <allOrNone/>\n") }
    if let received {
      text = text.replacingOccurrences(of: "</bid>", with: "  <received>\(received)</received>\n</bid>")
    }
    return text
  }

  static func check(_ text: String) throws -> BidCheckReport {
    let reference = try BidCheckTests.form("blank.xml")
    return BidCheck.check(
      bid: text, path: BidCheckTests.path("filled.xml"), schema: try BidCheckTests.schema(), reference: reference)
  }

  static func load(_ text: String, expecting kind: BidDocument.Kind = .bid) throws -> BidDocument.Loaded {
    BidDocument.load(text, path: "bid.xml", schema: try BidCheckTests.schema(), expecting: kind)
  }

  @Test func aBidMayBeAllOrNoneAndSayWhenItWasReceived() throws {
    let text = try Self.bid()
    let report = try Self.check(text)
    #expect(report.diagnostics.isEmpty && report.conforming, "\(report.diagnostics)")
    let document = try #require(try Self.load(text).document)
    #expect(document.received?.value == "2027-03-09T13:52:00-08:00")
    #expect(document.received?.location.line == 26)
    let allOrNone = try #require(document.allOrNoneLocation)
    #expect((allOrNone.path, allOrNone.line) == ("bid.xml", 10))
    // A received time in UTC, or with no offset, is an xs:dateTime too.
    for written in ["2027-03-09T21:52:00Z", "2027-03-09T13:52:00", "2027-03-09T13:52:00.250-08:00"] {
      let loaded = try Self.load(try Self.bid(allOrNone: false, received: written))
      #expect(loaded.diagnostics.isEmpty, "\(written): \(loaded.diagnostics)")
      #expect(loaded.document?.received?.value == written && loaded.document?.allOrNoneLocation == nil)
    }
  }

  @Test func bidsWithoutThemStillConform() throws {
    let report = try Self.check(try Self.bid(allOrNone: false, received: nil))
    #expect(report.diagnostics.isEmpty && report.conforming, "\(report.diagnostics)")
    let document = try #require(try Self.load(try BidCheckTests.text("filled.xml")).document)
    #expect(document.received == nil && document.allOrNoneLocation == nil)
  }

  @Test func elsewhereOrMalformedTheyAreSchemaErrors() throws {
    let original = try Self.bid(allOrNone: false, received: nil)
    let cases: [(String, String)] = [
      // allOrNone after the first lot, and not empty.
      (original.replacingOccurrences(of: "  <total>", with: "  <allOrNone/>\n  <total>"), "allOrNone"),
      (
        original.replacingOccurrences(of: "</bidder>\n", with: "</bidder>\n  <allOrNone>yes</allOrNone>\n"), "allOrNone"
      ),
      // received: a date alone, or not last.
      (try Self.bid(allOrNone: false, received: "2027-03-09"), "received"),
      (try Self.bid(allOrNone: false, received: "2027-03-09T13:52"), "received"),
      (
        original.replacingOccurrences(
          of: "</bidder>\n", with: "</bidder>\n  <received>2027-03-09T13:52:00</received>\n"),
        "received"
      ),
    ]
    for (text, element) in cases {
      let loaded = try Self.load(text)
      #expect(loaded.document == nil, "\(element)")
      #expect(
        loaded.diagnostics.contains { $0.severity == .error && $0.message.contains(element) }, "\(loaded.diagnostics)")
    }
  }

  @Test func theBlankFormHasNeither() throws {
    let blank = try BidCheckTests.text("blank.xml")
    for addition in ["<allOrNone/>", "<received>2027-03-09T13:52:00</received>"] {
      let text = blank.replacingOccurrences(of: "</bidder>\n", with: "</bidder>\n  \(addition)\n")
      let loaded = try Self.load(text, expecting: .blankForm)
      #expect(loaded.document == nil && loaded.diagnostics.contains { $0.severity == .error }, "\(addition)")
    }
  }
}
