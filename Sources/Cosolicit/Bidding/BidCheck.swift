import Foundation

/// Checks a filled bid: against the bid-form schema, against the solicitation's blank form, and its arithmetic.
///
/// What a supplier runs before submitting and the lead agency runs on receipt. Errors make the bid
/// non-conforming; warnings (such as an extended price that disagrees with its unit price, where the unit price
/// governs) do not.
public enum BidCheck {
  /// The bid-form schema built into the library (`Templates/bid-form.xsd`).
  public static var defaultSchema: String? { DefaultTemplates.files["bid-form.xsd"] }

  /// Checks the bid text read from `path` against the XSD `schema` and, when given, the solicitation's blank
  /// form `reference`; recomputes every extended price, lot subtotal and the total.
  ///
  /// `tabulating` leaves out the rules on which lines a bid may leave unpriced (no-bid under all-or-none, a
  /// by-lot lot partly priced, a blank price): the tabulation applies them to each award unit instead, so that
  /// such a bid loses only the units it does not price.
  public static func check(
    bid: String, path: String, schema: String, schemaPath: String = "bid-form.xsd", reference: BidDocument?,
    tabulating: Bool = false
  ) -> BidCheckReport {
    let loaded = BidDocument.load(bid, path: path, schema: schema, schemaPath: schemaPath, expecting: .bid)
    guard let document = loaded.document else {
      return BidCheckReport(
        path: path, reference: reference?.path, document: nil, diagnostics: loaded.diagnostics, lots: [], total: nil)
    }
    var diagnostics = DiagnosticCollector()
    diagnostics.append(contentsOf: loaded.diagnostics)
    checkUniqueness(of: document, &diagnostics)
    // The schema makes the certification a boolean; an untrue one makes the bid non-responsive.
    let certification = document.bidder.nonCollusion
    if ["false", "0"].contains(certification.value.trimmingCharacters(in: .whitespaces)) {
      diagnostics.error(
        "the bidder does not make the non-collusion certification; a bid without it cannot be accepted",
        at: certification.location)
    }
    if let reference { compare(document, with: reference, &diagnostics) }
    checkAddenda(of: document, listed: (reference ?? document).addenda, &diagnostics)
    let awardMethod = reference?.awardMethod.value ?? document.awardMethod.value
    if !tabulating { checkNoBids(in: document, awardMethod: awardMethod, &diagnostics) }
    let plan = PricePlan(reference ?? document)
    guard plan.isPriced || document.lots.contains(where: { $0.lines.contains { !$0.prices.isEmpty } }) else {
      let (lots, total) = recompute(document, tabulating: tabulating, &diagnostics)
      return BidCheckReport(
        path: path, reference: reference?.path, document: document, diagnostics: diagnostics.diagnostics, lots: lots,
        total: total)
    }
    checkPrices(
      of: document, plan: plan, reference: reference, awardMethod: tabulating ? nil : awardMethod, &diagnostics)
    let (lots, sums) = recomputePrices(document, plan: plan, &diagnostics)
    return BidCheckReport(
      path: path, reference: reference?.path, document: document, diagnostics: diagnostics.diagnostics, lots: lots,
      total: nil, sums: sums)
  }

  /// The bid's lines in `lot`, by number, first occurrence kept.
  private static func linesByNumber(_ lot: BidDocument.Lot) -> [Int: BidDocument.Line] {
    Dictionary(lot.lines.map { ($0.number.value, $0) }, uniquingKeysWith: { first, _ in first })
  }

  // MARK: - The bid on its own

