import Foundation

/// Reads the fields of one mapping (a YAML or JSON object, or a CSV row), reporting every missing, mistyped
/// and unknown field instead of stopping at the first.
///
/// Declare the known field names up front; each accessor marks its field as read; ``finish(_:)`` reports any
/// field never declared, with the nearest known name as a hint.
public struct FieldReader {
  /// What the mapping is, for messages: `agency`, `items[3]`, `row 12`.
  public private(set) var context: String
  /// Whether this is a document's top level, whose nested mappings are named by their key alone.
  public let isRoot: Bool
  /// Where the mapping starts; missing fields are reported here.
  public let location: SourceLocation
  private let known: [String]
  private var entries: [String: DocumentNode.Entry] = [:]
  private var order: [String] = []
  /// A CSV row read in place, by its header's column positions, instead of through `entries`.
  private var row: (columns: TableRows.Columns, fields: [CSVTable.Field])?

  /// Reads `node` as a mapping; reports an error and returns nil when it is something else.
  public init?(
    _ node: DocumentNode, context: String, known: [String], isRoot: Bool = false,
    diagnostics: inout DiagnosticCollector
  ) {
    guard case .mapping(let list) = node.value else {
      diagnostics.error("\(context) must be a mapping of fields, found \(node.kindDescription)", at: node.location)
      return nil
    }
    self.context = context
    self.isRoot = isRoot
    self.location = node.location
    self.known = known
    for entry in list {
      if let first = entries[entry.key] {
        diagnostics.error(
          "\(context): field '\(entry.key)' is given twice; give each field once", at: entry.keyLocation)
        diagnostics.note("'\(entry.key)' is first given here", at: first.keyLocation)
        continue
      }
      entries[entry.key] = entry
      order.append(entry.key)
    }
  }

  /// Reads a well-formed CSV row in place: an empty cell is an absent field. The header was checked already,
  /// so no column is unknown or repeated. Building no mapping per row keeps large needs files fast.
  init(row record: CSVTable.Record, columns: TableRows.Columns, context: String) {
    self.context = context
    self.isRoot = false
    self.location = record.location
    self.known = []
    self.row = (columns, record.fields)
  }

  /// The field's entry, if present; a CSV row's empty cell is absent.
  private func entry(_ key: String) -> DocumentNode.Entry? {
    guard row != nil else { return entries[key] }
    guard let field = cell(key) else { return nil }
    return DocumentNode.Entry(
      key: key, keyLocation: field.location, value: DocumentNode(.scalar(field.text), at: field.location))
  }

  /// A CSV row's non-empty cell in the column `key`; nil when the column is absent or the cell empty. A cell
  /// guarded against formulas as the tool writes CSV (`'=…`, `'+…`) reads as the text it guards.
  private func cell(_ key: String) -> CSVTable.Field? {
    guard let row, let index = row.columns.index[key], index < row.fields.count else { return nil }
    var field = row.fields[index]
    guard !field.text.isEmpty else { return nil }
    field.text = CSVCell.unescaped(field.text)
    return field
  }

  /// The same fields under another name, for messages.
  func named(_ context: String) -> FieldReader {
    var copy = self
    copy.context = context
    return copy
  }

  /// Whether the field is absent, empty or blank text (as opposed to a list or mapping).
  public func isBlank(_ key: String) -> Bool {
    switch entry(key)?.value.value {
    case nil, .null: true
    case .scalar(let text): text.trimmed.isEmpty
    default: false
    }
  }

  /// Reports every field that is not among the known names.
  public func finish(_ diagnostics: inout DiagnosticCollector) {
    for key in order where !known.contains(key) {
      guard let entry = entries[key] else { continue }
      diagnostics.error(
        "\(context): unknown field '\(Self.shown(key))'\(NearestName.hint(for: key, among: known)); "
          + "expected one of: \(known.joined(separator: ", "))", at: entry.keyLocation)
    }
  }

  /// Whether the field is present with a non-empty value.
  public func has(_ key: String) -> Bool {
    guard let entry = entry(key) else { return false }
    if case .null = entry.value.value { return false }
    return true
  }

  /// Where the field's key is written, if the field is present.
  public func keyLocation(of key: String) -> SourceLocation? { entry(key)?.keyLocation }

  /// Where the field's value is, or where the mapping starts when the field is absent.
  public func location(of key: String) -> SourceLocation {
    entry(key)?.value.location ?? location
  }

