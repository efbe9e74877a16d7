/// A YAML or JSON document as a tree of text values, lists and mappings, each with its position.
///
/// Both formats are read into this one tree so that the same code checks fields, types and unknown names
/// whatever the participant wrote. Scalars keep the exact text written, so numbers are never rounded through
/// `Double` and YAML's implicit typing (`NO` becoming false) never applies.
public struct DocumentNode: Sendable {
  /// One key and its value in a mapping.
  public struct Entry: Sendable {
    /// The key as written.
    public var key: String
    /// Where the key was written.
    public var keyLocation: SourceLocation
    /// The value.
    public var value: DocumentNode
  }

  /// What a node holds.
  public enum Value: Sendable {
    /// An empty value: `~`, `null` or nothing after the colon.
    case null
    /// A text, number or boolean, exactly as written (without quotes).
    case scalar(String)
    /// A list.
    case sequence([DocumentNode])
    /// Keys and values, in the order written.
    case mapping([Entry])
  }

  /// What the node holds.
  public var value: Value
  /// Where the node starts.
  public var location: SourceLocation

  /// Creates a node.
  public init(_ value: Value, at location: SourceLocation) {
    self.value = value
    self.location = location
  }

  /// "a mapping", "a list", "a value" or "nothing", for type mismatch messages.
  public var kindDescription: String {
    switch value {
    case .null: "nothing"
    case .scalar: "a single value"
    case .sequence: "a list"
    case .mapping: "a mapping of fields"
    }
  }
}