  /// Each lot identifier once in the document, and each line number once in its lot.
  private static func checkUniqueness(of document: BidDocument, _ diagnostics: inout DiagnosticCollector) {
    var lotsSeen: [String: SourceLocation] = [:]
    for lot in document.lots {
      if let first = lotsSeen[Identifier.key(lot.id.value)] {
        diagnostics.error("lot \(lot.id.value) appears twice; give each lot once", at: lot.location)
        diagnostics.note("lot \(lot.id.value) first appears here", at: first)
      } else {
        lotsSeen[Identifier.key(lot.id.value)] = lot.location
      }
      var linesSeen: [Int: SourceLocation] = [:]
      for line in lot.lines {
        if let first = linesSeen[line.number.value] {
          diagnostics.error(
            "line \(line.number.value) appears twice in lot \(lot.id.value); give each line once", at: line.location)
          diagnostics.note("line \(line.number.value) first appears here", at: first)
        } else {
          linesSeen[line.number.value] = line.location
        }
      }
    }
  }

  // MARK: - Against the solicitation

  /// The bid's solicitation terms, lots and lines against the blank form's.
  private static func compare(
    _ bid: BidDocument, with reference: BidDocument, _ diagnostics: inout DiagnosticCollector
  ) {
    if bid.solicitation.value != reference.solicitation.value {
      diagnostics.error(
        "the bid is for solicitation '\(bid.solicitation.value)', but the bid form is for "
          + "'\(reference.solicitation.value)'; check the bid against its own solicitation",
        at: bid.solicitation.location)
      diagnostics.note("the bid form's solicitation is here", at: reference.solicitation.location)
      return
    }
    compareTerm("variant", bid.variant.map(\.rawValue), reference.variant.map(\.rawValue), &diagnostics)
    compareTerm("currency", bid.currency, reference.currency, &diagnostics)
    compareTerm(
      "awardMethod", bid.awardMethod.map(\.rawValue), reference.awardMethod.map(\.rawValue), &diagnostics)
    let answer = reference.awardMethod.value == .allOrNone ? "a price" : "a price or <noBid/>"
    let bidLots = Dictionary(
      bid.lots.map { (Identifier.key($0.id.value), $0) }, uniquingKeysWith: { first, _ in first })
    let referenceIDs = Set(reference.lots.map { Identifier.key($0.id.value) })
    for expected in reference.lots {
      guard let lot = bidLots[Identifier.key(expected.id.value)] else {
        diagnostics.error(
          "lot \(expected.id.value) (\(collapsed(expected.title.value))) of the solicitation is missing; answer "
            + "each of its \(expected.lines.count) lines with \(answer)", at: bid.location)
        diagnostics.note("the bid form's lot \(expected.id.value) is here", at: expected.location)
        continue
      }
      compareLines(of: lot, with: expected, answer: answer, &diagnostics)
    }
    for lot in bid.lots where !referenceIDs.contains(Identifier.key(lot.id.value)) {
      let known = reference.lots.map(\.id.value).joined(separator: ", ")
      diagnostics.error(
        "lot \(lot.id.value) is not in the solicitation's bid form (its lots: \(known))"
          + NearestName.hint(for: lot.id.value, among: reference.lots.map(\.id.value)), at: lot.location)
    }
  }

  /// An error when the bid's solicitation attribute `name` differs from the blank form's.
  private static func compareTerm(
    _ name: String, _ found: BidDocument.Field<String>, _ expected: BidDocument.Field<String>,
    _ diagnostics: inout DiagnosticCollector
  ) {
    guard found.value != expected.value else { return }
    diagnostics.error(
      "\(name) is '\(found.value)', but the solicitation's bid form says '\(expected.value)'; do not change it",
      at: found.location)
    diagnostics.note("the bid form's \(name) is here", at: expected.location)
  }