  /// The field's node, or nil when absent or empty; reports a missing required field.
  public func node(
    _ key: String, required: Bool = false, _ diagnostics: inout DiagnosticCollector
  ) -> DocumentNode? {
    guard let node = entry(key)?.value, !isNull(node) else {
      if required {
        diagnostics.error("\(context): missing required field '\(key)'", at: location(of: key))
      }
      return nil
    }
    return node
  }

  /// The longest text a field may hold, in UTF-8 bytes: far above any real name, description or note, so that
  /// one value cannot swell every generated document.
  public static let maximumTextLength = 1_048_576

  /// The field as trimmed text; reports a list or mapping where text was expected, a text longer than
  /// ``maximumTextLength``, and a control character that XML forbids (such as NUL or ESC; tab and line
  /// breaks are fine), which no generated document could show.
  public func text(
    _ key: String, required: Bool = false, _ diagnostics: inout DiagnosticCollector
  ) -> Located<String>? {
    guard let (raw, place) = scalar(key, required: required, &diagnostics) else { return nil }
    let text = raw.trimmed
    if text.isEmpty {
      if required {
        diagnostics.error("\(context): missing required field '\(key)' (it is empty)", at: place)
      }
      return nil
    }
    if text.utf8.count > Self.maximumTextLength {
      diagnostics.error(
        "\(context): '\(key)' is \(text.utf8.count) bytes long; a value may be at most \(Self.maximumTextLength) "
          + "bytes", at: place)
      return nil
    }
    if let scalar = Self.forbiddenCharacter(in: text) {
      let code = String(scalar.value, radix: 16, uppercase: true)
      diagnostics.error(
        "\(context): '\(key)' contains the control character U+\(String(repeating: "0", count: 4 - code.count))"
          + "\(code), which documents cannot show; remove it", at: place)
      return nil
    }
    return Located(text, at: place)
  }

  /// Where a row's missing field is reported: in a worksheet, at its empty cell, where a spreadsheet's user looks;
  /// in a CSV file, where the row starts.
  private func missingPlace(_ key: String) -> SourceLocation {
    guard location.sheet != nil, let row, let index = row.columns.index[key], index < row.fields.count else {
      return location
    }
    return row.fields[index].location
  }

  /// The field's text as written and where it is; nil when absent or empty, reporting a missing required field
  /// or a list or mapping. A CSV row's cell is read in place.
  private func scalar(
    _ key: String, required: Bool, _ diagnostics: inout DiagnosticCollector
  ) -> (String, SourceLocation)? {
    if row != nil {
      if let field = cell(key) { return (field.text, field.location) }
      if required { diagnostics.error("\(context): missing required field '\(key)'", at: missingPlace(key)) }
      return nil
    }
    guard let node = node(key, required: required, &diagnostics) else { return nil }
    guard case .scalar(let raw) = node.value else {
      diagnostics.error(
        "\(context): '\(key)' must be a single value, found \(node.kindDescription)", at: node.location)
      return nil
    }
    return (raw, node.location)
  }

  /// The first character in `text` that XML 1.0 forbids: a C0 control other than tab, line feed and carriage
  /// return, or U+FFFE, U+FFFF.
  static func forbiddenCharacter(in text: String) -> Unicode.Scalar? {
    // Fast path: such characters are C0 bytes or start with 0xEF in UTF-8.
    guard text.utf8.contains(where: { ($0 < 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D) || $0 == 0xEF })
    else { return nil }
    return text.unicodeScalars.first { scalar in
      (scalar.value < 0x20 && !["\t", "\n", "\r"].contains(scalar)) || scalar.value == 0xFFFE
        || scalar.value == 0xFFFF
    }
  }

  /// `text` for quoting in a message: at most 60 characters, so that a runaway value does not flood the output.
  static func shown(_ text: String) -> String {
    text.unicodeScalars.count <= 60 ? text : String(String.UnicodeScalarView(text.unicodeScalars.prefix(57))) + "..."
  }

  /// The field as an id (letters, digits, `.`, `_`, `-`).
  public func identifier(
    _ key: String, required: Bool = false, _ diagnostics: inout DiagnosticCollector
  ) -> Located<String>? {
    guard let text = text(key, required: required, &diagnostics) else { return nil }
    guard Identifier.isValid(text.value) else {
      diagnostics.error(
        "\(context): '\(key)' '\(Self.shown(text.value))' is not a valid id; use \(Identifier.rule) characters",
        at: text.location)
      return nil
    }
    return text
  }

