import Foundation

/// Every change between two packages that a bidder must know, found in what bidders saw (the public files):
/// the schedule's dates, the RFP's sections by heading (with their new text), and the bid form's lines with
/// their terms, quantities, units and delivery dates.
struct AddendumChanges {
  /// What part of the solicitation a change is in; the addendum lists changes under these headings.
  enum Part: String, CaseIterable {
    case dates = "Dates"
    case sections = "Sections"
    case lines = "Lines, quantities, units and delivery"
  }

  /// One change, in a sentence, with the new text of a section when it is one.
  struct Change: Equatable {
    /// Where it is.
    var part: Part
    /// What changed, as plain text (escaped where it is written).
    var sentence: String
    /// The section's new text, as the RFP writes it in Markdown and in HTML (already safe in each).
    var body: Body?
    /// The variants it applies to, when not every variant of the package.
    var variants: [DocumentVariant] = []
  }

  /// A section's text in both formats, after the words that introduce it ("It now reads:").
  struct Body: Equatable {
    var introduction: String
    var markdown: String
    var html: String
  }

  /// The changes, by part, in the order found.
  var changes: [Change]

  /// The changes between `old` and `new`, variant by variant (a change found in every variant is listed once).
  init(old: PublishedPackage, new: PublishedPackage) {
    let variants = new.variants.filter { old.variants.contains($0) }
    var found: [(change: Change, variants: [DocumentVariant])] = []
    for variant in variants {
      for change in Self.changes(old: old, new: new, variant: variant) {
        if let index = found.firstIndex(where: { $0.change == change }) {
          found[index].variants.append(variant)
        } else {
          found.append((change, [variant]))
        }
      }
    }
    var changes: [Change] = []
    for variant in new.variants where !old.variants.contains(variant) {
      changes.append(
        Change(part: .sections, sentence: "The \(variant.title.lowercased()) is added to the solicitation."))
    }
    for variant in old.variants where !new.variants.contains(variant) {
      changes.append(
        Change(part: .sections, sentence: "The \(variant.title.lowercased()) is withdrawn from the solicitation."))
    }
    for (change, applies) in found {
      var change = change
      change.variants = applies.count == variants.count ? [] : applies
      changes.append(change)
    }
    self.changes = Part.allCases.flatMap { part in changes.filter { $0.part == part } }
  }

  /// Whether nothing changed.
  var isEmpty: Bool { changes.isEmpty }

  /// The changes of one variant.
  static func changes(old: PublishedPackage, new: PublishedPackage, variant: DocumentVariant) -> [Change] {
    func form(_ package: PublishedPackage) -> PublishedForm? {
      let path = PackageLayout.public(variant, "bid-form.xml")
      return package.text(path).flatMap { PublishedForm.read($0, path: path) }
    }
    func sections(_ package: PublishedPackage) -> RFPSections {
      RFPSections(
        markdown: package.text(PackageLayout.public(variant, "rfp.md")) ?? "",
        html: package.text(PackageLayout.public(variant, "rfp.html")) ?? "")
    }
    let (oldSections, newSections) = (sections(old), sections(new))
    var changes = dates(oldSections, newSections)
    if changes.isEmpty, oldSections.schedule.isEmpty, let was = form(old)?.responsesDue,
      let now = form(new)?.responsesDue,
      was != now
    {
      changes.append(Change(part: .dates, sentence: "Responses due: was \(was); now \(now)."))
    }
    changes += sectionChanges(oldSections, newSections)
    if let was = form(old), let now = form(new) {
      changes += AddendumLineChanges.changes(
        old: was, new: now, oldDelivery: oldSections.deliveryDates, newDelivery: newSections.deliveryDates)
    }
    return changes
  }

  /// The schedule's events added, removed or moved.
  static func dates(_ old: RFPSections, _ new: RFPSections) -> [Change] {
    let was = Dictionary(old.schedule.map { ($0.event, $0.date) }, uniquingKeysWith: { first, _ in first })
    let now = Dictionary(new.schedule.map { ($0.event, $0.date) }, uniquingKeysWith: { first, _ in first })
    var changes: [Change] = []
    for (event, date) in new.schedule {
      if let before = was[event] {
        if before != date { changes.append(Change(part: .dates, sentence: "\(event): was \(before); now \(date).")) }
      } else {
        changes.append(Change(part: .dates, sentence: "\(event): \(date) (added)."))
      }
    }
    for (event, date) in old.schedule where now[event] == nil {
      changes.append(Change(part: .dates, sentence: "\(event): removed (was \(date))."))
    }
    return changes
  }

  /// The sections added, removed or changed, with their new text; the sections listed field by field left out.
  static func sectionChanges(_ old: RFPSections, _ new: RFPSections) -> [Change] {
    var changes: [Change] = []
    func body(_ section: RFPSections.Section, _ introduction: String) -> Body {
      Body(
        introduction: introduction, markdown: section.markdown,
        html: new.html[section.title] ?? "<p>\(XMLText.escaped(section.markdown))</p>")
    }
    for section in new.sections where !RFPSections.comparedByField.contains(section.title) {
      guard let before = old[section.title] else {
        changes.append(
          Change(part: .sections, sentence: "Section \"\(section.title)\" is added.", body: body(section, "It reads:")))
        continue
      }
      if before.markdown != section.markdown {
        changes.append(
          Change(
            part: .sections, sentence: "Section \"\(section.title)\" is changed.",
            body: body(section, "It now reads:")))
      }
    }
    for section in old.sections
    where !RFPSections.comparedByField.contains(section.title) && new[section.title] == nil {
      changes.append(Change(part: .sections, sentence: "Section \"\(section.title)\" is removed."))
    }
    return changes
  }
}
