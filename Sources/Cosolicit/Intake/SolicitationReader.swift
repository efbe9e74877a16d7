import Foundation

/// Reads and checks `solicitation.yaml`, the lead agency's definition.
public enum SolicitationReader {
  /// The top-level fields, in the order the README documents them.
  public static let fields =
    [
      "id", "title", "description", "currency", "lead_agency", "invited", "schedule", "ordering_window_closes", "term",
      "award_method", "zones", "price_options", "award_price_option", "lots", "evaluation", "cooperative",
      "formal_bid_threshold", "terms", "late_submissions", "commitment_band", "publish_estimated_values", "addenda",
    ] + contentFields + awardFields + ["ocds_prefix"]

  /// Reads the definition at `path`; returns nil only when the file cannot be read as a mapping at all.
  public static func read(_ path: String, _ diagnostics: inout DiagnosticCollector) -> Solicitation? {
    read(SourceFile.read(path), path: path, &diagnostics)
  }

  /// Reads the definition from a file already read (or the reason it could not be).
  static func read(
    _ source: Result<SourceFile, Diagnostic>, path: String, _ diagnostics: inout DiagnosticCollector
  ) -> Solicitation? {
    let expected = "a mapping with the fields \(fields.joined(separator: ", "))"
    guard let root = FileFormat.readTree(source, path: path, format: .yaml, expected: expected, &diagnostics),
      let fields = FieldReader(root, context: "solicitation", known: fields, isRoot: true, diagnostics: &diagnostics)
    else { return nil }

    let id = fields.identifier("id", required: true, &diagnostics)
    let title = fields.text("title", required: true, &diagnostics)
    let currency = fields.text("currency", &diagnostics)
    if let currency, !CurrencyCode.isKnown(currency.value) {
      let upper = currency.value.uppercased()
      let hint = CurrencyCode.isKnown(upper) ? "; write it in capitals: \(upper)" : ""
      diagnostics.error(
        "solicitation: currency '\(currency.value)' is not an ISO 4217 code such as USD\(hint)",
        at: currency.location)
    }
    var leadAgency: Agency?
    if let reader = fields.mapping("lead_agency", known: AgencyReader.fields, required: true, &diagnostics) {
      leadAgency = AgencyReader.read(reader, &diagnostics)
    }
    let invited = readInvited(fields, &diagnostics)
    let zone = readTimeZone(fields, &diagnostics)
    let questions = readQuestions(fields, zone: zone, &diagnostics)
    let schedule = readSchedule(fields, zone: zone, questions: questions, &diagnostics)
    let window = fields.date("ordering_window_closes", required: true, &diagnostics)
    if let window, let issue = schedule.dates[.issue], window.value > issue.value {
      diagnostics.error(
        "solicitation: ordering_window_closes \(window.value) is after the solicitation is issued on "
          + "\(issue.value); participants' needs must be in before the quantities are published",
        at: window.location)
    }
    let term = readTerm(fields, &diagnostics)
    if let term, let award = schedule.dates[.awardTarget], term.start.value < award.value {
      diagnostics.warning(
        "term: start \(term.start.value) is before the award target \(award.value); the contract cannot "
          + "start before it is awarded", at: term.start.location)
    }
    let awardMethod = fields.keyword("award_method", as: AwardMethod.self, required: true, &diagnostics)
    let zones = readZones(fields, awardMethod: awardMethod?.value, &diagnostics)
    let pricing = readPriceOptions(fields, &diagnostics)
    let (lots, lotsComplete) = readLots(fields, &diagnostics)
    let evaluation = readEvaluation(fields, &diagnostics)
    let cooperative = readCooperative(fields, &diagnostics)
    let threshold = fields.decimal("formal_bid_threshold", positive: false, &diagnostics)
    var terms = Solicitation.Terms.standard
    if let reader = fields.mapping("terms", known: ["delivery", "payment"], &diagnostics) {
      terms.delivery = reader.text("delivery", &diagnostics)?.value ?? terms.delivery
      terms.payment = reader.text("payment", &diagnostics)?.value ?? terms.payment
      reader.finish(&diagnostics)
    }
    let description = fields.text("description", &diagnostics)
    let lateSubmissions = readLateSubmissions(fields, &diagnostics)
    var band: CommitmentBand?
    if let reader = fields.mapping("commitment_band", known: BandReading.fields, &diagnostics) {
      let (minimum, maximum) = BandReading.percents(reader, name: "commitment_band", &diagnostics)
      if minimum == nil, maximum == nil, !reader.has("minimum_percent"), !reader.has("maximum_percent") {
        diagnostics.error(
          "commitment_band: give 'minimum_percent', 'maximum_percent' or both",
          at: fields.location(of: "commitment_band"))
      }
      let given = CommitmentBand(minimumPercent: minimum ?? 100, maximumPercent: maximum ?? 100)
      band = given.isExact ? nil : given
      reader.finish(&diagnostics)
    }
    let publishEstimatedValues = fields.boolean("publish_estimated_values", &diagnostics)?.value ?? false
    let addenda = readAddenda(fields, &diagnostics)
    let ocdsPrefix = readOCDSPrefix(fields, &diagnostics)
    let content = readContent(fields, zone: zone, schedule: schedule, questions: questions, &diagnostics)
    let awardRules = readAwardRules(fields, &diagnostics)
    fields.finish(&diagnostics)

    var solicitation = Solicitation(
      path: path, id: id?.value ?? "", title: title?.value ?? "", description: description?.value,
      currency: currency.flatMap { CurrencyCode.isKnown($0.value) ? $0.value : nil } ?? "USD",
      leadAgency: leadAgency, invited: invited, schedule: schedule, orderingWindowCloses: window, term: term,
      awardMethod: awardMethod?.value, zones: zones, priceOptions: pricing.options,
      awardPriceOption: pricing.award, lots: lots, lotsComplete: lotsComplete, evaluation: evaluation,
      cooperative: cooperative,
      formalBidThreshold: threshold?.value, terms: terms, lateSubmissions: lateSubmissions, commitmentBand: band,
      content: content)
    solicitation.publishEstimatedValues = publishEstimatedValues
    solicitation.addenda = addenda
    solicitation.tieBreakers = awardRules.tieBreakers
    solicitation.localSuppliers = awardRules.localSuppliers
    solicitation.secondaryAward = awardRules.secondaryAward
    solicitation.ocdsPrefix = ocdsPrefix
    return solicitation
  }

