import Foundation

/// The generic name of a time zone as people in the United States read it in a notice: "Pacific Time", not
/// "PST" or "Pacific Daylight Time", so the one name holds all year. Fixed to English and independent of the
/// machine's own zone and locale.
public enum TimeZoneName {
  /// Names of the zones bids are usually due in, by IANA identifier.
  static let table: [String: String] = [
    "America/New_York": "Eastern Time", "America/Detroit": "Eastern Time",
    "America/Indiana/Indianapolis": "Eastern Time", "America/Kentucky/Louisville": "Eastern Time",
    "US/Eastern": "Eastern Time", "America/Chicago": "Central Time", "America/Indiana/Knox": "Central Time",
    "America/Menominee": "Central Time", "US/Central": "Central Time", "America/Denver": "Mountain Time",
    "America/Boise": "Mountain Time", "US/Mountain": "Mountain Time", "America/Phoenix": "Mountain Standard Time",
    "US/Arizona": "Mountain Standard Time", "America/Los_Angeles": "Pacific Time", "US/Pacific": "Pacific Time",
    "America/Anchorage": "Alaska Time", "America/Juneau": "Alaska Time", "US/Alaska": "Alaska Time",
    "Pacific/Honolulu": "Hawaii-Aleutian Standard Time", "US/Hawaii": "Hawaii-Aleutian Standard Time",
    "America/Adak": "Hawaii-Aleutian Time", "America/Puerto_Rico": "Atlantic Standard Time",
    "Pacific/Guam": "Chamorro Standard Time", "America/Halifax": "Atlantic Time", "America/Toronto": "Eastern Time",
    "America/Vancouver": "Pacific Time", "America/Edmonton": "Mountain Time", "America/Winnipeg": "Central Time",
    "America/St_Johns": "Newfoundland Time", "Europe/London": "UK Time", "UTC": "Coordinated Universal Time",
    "Etc/UTC": "Coordinated Universal Time", "GMT": "Greenwich Mean Time",
  ]

  /// The zone's generic English name: from the table above, else Foundation's generic name in US English,
  /// else the IANA identifier itself.
  public static func generic(of zone: TimeZone) -> String {
    if let name = table[zone.identifier] { return name }
    return zone.localizedName(for: .generic, locale: Locale(identifier: "en_US")) ?? zone.identifier
  }

  /// The zone named by the IANA identifier `name`, matched as Foundation knows it; nil for an unknown name or
  /// a bare offset or abbreviation (`PST`, `GMT+8`), which does not follow daylight-saving rules by place.
  public static func zone(named name: String) -> TimeZone? {
    guard name.contains("/") || ["UTC", "GMT"].contains(name), let zone = TimeZone(identifier: name) else {
      return nil
    }
    return zone
  }

  /// The IANA names Foundation knows, for hints.
  public static var knownNames: [String] { TimeZone.knownTimeZoneIdentifiers }
}
