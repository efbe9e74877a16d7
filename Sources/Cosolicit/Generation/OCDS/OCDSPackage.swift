import Foundation

/// What every OCDS 1.1 release package Cosolicit writes shares: the ocid, the extensions, the package wrapper,
/// and the way dates, organizations, values and units are written. The tender stage (``OCDSTenderRelease``,
/// `internal/ocds.json` of a build) and the award stage (`ocds.json` of an award package) both use it.
///
/// Everything is computed from the solicitation and the bids, never from the clock, so two runs give the same
/// bytes; amounts and quantities are exact JSON numbers.
public enum OCDSPackage {
  /// The OCDS version the packages declare.
  public static let version = "1.1"

  /// The extensions the releases use, as the URLs of their `extension.json` (the versions the schemas in
  /// `Tests/OCDS/schema` were patched from): lots, bids, techniques, contract buyer.
  public static let extensions = [
    "https://raw.githubusercontent.com/open-contracting-extensions/ocds_lots_extension/v1.1.5/extension.json",
    "https://raw.githubusercontent.com/open-contracting-extensions/ocds_bid_extension/v1.1.5/extension.json",
    "https://raw.githubusercontent.com/open-contracting-extensions/ocds_techniques_extension/master/extension.json",
    "https://raw.githubusercontent.com/open-contracting-extensions/ocds_contract_buyer_extension/master/"
      + "extension.json",
  ]

  /// The ocid of `variant` of `solicitation`: `<prefix>-<solicitation id>`, with `-piggyback` for the
  /// piggyback-open variant, which is a contracting process of its own.
  public static func ocid(_ solicitation: Solicitation, variant: DocumentVariant = .joint) -> String {
    let base = "\(solicitation.ocdsPrefix?.value ?? OCDSPrefix.placeholder)-\(solicitation.id)"
    return variant == .joint ? base : "\(base)-\(variant.rawValue)"
  }

  /// A release package of `releases`, published on `published` by the lead agency of `solicitation`; `stage`
  /// (`tender`, `award`) names the package in its URI.
  static func package(
    _ releases: [JSONValue], solicitation: Solicitation, stage: String, published: String
  ) -> JSONValue {
    .object([
      ("uri", .string("urn:cosolicit:\(ocid(solicitation)):\(stage)")),
      ("version", .string(version)),
      ("publishedDate", .string(published)),
      ("publisher", .object([("name", .string(solicitation.leadAgency?.name ?? solicitation.id))])),
      ("extensions", .array(extensions.map(JSONValue.string))),
      ("releases", .array(releases)),
    ])
  }

  /// `date` at `time` (midnight when nil) in the solicitation's time zone, as an RFC 3339 date-time with the
  /// zone's offset; in UTC (`Z`) when the solicitation names no zone.
  static func dateTime(_ date: CalendarDate, time: LocalDateTime.TimeOfDay? = nil, zone: TimeZone?) -> String {
    let local = LocalDateTime(date: date, time: time ?? LocalDateTime.TimeOfDay(hour: 0, minute: 0))
    guard let zone else { return local.description + "Z" }
    return local.isoText(in: zone)
  }

  /// A moment as the solicitation writes it (a date alone is its midnight).
  static func dateTime(_ moment: LocalDateTime, zone: TimeZone?) -> String {
    dateTime(moment.date, time: moment.time, zone: zone)
  }

  /// The last second of `date`: where a period that ends on a whole day ends.
  static func endOfDay(_ date: CalendarDate, zone: TimeZone?) -> String {
    dateTime(date, time: LocalDateTime.TimeOfDay(hour: 23, minute: 59, second: 59), zone: zone)
  }

  /// An organization reference: `{id, name}`.
  static func reference(id: String, name: String) -> JSONValue {
    .object([("id", .string(id)), ("name", .string(name))])
  }

  /// An agency as a party: id, name, address (its state), contact point, and `roles`.
  static func party(_ agency: Agency, roles: [String]) -> JSONValue {
    var members: [(String, JSONValue)] = [("id", .string(agency.id.value)), ("name", .string(agency.name))]
    if let state = agency.state {
      members.append(("address", .object([("region", .string(state)), ("countryName", .string("United States"))])))
    }
    if let contact = agency.contact {
      var point: [(String, JSONValue)] = []
      if let name = contact.name { point.append(("name", .string(name))) }
      if let email = contact.email { point.append(("email", .string(email))) }
      if let phone = contact.phone { point.append(("telephone", .string(phone))) }
      if !point.isEmpty { members.append(("contactPoint", .object(point))) }
    }
    members.append(("roles", .array(roles.map(JSONValue.string))))
    return .object(members)
  }

  /// A monetary value `{amount, currency}`.
  static func value(_ amount: Decimal, currency: String) -> JSONValue {
    .object([("amount", .number(amount)), ("currency", .string(currency))])
  }

  /// An item's unit: the UN/CEFACT Recommendation 20 code the tool identifies units by (packages by their
  /// `X`-prefixed Recommendation 21 code, which Recommendation 20 lists too), its name, and, when given, the
  /// price of one.
  static func unit(_ code: String, price: Decimal? = nil, currency: String) -> JSONValue {
    var members: [(String, JSONValue)] = [
      ("scheme", .string("UNCEFACT")), ("id", .string(code)),
      ("name", .string(UnitOfMeasure.withCode(code)?.name ?? code)),
    ]
    if let price { members.append(("value", value(price, currency: currency))) }
    return .object(members)
  }

  /// A classification `{scheme, id}` with the scheme as OCDS's itemClassificationScheme codelist spells it
  /// (`UNSPSC`, `CPV`; `NIGP`, which the open codelist lacks, as the tool writes it).
  static func classification(_ classification: Classification) -> JSONValue {
    .object([("scheme", .string(classification.scheme.rawValue)), ("id", .string(classification.code))])
  }

  /// An item id: the line number (`3`), with the zone for a line priced by zone (`3-north`).
  static func itemID(line: Int, zone: String? = nil) -> String {
    zone.map { "\(line)-\($0)" } ?? String(line)
  }
}
