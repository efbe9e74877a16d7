/// A section every RFP carries in its part "Instructions and conditions", written by the template
/// `section-<slug>.md.mustache` from the solicitation's content fields. A section whose template renders
/// nothing (its governing field is absent or false) is left out.
struct StandardSection: Sendable {
  /// The sort key; workspace sections interleave by their `NN`.
  let number: Int
  /// The slug: the template's name and the anchor, and what a workspace file names to replace it.
  let slug: String
  /// The heading.
  let title: String

  /// The template that writes it, without `.mustache`.
  var template: String { "section-\(slug).md" }

  /// The standard sections, in their default order.
  static let all = [
    StandardSection(number: 10, slug: "submission", title: "Submission of bids and bid opening"),
    StandardSection(number: 20, slug: "questions-addenda", title: "Questions and addenda"),
    StandardSection(number: 30, slug: "modification-withdrawal", title: "Modification and withdrawal of bids"),
    StandardSection(number: 40, slug: "mistakes-informalities", title: "Mistakes and minor informalities"),
    StandardSection(number: 50, slug: "rejection", title: "Right to reject bids and to waive informalities"),
    StandardSection(number: 60, slug: "protests", title: "Protests"),
    StandardSection(number: 70, slug: "bonds-insurance", title: "Bonds and insurance"),
    StandardSection(number: 80, slug: "price-adjustment", title: "Price adjustment"),
    StandardSection(number: 90, slug: "non-appropriation", title: "Non-appropriation"),
    StandardSection(number: 100, slug: "authority", title: "Authority for cooperative procurement"),
  ]
}
