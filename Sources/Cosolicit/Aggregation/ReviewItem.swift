/// Something the lead agency should look at before publishing the solicitation.
public struct ReviewItem: Sendable {
  /// What kind of thing to review.
  public enum Kind: String, Sendable, CaseIterable {
    /// An item not in the catalog, described by participants.
    case writeIn = "write-in"
    /// A line whose participants ask for different specs (requirements for the supplier).
    case differingSpecs = "differing-specs"
    /// A needs file submitted after the ordering window closed, on which the lead agency has not decided.
    case lateFile = "late-file"
    /// A late needs file the lead agency accepted (`late_submissions.accept`).
    case lateFileAccepted = "late-file-accepted"
    /// A late needs file the lead agency rejected (`late_submissions.reject`): left out of the solicitation.
    case lateFileRejected = "late-file-rejected"
    /// A share needed before the term starts or after it ends.
    case needByOutsideTerm = "need-by-outside-term"
    /// A participant whose every line is a non-binding estimate.
    case onlyNonBinding = "only-non-binding"
  }

  /// What kind of thing to review.
  public var kind: Kind
  /// What to review, in a sentence.
  public var message: String
  /// The line concerned, if any.
  public var line: Int?
  /// The agency concerned, if any.
  public var agencyID: String?
  /// Where the matter stands in the input files.
  public var sources: [SourceLocation]
}
