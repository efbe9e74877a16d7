import Foundation
import Yams

/// Reads YAML text into a ``DocumentNode`` tree with Yams, keeping positions and reporting syntax errors
/// with their line and column.
public enum YAMLDocumentReader {
  /// The most nodes a document may expand to; bounds alias expansion ("billion laughs").
  public static let maximumNodes = 1_000_000
  /// The deepest nesting of `[` and `{` accepted, so that composing never exhausts the stack.
  public static let maximumFlowDepth = 200

  /// Parses `source`; returns nil for a document with no content, or the syntax error.
  public static func read(_ source: SourceFile) -> Result<DocumentNode?, Diagnostic> {
    readReportingAll(source).result
  }

  /// Parses `source` as ``read(_:)`` does; when keys are repeated, `more` holds the findings after the first:
  /// every key given again in any mapping, each with a note at its first place (Yams stops at the first mapping).
  static func readReportingAll(_ source: SourceFile) -> (result: Result<DocumentNode?, Diagnostic>, more: [Diagnostic])
  {
    let result = readFirst(source)
    guard case .failure(let problem) = result, problem.message.hasPrefix(repeatedKeyPrefix) else { return (result, []) }
    var findings: [Diagnostic] = []
    for repeated in YAMLDuplicateKeys.find(in: source.text) {
      findings.append(
        Diagnostic(
          .error,
          "\(repeatedKeyPrefix)'\(FieldReader.shown(repeated.key))' appears more than once in one mapping; "
            + "give each field once",
          at: SourceLocation(path: source.path, line: repeated.line, column: repeated.column)))
      findings.append(
        Diagnostic(
          .note, "'\(FieldReader.shown(repeated.key))' is first given here",
          at: SourceLocation(path: source.path, line: repeated.firstLine, column: repeated.firstColumn)))
    }
    guard let first = findings.first else { return (result, []) }
    return (.failure(first), Array(findings.dropFirst()))
  }

  /// How the finding of a repeated key starts.
  private static let repeatedKeyPrefix = "malformed YAML: the key "

  private static func readFirst(_ source: SourceFile) -> Result<DocumentNode?, Diagnostic> {
    let path = source.path
    if let offset = offsetOfExcessiveFlowNesting(source.bytes) {
      let (line, column) = SourceFile.position(ofByte: offset, in: source.bytes)
      return .failure(
        Diagnostic(
          .error, "malformed YAML: lists and mappings nest deeper than \(maximumFlowDepth) levels",
          at: SourceLocation(path: path, line: line, column: column)))
    }
    if let offset = offsetOfExcessiveValues(source.bytes) {
      let (line, column) = SourceFile.position(ofByte: offset, in: source.bytes)
      return .failure(
        Diagnostic(
          .error, "the document holds more than \(maximumNodes) values; split it into several files",
          at: SourceLocation(path: path, line: line, column: column)))
    }
    let root: Node?
    do {
      // The basic resolver: tags are never used here (scalars are read as written), and resolving them runs
      // regular expressions on every key when Yams checks for duplicates.
      root = try Yams.compose(yaml: source.text, .basic)
    } catch let error as YamlError {
      return .failure(diagnostic(for: error, source: source))
    } catch {
      return .failure(Diagnostic(.error, "malformed YAML: \(error)", at: .start(of: path)))
    }
    guard let root else { return .success(nil) }
    var budget = maximumNodes
    guard let tree = convert(root, path: path, end: endOfText(source.bytes), budget: &budget) else {
      return .failure(
        Diagnostic(
          .error,
          "malformed YAML: the document expands to more than \(maximumNodes) values "
            + "(are aliases repeating large parts?)", at: .start(of: path)))
    }
    return .success(tree)
  }

  /// Where `mark` is; libyaml puts a mark at the end of a file without a final line break (an error, or the
  /// empty document of `---`) on a line past the last one, which is put at the end of the last line instead.
  private static func location(
    of mark: Mark, path: String, end: (line: Int, column: Int)
  ) -> SourceLocation {
    mark.line > end.line
      ? SourceLocation(path: path, line: end.line, column: end.column)
      : SourceLocation(path: path, line: mark.line, column: mark.column)
  }

  private static func convert(
    _ node: Node, path: String, end: (line: Int, column: Int), budget: inout Int
  ) -> DocumentNode? {
    budget -= 1
    guard budget >= 0 else { return nil }
    let location = node.mark.map { Self.location(of: $0, path: path, end: end) } ?? .start(of: path)
    switch node {
    case .scalar(let scalar):
      let isNull = scalar.style == .plain && ["", "~", "null", "Null", "NULL"].contains(scalar.string)
      return DocumentNode(isNull ? .null : .scalar(scalar.string), at: location)
    case .sequence(let sequence):
      var items: [DocumentNode] = []
      for element in sequence {
        guard let item = convert(element, path: path, end: end, budget: &budget) else { return nil }
        items.append(item)
      }
      return DocumentNode(.sequence(items), at: location)
    case .mapping(let mapping):
      var entries: [DocumentNode.Entry] = []
      for (key, value) in mapping {
        guard let converted = convert(value, path: path, end: end, budget: &budget) else { return nil }
        let keyLocation = key.mark.map { Self.location(of: $0, path: path, end: end) } ?? location
        let keyText = key.scalar?.string ?? "<\(key.mapping != nil ? "mapping" : "list") used as a key>"
        entries.append(DocumentNode.Entry(key: keyText, keyLocation: keyLocation, value: converted))
      }
      return DocumentNode(.mapping(entries), at: location)
    case .alias:
      // Yams resolves aliases while composing; an unresolved one carries nothing to read.
      return DocumentNode(.null, at: location)
    }
  }