  /// Reads the roster of invited agencies: agencies as the lead agency is written, ids unique in any case. The
  /// lead agency may be listed too (its own form is then pre-filled from the entry); it takes part either way.
  private static func readInvited(_ fields: FieldReader, _ diagnostics: inout DiagnosticCollector) -> [Agency]? {
    guard let nodes = fields.list("invited", &diagnostics) else { return nil }
    guard !nodes.isEmpty else {
      diagnostics.error(
        "solicitation: 'invited' is empty; list the invited agencies, or leave the field out when any agency may "
          + "send needs", at: fields.location(of: "invited"))
      return nil
    }
    var roster: [Agency] = []
    for (index, node) in nodes.enumerated() {
      guard
        let reader = FieldReader(
          node, context: "invited #\(index + 1)", known: AgencyReader.fields, diagnostics: &diagnostics),
        let agency = AgencyReader.read(reader, &diagnostics)
      else { continue }
      if let first = roster.first(where: { Identifier.same($0.id.value, agency.id.value) }) {
        diagnostics.error(
          "invited #\(index + 1): agency '\(agency.id.value)' is invited twice (ids that differ only in case are the "
            + "same id); list each agency once", at: agency.id.location)
        diagnostics.note("'\(first.id.value)' is first listed here", at: first.id.location)
        continue
      }
      roster.append(agency)
    }
    return roster
  }

