import Foundation

@testable import Cosolicit

/// A deterministic pseudo-random source (SplitMix64), so that a failing seed can be replayed.
struct SeededRandom: RandomNumberGenerator {
  var state: UInt64

  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}

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
    var quantity: Decimal
    var unit: String
    var commitment: Commitment
    var expectedBase: Decimal
    var expectedUnit: String
  }

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

  init(seed: UInt64) {
    var random = SeededRandom(state: seed)
    let types = ["county", "city", "k12", "higher-ed", "special-district", "nonprofit"]
    participants = (0..<Int.random(in: 2...6, using: &random)).map { index in
      let lines = (0..<Int.random(in: 1...8, using: &random)).map { _ -> Line in
        let quantity = Decimal(Int.random(in: 1...5000, using: &random)) / 100
        let commitment: Commitment = Int.random(in: 0..<4, using: &random) == 0 ? .estimate : .binding
        if Int.random(in: 0..<6, using: &random) == 0 {
          let spelling = Self.writeInSpellings.randomElement(using: &random)!
          return Line(
            item: nil, writeInDescription: spelling, quantity: quantity, unit: "EA", commitment: commitment,
            expectedBase: quantity, expectedUnit: "EA")
        }
        let item = Self.items.randomElement(using: &random)!
        let unit = item.units.randomElement(using: &random)!
        return Line(
          item: item.id, writeInDescription: nil, quantity: quantity, unit: unit.unit, commitment: commitment,
          expectedBase: quantity * unit.factor, expectedUnit: item.baseUnit)
      }
      return Participant(id: "agency-\(index)", type: types[index % types.count], lines: lines)
    }
  }

  /// The expected total per base unit over every line.
  var expectedTotals: [String: Decimal] {
    var totals: [String: Decimal] = [:]
    for line in participants.flatMap(\.lines) { totals[line.expectedUnit, default: 0] += line.expectedBase }
    return totals
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
    try Self.solicitation.write(
      to: folder.appendingPathComponent("solicitation.yaml"), atomically: true, encoding: .utf8)
    var catalog = "item,description,classification,unit,estimated_unit_price,packs\n"
    for item in Self.items {
      catalog +=
        "\(item.id),\(item.id.capitalized) as specified,\(item.classification),\(item.baseUnit),"
        + "\(item.price ?? ""),\(item.packs)\n"
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
        ?? "  - description: \"\(line.writeInDescription!)\"\n    classification: UNSPSC:43211599\n"
      text += "    quantity: \(line.quantity)\n    unit: \(line.unit)\n    commitment: \(line.commitment.rawValue)\n"
      text += "    need_by: 2027-08-01\n"
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
        ?? "\"description\": \"\(line.writeInDescription!)\", \"classification\": \"UNSPSC:43211599\""
      return "  {\(what), \"quantity\": \(line.quantity), \"unit\": \"\(line.unit)\", "
        + "\"commitment\": \"\(line.commitment.rawValue)\", \"need_by\": \"2027-08-01\"}"
    }.joined(separator: ",\n")
    return text + "\n]}\n"
  }

  static func csv(_ participant: Participant, _ lines: [Line]) -> String {
    var text =
      "agency_id,agency_name,agency_type,item,description,classification,quantity,unit,commitment,deliver_to,need_by\n"
    for line in lines {
      let what = line.item.map { "\($0),," } ?? "," + CSVCell.escape(line.writeInDescription!) + ",UNSPSC:43211599"
      text +=
        "\(participant.id),Agency \(participant.id),\(participant.type),\(what),\(line.quantity),"
        + CSVCell.escape(line.unit) + ",\(line.commitment.rawValue),Site of \(participant.id),2027-08-01\n"
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
