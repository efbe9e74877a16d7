/// One needs file: a YAML or JSON file holds one participant, a CSV file one or more.
public struct NeedsFile: Sendable {
  /// Where the file was read from.
  public var path: String
  /// What the file says for each agency, including lines and agencies too broken to keep.
  var sections: [NeedsSection]
  /// How many lines the file has, including lines too broken to keep.
  public var lineCount: Int

  /// The participants whose agency could be read, each with its complete lines.
  public var participants: [Participant] { sections.compactMap(\.participant) }
  /// How many participants ``participants`` holds.
  public var participantCount: Int { sections.count { $0.agency != nil } }
}