  /// One lot's lines against the blank form's: none missing or extra, item, unit and quantities unchanged;
  /// `answer` says what a missing line needs.
  private static func compareLines(
    of lot: BidDocument.Lot, with expected: BidDocument.Lot, answer: String, _ diagnostics: inout DiagnosticCollector
  ) {
    let bidLines = linesByNumber(lot)
    let expectedLines = linesByNumber(expected)
    for wanted in expected.lines {
      let number = wanted.number.value
      guard let line = bidLines[number] else {
        let item = wanted.item.map { "\($0.value), " } ?? ""
        diagnostics.error(
          "line \(number) (\(item)\(collapsed(wanted.description.value))) of lot \(lot.id.value) is missing; "
            + "answer it with \(answer)", at: lot.location)
        diagnostics.note("the bid form's line \(number) is here", at: wanted.location)
        continue
      }
      compareTerms(of: line, with: wanted, &diagnostics)
    }
    for line in lot.lines where expectedLines[line.number.value] == nil {
      diagnostics.error(
        "line \(line.number.value) is not in lot \(lot.id.value) of the solicitation's bid form; remove it",
        at: line.location)
    }
  }

  /// A line's published terms against the blank form's: item, unit and quantities are errors when changed,
  /// the description, specs and classification warnings.
  private static func compareTerms(
    of line: BidDocument.Line, with wanted: BidDocument.Line, _ diagnostics: inout DiagnosticCollector
  ) {
    let number = line.number.value
    if line.item?.value != wanted.item?.value {
      let found = line.item.map { "is '\($0.value)'" } ?? "is not given"
      let expected = wanted.item.map { "'\($0.value)'" } ?? "none"
      diagnostics.error(
        "line \(number): the item \(found), but the solicitation's bid form has \(expected)", at: line.location)
      diagnostics.note("the bid form's line \(number) is here", at: wanted.location)
    }
    if line.unit.value != wanted.unit.value {
      diagnostics.error(
        "line \(number): the unit is '\(line.unit.value)', but the solicitation asks for '\(wanted.unit.value)'; "
          + "price the unit as published", at: line.unit.location)
      diagnostics.note("the bid form's unit is here", at: wanted.unit.location)
    }
    let quantities: [(String, KeyPath<BidDocument.Line, BidDocument.Field<Decimal>>)] = [
      ("committed quantity", \.committedQuantity), ("estimated quantity", \.estimatedQuantity),
      ("quantity", \.quantity),
    ]
    compareZones(of: line, with: wanted, &diagnostics)
    compareQuantityTerms(of: line, with: wanted, &diagnostics)
    for (name, path) in quantities where line[keyPath: path].value != wanted[keyPath: path].value {
      let found = DecimalText.format(line[keyPath: path].value)
      let expected = DecimalText.format(wanted[keyPath: path].value)
      diagnostics.error(
        "line \(number): the \(name) is \(found), but the solicitation asks for \(expected); bid the quantities "
          + "as published", at: line[keyPath: path].location)
      diagnostics.note("the bid form's \(name) is here", at: wanted[keyPath: path].location)
    }
    let texts: [(String, KeyPath<BidDocument.Line, BidDocument.Field<String>>)] = [
      ("description", \.description), ("classification", \.classification),
    ]
    for (name, path) in texts where collapsed(line[keyPath: path].value) != collapsed(wanted[keyPath: path].value) {
      diagnostics.warning(
        "line \(number): the \(name) differs from the solicitation's bid form; the published \(name) applies",
        at: line[keyPath: path].location)
      diagnostics.note("the bid form's \(name) is here", at: wanted[keyPath: path].location)
    }
    if line.specs.map({ collapsed($0.value) }) != wanted.specs.map({ collapsed($0.value) }) {
      diagnostics.warning(
        "line \(number): the specs differ from the solicitation's bid form (\(line.specs.count) <spec> here, "
          + "\(wanted.specs.count) there, or other texts); the published specs apply",
        at: line.specs.first?.location ?? line.description.location)
      diagnostics.note("the bid form's line \(number) is here", at: wanted.location)
    }
  }

