/// The lead agency's record of decisions the tabulation cannot make itself (`WORKSPACE/award.yaml`): how each
/// exact tie that the declared rules left standing was resolved.
public struct AwardRecord: Sendable {
  /// One recorded tie resolution, naming its award unit by lot, line and zone.
  public struct TieResolution: Sendable {
    /// The lot of the unit; nil for an all-or-none award (the whole).
    public var lot: Located<String>?
    /// The line of a by-line unit.
    public var line: Located<Int>?
    /// The zone of the unit, when lines are priced by zone.
    public var zone: Located<String>?
    /// The winning bid: its file name without `.xml`, or its bidder name as signed.
    public var winner: Located<String>
    /// How the tie was resolved (`drawing`, `coin toss`, …), as written.
    public var method: String
    /// When.
    public var date: CalendarDate
    /// Who witnessed it.
    public var witnesses: [String]
    /// The entry.
    public var location: SourceLocation
  }

  /// The file, as given.
  public var path: String
  /// The resolutions, in file order.
  public var ties: [TieResolution]
  /// The date of the award (`awarded`), which the OCDS release and the schedules carry; nil when not recorded.
  public var awarded: Located<CalendarDate>?

  /// No record (no `award.yaml`).
  public static func none(_ path: String) -> AwardRecord { AwardRecord(path: path, ties: [], awarded: nil) }
}
