import Foundation

/// The solicitation's own facts as every document shows them: number, title, lead agency, contact, dates.
/// An absent fact is absent here too, so that a template words the gap itself (`{{^issue}}the issue
/// date{{/issue}}`).
struct SolicitationFacts: DocumentModel {
  /// The solicitation.
  let solicitation: Solicitation

  private var lead: Agency? { solicitation.leadAgency }

  static let fields: DocumentFields<Self> = [
    .text("id") { $0.solicitation.id },
    .text("title") { $0.solicitation.title },
    .text("description") { $0.solicitation.description ?? "" },
    .flag("hasDescription") { $0.solicitation.description != nil },
    .text("commitmentBand") { $0.solicitation.commitmentBand?.summary },
    .flag("hasCommitmentBand") { $0.solicitation.commitmentBand != nil },
    .text("currency") { $0.solicitation.currency },
    .text("awardMethod") { ($0.solicitation.awardMethod ?? .byLine).rawValue },
    .flag("isAwardedByLine") { ($0.solicitation.awardMethod ?? .byLine) == .byLine },
    .flag("isAwardedByLot") { $0.solicitation.awardMethod == .byLot },
    .flag("isAwardedAllOrNone") { $0.solicitation.awardMethod == .allOrNone },
    .flag("isAwardedByParticipant") { $0.solicitation.awardMethod == .byParticipant },
    .text("leadAgency") { $0.lead?.name },
    .text("leadAgencyID") { $0.lead?.id.value ?? "" },
    .text("leadAgencyType") { $0.lead?.type?.displayName },
    .text("leadAgencyKind") { $0.lead?.type?.kindPhrase },
    .flag("leadAgencyIsPublic") { $0.lead?.type.map { ![.nonprofit, .other].contains($0) } ?? false },
    .text("leadState") { $0.lead?.state ?? "" },
    .text("contactName") { $0.lead?.contact?.name ?? "" },
    .text("contactEmail") { $0.lead?.contact?.email ?? "" },
    .text("contactPhone") { $0.lead?.contact?.phone ?? "" },
    .flag("hasContact") { $0.lead?.contact != nil },
    .text("responsesDue") { facts in
      facts.solicitation.schedule.responsesDue?.value.spelled(in: facts.solicitation.content.timeZone)
    },
    .text("responsesDueISO") { facts in
      facts.solicitation.schedule.responsesDue?.value.isoText(in: facts.solicitation.content.timeZone)
    },
    .flag("hasResponsesDue") { $0.solicitation.schedule[.responsesDue] != nil },
    .text("issue") { $0.solicitation.schedule[.issue]?.description },
    .text("orderingWindowCloses") { $0.solicitation.orderingWindowCloses?.value.description },
    .text("termEnd") { $0.solicitation.term?.endWithRenewals.description },
    .text("formalBidThreshold") { $0.solicitation.formalBidThreshold.map(MoneyText.format) ?? "" },
    .flag("hasFormalBidThreshold") { $0.solicitation.formalBidThreshold != nil },
    .text("tieRule") { tieRule($0.solicitation.tieBreakers.map(\.value)) },
    .flag("hasSecondaryAward") { $0.solicitation.secondaryAward },
    .flag("allowsAllOrNoneBids") { $0.solicitation.awardMethod != .allOrNone },
  ]

  /// The sentence that says how exact ties are broken: the declared rules in order, a drawing last (the
  /// resolution recorded whether or not `drawing` is declared, since a tie is never broken silently).
  static func tieRule(_ rules: [TieBreaker]) -> String {
    let drawing = "a public drawing with witnesses"
    guard !rules.isEmpty else { return "Exact ties are resolved by \(drawing), recorded." }
    let steps = rules.map { rule in
      switch rule {
      case .localPreference:
        "local preference (a supplier on the lead agency's list of local suppliers is preferred)"
      case .drawing: drawing
      }
    }
    let sentence = "Exact ties are broken by " + steps.joined(separator: ", then by ")
    guard rules.last == .drawing else { return sentence + "; a tie that remains is resolved by \(drawing), recorded." }
    return sentence + "; the outcome is recorded."
  }
}