  /// Reads the schedule; `responses_due` may carry a time of day, and `questions.due` stands in for a missing
  /// `questions_due` (both given must name the same day).
  private static func readSchedule(
    _ fields: FieldReader, zone: TimeZone?, questions: QuestionsContact?, _ diagnostics: inout DiagnosticCollector
  ) -> Schedule {
    let known = Schedule.Event.allCases.map(\.rawValue)
    guard let reader = fields.mapping("schedule", known: known, required: true, &diagnostics) else {
      return Schedule(dates: [:])
    }
    var dates: [Schedule.Event: Located<CalendarDate>] = [:]
    var times: [Schedule.Event: Located<LocalDateTime>] = [:]
    let questionsDue = questions?.due
    for event in Schedule.Event.allCases {
      switch event {
      case .responsesDue:
        let due = reader.dateTime(event.rawValue, required: true, &diagnostics)
        checkZone(due, field: "schedule: responses_due", zone: zone, &diagnostics)
        if let due {
          dates[event] = Located(due.value.date, at: due.location)
          if due.value.hasTime { times[event] = due }
        }
      case .questionsDue:
        dates[event] = reader.date(event.rawValue, required: questionsDue == nil, &diagnostics)
        guard let questionsDue else { continue }
        if let written = dates[event], written.value != questionsDue.value.date {
          diagnostics.error(
            "questions: due \(questionsDue.value) is not schedule.questions_due \(written.value); give the "
              + "questions deadline once, or the same day in both", at: questionsDue.location)
          diagnostics.note("schedule.questions_due is given here", at: written.location)
        }
        dates[event] = dates[event] ?? Located(questionsDue.value.date, at: questionsDue.location)
        if questionsDue.value.hasTime { times[event] = questionsDue }
      default:
        dates[event] = reader.date(event.rawValue, required: !event.isOptional, &diagnostics)
      }
    }
    reader.finish(&diagnostics)
    // The required events strictly increase; a pre-bid conference falls between issue and responses due.
    let chain: [Schedule.Event] = [.issue, .questionsDue, .responsesDue, .awardTarget]
    var previous: (event: Schedule.Event, date: Located<CalendarDate>)?
    for event in chain {
      guard let date = dates[event] else { continue }
      if let previous, date.value <= previous.date.value {
        diagnostics.error(
          "schedule: \(event.rawValue) \(date.value) must come after \(previous.event.rawValue) "
            + "\(previous.date.value); the dates must strictly increase in the order "
            + chain.map(\.rawValue).joined(separator: ", "), at: date.location)
      }
      previous = (event, date)
    }
    if let conference = dates[.preBidConference] {
      for (event, isBefore) in [(Schedule.Event.issue, true), (.responsesDue, false)] {
        guard let other = dates[event] else { continue }
        if isBefore ? conference.value <= other.value : conference.value >= other.value {
          diagnostics.error(
            "schedule: pre_bid_conference \(conference.value) must come \(isBefore ? "after" : "before") "
              + "\(event.rawValue) \(other.value)", at: conference.location)
        }
      }
    }
    return Schedule(dates: dates, times: times)
  }

  private static func readTerm(_ fields: FieldReader, _ diagnostics: inout DiagnosticCollector) -> ContractTerm? {
    let known = ["start", "months", "renewal_options", "renewal_months"]
    guard let reader = fields.mapping("term", known: known, required: true, &diagnostics) else { return nil }
    let start = reader.date("start", required: true, &diagnostics)
    let months = reader.integer("months", required: true, in: 1...240, &diagnostics)
    let options = reader.integer("renewal_options", in: 0...20, &diagnostics)
    let renewalMonths = reader.integer("renewal_months", required: (options?.value ?? 0) > 0, in: 1...120, &diagnostics)
    reader.finish(&diagnostics)
    guard let start, let months else { return nil }
    guard
      let term = ContractTerm(
        start: start, months: months.value, renewalOptions: options?.value ?? 0,
        renewalMonths: renewalMonths?.value ?? 0)
    else {
      diagnostics.error(
        "term: a term starting \(start.value) for \(months.value) months"
          + ((options?.value ?? 0) > 0 ? " with every renewal" : "")
          + " would end after 9999-12-31, the last date the tool can represent; start it earlier or shorten it",
        at: fields.location(of: "term"))
      return nil
    }
    return term
  }

