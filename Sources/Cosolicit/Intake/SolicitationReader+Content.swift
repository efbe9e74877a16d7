import Foundation

extension SolicitationReader {
  /// The top-level fields of the solicitation's content (``SolicitationContent``), in README order.
  static let contentFields = [
    "timezone", "submission", "bid_opening", "bid_validity_days", "questions", "bonds", "insurance",
    "price_adjustment", "authority", "non_appropriation", "section_links",
  ]

  /// The example a time without a time zone is told to add.
  static let timeZoneExample = "a time needs the solicitation's timezone, e.g. timezone: America/Los_Angeles"

  /// Reads `timezone`: an IANA name Foundation knows, such as `America/Los_Angeles`.
  static func readTimeZone(_ fields: FieldReader, _ diagnostics: inout DiagnosticCollector) -> TimeZone? {
    guard let name = fields.text("timezone", &diagnostics) else { return nil }
    guard let zone = TimeZoneName.zone(named: name.value) else {
      diagnostics.error(
        "solicitation: timezone '\(FieldReader.shown(name.value))' is not an IANA time zone name"
          + NearestName.hint(for: name.value, among: TimeZoneName.knownNames)
          + "; expected a name such as America/Los_Angeles, America/Chicago or America/New_York", at: name.location)
      return nil
    }
    return zone
  }

  /// Reports a time of day given without the solicitation's time zone, at the time.
  static func checkZone(
    _ value: Located<LocalDateTime>?, field: String, zone: TimeZone?, _ diagnostics: inout DiagnosticCollector
  ) {
    guard let value, value.value.hasTime, zone == nil else { return }
    diagnostics.error("\(field): '\(value.value)' has a time of day, but \(timeZoneExample)", at: value.location)
  }

  /// Reads the content fields; `schedule` gives the due date bids and questions are checked against.
  static func readContent(
    _ fields: FieldReader, zone: TimeZone?, schedule: Schedule, questions: QuestionsContact?,
    _ diagnostics: inout DiagnosticCollector
  ) -> SolicitationContent {
    var content = SolicitationContent()
    content.timeZone = zone
    content.submission = readSubmission(fields, &diagnostics)
    content.bidOpening = readBidOpening(fields, zone: zone, due: schedule.responsesDue, &diagnostics)
    content.bidValidityDays = fields.integer("bid_validity_days", in: 1...3650, &diagnostics)?.value
    content.questions = questions
    content.bonds = readBonds(fields, &diagnostics)
    content.insurance = fields.text("insurance", &diagnostics)?.value
    content.priceAdjustment = readPriceAdjustment(fields, &diagnostics)
    content.authority = fields.text("authority", &diagnostics)?.value
    content.nonAppropriation = fields.boolean("non_appropriation", &diagnostics)?.value
    content.sectionLinksAllowed =
      fields.keyword("section_links", as: SectionLinks.self, &diagnostics)?.value == .allowed
    return content
  }

  /// Reads `questions: {to, due}` before the schedule, which takes its date when `schedule.questions_due` is
  /// left out (and must agree with it when given).
  static func readQuestions(
    _ fields: FieldReader, zone: TimeZone?, _ diagnostics: inout DiagnosticCollector
  ) -> QuestionsContact? {
    guard let reader = fields.mapping("questions", known: ["to", "due"], &diagnostics) else { return nil }
    let to = reader.text("to", &diagnostics)
    let due = reader.dateTime("due", &diagnostics)
    checkZone(due, field: "questions.due", zone: zone, &diagnostics)
    reader.finish(&diagnostics)
    return QuestionsContact(to: to?.value, due: due)
  }

  private static func readSubmission(_ fields: FieldReader, _ diagnostics: inout DiagnosticCollector) -> Submission? {
    let known = ["methods", "address", "portal_url", "copies"]
    guard let reader = fields.mapping("submission", known: known, &diagnostics) else { return nil }
    var methods: Set<SubmissionMethod> = []
    let listed = reader.list("methods", required: true, &diagnostics)
    if let listed, listed.isEmpty {
      diagnostics.error(
        "submission: 'methods' is empty; expected sealed, electronic or both", at: reader.location(of: "methods"))
    }
    for node in listed ?? [] {
      guard let word = node.scalarText, let method = SubmissionMethod.matching(word) else {
        let word = node.scalarText ?? node.kindDescription
        diagnostics.error(
          "submission: method '\(FieldReader.shown(word))' is not one of: \(SubmissionMethod.acceptedWords)"
            + NearestName.hint(for: word, among: SubmissionMethod.allCases.map(\.rawValue)), at: node.location)
        continue
      }
      if !methods.insert(method).inserted {
        diagnostics.warning("submission: method '\(word)' is listed twice; list it once", at: node.location)
      }
    }
    let isSealed = methods.contains(.sealed)
    let address = reader.text("address", required: isSealed, &diagnostics)
    let portal = reader.text("portal_url", required: methods.contains(.electronic), &diagnostics)
    if let portal, !isSecureWebAddress(portal.value) {
      diagnostics.error(
        "submission: portal_url '\(FieldReader.shown(portal.value))' is not an https address; expected the "
          + "portal's address starting https://, such as https://bids.example.gov/itb", at: portal.location)
    }
    let copies = reader.integer("copies", in: 1...100, &diagnostics)
    for (key, place) in [("address", address?.location), ("copies", copies?.location)] where !isSealed {
      guard let place, !methods.isEmpty else { continue }
      diagnostics.error(
        "submission: '\(key)' is given, but sealed is not among the methods; add sealed, or remove '\(key)'",
        at: place)
    }
    if let portal, !methods.contains(.electronic), !methods.isEmpty {
      diagnostics.error(
        "submission: 'portal_url' is given, but electronic is not among the methods; add electronic, or remove "
          + "'portal_url'", at: portal.location)
    }
    reader.finish(&diagnostics)
    guard !methods.isEmpty else { return nil }
    let portalURL = portal.flatMap { isSecureWebAddress($0.value) ? $0.value : nil }
    return Submission(
      methods: SubmissionMethod.allCases.filter(methods.contains), address: isSealed ? address?.value : nil,
      portalURL: methods.contains(.electronic) ? portalURL : nil, copies: isSealed ? copies?.value : nil)
  }

