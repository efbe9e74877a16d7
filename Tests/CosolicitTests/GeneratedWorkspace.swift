import Foundation

@testable import Cosolicit

/// A random but valid workspace, described independently of the tool: each needs line knows the quantity it
/// must add to its item's base unit, computed here from literal factors rather than by the code under test.
struct GeneratedWorkspace {
  struct Item: Sendable {
    var id: String
    var classification: String
    var baseUnit: String
    var price: String?
    var packs: String
    /// The units a line may use, with how many base units one of them is.
    var units: [(unit: String, factor: Decimal)]
  }

  struct Line: Sendable {
    var item: String?  // nil for a write-in
    var writeInDescription: String?
    var writeInClassification = "UNSPSC:43211599"
    var quantity: Decimal
    var unit: String
    var commitment: Commitment
    var notes: String?
    var needBy: String
    /// The quantity in the base unit of the unit's dimension (or of the catalog item), and that unit.
    var expectedBase: Decimal
    var expectedUnit: String
    /// The catalog price per base unit, if any.
    var price: Decimal?
    /// A partial commitment's minimum, in `unit` (with ``withQuantities`` only).
    var minimumQuantity: Decimal?
    /// Whether the line is written `as-needed` (with ``withQuantities`` only).
    var isAsNeeded = false
    /// ``minimumQuantity`` in the base unit.
    var expectedMinimumBase: Decimal?
  }

  /// Write-in units: the unit, its dimension's base unit, and how many base units one is.
  static let writeInUnits: [(unit: String, base: String, factor: Decimal)] = [
    ("EA", "EA", 1), ("DZN", "EA", 12), ("KGM", "KGM", 1), ("lb", "KGM", Decimal(string: "0.45359237")!),
  ]
  static let writeInClassifications = ["UNSPSC:43211599", "UNSPSC:43211598"]
  static let notes = [nil, nil, "Rugged cases", "Needs touch screens", "Deliver after 3 pm"]
  static let dates = ["2027-07-15", "2027-08-01", "2027-09-30", "2028-01-10"]

  struct Participant {
    var id: String
    var type: String
    var lines: [Line]
  }

  static let items: [Item] = [
    Item(
      id: "LAPTOP", classification: "UNSPSC:43211503", baseUnit: "EA", price: "950.25", packs: "XCS=12;XBX=10",
      units: [("EA", 1), ("each", 1), ("DZN", 12), ("case", 12), ("XBX", 10)]),
    Item(
      id: "SALT", classification: "UNSPSC:47131801", baseUnit: "KGM", price: "0.37", packs: "",
      units: [
        ("KGM", 1), ("lb", Decimal(string: "0.45359237")!), ("GRM", Decimal(string: "0.001")!),
        ("short ton", Decimal(string: "907.18474")!),
      ]),
    Item(
      id: "CLEANER", classification: "UNSPSC:47131802", baseUnit: "LTR", price: nil, packs: "",
      units: [("LTR", 1), ("gallon", Decimal(string: "3.785411784")!), ("MLT", Decimal(string: "0.001")!)]),
    Item(
      id: "MOWING", classification: "NIGP:988-36", baseUnit: "MON", price: "420", packs: "",
      units: [("MON", 1), ("year", 12), ("QAN", 3)]),
  ]

  /// Write-in descriptions that must merge: they differ only in case, spacing and punctuation.
  static let writeInSpellings = ["Widget, blue", "widget  blue", "WIDGET blue.", "Widget - Blue"]

  var participants: [Participant]
  /// Whether the workspace has commitment bands (80–120 % for the solicitation, 95–105 % for LAPTOP), partial
  /// commitments and as-needed lines.
  var hasQuantityTerms = false

  /// The bands of the workspace with ``hasQuantityTerms``: the solicitation's, and LAPTOP's own.
  static let band = (minimum: Decimal(80), maximum: Decimal(120))
  static let laptopBand = (minimum: Decimal(95), maximum: Decimal(105))

  /// The same workspace as ``init(seed:)`` gives, with commitment bands, and with some of its lines made partial
  /// commitments or as-needed lines, drawn from a second stream so that the lines themselves are the same.
  static func withQuantities(seed: UInt64) -> GeneratedWorkspace {
    var generated = GeneratedWorkspace(seed: seed)
    generated.hasQuantityTerms = true
    var random = SeededRandom(seed: seed &+ 0x5EED)
    for index in generated.participants.indices {
      for line in generated.participants[index].lines.indices {
        let draw = Int.random(in: 0..<8, using: &random)
        let quarters = Decimal(Int.random(in: 0...4, using: &random))
        if draw == 0 {
          generated.participants[index].lines[line].isAsNeeded = true
          generated.participants[index].lines[line].commitment = .estimate
        } else if draw <= 2, generated.participants[index].lines[line].commitment == .binding {
          generated.participants[index].lines[line].minimumQuantity =
            generated.participants[index].lines[line].quantity * quarters / 4
          generated.participants[index].lines[line].expectedMinimumBase =
            generated.participants[index].lines[line].expectedBase * quarters / 4
        }
      }
    }
    return generated
  }

