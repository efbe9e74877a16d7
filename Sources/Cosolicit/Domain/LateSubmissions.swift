/// The lead agency's decisions on needs files that came in after the ordering window closed, from
/// `solicitation.yaml`'s `late_submissions`: each agency listed under `accept` stays in the solicitation without
/// a warning, each under `reject` is left out of it.
public struct LateSubmissions: Sendable {
  /// What the lead agency decided on one agency's late file.
  public enum Decision: String, Sendable {
    /// The file is taken as if it were on time.
    case accept
    /// The file is left out of the aggregation and the documents.
    case reject
  }

  /// The agencies whose late files are accepted, as written.
  public var accepted: [Located<String>]
  /// The agencies whose late files are rejected, as written.
  public var rejected: [Located<String>]

  /// No decisions.
  public static let none = LateSubmissions(accepted: [], rejected: [])

  /// The decision on the agency `id` (ids compare without regard to case), and where it is written; nil when
  /// the agency is not listed.
  public func decision(for id: String) -> (decision: Decision, id: Located<String>)? {
    if let listed = rejected.first(where: { Identifier.same($0.value, id) }) { return (.reject, listed) }
    if let listed = accepted.first(where: { Identifier.same($0.value, id) }) { return (.accept, listed) }
    return nil
  }

  /// Whether the agency `id`'s needs are left out by the lead agency's decision.
  public func rejects(_ id: String) -> Bool { rejected.contains { Identifier.same($0.value, id) } }
}
