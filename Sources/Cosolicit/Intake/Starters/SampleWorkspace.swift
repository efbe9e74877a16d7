import Foundation

/// Writes a realistic synthetic workspace: a solicitation with four lots, a catalog with packs, and needs files
/// of many participants in CSV, YAML and JSON, with mixed units, estimates and write-ins. The same seed gives
/// the same files.
public struct SampleWorkspace: Sendable {
  /// How many participants (needs files).
  public var participants: Int
  /// How many lines each participant submits.
  public var lines: Int
  /// How many catalog items.
  public var items: Int
  /// The random seed.
  public var seed: UInt64
  /// The formats of the needs files.
  public var formats: Formats

  /// Which formats the needs files are written in.
  public enum Formats: String, CaseIterable, Sendable {
    /// 70% CSV, 20% YAML and 10% JSON, as a regional cooperative might receive them.
    case mixed
    /// CSV only, as exported from spreadsheets and purchasing systems.
    case csv
    /// YAML only.
    case yaml
    /// JSON only.
    case json
  }

  /// Describes a sample workspace.
  public init(participants: Int, lines: Int, items: Int = 60, seed: UInt64 = 1, formats: Formats = .mixed) {
    self.participants = participants
    self.lines = lines
    self.items = items
    self.seed = seed
    self.formats = formats
  }

  /// A catalog item of the sample, with the units a needs line may use for it.
  struct Item {
    var id: String
    var description: String
    var classification: String
    var unit: String
    var price: String
    var packs: String
    var lineUnits: [String]
  }

  /// The kinds of items the catalog is made of, cycled through.
  private static let kinds:
    [(prefix: String, noun: String, code: String, unit: String, packs: String, units: [String])] = [
      ("LAP", "Laptop, business class, model", "UNSPSC:432115", "EA", "", ["each", "EA"]),
      ("MON", "Monitor, 24 in, model", "UNSPSC:432119", "EA", "", ["each"]),
      ("TWL", "Paper towel, multifold, grade", "UNSPSC:141117", "EA", "XCS=16", ["each", "case", "XCS"]),
      ("LNR", "Can liner, 40 x 46 in, gauge", "UNSPSC:471217", "EA", "XRO=25;XCS=100", ["each", "roll", "case"]),
      ("FLR", "Floor cleaner concentrate, formula", "UNSPSC:471318", "GLL", "XCS=4", ["gallon", "GLL", "case"]),
      ("ICE", "Ice melt, blend", "UNSPSC:471318", "LBR", "XBG=50", ["lb", "short ton", "bag"]),
      ("MOW", "Turf mowing per acre, service level", "NIGP:988-36", "ACR", "", ["acre"]),
      ("CRW", "Grounds crew labor, crew type", "NIGP:988-37", "HUR", "", ["hour", "HUR"]),
      ("CHR", "Task chair, ergonomic, model", "UNSPSC:561121", "EA", "XBX=2", ["each", "box"]),
    ]

  private var catalogItems: [Item] {
    (0..<max(1, items)).map { index in
      let kind = Self.kinds[index % Self.kinds.count]
      let variant = index / Self.kinds.count + 1
      let digits = kind.code.hasPrefix("UNSPSC") ? String(format: "%02d", 10 + index % 89) : ""
      let classification = kind.code.hasPrefix("UNSPSC") ? kind.code + digits : kind.code
      let cents = 100 + (index * 7919) % 90_000
      return Item(
        id: "\(kind.prefix)-\(String(format: "%03d", variant))", description: "\(kind.noun) \(variant)",
        classification: classification, unit: kind.unit, price: "\(cents / 100).\(String(format: "%02d", cents % 100))",
        packs: kind.packs, lineUnits: kind.units)
    }
  }

  /// Writes the workspace into `folder`, which must not exist or be empty (nothing is overwritten).
  public func write(to folder: String) throws(StarterWorkspace.Failure) {
    var random = SeededRandom(seed: seed)
    var files: [(path: String, contents: String)] = [
      ("solicitation.yaml", Self.solicitation), ("catalog.csv", catalogCSV),
    ]
    let catalog = catalogItems
    let types = ["county", "city", "k12", "k12", "higher-ed", "special-district", "nonprofit", "city"]
    let states = ["OR", "WA", "CA", "ID", "NV"]
    for index in 0..<participants {
      let id = "agency-\(String(format: "%05d", index + 1))"
      let agency = (
        id: id, name: "Sample \(types[index % types.count].capitalized) \(index + 1)",
        type: types[index % types.count], state: states[index % states.count]
      )
      let needs = (0..<lines).map { _ in Self.line(catalog: catalog, random: &random) }
      switch (formats, index % 10) {
      case (.yaml, _), (.mixed, 7), (.mixed, 8): files.append(("needs/\(id).yaml", Self.yaml(agency, needs)))
      case (.json, _), (.mixed, 9): files.append(("needs/\(id).json", Self.json(agency, needs)))
      default: files.append(("needs/\(id).csv", Self.csv(agency, needs)))
      }
    }
    try StarterWorkspace.write(files, to: folder)
  }

  /// One sample needs line.
  struct Line {
    var item: Item?
    var writeIn: (description: String, classification: String)?
    var quantity: String
    var unit: String
    var commitment: String
    var needBy: String
    var deliverTo: String
  }

