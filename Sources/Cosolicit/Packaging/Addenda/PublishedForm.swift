import Foundation

/// What a published XML bid form tells bidders, as the addendum compares it: the response date, each line's
/// terms and quantities (with its price zones), and the addenda it lists.
struct PublishedForm {
  /// One line as published.
  struct Line: Equatable {
    /// The lot it is in.
    var lot: String
    /// Its number.
    var number: Int
    /// The catalog item, if any.
    var item: String?
    /// What is asked for.
    var description: String
    /// The unit of measure code.
    var unit: String
    /// Each published quantity by its element name (`committedQuantity`, `quantity`, `minimumQuantity`…), as
    /// written, with `asNeeded` when the line is needed as needed.
    var quantities: [String: String]
    /// The quantities per price zone, by zone id, in the same form.
    var zones: [String: [String: String]]

    /// The line as an addendum names it: "line 3 (LAPTOP-14, Laptop, 14-inch)".
    var name: String { "line \(number) (\(item.map { "\($0), " } ?? "")\(description))" }
  }

  /// The response date as written, if the form gives one.
  var responsesDue: String?
  /// The lines by (lot, number), in document order.
  var lines: [Line]
  /// The addenda the form lists: number and date issued as written.
  var addenda: [(number: Int, issued: String)]
  /// The solicitation's title.
  var title: String
  /// The lead agency's name.
  var leadAgency: String

  /// The quantity elements compared, in the order an addendum lists them.
  static let quantityNames = [
    "committedQuantity", "estimatedQuantity", "quantity", "minimumQuantity", "maximumQuantity", "asNeeded",
  ]

  /// Reads the bid form `text` (safely: no DTD, no entities, no network); nil when it is not a blank bid form.
  static func read(_ text: String, path: String) -> PublishedForm? {
    let parsed = XMLElementTree.parse(text, path: path)
    guard let root = parsed.root, root.name == "bidForm" else { return nil }
    var lines: [Line] = []
    for lot in root.children(named: "lot") {
      for line in lot.children(named: "line") {
        lines.append(
          Line(
            lot: lot.attribute("id") ?? "", number: Int(line.attribute("number") ?? "") ?? 0,
            item: line.attribute("item"), description: collapsed(line.child("description")?.text ?? ""),
            unit: line.child("unit")?.text.trimmed ?? "", quantities: quantities(of: line),
            zones: Dictionary(
              line.children(named: "zone").map { ($0.attribute("id") ?? "", quantities(of: $0)) },
              uniquingKeysWith: { first, _ in first })))
      }
    }
    let addenda = (root.child("addenda")?.children(named: "addendum") ?? []).compactMap { element in
      element.attribute("number").flatMap { Int($0) }.map { (number: $0, issued: element.attribute("issued") ?? "") }
    }
    return PublishedForm(
      responsesDue: root.child("responsesDue")?.text.trimmed, lines: lines, addenda: addenda,
      title: collapsed(root.child("title")?.text ?? ""), leadAgency: collapsed(root.child("leadAgency")?.text ?? ""))
  }

  /// The quantity elements of `element` by name, as written; `asNeeded` as "yes".
  private static func quantities(of element: XMLElementTree) -> [String: String] {
    var found: [String: String] = [:]
    for name in quantityNames {
      guard let child = element.child(name) else { continue }
      found[name] = name == "asNeeded" ? "yes" : child.text.trimmed
    }
    return found
  }

  /// `text` on one line, runs of white space as one space.
  static func collapsed(_ text: String) -> String {
    text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
  }
}
