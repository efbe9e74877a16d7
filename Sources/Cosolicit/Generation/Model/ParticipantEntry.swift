import Foundation

/// A participating agency as the documents list it: who it is, who signs for it, and the value of its lines.
struct ParticipantEntry: DocumentModel {
  /// The participant.
  let participant: ParticipantSummary
  /// Whether it is the lead agency.
  let isLead: Bool

  private var agency: Agency { participant.agency }

  static let fields: DocumentFields<Self> = [
    .text("id") { $0.agency.id.value },
    .text("name") { $0.agency.name },
    .text("typeName") { $0.agency.type?.displayName ?? "public entity" },
    .text("state") { $0.agency.state ?? "" },
    .count("lineCount") { $0.participant.lineCount },
    .text("committedValue") { MoneyText.format($0.participant.committedValue) },
    .text("estimatedValue") { MoneyText.format($0.participant.estimatedValue) },
    .text("combinedValue") {
      MoneyText.format(ExactArithmetic.provenSum($0.participant.committedValue, $0.participant.estimatedValue))
    },
    .text("signerName") { $0.agency.signer?.name },
    .text("signerTitle") { $0.agency.signer?.title },
    .flag("hasSigner") { $0.agency.signer?.name != nil },
    .flag("isLead") { $0.isLead },
  ]
}
