import CosolicitTestSupport
import Foundation
import Testing

@testable import Cosolicit

/// The solicitation's content fields: read with every mistake reported at once at its value, and worded in the
/// RFP's standard sections, in HTML and Markdown.
@Suite struct ContentFieldTests {
  /// Every field given, as a procurement officer would.
  static let complete = """
    timezone: America/Los_Angeles
    submission:
      methods: [sealed, electronic]
      address: "City Hall, Purchasing, 100 Main Street, Example, OR 97000"
      portal_url: https://bids.example.gov/js-2027-001
      copies: 3
    bid_opening: {at: 2027-04-01T14:30, place: "City Hall, Council Chambers", public: true}
    bid_validity_days: 120
    questions: {to: "Pat Buyer, purchasing@example.gov", due: 2027-03-12T17:00}
    bonds: {bid_security_percent: 5, performance_bond_percent: 100}
    insurance: |
      General liability of $1,000,000 per occurrence.

      Workers' compensation as state law requires.
    price_adjustment: {kind: annual-percent-cap, cap_percent: 2.5}
    authority: ORS 279A.210 (joint cooperative procurement)
    non_appropriation: true
    """

  @Test func everyMistakeIsReportedAtItsValue() throws {
    let workspace = try ContentWorkspace(
      responsesDue: "2027-04-01T14:00",
      """
      timezone: 1️⃣America/Los_Angles
      submission:
        methods: [sealed, 2️⃣fax]
        portal_url: 3️⃣http://bids.example.gov
        copies: 4️⃣0
      bid_opening: {at: 5️⃣2027-03-31T10:00, public: 6️⃣maybe, 7️⃣room: 12}
      bid_validity_days: 8️⃣-5
      questions: {due: 9️⃣2027-03-11}
      bonds: {bid_security_percent: 0️⃣150, #️⃣bid_bond: 5}
      price_adjustment: {kind: annual-index, cap_percent: *️⃣3}
      """)
    let intake = workspace.intake()
    let file = "solicitation.yaml"
    intake.expect(
      .error, in: file, at: workspace.text,
      [
        "1️⃣": "timezone 'America/Los_Angles' is not an IANA time zone name (did you mean 'America/Los_Angeles'?)",
        "2️⃣": "method 'fax' is not one of: sealed, electronic",
        "3️⃣": "portal_url 'http://bids.example.gov' is not an https address",
        "4️⃣": "'copies' '0' must be a whole number from 1 to 100",
        "5️⃣": "is before responses are due",
        "6️⃣": "'public' 'maybe' is not true or false",
        "7️⃣": "unknown field 'room'",
        "8️⃣": "'bid_validity_days' '-5' must be a whole number from 1 to 3650",
        "9️⃣": "questions: due 2027-03-11 is not schedule.questions_due 2027-03-12",
        "0️⃣": "'bid_security_percent' is 150; expected a percentage from 0 to 100",
        "#️⃣": "unknown field 'bid_bond'",
        "*️⃣": "'cap_percent' is given, but the kind is annual-index",
      ])
    // A sealed method without an address, and an annual-index without its index, are missing fields.
    #expect(intake.findings(.error, in: file).contains { $0.message.contains("missing required field 'address'") })
    #expect(intake.findings(.error, in: file).contains { $0.message.contains("missing required field 'index'") })
  }

  @Test func aTimeNeedsTheSolicitationsTimeZone() throws {
    let workspace = try ContentWorkspace(
      responsesDue: "1️⃣2027-04-01 14:00",
      """
      bid_opening: {at: 2️⃣2027-04-01T15:00}
      questions: {due: 3️⃣2027-03-12T17:00}
      non_appropriation: 4️⃣sometimes
      section_links: 5️⃣everything
      """)
    let expected = "a time needs the solicitation's timezone, e.g. timezone: America/Los_Angeles"
    workspace.intake().expect(
      .error, in: "solicitation.yaml", at: workspace.text,
      [
        "1️⃣": expected, "2️⃣": expected, "3️⃣": expected,
        "4️⃣": "'non_appropriation' 'sometimes' is not true or false",
        "5️⃣": "'section_links' 'everything' is not one of: text, allowed",
      ])
  }

  @Test func aDateAloneNeedsNoTimeZoneAndPrintsAsBefore() throws {
    let documents = try ContentWorkspace().documents()
    #expect(documents["public/joint/rfp.md"]?.contains("Responses due **2027-04-01**") == true)
    #expect(documents["public/joint/bid-form.xml"]?.contains("<responsesDue>2027-04-01</responsesDue>") == true)
  }

