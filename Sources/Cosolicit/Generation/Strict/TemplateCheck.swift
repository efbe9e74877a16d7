/// Checks that templates name only what their model has, as Mustache would resolve each name: the first part
/// of a name along the section context stack, innermost context outward; the rest through nested models. A
/// partial is checked where it is included, against the contexts open there. Mustache itself renders an unknown
/// name as nothing, silently.
struct TemplateCheck {
  /// A template: its text and where it came from, for findings.
  struct Template {
    /// The Mustache text.
    var text: String
    /// The file it came from.
    var origin: String
  }

  /// The templates a check may include, by the name partials use (the file name without `.mustache`).
  let templates: [String: Template]
  /// The unknown names found, each once.
  private(set) var problems: [Diagnostic] = []
  private var seen: Set<Diagnostic> = []

  /// A check of templates that may include each other from `templates`.
  init(templates: [String: Template]) { self.templates = templates }

  /// Checks the template `name` as rendered from `model`, and the partials it includes.
  mutating func check(_ name: String, against model: any DocumentModel.Type) {
    check(name, stack: [model.schema], including: [])
  }

  private mutating func check(_ name: String, stack start: [DocumentSchema], including chain: [String]) {
    guard let template = templates[name] else { return }
    var stack = start
    for tag in MustacheTag.tags(in: template.text) {
      let location = SourceLocation(path: template.origin, line: tag.line, column: tag.column)
      switch tag.kind {
      case .variable:
        let resolution = resolve(tag, in: stack, at: location)
        if tag.isRaw, !tag.variable.isEmpty {
          if case .field(.markup) = resolution { continue }
          if case .unknown = resolution { continue }
          report(
            "'\(tag.name)' is printed unescaped, but it is not markup; unescaped tags ({{{name}}}, {{&name}}) may "
              + "print only markup fields (such as a section's html), since any other text may come from input "
              + "files: write {{\(tag.name)}}", at: location)
        }
      case .section:
        switch resolve(tag, in: stack, at: location) {
        case .field(.object(let model)): stack.append(model.schema)
        case .field(.list(let model)): stack.append(model.schema)
        case .unknown: stack.append(.unknown)
        case .field, .unchecked: stack.append(.empty)
        }
      case .invertedSection:
        _ = resolve(tag, in: stack, at: location)
        stack.append(.empty)
      case .block:
        stack.append(.empty)
      case .close:
        if stack.count > 1 { stack.removeLast() }
      case .partial, .parent:
        include(tag.name, stack: stack, chain: chain + [name], at: location)
        if tag.kind == .parent { stack.append(.empty) }
      }
    }
  }

  /// Checks the partial `name` against the contexts open where it is included.
  private mutating func include(_ name: String, stack: [DocumentSchema], chain: [String], at location: SourceLocation) {
    guard templates[name] != nil else {
      let known = templates.keys.sorted()
      report("unknown partial '\(name)'" + NearestName.hint(for: name, among: known), at: location)
      return
    }
    guard !chain.contains(name) else { return }
    check(name, stack: stack, including: chain)
  }

  /// What a name resolves to.
  private enum Resolution {
    /// A field of a model.
    case field(DocumentSchema.Kind)
    /// The current context, a list position, or a name inside a section whose own name is unknown.
    case unchecked
    /// Nothing: reported.
    case unknown
  }

  /// What `tag` names; an unknown name is reported.
  private mutating func resolve(
    _ tag: MustacheTag, in stack: [DocumentSchema], at location: SourceLocation
  ) -> Resolution {
    let name = tag.variable
    guard !name.isEmpty, name != "." else { return .unchecked }
    let parts = name.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
    // `.x` names the current context only; `x` the innermost context that has it.
    let searched = name.hasPrefix(".") ? [stack[stack.count - 1]] : Array(stack.reversed())
    let first = name.hasPrefix(".") ? parts[1] : parts[0]
    var found: DocumentSchema.Kind?
    for schema in searched {
      if let kind = schema.kinds[first] {
        found = kind
        break
      }
      if schema.acceptsAnything { return .unchecked }
    }
    guard var kind = found else {
      let known = Set(searched.flatMap(\.kinds.keys))
      report("unknown name '\(name)'" + NearestName.hint(for: first, among: known), at: location)
      return .unknown
    }
    var path = (name.hasPrefix(".") ? "." : "") + first
    for part in parts.dropFirst(name.hasPrefix(".") ? 2 : 1) {
      guard case .object(let model) = kind, let next = model.schema.kinds[part] else {
        var known: [String] = []
        if case .object(let model) = kind { known = Array(model.schema.kinds.keys) }
        let hint = NearestName.to(part, among: known).map { " (did you mean '\(path).\($0)'?)" } ?? ""
        report("unknown name '\(name)'" + hint, at: location)
        return .unknown
      }
      path += "." + part
      kind = next
    }
    return .field(kind)
  }

  private mutating func report(_ message: String, at location: SourceLocation) {
    let problem = Diagnostic(.error, message, at: location)
    if seen.insert(problem).inserted { problems.append(problem) }
  }
}