  /// A line's band and as-needed flag against the blank form's: a changed, added or removed minimum, maximum
  /// or `<asNeeded/>` is an error where it is (or where the line is, when it was removed).
  private static func compareQuantityTerms(
    of line: BidDocument.Line, with wanted: BidDocument.Line, _ diagnostics: inout DiagnosticCollector
  ) {
    let number = line.number.value
    let bounds: [(String, String, KeyPath<BidDocument.Line, BidDocument.Field<Decimal>?>)] = [
      ("minimum quantity", "minimumQuantity", \.minimumQuantity),
      ("maximum quantity", "maximumQuantity", \.maximumQuantity),
    ]
    for (name, element, path) in bounds where line[keyPath: path]?.value != wanted[keyPath: path]?.value {
      let found = line[keyPath: path].map { "is \(DecimalText.format($0.value))" } ?? "is not given"
      let expected = wanted[keyPath: path].map { DecimalText.format($0.value) } ?? "no <\(element)>"
      diagnostics.error(
        "line \(number): the \(name) \(found), but the solicitation's bid form has \(expected); the commitment "
          + "band is the solicitation's, bid it as published", at: line[keyPath: path]?.location ?? line.location)
      diagnostics.note(
        "the bid form's line \(number) is here", at: wanted[keyPath: path]?.location ?? wanted.location)
    }
    if line.isAsNeeded != wanted.isAsNeeded {
      let message =
        wanted.isAsNeeded
        ? "the solicitation's bid form marks it <asNeeded/> (no quantity, priced by unit price alone), but the "
          + "bid does not; keep <asNeeded/>"
        : "the bid marks it <asNeeded/>, but the solicitation's bid form gives it a quantity; remove <asNeeded/>"
      diagnostics.error("line \(number): \(message)", at: line.asNeededLocation ?? line.location)
      diagnostics.note("the bid form's line \(number) is here", at: wanted.asNeededLocation ?? wanted.location)
    }
  }

  /// `text` with every run of whitespace made one space, for comparing texts re-wrapped by an editor.
  static func collapsed(_ text: String) -> String {
    text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
  }

  // MARK: - No-bid rules

  /// Which lines may be declined under `awardMethod`, and that at least one line is priced.
  private static func checkNoBids(
    in bid: BidDocument, awardMethod: AwardMethod, _ diagnostics: inout DiagnosticCollector
  ) {
    var priced = 0
    for lot in bid.lots {
      let declined = lot.lines.filter(\.isDeclined)
      priced += lot.lines.count - declined.count
      switch awardMethod {
      case .allOrNone:
        for line in declined {
          diagnostics.error(
            "line \(line.number.value) is marked no-bid, but the award method is all-or-none: every line must be "
              + "priced", at: line.noBidLocation ?? line.location)
        }
      case .byLot where !declined.isEmpty && declined.count < lot.lines.count:
        let numbers = declined.map { String($0.number.value) }.joined(separator: ", ")
        diagnostics.error(
          "lot \(lot.id.value) mixes priced and no-bid lines (no-bid: \(numbers)); the award method is by-lot, "
            + "so price every line of the lot or mark every line <noBid/>", at: lot.location)
      case .byLot, .byLine, .byParticipant:
        break
      }
      for line in lot.lines where !line.noBid && line.unitPrice == nil && line.prices.isEmpty {
        diagnostics.error(
          "line \(line.number.value) has no unit price; price it or mark it <noBid/>", at: line.location)
      }
    }
    if priced == 0 {
      diagnostics.error("the bid prices no line; a bid must price at least one line", at: bid.location)
    }
  }

  // MARK: - Arithmetic

  /// `unitPrice × quantity`, rounded half up to cents; nil when the exact product does not fit.
  static func extendedPrice(unitPrice: Decimal, quantity: Decimal) -> Decimal? {
    guard var product = ExactArithmetic.product(unitPrice, quantity) else { return nil }
    var rounded = Decimal()
    NSDecimalRound(&rounded, &product, 2, .plain)
    return rounded
  }