  @Test func theDueTimeIsSpelledAndTheBidFormCarriesItsInstant() throws {
    let documents = try ContentWorkspace(responsesDue: "2027-04-01T14:00", "timezone: America/Los_Angeles").documents()
    for path in [
      "public/joint/rfp.md", "public/joint/rfp.html", "public/piggyback/rfp.md", "public/joint/bid-form.html",
    ] {
      #expect(documents[path]?.contains("April 1, 2027, 2:00 p.m. Pacific Time") == true, "\(path)")
    }
    #expect(
      documents["public/joint/bid-form.xml"]?.contains("<responsesDue>2027-04-01T14:00:00-07:00</responsesDue>") == true
    )
    #expect(
      documents["public/joint/rfp.md"]?.contains("| Responses due | April 1, 2027, 2:00 p.m. Pacific Time |") == true)
    #expect(documents["public/joint/rfp.md"]?.contains("| Written questions due | 2027-03-12 |") == true)
    #expect(documents["public/joint/bid-form.html"]?.contains("datetime=\"2027-04-01T14:00:00-07:00\"") == true)
  }

  @Test func everyFieldIsWordedInTheRFP() throws {
    let documents = try ContentWorkspace(responsesDue: "2027-04-01T14:00", Self.complete).documents()
    let markdown = ContentWorkspace.instructions(try #require(documents["public/joint/rfp.md"]))
    let html = try #require(documents["public/joint/rfp.html"])
    let wording = [
      "no later than **April 1, 2027, 2:00 p.m. Pacific Time**",
      "to: City Hall, Purchasing, 100 Main Street, Example, OR 97000.",
      "Include 3 copies, one of them the signed original",
      "Upload the signed bid to the bid portal at https://bids.example.gov/js-2027-001.",
      "opened publicly and the bidders' names and totals read aloud on April 1, 2027, 2:30 p.m. Pacific Time, at "
        + "City Hall, Council Chambers.",
      "open for acceptance for 120 calendar days",
      "in writing to Pat Buyer, purchasing@example.gov no later than March 12, 2027, 5:00 p.m. Pacific Time",
      "acknowledge every addendum on the bid form",
      "bid security of 5 % of the bid's total",
      "performance bond of 100 % of the contract value",
      "General liability of $1,000,000 per occurrence.",
      "Workers' compensation as state law requires.",
      "An increase may not exceed 2.5 % of the prices then in effect",
      "subject to the appropriation of funds",
      "under ORS 279A.210 (joint cooperative procurement)",
      "reject any or all bids",
    ]
    for text in wording {
      #expect(markdown.contains(text), "rfp.md lacks: \(text)")
      var escaped = text.replacingOccurrences(of: "'", with: "&apos;")
      while let open = escaped.range(of: "**") {
        escaped.replaceSubrange(open, with: "<strong>")
        if let close = escaped.range(of: "**") { escaped.replaceSubrange(close, with: "</strong>") }
      }
      #expect(
        html.contains(escaped) || html.contains(escaped.replacingOccurrences(of: "&apos;", with: "&#39;")),
        "rfp.html lacks: \(escaped)")
    }
    for slug in StandardSection.all.map(\.slug) {
      #expect(html.contains("id=\"section-\(slug)\""), "rfp.html has no anchor for \(slug)")
      #expect(markdown.contains("<a id=\"section-\(slug)\"></a>"), "rfp.md has no anchor for \(slug)")
    }
    #expect(markdown.contains("### <a id=\"section-submission\"></a>9.1. Submission of bids and bid opening"))
    #expect(html.contains("<h2 id=\"signature\">10. Bidder information and signature</h2>"))
    let piggyback = ContentWorkspace.instructions(try #require(documents["public/piggyback/rfp.md"]))
    #expect(piggyback.contains("as a cooperative procurement under ORS 279A.210"))
    #expect(piggyback.contains("cooperative purchasing clause in section 8"))
  }

  @Test(arguments: [
    ("submission: {methods: sealed, address: \"1 Main St\"}", "Bids are submitted sealed, on paper"),
    (
      "submission: {methods: electronic, portal_url: \"https://bids.example.gov\"}",
      "Bids are submitted electronically only"
    ),
    ("bid_opening: {at: 2027-04-01, public: false}", "Bids will be opened on 2027-04-01. The opening is not public"),
    (
      "price_adjustment: {kind: none}",
      "Unit prices are firm for the whole term of the contract, including every renewal"
    ),
    ("price_adjustment: {kind: annual-index, index: CPI-U West}", "the percentage change in CPI-U West"),
  ])
  func eachChoiceHasItsWording(fields: String, wording: String) throws {
    let documents = try ContentWorkspace(fields).documents()
    #expect(ContentWorkspace.instructions(try #require(documents["public/joint/rfp.md"])).contains(wording))
  }

  /// A section whose field is absent or false is left out; the sections that need no field are always there.
  @Test func absentFieldsLeaveTheirSectionsOut() throws {
    let documents = try ContentWorkspace("non_appropriation: false").documents()
    let markdown = ContentWorkspace.instructions(try #require(documents["public/joint/rfp.md"]))
    for slug in ["bonds-insurance", "price-adjustment", "non-appropriation", "authority"] {
      #expect(!markdown.contains("section-\(slug)"), "\(slug) is shown without its field")
    }
    for slug in [
      "submission", "questions-addenda", "modification-withdrawal", "mistakes-informalities", "rejection",
      "protests",
    ] {
      #expect(markdown.contains("section-\(slug)"), "\(slug) is missing")
    }
    // Questions go to the lead agency's contact by default, by the schedule's date.
    #expect(markdown.contains("in writing to Pat Buyer, purchasing@example.gov no later than 2027-03-12."))
  }

  @Test func anOpeningOnTheDueDayWithoutATimeIsNotEarly() throws {
    let workspace = try ContentWorkspace(
      responsesDue: "2027-04-01T14:00", "timezone: America/Los_Angeles\nbid_opening: {at: 2027-04-01}")
    #expect(workspace.intake().errorCount == 0, "\(workspace.intake().listing)")
    let early = try ContentWorkspace(
      responsesDue: "2027-04-01T14:00", "timezone: America/Los_Angeles\nbid_opening: {at: 2027-04-01T13:59}")
    #expect(early.intake().findings(.error, in: "solicitation.yaml").count == 1)
  }

  @Test func questionsDueMayStandInForTheSchedulesDate() throws {
    let workspace = try ContentWorkspace(
      responsesDue: "2027-04-01T14:00", "timezone: America/Chicago\nquestions: {due: 2027-03-12T12:00}")
    let documents = try workspace.documents()
    #expect(documents["public/joint/rfp.md"]?.contains("no later than March 12, 2027, 12:00 p.m. Central Time") == true)
  }
}
