import Mustache

/// A value documents show, read by templates through one table of named fields. The same table answers the
/// templates while rendering (`child(named:)`) and describes the model to the strict template check, so the
/// names a template may use cannot drift from what rendering finds.
protocol DocumentModel: MustacheParent, Sendable {
  /// The fields templates may name, with how each is read.
  static var fields: DocumentFields<Self> { get }
}

extension DocumentModel {
  /// The field's value, or nil when the model has no such field (or the field is absent here), so that
  /// Mustache looks further out along its context stack as it does for any missing name.
  func child(named name: String) -> Any? { Self.fields.byName[name]?.read(self) }

  /// The names and kinds of the fields, for the strict template check.
  static var schema: DocumentSchema { DocumentSchema(type: String(describing: Self.self), kinds: fields.kinds) }
}

/// The fields of one model type, by name.
struct DocumentFields<Model>: Sendable, ExpressibleByArrayLiteral {
  /// Each field by its name.
  let byName: [String: DocumentField<Model>]

  /// A table of `fields`; a name given twice is a programming error.
  init(arrayLiteral fields: DocumentField<Model>...) {
    byName = Dictionary(uniqueKeysWithValues: fields.map { ($0.name, $0) })
  }

  /// What each name is.
  var kinds: [String: DocumentSchema.Kind] { byName.mapValues(\.kind) }
}

/// One named field of a model: what a template may do with it, and how its value is read.
struct DocumentField<Model>: Sendable {
  /// The name templates use.
  let name: String
  /// What the field holds.
  let kind: DocumentSchema.Kind
  /// Reads the value a template sees; nil when the field is absent from this model value.
  let read: @Sendable (Model) -> Any?

  /// Text printed as it is (numbers and dates arrive formatted).
  static func text(_ name: String, _ read: @escaping @Sendable (Model) -> String?) -> Self {
    Self(name: name, kind: .text, read: { read($0) })
  }

  /// Markup already safe in its format (an HTML fragment, Markdown or WordprocessingML rendered by the
  /// markdown corner): the only kind a template may print unescaped, with `{{{name}}}` or `{{&name}}`.
  static func markup(_ name: String, _ read: @escaping @Sendable (Model) -> String?) -> Self {
    Self(name: name, kind: .markup, read: { read($0) })
  }

  /// A count, printed in decimal digits.
  static func count(_ name: String, _ read: @escaping @Sendable (Model) -> Int) -> Self {
    Self(name: name, kind: .text, read: { String(read($0)) })
  }

  /// A yes-or-no, for `{{#name}}` and `{{^name}}`.
  static func flag(_ name: String, _ read: @escaping @Sendable (Model) -> Bool?) -> Self {
    Self(name: name, kind: .flag, read: { read($0) })
  }

  /// A nested model, entered with `{{#name}}` or named through as `name.field`.
  static func object<Child: DocumentModel>(_ name: String, _ read: @escaping @Sendable (Model) -> Child?) -> Self {
    Self(name: name, kind: .object(Child.self), read: { read($0) })
  }

  /// A list of models, repeated with `{{#name}}`.
  static func list<Element: DocumentModel>(_ name: String, _ read: @escaping @Sendable (Model) -> [Element]?) -> Self {
    Self(name: name, kind: .list(Element.self), read: { read($0) })
  }
}

/// The static description of a model type: each field's name and kind, nested types by their own schema.
struct DocumentSchema: Sendable {
  /// What a field holds, as far as a template is concerned.
  enum Kind: Sendable {
    /// Printed.
    case text
    /// Printed unescaped: markup already safe in its format.
    case markup
    /// Tested.
    case flag
    /// Entered, or named through.
    case object(any DocumentModel.Type)
    /// Repeated, each element entered.
    case list(any DocumentModel.Type)
  }

  /// The model type's name.
  let type: String
  /// Each field's kind, by name.
  let kinds: [String: Kind]

  /// Whether any name resolves here: the context of a section whose own name is unknown, so that one
  /// misspelt section is one finding rather than one per name inside it.
  var acceptsAnything = false

  /// A context with no names, such as the text a `{{#text}}` section enters.
  static let empty = DocumentSchema(type: "text", kinds: [:])
  /// The context of a section whose name is unknown.
  static let unknown = DocumentSchema(type: "unknown", kinds: [:], acceptsAnything: true)
}