  /// Recomputes each line's extended price (the unit price governs), each lot's subtotal and the total, and
  /// warns where the bid's figures disagree.
  private static func recompute(
    _ bid: BidDocument, tabulating: Bool, _ diagnostics: inout DiagnosticCollector
  ) -> ([BidCheckReport.LotTotal], Decimal?) {
    var lots: [BidCheckReport.LotTotal] = []
    var total: Decimal? = 0
    for lot in bid.lots {
      var subtotal: Decimal? = 0
      var priced = 0
      var asNeeded = 0
      for line in lot.lines where !line.noBid {
        guard let unitPrice = line.unitPrice else { continue }
        priced += 1
        // An as-needed line has no quantity: its unit price is the bid, and it counts nothing toward the totals.
        if line.isAsNeeded {
          asNeeded += 1
          if let written = line.extendedPrice {
            diagnostics.warning(
              "line \(line.number.value) is as needed: it has no quantity, so no extended price; the extended price "
                + "\(amount(written.value)) is ignored and the line counts nothing toward the subtotal",
              at: written.location)
          }
          continue
        }
        guard line.extendedPrice != nil || tabulating else {
          diagnostics.error(
            "line \(line.number.value) has no extended price; give unit price × quantity in <extendedPrice> (only "
              + "an as-needed line has none)", at: unitPrice.location)
          continue
        }
        let quantity = line.quantity.value
        guard let governing = extendedPrice(unitPrice: unitPrice.value, quantity: quantity) else {
          diagnostics.error(
            "line \(line.number.value): unit price × quantity has too many digits to compute exactly",
            at: unitPrice.location)
          subtotal = nil
          continue
        }
        if line.extendedPrice == nil {
          diagnostics.warning(
            "line \(line.number.value) has no extended price; the unit price governs, so the line counts "
              + amount(governing), at: unitPrice.location)
        } else if let written = line.extendedPrice, written.value != governing {
          diagnostics.warning(
            "line \(line.number.value): extended price \(amount(written.value)) does not equal unit price "
              + "\(amount(unitPrice.value)) × quantity \(DecimalText.format(quantity)) = \(amount(governing)); "
              + "the unit price governs, so the line counts \(amount(governing))", at: written.location)
        }
        subtotal = subtotal.flatMap { ExactArithmetic.sum($0, governing) }
      }
      guard let subtotal else {
        diagnostics.error("lot \(lot.id.value): the subtotal has too many digits to compute exactly", at: lot.location)
        total = nil
        lots.append(
          .init(
            id: lot.id.value, title: lot.title.value, subtotal: 0, pricedLines: priced,
            noBidLines: lot.lines.count { $0.noBid }))
        continue
      }
      if let written = lot.subtotal, written.value != subtotal {
        diagnostics.warning(
          "lot \(lot.id.value): subtotal \(amount(written.value)) does not equal the sum of its lines' extended "
            + "prices, \(amount(subtotal)); the unit prices govern, so the lot counts \(amount(subtotal))",
          at: written.location)
      }
      lots.append(
        .init(
          id: lot.id.value, title: lot.title.value, subtotal: subtotal, pricedLines: priced,
          noBidLines: lot.lines.count { $0.noBid }, asNeededLines: asNeeded))
      total = total.flatMap { ExactArithmetic.sum($0, subtotal) }
    }
    if let computed = total, let written = bid.total, written.value != computed {
      diagnostics.warning(
        "total \(amount(written.value)) does not equal the sum of the lot subtotals, \(amount(computed)); the unit "
          + "prices govern, so the bid totals \(amount(computed))", at: written.location)
    } else if total == nil {
      diagnostics.error("the total has too many digits to compute exactly", at: bid.location)
    }
    return (lots, total)
  }

  /// An amount with every decimal it has and at least two (`0.045`, `1,000.50`).
  static func amount(_ value: Decimal) -> String { MoneyText.unitPrice(value) }
}
