import Foundation

/// The solicitation's content fields as documents show them (``SolicitationContent``): times spelled as people
/// read them ("March 9, 2027, 2:00 p.m. Pacific Time"), percentages and counts formatted, each optional part
/// absent when the solicitation leaves it out, so a template words the default itself.
struct ContentDocument: DocumentModel {
  /// The solicitation.
  let solicitation: Solicitation

  private var content: SolicitationContent { solicitation.content }
  private var schedule: Schedule { solicitation.schedule }
  private var zone: TimeZone? { content.timeZone }

  /// Whom questions go to: `questions.to`, else the lead agency's contact (name and email).
  private var questionsTo: String? {
    if let to = content.questions?.to { return to }
    guard let contact = solicitation.leadAgency?.contact else { return nil }
    let parts = [contact.name, contact.email].compactMap { $0 }.filter { !$0.isEmpty }
    return parts.isEmpty ? nil : parts.joined(separator: ", ")
  }

  static let fields: DocumentFields<Self> = [
    .text("timeZone") { $0.zone.map(TimeZoneName.generic(of:)) },
    .text("timeZoneID") { $0.zone?.identifier },
    .text("responsesDue") { document in document.schedule.responsesDue.map { document.spelled($0.value) } },
    .text("responsesDueISO") { document in document.schedule.responsesDue?.value.isoText(in: document.zone) },
    .flag("hasResponsesDueTime") { $0.schedule.responsesDue?.value.hasTime ?? false },
    .object("submission") { $0.content.submission.map(SubmissionDocument.init) },
    .object("bidOpening") { document in
      document.content.bidOpening.map { OpeningDocument(opening: $0, zone: document.zone) }
    },
    .text("validityDays") { $0.content.bidValidityDays.map(String.init) },
    .text("questionsTo") { $0.questionsTo },
    .text("questionsDue") { document in document.schedule.moment(.questionsDue).map { document.spelled($0.value) } },
    .object("questions") { document in
      document.content.questions.map { QuestionsDocument(questions: $0, zone: document.zone) }
    },
    .object("bonds") { $0.content.bonds.map(BondsDocument.init) },
    .flag("hasBonds") { document in
      document.content.bonds.map { $0.bidSecurityPercent != nil || $0.performanceBondPercent != nil } ?? false
    },
    .text("insurance") { $0.content.insurance },
    .list("insuranceParagraphs") { $0.content.insurance.map(TextParagraph.paragraphs) },
    .object("priceAdjustment") { $0.content.priceAdjustment.map(PriceAdjustmentDocument.init) },
    .text("authority") { $0.content.authority },
    .flag("hasNonAppropriation") { $0.content.nonAppropriation ?? false },
  ]

  private func spelled(_ value: LocalDateTime) -> String { value.spelled(in: zone) }

  /// `submission`: methods, address, portal and copies.
  struct SubmissionDocument: DocumentModel {
    /// The submission.
    let submission: Submission

    static let fields: DocumentFields<Self> = [
      .flag("isSealed") { $0.submission.isSealed },
      .flag("isElectronic") { $0.submission.isElectronic },
      .flag("isSealedOnly") { $0.submission.isSealed && !$0.submission.isElectronic },
      .flag("isElectronicOnly") { $0.submission.isElectronic && !$0.submission.isSealed },
      .flag("isSealedAndElectronic") { $0.submission.isSealed && $0.submission.isElectronic },
      .text("address") { $0.submission.address },
      .text("portalURL") { $0.submission.portalURL },
      .text("copies") { $0.submission.copies.map(String.init) },
      .flag("hasExtraCopies") { ($0.submission.copies ?? 1) > 1 },
    ]
  }

  /// `bid_opening`: when, where, and whether in public.
  struct OpeningDocument: DocumentModel {
    /// The opening.
    let opening: BidOpening
    /// The solicitation's time zone.
    let zone: TimeZone?

    static let fields: DocumentFields<Self> = [
      .text("at") { document in document.opening.at.map { $0.value.spelled(in: document.zone) } },
      .text("atISO") { document in document.opening.at.map { $0.value.isoText(in: document.zone) } },
      .text("place") { $0.opening.place },
      .flag("isPublic") { $0.opening.isPublic },
    ]
  }

  /// `questions`: to whom, and by when.
  struct QuestionsDocument: DocumentModel {
    /// Where questions go.
    let questions: QuestionsContact
    /// The solicitation's time zone.
    let zone: TimeZone?

    static let fields: DocumentFields<Self> = [
      .text("to") { $0.questions.to },
      .text("due") { document in document.questions.due.map { $0.value.spelled(in: document.zone) } },
    ]
  }

  /// `bonds`: the percentages, formatted.
  struct BondsDocument: DocumentModel {
    /// The bonds.
    let bonds: Bonds

    static let fields: DocumentFields<Self> = [
      .text("bidSecurityPercent") { $0.bonds.bidSecurityPercent.map(DecimalText.format) },
      .text("performanceBondPercent") { $0.bonds.performanceBondPercent.map(DecimalText.format) },
    ]
  }

  /// `price_adjustment`: which rule, its index or cap.
  struct PriceAdjustmentDocument: DocumentModel {
    /// The rule.
    let adjustment: PriceAdjustment

    static let fields: DocumentFields<Self> = [
      .flag("isFirm") { $0.adjustment.kind == PriceAdjustment.Kind.none },
      .flag("isAnnualIndex") { $0.adjustment.kind == .annualIndex },
      .flag("isAnnualPercentCap") { $0.adjustment.kind == .annualPercentCap },
      .text("index") { $0.adjustment.index },
      .text("capPercent") { $0.adjustment.capPercent.map(DecimalText.format) },
    ]
  }

  /// One paragraph of a multi-paragraph text field.
  struct TextParagraph: DocumentModel {
    /// The paragraph, its lines joined by spaces.
    let text: String

    static let fields: DocumentFields<Self> = [.text("text") { $0.text }]

    /// The paragraphs of `text`: runs of lines separated by blank lines.
    static func paragraphs(_ text: String) -> [TextParagraph] {
      var paragraphs: [TextParagraph] = []
      var lines: [String] = []
      for line in text.split(separator: "\n", omittingEmptySubsequences: false).map({ $0.trimmed }) {
        if line.isEmpty {
          if !lines.isEmpty { paragraphs.append(TextParagraph(text: lines.joined(separator: " "))) }
          lines = []
        } else {
          lines.append(line)
        }
      }
      if !lines.isEmpty { paragraphs.append(TextParagraph(text: lines.joined(separator: " "))) }
      return paragraphs
    }
  }
}