  /// The guaranteed minimum and the maximum a line must give, in its base unit, worked out here.
  func expectedRange(_ line: Line) -> (minimum: Decimal, nominal: Decimal, maximum: Decimal) {
    guard hasQuantityTerms else {
      return (line.commitment == .binding ? line.expectedBase : 0, line.expectedBase, line.expectedBase)
    }
    if line.isAsNeeded { return (0, 0, 0) }
    if line.commitment == .estimate { return (0, line.expectedBase, line.expectedBase) }
    let band = line.item == "LAPTOP" ? Self.laptopBand : Self.band
    let maximum = line.expectedBase * band.maximum / 100
    if let minimum = line.expectedMinimumBase { return (minimum, line.expectedBase, maximum) }
    return (line.expectedBase * band.minimum / 100, line.expectedBase, maximum)
  }

  init(seed: UInt64) {
    var random = SeededRandom(seed: seed)
    let types = ["county", "city", "k12", "higher-ed", "special-district", "nonprofit"]
    participants = (0..<Int.random(in: 2...6, using: &random)).map { index in
      let lines = (0..<Int.random(in: 1...8, using: &random)).map { _ -> Line in
        let quantity = Decimal(Int.random(in: 1...5000, using: &random)) / 100
        let commitment: Commitment = Int.random(in: 0..<4, using: &random) == 0 ? .estimate : .binding
        let notes = Self.notes.randomElement(using: &random)!
        let needBy = Self.dates.randomElement(using: &random)!
        if Int.random(in: 0..<5, using: &random) == 0 {
          let unit = Self.writeInUnits.randomElement(using: &random)!
          return Line(
            item: nil, writeInDescription: Self.writeInSpellings.randomElement(using: &random)!,
            writeInClassification: Self.writeInClassifications.randomElement(using: &random)!, quantity: quantity,
            unit: unit.unit, commitment: commitment, notes: notes, needBy: needBy,
            expectedBase: quantity * unit.factor, expectedUnit: unit.base, price: nil)
        }
        let item = Self.items.randomElement(using: &random)!
        let unit = item.units.randomElement(using: &random)!
        return Line(
          item: item.id, writeInDescription: nil, quantity: quantity, unit: unit.unit, commitment: commitment,
          notes: notes, needBy: needBy, expectedBase: quantity * unit.factor, expectedUnit: item.baseUnit,
          price: item.price.flatMap { Decimal(string: $0) })
      }
      return Participant(id: "agency-\(index)", type: types[index % types.count], lines: lines)
    }
  }

  /// The expected catalog totals per base unit and commitment.
  func expectedCatalogTotals(_ commitment: Commitment) -> [String: Decimal] {
    var totals: [String: Decimal] = [:]
    for line in participants.flatMap(\.lines) where line.item != nil && line.commitment == commitment {
      totals[line.expectedUnit, default: 0] += line.expectedBase
    }
    return totals
  }

  /// The expected value at the catalog prices of the lines with `commitment`.
  func expectedValue(_ commitment: Commitment) -> Decimal {
    participants.flatMap(\.lines).filter { $0.commitment == commitment }.reduce(Decimal(0)) {
      $0 + $1.expectedBase * ($1.price ?? 0)
    }
  }

  /// The expected write-in lines: one per classification and dimension, in the unit every share used or else
  /// in the dimension's base unit, with its committed and estimated totals.
  var expectedWriteIns: [String: (unit: String, committed: Decimal, estimated: Decimal)] {
    var groups: [String: [Line]] = [:]
    for line in participants.flatMap(\.lines) where line.item == nil {
      groups["\(line.writeInClassification) \(line.expectedUnit)", default: []].append(line)
    }
    return groups.mapValues { lines in
      let sameUnit = Set(lines.map(\.unit)).count == 1
      let codes = ["EA": "EA", "DZN": "DZN", "KGM": "KGM", "lb": "LBR"]
      let unit = sameUnit ? codes[lines[0].unit, default: lines[0].unit] : lines[0].expectedUnit
      func total(_ commitment: Commitment) -> Decimal {
        lines.filter { $0.commitment == commitment }.reduce(Decimal(0)) {
          $0 + (sameUnit ? $1.quantity : $1.expectedBase)
        }
      }
      return (unit, total(.binding), total(.estimate))
    }
  }

  /// How the same needs are laid out in files.
  struct Layout: Sendable {
    /// The file format for participant `index`: "yaml", "json" or "csv".
    var format: @Sendable (Int) -> String
    /// The file name (without extension) for participant `index`.
    var name: @Sendable (Int) -> String
    /// The order of a participant's lines.
    var order: @Sendable (Int, [Line]) -> [Line]
  }

  static var plainLayout: Layout {
    Layout(
      format: { ["yaml", "json", "csv"][$0 % 3] }, name: { "p\($0)" }, order: { $1 })
  }

