/// Builds the part "Instructions and conditions" of one variant's RFP: each standard section rendered from its
/// Markdown template with the variant's model, unless a workspace `sections/` file of the same slug replaces
/// it, and the workspace's own sections, merged by number. Every body goes through the markdown corner once and
/// comes out as HTML, Markdown and WordprocessingML. The standard templates are the lead agency's own text, so
/// their links stay links; a workspace file's links are text unless `section_links: allowed`.
enum SectionAssembly {
  /// The sections of `document`, in order and numbered from 1. A standard section whose template renders only
  /// white space is left out.
  static func sections(of document: VariantDocument, templates: TemplateSet) -> [SectionDocument] {
    let solicitation = document.joint.solicitation
    let replaced = Set(solicitation.sections.map(\.slug))
    var entries: [(number: Int, order: Int, slug: String, title: String, source: String, body: MarkdownDocument)] =
      []
    for (index, standard) in StandardSection.all.enumerated() where !replaced.contains(standard.slug) {
      guard let text = templates.render(standard.template, document), !text.trimmed.isEmpty else { continue }
      entries.append(
        (
          standard.number, index, standard.slug, standard.title, "standard",
          MarkdownDocument.parse(text, links: .allowed)
        ))
    }
    let links: MarkdownLinks = solicitation.content.sectionLinksAllowed ? .allowed : .asText
    for (index, section) in solicitation.sections.enumerated() {
      entries.append(
        (
          section.number, StandardSection.all.count + index, section.slug, section.title, section.source,
          MarkdownDocument.parse(section.body, links: links)
        ))
    }
    entries.sort { ($0.number, $0.order) < ($1.number, $1.order) }
    return entries.enumerated().map { position, entry in
      SectionDocument(
        number: String(position + 1), slug: entry.slug, title: entry.title, source: entry.source,
        html: entry.body.html, markdown: entry.body.markdown, wordML: entry.body.wordML)
    }
  }
}