  /// The field as a `YYYY-MM-DD` date.
  public func date(
    _ key: String, required: Bool = false, _ diagnostics: inout DiagnosticCollector
  ) -> Located<CalendarDate>? {
    guard let text = text(key, required: required, &diagnostics) else { return nil }
    guard let date = CalendarDate(iso: text.value) else {
      diagnostics.error(
        "\(context): '\(key)' '\(Self.shown(text.value))' is not a date; expected YYYY-MM-DD, such as 2027-07-01",
        at: text.location)
      return nil
    }
    return Located(date, at: text.location)
  }

  /// The field as an exact decimal; `positive` demands more than zero, otherwise zero or more. Thousands may be
  /// grouped with commas as US writing does (`10,000`, `1,234.5`); other groupings are errors that say why.
  public func decimal(
    _ key: String, required: Bool = false, positive: Bool, _ diagnostics: inout DiagnosticCollector
  ) -> Located<Decimal>? {
    guard let text = text(key, required: required, &diagnostics) else { return nil }
    let expected = positive ? "a positive decimal number" : "a decimal number of zero or more"
    switch DecimalText.parse(text.value, thousands: true) {
    case .failure(let problem):
      diagnostics.error(
        "\(context): '\(key)' '\(Self.shown(text.value))' \(problem); expected \(expected)", at: text.location)
      return nil
    case .success(let value):
      guard positive ? value > 0 : value >= 0 else {
        diagnostics.error("\(context): '\(key)' is \(Self.shown(text.value)); expected \(expected)", at: text.location)
        return nil
      }
      return Located(value, at: text.location)
    }
  }

  /// The field as a whole number in `range`.
  public func integer(
    _ key: String, required: Bool = false, in range: ClosedRange<Int>, _ diagnostics: inout DiagnosticCollector
  ) -> Located<Int>? {
    guard let text = text(key, required: required, &diagnostics) else { return nil }
    guard let value = Int(text.value), range.contains(value) else {
      diagnostics.error(
        "\(context): '\(key)' '\(Self.shown(text.value))' must be a whole number from \(range.lowerBound) to "
          + "\(range.upperBound)", at: text.location)
      return nil
    }
    return Located(value, at: text.location)
  }

  /// The field as one of a keyword type's words, matched without regard to case.
  public func keyword<K: Keyword>(
    _ key: String, as type: K.Type, required: Bool = false, _ diagnostics: inout DiagnosticCollector
  ) -> Located<K>? {
    guard let text = text(key, required: required, &diagnostics) else { return nil }
    guard let value = K.matching(text.value) else {
      let words = K.allCases.map(\.rawValue)
      diagnostics.error(
        "\(context): '\(key)' '\(Self.shown(text.value))' is not one of: \(K.acceptedWords)"
          + NearestName.hint(for: text.value, among: words), at: text.location)
      return nil
    }
    return Located(value, at: text.location)
  }

  /// The field as a list; a single value is read as a list of one.
  public func list(
    _ key: String, required: Bool = false, _ diagnostics: inout DiagnosticCollector
  ) -> [DocumentNode]? {
    guard let node = node(key, required: required, &diagnostics) else { return nil }
    switch node.value {
    case .sequence(let items): return items
    case .scalar: return [node]
    default:
      diagnostics.error("\(context): '\(key)' must be a list, found \(node.kindDescription)", at: node.location)
      return nil
    }
  }

  /// The field as a nested mapping's reader.
  public func mapping(
    _ key: String, known: [String], required: Bool = false, _ diagnostics: inout DiagnosticCollector
  ) -> FieldReader? {
    guard let node = node(key, required: required, &diagnostics) else { return nil }
    let name = isRoot ? key : "\(context).\(key)"
    return FieldReader(node, context: name, known: known, diagnostics: &diagnostics)
  }

  private func isNull(_ node: DocumentNode) -> Bool {
    if case .null = node.value { return true }
    return false
  }
}

extension DocumentNode {
  /// The text of a scalar node, trimmed; nil for anything else.
  public var scalarText: String? {
    guard case .scalar(let text) = value else { return nil }
    return text.trimmed
  }
}
