/// Something the lead agency should look at before publishing the solicitation.
public struct ReviewItem: Sendable {
  /// What kind of thing to review.
  public enum Kind: String, Sendable, CaseIterable {
    /// An item not in the catalog, described by participants.
    case writeIn = "write-in"
    /// The same catalog item requested with differing notes, a sign of differing specifications.
    case differingNotes = "differing-notes"
    /// A needs file submitted after the ordering window closed.
    case lateFile = "late-file"
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
