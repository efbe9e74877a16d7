import Foundation

/// An addendum as bidders read it, in Markdown and HTML: which solicitation it amends, when it was issued, and
/// every change under the part it is in, with the new text of each changed section.
struct AddendumDocument {
  /// The addendum's number.
  var number: Int
  /// The date it was issued, as the bid form lists it.
  var issued: String
  /// The solicitation amended.
  var solicitation: String
  /// Its title.
  var title: String
  /// The lead agency.
  var leadAgency: String
  /// The changes.
  var changes: AddendumChanges

  /// The opening paragraph, the same in both formats (before escaping).
  private var introduction: String {
    "This addendum amends solicitation \(solicitation) as set out below. Where it differs from the solicitation "
      + "documents issued before it, this addendum governs; everything else is unchanged. Acknowledge addendum "
      + "\(number) on the bid form (bid-form.html lists it with a box to check; a bid-form.xml bid adds "
      + "<acknowledged number=\"\(number)\"/> to <bidder>). The bid forms and RFPs published with this addendum "
      + "replace the earlier ones."
  }

  /// The change's sentence, with what it applies to when it is not the whole solicitation before its last
  /// punctuation ("Section "Introduction" is changed (joint solicitation only)."), and the words introducing the
  /// section's new text after it.
  static func sentence(_ change: AddendumChanges.Change) -> String {
    guard !change.variants.isEmpty else { return change.sentence }
    let names = change.variants.map { $0 == .joint ? "joint solicitation" : "piggyback-open solicitation" }
    let scope = " (\(names.joined(separator: " and ")) only)"
    guard let last = change.sentence.last, last == "." || last == ":" else { return change.sentence + scope }
    return change.sentence.dropLast() + scope + String(last)
  }

  /// The change's sentence with its scope, and the words introducing a section's new text.
  static func line(_ change: AddendumChanges.Change) -> String {
    sentence(change) + (change.body.map { " " + $0.introduction } ?? "")
  }

  /// The Markdown addendum.
  var markdown: String {
    let md = ContentTypes.markdown
    var text = "# Addendum \(number) to solicitation \(md(solicitation))\n\n"
    text += "**\(md(title))**  \nIssued \(md(issued)) by **\(md(leadAgency))**\n\n"
    text += md(introduction) + "\n"
    for part in AddendumChanges.Part.allCases {
      let changes = changes.changes.filter { $0.part == part }
      guard !changes.isEmpty else { continue }
      text += "\n## \(part.rawValue)\n\n"
      for change in changes {
        text += "- \(md(Self.line(change)))\n"
        if let body = change.body {
          text +=
            "\n"
            + body.markdown.split(separator: "\n", omittingEmptySubsequences: false).map {
              $0.isEmpty ? "  >" : "  > " + $0
            }.joined(separator: "\n") + "\n\n"
        }
      }
    }
    return text + "\n---\nPrepared with \(VariantDocument.generator).\n"
  }

  /// The Word addendum: the Markdown addendum's blocks as Word paragraphs (its title `Heading1`, each part
  /// `Heading2`), with the solicitation and addendum in the running header.
  var word: Result<Data, WordPackage.Failure> {
    let paragraphs = MarkdownDocument.parse(markdown, links: .asText).wordML(firstHeadingLevel: 1)
    return WordPackage.document(
      paragraphs: paragraphs,
      properties: WordPackage.Properties(
        header: "Solicitation \(solicitation) · Addendum \(number)",
        title: "Addendum \(number) to solicitation \(solicitation)", subject: title, creator: leadAgency))
  }

  /// The HTML addendum, a page of its own.
  var html: String {
    let escaped = { (text: String) in XMLText.escaped(text) }
    var page = """
      <h1>Addendum \(number) to solicitation \(escaped(solicitation))</h1>
      <p><strong>\(escaped(title))</strong><br />Issued \(escaped(issued)) by <strong>\(escaped(leadAgency))</strong></p>
      <p>\(escaped(introduction))</p>

      """
    for part in AddendumChanges.Part.allCases {
      let changes = changes.changes.filter { $0.part == part }
      guard !changes.isEmpty else { continue }
      page += "<h2>\(escaped(part.rawValue))</h2>\n<ul class=\"changes\" data-part=\"\(part)\">\n"
      for change in changes {
        page += "<li>\(escaped(Self.line(change)))"
        if let body = change.body { page += "\n<blockquote>\n\(body.html)\n</blockquote>\n" }
        page += "</li>\n"
      }
      page += "</ul>\n"
    }
    return HTMLPage.document(
      title: "Addendum \(number) to solicitation \(solicitation)", style: Self.style, body: page)
  }

  /// The addendum page's style.
  static let style = """
    body { font-family: Georgia, "Times New Roman", serif; max-width: 48em; margin: 2em auto; padding: 0 1em; line-height: 1.45; }
    blockquote { border-left: 3px solid #999; margin: 0.5em 0 1em 0; padding-left: 1em; }
    table { border-collapse: collapse; } th, td { border: 1px solid #bbb; padding: 0.2em 0.5em; vertical-align: top; }
    """
}
