/// A section the lead agency wrote itself, read from `WORKSPACE/sections/NN-slug.md`: merged with the standard
/// sections by number, and replacing the standard section of the same slug.
public struct WorkspaceSection: Sendable {
  /// The sort key `NN` from the file name.
  public var number: Int
  /// The slug from the file name, such as `background`.
  public var slug: String
  /// The heading: the file's first `# Heading` line, else the slug in words ("Background").
  public var title: String
  /// The Markdown body, without the heading line. Untrusted text: rendered only through the markdown corner.
  public var body: String
  /// The path relative to the workspace, such as `sections/05-background.md`.
  public var source: String
  /// The file's name, for sorting files of one number.
  public var fileName: String
}