  private static func diagnostic(for error: YamlError, source: SourceFile) -> Diagnostic {
    let path = source.path
    let end = endOfText(source.bytes)
    func at(_ mark: Mark) -> SourceLocation { location(of: mark, path: path, end: end) }
    func describe(_ problem: String, _ context: YamlError.Context?) -> String {
      let problem = problem.trimmed
      guard let context else { return "malformed YAML: \(problem)" }
      return "malformed YAML: \(problem) (\(context.text) at line \(context.mark.line), "
        + "column \(context.mark.column))"
    }
    switch error {
    case .scanner(let context, let problem, let mark, _),
      .parser(let context, let problem, let mark, _),
      .composer(let context, let problem, let mark, _):
      return Diagnostic(.error, describe(problem, context), at: at(mark))
    case .reader(let problem, let offset, _, _):
      let (line, column) = SourceFile.position(ofByte: offset ?? 0, in: source.bytes)
      return Diagnostic(
        .error, "malformed YAML: \(problem)", at: SourceLocation(path: path, line: line, column: column))
    case .duplicatedKeysInMapping(let duplicates, let context):
      let names = duplicates.map { "'\($0)'" }.joined(separator: ", ")
      return Diagnostic(
        .error, "\(repeatedKeyPrefix)\(names) appears more than once in one mapping; give each field once",
        at: at(context.mark))
    default:
      return Diagnostic(.error, "malformed YAML: \(error)", at: .start(of: path))
    }
  }

  /// The offset where the document's values, estimated before composing, exceed twice `maximumNodes`:
  /// composing builds every node in memory before `convert` can count them, so a long run of tiny values
  /// (`[1,1,1,…]`, or lines of `- - - x`) must be refused first. Beyond the first, a value needs an indicator
  /// (`- `, `? `, `: `, the last shared by a key and its value), a `,` or a `[`/`{`, so the estimate is at least
  /// half the nodes composed; the slack keeps such punctuation inside text from refusing a real file.
  private static func offsetOfExcessiveValues(_ bytes: [UInt8]) -> Int? {
    let limit = 2 * maximumNodes
    var count = 0
    var depth = 0
    for (offset, byte) in bytes.enumerated() {
      switch byte {
      case UInt8(ascii: "["), UInt8(ascii: "{"):
        depth += 1
        count += 1
      case UInt8(ascii: "]"), UInt8(ascii: "}"): depth = max(0, depth - 1)
      case UInt8(ascii: ","): if depth > 0 { count += 1 }
      case UInt8(ascii: "-"), UInt8(ascii: "?"), UInt8(ascii: ":"):
        let next = offset + 1 < bytes.count ? bytes[offset + 1] : UInt8(ascii: "\n")
        if next == UInt8(ascii: " ") || next == UInt8(ascii: "\n") || next == UInt8(ascii: "\t")
          || next == UInt8(ascii: "\r")
        {
          count += 1
        }
      default: continue
      }
      if count > limit { return offset }
    }
    return nil
  }

  /// The line and column just past the last character, counting line breaks as YAML does: LF, CR, CR LF, and
  /// the Unicode NEL, LS and PS.
  private static func endOfText(_ bytes: [UInt8]) -> (line: Int, column: Int) {
    var line = 1
    var column = 1
    for (index, byte) in bytes.enumerated() {
      let isBreak =
        switch byte {
        case 0x0A: true
        case 0x0D: index + 1 == bytes.count || bytes[index + 1] != 0x0A
        case 0x85: index > 0 && bytes[index - 1] == 0xC2
        case 0xA8, 0xA9: index > 1 && bytes[index - 2] == 0xE2 && bytes[index - 1] == 0x80
        default: false
        }
      if isBreak {
        line += 1
        column = 1
      } else if byte & 0xC0 != 0x80 {
        column += 1
      }
    }
    return (line, column)
  }

  /// The offset of the first `[` or `{` nested deeper than allowed. Brackets inside quotes and comments
  /// count too: a real file never holds hundreds of unmatched brackets, and skipping quoted text would let an
  /// apostrophe hide the nesting.
  private static func offsetOfExcessiveFlowNesting(_ bytes: [UInt8]) -> Int? {
    var depth = 0
    for (offset, byte) in bytes.enumerated() {
      switch byte {
      case UInt8(ascii: "["), UInt8(ascii: "{"):
        depth += 1
        if depth > maximumFlowDepth { return offset }
      case UInt8(ascii: "]"), UInt8(ascii: "}"): depth = max(0, depth - 1)
      default: break
      }
    }
    return nil
  }
}