  /// Whether `text` is an absolute `https` address with a host and no spaces.
  static func isSecureWebAddress(_ text: String) -> Bool {
    guard text.lowercased().hasPrefix("https://"), !text.contains(where: \.isWhitespace),
      let url = URL(string: text), let host = url.host, !host.isEmpty
    else { return false }
    return true
  }

  private static func readBidOpening(
    _ fields: FieldReader, zone: TimeZone?, due: Located<LocalDateTime>?, _ diagnostics: inout DiagnosticCollector
  ) -> BidOpening? {
    guard let reader = fields.mapping("bid_opening", known: ["at", "place", "public"], &diagnostics) else {
      return nil
    }
    let at = reader.dateTime("at", &diagnostics)
    checkZone(at, field: "bid_opening.at", zone: zone, &diagnostics)
    // A day alone is compared by day: an opening "on 2027-04-01" may follow a 2:00 p.m. deadline that day.
    if let at, let due,
      at.value.hasTime && due.value.hasTime ? at.value < due.value : at.value.date < due.value.date
    {
      diagnostics.error(
        "bid_opening: at \(at.value) is before responses are due (\(due.value)); bids are opened at or after the "
          + "time they are due", at: at.location)
    }
    let place = reader.text("place", &diagnostics)
    let isPublic = reader.boolean("public", &diagnostics)
    reader.finish(&diagnostics)
    return BidOpening(at: at, place: place?.value, isPublic: isPublic?.value ?? true)
  }

  private static func readBonds(_ fields: FieldReader, _ diagnostics: inout DiagnosticCollector) -> Bonds? {
    let known = ["bid_security_percent", "performance_bond_percent"]
    guard let reader = fields.mapping("bonds", known: known, &diagnostics) else { return nil }
    var percents: [Decimal?] = []
    for key in known {
      var value = reader.decimal(key, positive: false, &diagnostics)
      if let given = value, given.value > 100 {
        diagnostics.error(
          "bonds: '\(key)' is \(DecimalText.format(given.value)); expected a percentage from 0 to 100",
          at: given.location)
        value = nil
      }
      percents.append(value?.value)
    }
    reader.finish(&diagnostics)
    return Bonds(bidSecurityPercent: percents[0], performanceBondPercent: percents[1])
  }

  private static func readPriceAdjustment(
    _ fields: FieldReader, _ diagnostics: inout DiagnosticCollector
  ) -> PriceAdjustment? {
    let known = ["kind", "index", "cap_percent"]
    guard let reader = fields.mapping("price_adjustment", known: known, &diagnostics) else { return nil }
    let kind = reader.keyword("kind", as: PriceAdjustment.Kind.self, required: true, &diagnostics)
    let index = reader.text("index", required: kind?.value == .annualIndex, &diagnostics)
    var cap = reader.decimal("cap_percent", required: kind?.value == .annualPercentCap, positive: true, &diagnostics)
    if let given = cap, given.value > 100 {
      diagnostics.error(
        "price_adjustment: 'cap_percent' is \(DecimalText.format(given.value)); expected a percentage above 0 and "
          + "at most 100", at: given.location)
      cap = nil
    }
    if let kind {
      let owners: [(String, SourceLocation?, PriceAdjustment.Kind)] = [
        ("index", index?.location, .annualIndex), ("cap_percent", cap?.location, .annualPercentCap),
      ]
      for (key, place, owner) in owners where kind.value != owner {
        guard let place else { continue }
        diagnostics.error(
          "price_adjustment: '\(key)' is given, but the kind is \(kind.value.rawValue); only \(owner.rawValue) "
            + "takes '\(key)'", at: place)
      }
    }
    reader.finish(&diagnostics)
    guard let kind else { return nil }
    return PriceAdjustment(
      kind: kind.value, index: kind.value == .annualIndex ? index?.value : nil,
      capPercent: kind.value == .annualPercentCap ? cap?.value : nil)
  }
}