  /// Reads the lots; `complete` is false when any lot or code prefix had to be left out.
  private static func readLots(
    _ fields: FieldReader, _ diagnostics: inout DiagnosticCollector
  ) -> (lots: [Lot], complete: Bool) {
    guard let nodes = fields.list("lots", required: true, &diagnostics) else { return ([], false) }
    var complete = true
    if nodes.isEmpty {
      diagnostics.error("solicitation: 'lots' is empty; define at least one lot", at: fields.location(of: "lots"))
    }
    var lots: [Lot] = []
    var prefixOwners: [Classification: String] = [:]
    for (index, node) in nodes.enumerated() {
      guard
        let reader = FieldReader(
          node, context: "lots #\(index + 1)", known: ["id", "title", "classifications"],
          diagnostics: &diagnostics)
      else {
        complete = false
        continue
      }
      let id = reader.identifier("id", required: true, &diagnostics)
      let title = reader.text("title", required: true, &diagnostics)
      var prefixes: [Classification] = []
      for code in reader.list("classifications", &diagnostics) ?? [] {
        guard let text = code.scalarText else {
          diagnostics.error("\(reader.context): each classification must be a single code", at: code.location)
          complete = false
          continue
        }
        switch Classification.parse(text, prefix: true) {
        case .failure(let problem):
          diagnostics.error("\(reader.context): classification '\(text)' \(problem)", at: code.location)
          complete = false
        case .success(let prefix):
          if let owner = prefixOwners[prefix] {
            diagnostics.error(
              "\(reader.context): classification \(prefix) is already claimed by lot \(owner); a code prefix "
                + "may belong to one lot only", at: code.location)
          } else {
            prefixOwners[prefix] = id?.value ?? "#\(index + 1)"
            prefixes.append(prefix)
          }
        }
      }
      reader.finish(&diagnostics)
      guard let id else {
        complete = false
        continue
      }
      if let other = lots.first(where: { Identifier.same($0.id.value, id.value) }) {
        diagnostics.error(
          "\(reader.context): lot id '\(id.value)' is used twice; lot ids must be unique", at: id.location)
        diagnostics.note("lot '\(other.id.value)' is first defined here", at: other.id.location)
        complete = false
        continue
      }
      lots.append(Lot(id: id, title: title?.value ?? id.value, classifications: prefixes))
    }
    let catchAll = lots.filter { $0.classifications.isEmpty }
    for lot in catchAll.dropFirst() {
      diagnostics.error(
        "lot \(lot.id.value) has no classifications, nor has lot \(catchAll[0].id.value); only one lot may take "
          + "the items no other lot claims", at: lot.id.location)
    }
    return (lots, complete)
  }

  private static func readEvaluation(
    _ fields: FieldReader, _ diagnostics: inout DiagnosticCollector
  ) -> [EvaluationCriterion] {
    guard let nodes = fields.list("evaluation", required: true, &diagnostics) else { return [] }
    var criteria: [EvaluationCriterion] = []
    var complete = true
    for (index, node) in nodes.enumerated() {
      guard
        let reader = FieldReader(
          node, context: "evaluation #\(index + 1)", known: ["criterion", "weight"], diagnostics: &diagnostics)
      else {
        complete = false
        continue
      }
      let criterion = reader.text("criterion", required: true, &diagnostics)
      let weight = reader.decimal("weight", required: true, positive: true, &diagnostics)
      reader.finish(&diagnostics)
      guard let criterion, let weight else {
        complete = false
        continue
      }
      if criteria.contains(where: { $0.criterion.lowercased() == criterion.value.lowercased() }) {
        diagnostics.error(
          "\(reader.context): criterion '\(criterion.value)' is listed twice; merge the weights",
          at: criterion.location)
      }
      criteria.append(EvaluationCriterion(criterion: criterion.value, weight: weight.value))
    }
    let total = criteria.reduce(Decimal(0)) { $0 + $1.weight }
    if complete, total != 100 {
      diagnostics.error(
        "solicitation: evaluation weights sum to \(DecimalText.format(total)); they must sum to 100",
        at: fields.location(of: "evaluation"))
    }
    return criteria
  }

  private static func readCooperative(
    _ fields: FieldReader, _ diagnostics: inout DiagnosticCollector
  ) -> CooperativeTerms? {
    let known = ["eligible", "geography", "admin_fee_percent", "instrument", "usage_reporting"]
    guard let reader = fields.mapping("cooperative", known: known, &diagnostics) else { return nil }
    var eligible: [EntityType] = []
    for node in reader.list("eligible", required: true, &diagnostics) ?? [] {
      guard let word = node.scalarText, let type = EntityType(rawValue: word.lowercased()) else {
        let word = node.scalarText ?? node.kindDescription
        diagnostics.error(
          "cooperative: eligible entity type '\(word)' is not one of: \(EntityType.acceptedWords)"
            + NearestName.hint(for: word, among: EntityType.allCases.map(\.rawValue)), at: node.location)
        continue
      }
      eligible.append(type)
    }
    let geography = reader.text("geography", &diagnostics)
    let fee = reader.decimal("admin_fee_percent", positive: false, &diagnostics)
    if let fee, fee.value >= 100 {
      diagnostics.error(
        "cooperative: admin_fee_percent is \(DecimalText.format(fee.value)); expected a percentage below 100",
        at: fee.location)
    }
    let instrument = reader.text("instrument", &diagnostics)
    let reporting = reader.text("usage_reporting", &diagnostics)
    reader.finish(&diagnostics)
    return CooperativeTerms(
      eligible: eligible, geography: geography?.value, adminFeePercent: fee?.value, instrument: instrument?.value,
      usageReporting: reporting?.value)
  }
}
