/// One needs file: a YAML or JSON file holds one participant, a CSV file one or more.
public struct NeedsFile: Sendable {
  /// Where the file was read from.
  public var path: String
  /// The participants it holds.
  public var participants: [Participant]
  /// How many lines the file has, including lines too broken to keep.
  public var lineCount: Int
}
