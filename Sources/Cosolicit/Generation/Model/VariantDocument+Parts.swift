import Foundation

extension VariantDocument {
  /// A dated event of the schedule; the `schedule-event` template names it.
  struct ScheduleEntry: DocumentModel {
    /// The event.
    let event: Schedule.Event
    /// Its date, and its time when one is given.
    let date: LocalDateTime
    /// The solicitation's time zone, for a time.
    var zone: TimeZone? = nil

    static let fields: DocumentFields<Self> = [
      .text("code") { $0.event.rawValue },
      .flag("isIssue") { $0.event == .issue },
      .flag("isQuestionsDue") { $0.event == .questionsDue },
      .flag("isPreBidConference") { $0.event == .preBidConference },
      .flag("isResponsesDue") { $0.event == .responsesDue },
      .flag("isAwardTarget") { $0.event == .awardTarget },
      .text("date") { $0.date.spelled(in: $0.zone) },
    ]
  }

  /// An evaluation criterion and its weight.
  struct Criterion: DocumentModel {
    /// The criterion.
    let criterion: EvaluationCriterion

    static let fields: DocumentFields<Self> = [
      .text("criterion") { $0.criterion.criterion },
      .text("weight") { DecimalText.format($0.criterion.weight) },
    ]
  }

  /// The delivery and payment terms.
  struct Terms: DocumentModel {
    /// The terms.
    let terms: Solicitation.Terms

    static let fields: DocumentFields<Self> = [
      .text("delivery") { $0.terms.delivery },
      .text("payment") { $0.terms.payment },
    ]
  }

  /// The contract term and its renewals.
  struct Term: DocumentModel {
    /// The term.
    let term: ContractTerm

    static let fields: DocumentFields<Self> = [
      .text("start") { $0.term.start.value.description },
      .text("end") { $0.term.end.description },
      .count("months") { $0.term.months },
      .count("renewalOptions") { $0.term.renewalOptions },
      .count("renewalMonths") { $0.term.renewalMonths },
      .flag("hasRenewals") { $0.term.renewalOptions > 0 },
      .text("endWithRenewals") { $0.term.endWithRenewals.description },
      .list("renewals") { term in
        term.term.renewals.enumerated().map {
          RenewalPeriod(number: $0.offset + 1, period: $0.element, isLast: $0.offset == term.term.renewals.count - 1)
        }
      },
    ]
  }

  /// One renewal period, if exercised: its dates follow the term's one rule for period ends.
  struct RenewalPeriod: DocumentModel {
    /// The renewal's number, from 1.
    let number: Int
    /// Its dates.
    let period: ContractTerm.Period
    /// Whether it is the last renewal.
    let isLast: Bool

    static let fields: DocumentFields<Self> = [
      .count("number") { $0.number },
      .text("start") { $0.period.start.description },
      .text("end") { $0.period.end.description },
      .count("months") { $0.period.months },
      .flag("isLast") { $0.isLast },
    ]
  }

  /// The value of every line in this variant.
  struct Totals: DocumentModel {
    /// The value.
    let value: VariantFigures.Value
    /// How many lines have no estimated price.
    let unpricedLines: Int
    /// How many lines are as-needed, with no quantity and so no value.
    var asNeededLines = 0

    static let fields: DocumentFields<Self> = [
      .text("committedValue") { MoneyText.format($0.value.committed) },
      .text("estimatedValue") { MoneyText.format($0.value.estimated) },
      .text("combinedValue") { MoneyText.format($0.value.combined) },
      .count("unpricedLines") { $0.unpricedLines },
      .flag("hasUnpricedLines") { $0.unpricedLines > 0 },
      .count("asNeededLines") { $0.asNeededLines },
      .flag("hasAsNeededLines") { $0.asNeededLines > 0 },
      .flag("hasOneAsNeededLine") { $0.asNeededLines == 1 },
    ]
  }

  /// In a piggyback-open solicitation, an agency whose volume is shown as an estimate.
  struct OtherAgency: DocumentModel {
    /// The participant.
    let participant: ParticipantSummary

    static let fields: DocumentFields<Self> = [
      .text("name") { $0.participant.agency.name },
      .text("typeName") { $0.participant.agency.type?.displayName ?? "public entity" },
      .text("estimatedValue") {
        MoneyText.format(ExactArithmetic.provenSum($0.participant.committedValue, $0.participant.estimatedValue))
      },
    ]
  }

  /// The combined estimated value against the formal bid threshold.
  struct Threshold: DocumentModel {
    /// The combined estimated value of every participant's needs.
    let combinedValue: Decimal
    /// The formal bid threshold.
    let limit: Decimal

    static let fields: DocumentFields<Self> = [
      .text("combinedValue") { MoneyText.format($0.combinedValue) },
      .text("limit") { MoneyText.format($0.limit) },
      .flag("isExceeded") { $0.combinedValue > $0.limit },
    ]
  }
}
