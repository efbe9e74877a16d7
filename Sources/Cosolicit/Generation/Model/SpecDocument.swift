/// A requirement for the supplier on one line, as documents show it beside the line: the spec and who asked.
struct SpecDocument: DocumentModel {
  /// The spec and the agencies that asked for it.
  let spec: LineSpec

  static let fields: DocumentFields<Self> = [
    .text("text") { $0.spec.text },
    .text("requestedBy") { $0.spec.agencyNames.joined(separator: "; ") },
    .text("agencies") { $0.spec.agencyIDs.joined(separator: " ") },
  ]
}
