import Foundation

/// The facts the cooperative purchasing clause is worded from. A part the definition leaves out is absent, and
/// the templates word its default (`{{^geography}}any jurisdiction …{{/geography}}`).
struct CooperativeDocument: DocumentModel {
  /// The cooperative terms, if the solicitation states any.
  let terms: CooperativeTerms?
  /// The lead agency's name.
  let leadAgency: String?

  static let fields: DocumentFields<Self> = [
    .text("eligible") { $0.eligible },
    .text("geography") { $0.terms?.geography },
    .text("adminFee") { DecimalText.format($0.terms?.adminFeePercent ?? 0) },
    .flag("hasAdminFee") { ($0.terms?.adminFeePercent ?? 0) > 0 },
    .text("instrument") { $0.terms?.instrument },
    .text("usageReporting") { $0.terms?.usageReporting },
    .text("leadAgency") { $0.leadAgency },
  ]

  /// The eligible kinds of agency as a sentence's subject ("Cities, counties and school districts"); nil when
  /// the definition names none.
  var eligible: String? {
    let names = (terms?.eligible ?? []).map(\.pluralName)
    guard !names.isEmpty else { return nil }
    let list = Self.list(names)
    return list.prefix(1).uppercased() + list.dropFirst()
  }

  /// "a, b and c".
  static func list(_ items: [String]) -> String {
    guard items.count > 1 else { return items.first ?? "" }
    return items.dropLast().joined(separator: ", ") + " and " + items[items.count - 1]
  }
}
