/// How bids may be delivered (`submission.methods`).
public enum SubmissionMethod: String, Keyword, Sendable {
  /// A sealed paper bid delivered to the submission address.
  case sealed
  /// An electronic bid uploaded to the lead agency's portal.
  case electronic
}