  private static func line(catalog: [Item], random: inout SeededRandom) -> Line {
    let quantity = "\(Int.random(in: 1...400, using: &random))" + (Bool.random(using: &random) ? "" : ".5")
    let commitment = Int.random(in: 0..<10, using: &random) == 0 ? "estimate" : "binding"
    let month = Int.random(in: 7...12, using: &random)
    let needBy =
      "2027-\(String(format: "%02d", month))-\(String(format: "%02d", Int.random(in: 1...28, using: &random)))"
    let site = "Site \(Int.random(in: 1...5, using: &random))"
    if Int.random(in: 0..<50, using: &random) == 0 {
      let writeIns = [("Standing desk, electric", "UNSPSC:56112104"), ("Document camera, 4K", "UNSPSC:43211599")]
      let choice = writeIns[Int.random(in: 0..<writeIns.count, using: &random)]
      return Line(
        item: nil, writeIn: choice, quantity: quantity, unit: "each", commitment: commitment, needBy: needBy,
        deliverTo: site)
    }
    let item = catalog[Int.random(in: 0..<catalog.count, using: &random)]
    let unit = item.lineUnits[Int.random(in: 0..<item.lineUnits.count, using: &random)]
    return Line(
      item: item, writeIn: nil, quantity: quantity, unit: unit, commitment: commitment, needBy: needBy, deliverTo: site)
  }

  private var catalogCSV: String {
    var text = "item,description,classification,unit,estimated_unit_price,packs\n"
    for item in catalogItems {
      text +=
        "\(item.id),\(CSVCell.escape(item.description)),\(item.classification),\(item.unit),\(item.price),"
        + "\(item.packs)\n"
    }
    return text
  }

  typealias AgencyFields = (id: String, name: String, type: String, state: String)

  private static func csv(_ agency: AgencyFields, _ lines: [Line]) -> String {
    var text =
      "agency_id,agency_name,agency_type,item,description,classification,quantity,unit,commitment,deliver_to,need_by\n"
    for line in lines {
      let what =
        line.item.map { "\($0.id),," }
        ?? ",\(CSVCell.escape(line.writeIn?.description ?? "")),\(line.writeIn?.classification ?? "")"
      text +=
        "\(agency.id),\(agency.name),\(agency.type),\(what),\(line.quantity),\(line.unit),\(line.commitment),"
        + "\(line.deliverTo),\(line.needBy)\n"
    }
    return text
  }

  private static func yaml(_ agency: AgencyFields, _ lines: [Line]) -> String {
    var text = "agency:\n  id: \(agency.id)\n  name: \(agency.name)\n  type: \(agency.type)\n  state: \(agency.state)\n"
    text += "submitted: 2027-01-10\nitems:\n"
    for line in lines {
      if let item = line.item {
        text += "  - item: \(item.id)\n"
      } else if let writeIn = line.writeIn {
        text += "  - description: \"\(writeIn.description)\"\n    classification: \(writeIn.classification)\n"
      }
      text +=
        "    quantity: \(line.quantity)\n    unit: \(line.unit)\n    commitment: \(line.commitment)\n"
        + "    deliver_to: \(line.deliverTo)\n    need_by: \(line.needBy)\n"
    }
    return text
  }

  private static func json(_ agency: AgencyFields, _ lines: [Line]) -> String {
    var text =
      "{\"agency\": {\"id\": \"\(agency.id)\", \"name\": \"\(agency.name)\", \"type\": \"\(agency.type)\", "
      + "\"state\": \"\(agency.state)\"},\n\"submitted\": \"2027-01-10\",\n\"items\": [\n"
    text += lines.map { line in
      let what =
        line.item.map { "\"item\": \"\($0.id)\"" }
        ?? "\"description\": \"\(line.writeIn!.description)\", \"classification\": \"\(line.writeIn!.classification)\""
      return "  {\(what), \"quantity\": \(line.quantity), \"unit\": \"\(line.unit)\", \"commitment\": "
        + "\"\(line.commitment)\", \"deliver_to\": \"\(line.deliverTo)\", \"need_by\": \"\(line.needBy)\"}"
    }.joined(separator: ",\n")
    return text + "\n]}\n"
  }

  static let solicitation = """
    # A synthetic solicitation written by `cosolicit sample`.
    id: SAMPLE-2027-01
    title: Sample Cooperative Technology, Custodial, Furniture and Grounds Solicitation
    currency: USD
    lead_agency: {id: agency-00001, name: Sample County 1, type: county, state: OR}
    schedule: {issue: 2027-02-01, questions_due: 2027-02-12, responses_due: 2027-03-09, award_target: 2027-05-12}
    ordering_window_closes: 2027-01-15
    term: {start: 2027-07-01, months: 36, renewal_options: 2, renewal_months: 12}
    award_method: by-lot
    lots:
      - {id: L1, title: Technology, classifications: ["UNSPSC:4321"]}
      - {id: L2, title: Custodial supplies, classifications: ["UNSPSC:1411", "UNSPSC:4712", "UNSPSC:4713"]}
      - {id: L3, title: Furniture, classifications: ["UNSPSC:5611"]}
      - {id: L4, title: Grounds maintenance, classifications: ["NIGP:988"]}
    evaluation: [{criterion: Price, weight: 70}, {criterion: Service, weight: 30}]
    cooperative: {eligible: [state, county, city, k12, higher-ed, special-district, nonprofit], geography: Western states}
    formal_bid_threshold: 150000

    """
}
