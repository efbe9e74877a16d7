/// Where bidders send written questions, and by when (`questions`).
public struct QuestionsContact: Sendable {
  /// Whom questions go to: a name, an email address or both, as written.
  public var to: String?
  /// The last day (and, if given, hour) questions are accepted; the same day as `schedule.questions_due`.
  public var due: Located<LocalDateTime>?
}
