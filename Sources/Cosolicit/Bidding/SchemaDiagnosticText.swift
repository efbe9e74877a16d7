import Foundation

/// Makes libxml2's schema messages about a bid readable for the people who fill it in.
///
/// libxml2 writes namespaced names as `{urn:cosolicit:bid:1}unitPrice` and places as node paths such as
/// `/*/*[5]/*[1]/*[7]`. This names the place by lot and line instead (`lot L1, line 1, <unitPrice>`) and
/// gives the element's column, which libxml2 leaves out.
enum SchemaDiagnosticText {
  /// `diagnostic` on one line, the bid namespace dropped from names, and its node path resolved in `root`.
  static func readable(_ diagnostic: Diagnostic, root: XMLElementTree, path: String) -> Diagnostic {
    var result = diagnostic
    result.message = result.message.replacingOccurrences(of: "{\(BidDocument.namespace)}", with: "")
    // The message quotes the bid's values, which may hold line breaks; keep each finding on one line.
    result.message = result.message.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
      .joined(separator: " ")
    guard result.location.path == path, result.message.hasSuffix(")"),
      let marker = result.message.range(of: " (at /", options: .backwards)
    else { return result }
    let nodePath = result.message[marker.upperBound..<result.message.index(before: result.message.endIndex)]
    guard let (element, place) = resolve(nodePath, in: root) else { return result }
    result.message = result.message[..<marker.lowerBound] + " (in \(place))"
    if element.line == result.location.line { result.location.column = element.column }
    return result
  }

  /// The element a libxml2 node path (without its leading `/`) names, and a description of where it is.
  static func resolve(_ nodePath: Substring, in root: XMLElementTree) -> (XMLElementTree, String)? {
    var steps = nodePath.split(separator: "/", omittingEmptySubsequences: false)
    guard let first = steps.first, let rootStep = Step(first), rootStep.matches(root) else { return nil }
    steps.removeFirst()
    var element = root
    var place: [String] = []
    for text in steps {
      guard let step = Step(text) else { return nil }
      let candidates = element.children.filter(step.matches)
      guard step.index >= 1, step.index <= candidates.count else { return nil }
      element = candidates[step.index - 1]
      switch element.name {
      case "lot": place.append("lot \(element.attribute("id") ?? "?")")
      case "line": place.append("line \(element.attribute("number") ?? "?")")
      default: place.append("<\(element.name)>")
      }
    }
    return (element, place.isEmpty ? "<\(root.name)>" : place.joined(separator: ", "))
  }

  /// One step of a node path: `*`, `*[3]`, `name`, `prefix:name[2]`.
  struct Step {
    /// The local name, or nil for `*` (any element).
    var name: String?
    /// The 1-based position among the matching siblings.
    var index: Int

    init?(_ text: Substring) {
      var body = text
      index = 1
      if body.hasSuffix("]"), let open = body.lastIndex(of: "[") {
        guard let value = Int(body[body.index(after: open)..<body.index(before: body.endIndex)]) else { return nil }
        index = value
        body = body[..<open]
      }
      guard !body.isEmpty else { return nil }
      name = body == "*" ? nil : String(body.split(separator: ":").last ?? body)
    }

    /// Whether `element` is one of the siblings this step counts.
    func matches(_ element: XMLElementTree) -> Bool {
      name == nil || element.name == name
    }
  }
}