  /// Writes the workspace into `folder`.
  func write(to folder: URL, layout: Layout) throws {
    let files = FileManager.default
    try files.createDirectory(at: folder.appendingPathComponent("needs"), withIntermediateDirectories: true)
    let band = "commitment_band: {minimum_percent: \(Self.band.minimum), maximum_percent: \(Self.band.maximum)}\n"
    try (Self.solicitation + (hasQuantityTerms ? band : "")).write(
      to: folder.appendingPathComponent("solicitation.yaml"), atomically: true, encoding: .utf8)
    var catalog = "item,description,classification,unit,estimated_unit_price,packs,minimum_percent,maximum_percent\n"
    for item in Self.items {
      let itemBand =
        hasQuantityTerms && item.id == "LAPTOP" ? "\(Self.laptopBand.minimum),\(Self.laptopBand.maximum)" : ","
      catalog +=
        "\(item.id),\(item.id.capitalized) as specified,\(item.classification),\(item.baseUnit),"
        + "\(item.price ?? ""),\(item.packs),\(itemBand)\n"
    }
    try catalog.write(to: folder.appendingPathComponent("catalog.csv"), atomically: true, encoding: .utf8)
    for (index, participant) in participants.enumerated() {
      let lines = layout.order(index, participant.lines)
      let format = layout.format(index)
      let text: String
      switch format {
      case "yaml": text = Self.yaml(participant, lines)
      case "json": text = Self.json(participant, lines)
      default: text = Self.csv(participant, lines)
      }
      try text.write(
        to: folder.appendingPathComponent("needs/\(layout.name(index)).\(format)"), atomically: true, encoding: .utf8)
    }
  }

  static func yaml(_ participant: Participant, _ lines: [Line]) -> String {
    var text = "agency: {id: \(participant.id), name: \"Agency \(participant.id)\", type: \(participant.type)}\n"
    text += "deliver_to: \"Site of \(participant.id)\"\nitems:\n"
    for line in lines {
      text +=
        line.item.map { "  - item: \($0)\n" }
        ?? "  - description: \"\(line.writeInDescription!)\"\n    classification: \(line.writeInClassification)\n"
      text +=
        "    quantity: \(line.isAsNeeded ? "as-needed" : "\(line.quantity)")\n    unit: \(line.unit)\n"
        + "    commitment: \(line.commitment.rawValue)\n"
        + (line.minimumQuantity.map { "    minimum_quantity: \($0)\n" } ?? "")
      text += "    need_by: \(line.needBy)\n" + (line.notes.map { "    notes: \"\($0)\"\n" } ?? "")
    }
    return text
  }

  static func json(_ participant: Participant, _ lines: [Line]) -> String {
    var text =
      "{\"agency\": {\"id\": \"\(participant.id)\", \"name\": \"Agency \(participant.id)\", "
      + "\"type\": \"\(participant.type)\"},\n\"deliver_to\": \"Site of \(participant.id)\",\n\"items\": [\n"
    text += lines.map { line in
      let what =
        line.item.map { "\"item\": \"\($0)\"" }
        ?? "\"description\": \"\(line.writeInDescription!)\", \"classification\": \"\(line.writeInClassification)\""
      let notes = line.notes.map { ", \"notes\": \"\($0)\"" } ?? ""
      let minimum = line.minimumQuantity.map { ", \"minimum_quantity\": \($0)" } ?? ""
      let quantity = line.isAsNeeded ? "\"as-needed\"" : "\(line.quantity)"
      return "  {\(what), \"quantity\": \(quantity)\(minimum), \"unit\": \"\(line.unit)\", "
        + "\"commitment\": \"\(line.commitment.rawValue)\", \"need_by\": \"\(line.needBy)\"\(notes)}"
    }.joined(separator: ",\n")
    return text + "\n]}\n"
  }

  static func csv(_ participant: Participant, _ lines: [Line]) -> String {
    var text =
      "agency_id,agency_name,agency_type,item,description,classification,quantity,unit,commitment,deliver_to,"
      + "need_by,notes,minimum_quantity\n"
    for line in lines {
      let what =
        line.item.map { "\($0),," }
        ?? "," + CSVCell.escape(line.writeInDescription!) + ",\(line.writeInClassification)"
      text +=
        "\(participant.id),Agency \(participant.id),\(participant.type),\(what),"
        + "\(line.isAsNeeded ? "AS-NEEDED" : "\(line.quantity)"),"
        + CSVCell.escape(line.unit) + ",\(line.commitment.rawValue),Site of \(participant.id),\(line.needBy),"
        + CSVCell.escape(line.notes ?? "") + ",\(line.minimumQuantity.map { "\($0)" } ?? "")\n"
    }
    return text
  }

  static let solicitation = """
    id: GEN-1
    title: Generated
    lead_agency: {id: agency-0, name: Lead, type: county}
    schedule: {issue: 2027-03-01, questions_due: 2027-03-10, responses_due: 2027-04-01, award_target: 2027-05-01}
    ordering_window_closes: 2027-02-15
    term: {start: 2027-07-01, months: 24}
    award_method: by-line
    lots:
      - {id: T, title: Technology, classifications: ["UNSPSC:4321"]}
      - {id: C, title: Custodial, classifications: ["UNSPSC:4713"]}
      - {id: G, title: Grounds, classifications: ["NIGP:988"]}
    evaluation: [{criterion: Price, weight: 100}]
    formal_bid_threshold: 50000

    """
}
