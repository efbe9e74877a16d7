/// One section of the RFP's part "Instructions and conditions", rendered once to every format: a standard
/// section from its `section-<slug>.md` template, or a workspace `sections/` file.
struct SectionDocument: DocumentModel, Sendable {
  /// The display number in the RFP, such as `10.3`.
  let number: String
  /// The slug, such as `submission` or `background`; the anchor is `section-<slug>`.
  let slug: String
  /// The heading text (plain text; templates escape it).
  let title: String
  /// `standard`, or the workspace file it came from, such as `sections/05-background.md`.
  let source: String
  /// The body as an HTML fragment (markup, already safe).
  let html: String
  /// The body as safe CommonMark (markup, already safe).
  let markdown: String
  /// The body as WordprocessingML paragraphs (markup, already safe).
  let wordML: String

  static let fields: DocumentFields<Self> = [
    .text("number") { $0.number },
    .text("slug") { $0.slug },
    .text("anchor") { "section-" + $0.slug },
    .text("title") { $0.title },
    .text("source") { $0.source },
    .flag("isStandard") { $0.source == "standard" },
    .markup("html") { $0.html },
    .markup("markdown") { $0.markdown },
    .markup("wordML") { $0.wordML },
  ]
}
