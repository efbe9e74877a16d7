import CosolicitTestSupport
import Foundation
import Testing

@testable import Cosolicit

/// Untrusted text stays text: every string of `Tests/Fixtures/hostile/strings.txt` is put in every text field of
/// every input file of a small workspace (YAML, JSON and CSV needs files, a CSV catalog, the solicitation), the
/// package is built, and each output (the Word documents too) is checked in its own terms against a build of the same workspace whose
/// text fields all say "Plain words": the same elements, attributes, Markdown structure and CSV shape, with the
/// hostile string shown as itself. The content fields (submission address, opening place, questions, insurance,
/// price index, authority) carry it too, through the Markdown standard sections. Characters no document can show
/// are refused (`control.txt`).
@Suite struct HostileTextTests {
  /// One corpus entry, named by its line in the fixture so test names stay short.
  struct Sample: Sendable, CustomTestStringConvertible {
    var name: String
    var text: String
    var testDescription: String { name }
  }

  static let hostile = fixtures.appendingPathComponent("hostile")

  /// The entries of a corpus file, with its escapes decoded.
  static func corpus(_ file: String) -> [Sample] {
    let text = (try? String(contentsOf: hostile.appendingPathComponent(file), encoding: .utf8)) ?? ""
    return text.split(separator: "\n", omittingEmptySubsequences: false).enumerated().compactMap { index, line in
      guard !line.isEmpty, !line.hasPrefix("//") else { return nil }
      return Sample(name: "\(file):\(index + 1)", text: unescape(String(line)))
    }
  }

  /// Decodes `\t`, `\r`, `\n`, `\\` and `\u{XXXX}`.
  static func unescape(_ line: String) -> String {
    var output = String.UnicodeScalarView()
    var scalars = Substring(line).unicodeScalars
    while let scalar = scalars.popFirst() {
      guard scalar == "\\", let next = scalars.popFirst() else {
        output.append(scalar)
        continue
      }
      switch next {
      case "t": output.append("\t")
      case "r": output.append("\r")
      case "n": output.append("\n")
      case "u":
        let digits = scalars.dropFirst().prefix { $0 != "}" }
        output.append(Unicode.Scalar(UInt32(String(String.UnicodeScalarView(digits)), radix: 16) ?? 0xFFFD)!)
        scalars = scalars.dropFirst(digits.count + 2)
      default: output.append(next)
      }
    }
    return String(output)
  }

  /// The corpus, and all of it repeated to 100 KB as one more string.
  static let samples: [Sample] = {
    let strings = corpus("strings.txt")
    let joined = strings.map { $0.text.trimmed }.joined(separator: " ")
    var long = ""
    while long.utf8.count < 100_000 { long += joined + " " }
    return strings + [Sample(name: "all of strings.txt, 100 KB", text: long)]
  }()

  static let baselineText = "Plain words"

  // MARK: - The workspace

  /// The marker the workspace texts below carry in every text field.
  static let marker = "@@TEXT@@"

  static let solicitation = """
    id: HOSTILE-1
    title: @@TEXT@@
    description: @@TEXT@@
    currency: USD
    lead_agency:
      id: lead-agency
      name: @@TEXT@@
      type: city
      state: @@TEXT@@
      contact: {name: @@TEXT@@, email: @@TEXT@@, phone: @@TEXT@@}
      signer: {name: @@TEXT@@, title: @@TEXT@@}
    schedule: {issue: 2027-03-01, questions_due: 2027-03-12, responses_due: 2027-04-01, award_target: 2027-05-15}
    ordering_window_closes: 2027-02-15
    term: {start: 2027-07-01, months: 24, renewal_options: 1, renewal_months: 12}
    award_method: by-line
    lots:
      - {id: L1, title: @@TEXT@@, classifications: ["UNSPSC:4321"]}
      - {id: L2, title: @@TEXT@@, classifications: ["UNSPSC:4713"]}
    evaluation:
      - {criterion: @@TEXT@@, weight: 100}
    cooperative:
      eligible: [city, county, k12]
      geography: @@TEXT@@
      admin_fee_percent: 1
      instrument: @@TEXT@@
      usage_reporting: @@TEXT@@
    formal_bid_threshold: 150000
    terms: {delivery: @@TEXT@@, payment: @@TEXT@@}
    timezone: America/Los_Angeles
    submission: {methods: [sealed, electronic], address: @@TEXT@@, portal_url: "https://bids.example.gov/x", copies: 2}
    bid_opening: {at: 2027-04-01T14:30, place: @@TEXT@@}
    bid_validity_days: 90
    questions: {to: @@TEXT@@}
    bonds: {bid_security_percent: 5, performance_bond_percent: 100}
    insurance: @@TEXT@@
    price_adjustment: {kind: annual-index, index: @@TEXT@@}
    authority: @@TEXT@@
    non_appropriation: true

    """

  static let catalog = """
    item,description,classification,unit,lot,estimated_unit_price,packs
    LAPTOP,@@TEXT@@,UNSPSC:43211503,EA,,950.00,
    TOWEL,@@TEXT@@,UNSPSC:47131502,EA,,2.10,XCS=16

    """

  static let yamlNeeds = """
    agency:
      id: lead-agency
      name: @@TEXT@@
      type: city
      state: @@TEXT@@
      contact: {name: @@TEXT@@, email: @@TEXT@@, phone: @@TEXT@@}
      signer: {name: @@TEXT@@, title: @@TEXT@@}
    submitted: 2027-02-01
    deliver_to: @@TEXT@@
    items:
      - {item: LAPTOP, quantity: 4, unit: each, need_by: 2027-08-01, notes: @@TEXT@@}
      - {description: @@TEXT@@, classification: "UNSPSC:43211599", quantity: 2, unit: each, deliver_to: @@TEXT@@,
         notes: @@TEXT@@}

    """

  static let jsonNeeds = """
    {"agency": {"id": "json-agency", "name": @@TEXT@@, "type": "county", "state": @@TEXT@@,
                "contact": {"name": @@TEXT@@, "email": @@TEXT@@, "phone": @@TEXT@@},
                "signer": {"name": @@TEXT@@, "title": @@TEXT@@}},
     "commitment": "estimate", "deliver_to": @@TEXT@@,
     "items": [
       {"item": "TOWEL", "quantity": 3, "unit": "case", "need_by": "2027-07-15", "notes": @@TEXT@@},
       {"description": @@TEXT@@, "classification": "UNSPSC:43211599", "quantity": 1, "unit": "each",
        "deliver_to": @@TEXT@@, "notes": @@TEXT@@}
     ]}

    """

  static let csvNeeds = """
    agency_id,agency_name,agency_type,item,description,classification,quantity,unit,commitment,deliver_to,need_by,notes
    csv-agency,@@TEXT@@,k12,TOWEL,,,10,case,binding,@@TEXT@@,2027-07-15,@@TEXT@@
    csv-agency,@@TEXT@@,k12,,@@TEXT@@,UNSPSC:47131599,3,each,binding,@@TEXT@@,2027-07-15,@@TEXT@@
    csv-library,@@TEXT@@,special-district,LAPTOP,,,1,each,binding,@@TEXT@@,2027-08-01,@@TEXT@@

    """

  /// The workspace's files, each template with its encoder for `text`.
  static func files(_ text: String) -> [(path: String, template: String, contents: String)] {
    [
      ("solicitation.yaml", solicitation, yamlQuoted(text)), ("catalog.csv", catalog, csvQuoted(text)),
      ("needs/lead-agency.yaml", yamlNeeds, yamlQuoted(text)), ("needs/json-agency.json", jsonNeeds, jsonQuoted(text)),
      ("needs/more-agencies.csv", csvNeeds, csvQuoted(text)),
    ].map { ($0.0, $0.1, $0.1.replacingOccurrences(of: marker, with: $0.2)) }
  }

  /// A new workspace with `text` in every text field.
  static func workspace(_ text: String) throws -> URL {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("cosolicit-hostile-\(UUID().uuidString)")
    for file in files(text) {
      let url = root.appendingPathComponent(file.path)
      try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try Data(file.contents.utf8).write(to: url)
    }
    return root
  }

  /// A YAML double-quoted scalar.
  static func yamlQuoted(_ text: String) -> String {
    var output = "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": output += "\\\""
      case "\\": output += "\\\\"
      case "\t": output += "\\t"
      case "\r": output += "\\r"
      case "\n": output += "\\n"
      case "\u{0}": output += "\\0"
      default:
        if scalar.value < 0x20 || scalar.value == 0x7F || (0xFFFE...0xFFFF).contains(scalar.value) {
          output += String(format: "\\u%04X", scalar.value)
        } else {
          output.unicodeScalars.append(scalar)
        }
      }
    }
    return output + "\""
  }

  /// A JSON string.
  static func jsonQuoted(_ text: String) -> String {
    var output = "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": output += "\\\""
      case "\\": output += "\\\\"
      default:
        if scalar.value < 0x20 {
          output += String(format: "\\u%04x", scalar.value)
        } else {
          output.unicodeScalars.append(scalar)
        }
      }
    }
    return output + "\""
  }

  /// An RFC 4180 quoted field.
  static func csvQuoted(_ text: String) -> String {
    "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
  }

  // MARK: - Building

  struct Built: Sendable {
    var files: [String: Data]
    var joint: JointSolicitation

    func text(_ path: String) -> String { String(decoding: files[path] ?? Data(), as: UTF8.self) }
  }

  /// Builds the workspace with `text` in every field; records an issue with the findings when it fails.
  static func build(_ text: String) throws -> Built {
    let root = try workspace(text)
    let output = root.appendingPathComponent("dist")
    defer { try? FileManager.default.removeItem(at: root) }
    let (outcome, diagnostics) = PackageBuild.run(
      workspace: root.path, output: output.path, variants: [.joint, .piggyback], templates: nil)
    let built = try #require(outcome, "\(diagnostics.map(\.description).joined(separator: "\n"))")
    var files: [String: Data] = [:]
    for path in built.files {
      files[path] = try Data(contentsOf: URL(fileURLWithPath: built.folder).appendingPathComponent(path))
    }
    guard case .success(let joint) = Aggregator.aggregate(Intake.load(workspace: root.path)) else {
      throw CocoaError(.featureUnsupported)
    }
    return Built(files: files, joint: joint)
  }

  static let baseline: Built? = try? build(baselineText)

  // MARK: - The checks

  @Test(arguments: HostileTextTests.samples)
  func everyOutputShowsTheTextAsText(sample: Sample) throws {
    let expected = sample.text.trimmed  // what readers keep of a field
    let built = try Self.build(sample.text)
    let baseline = try #require(Self.baseline, "the plain workspace builds")
    #expect(Set(built.files.keys) == Set(baseline.files.keys))

    // XML: each bid form is valid against the package's schema, and carries the text in every description.
    for variant in ["joint", "piggyback"] {
      let path = "public/\(variant)/bid-form.xml"
      let validator = try XMLSchemaValidator(schema: built.text("public/\(variant)/bid-form.xsd"), path: "bid-form.xsd")
      #expect(validator.validate(built.text(path), path: path).isEmpty, "\(path) does not validate")
      let tree = try #require(XMLElementTree.parse(built.text(path), path: path).root, "\(path) is not well-formed")
      #expect(shape(tree) == shape(try #require(XMLElementTree.parse(baseline.text(path), path: path).root)))
      let descriptions = elements(tree).filter { $0.name == "description" }.map(\.text)
      #expect(!descriptions.isEmpty && descriptions.allSatisfy { $0 == expected }, "\(path): \(descriptions.prefix(3))")
    }

    // XHTML pages: well-formed, the same elements and attributes as the plain build, the text shown as itself.
    for path in ["public/joint/rfp.html", "public/piggyback/rfp.html", "internal/compare.html"] {
      let parsed = XMLElementTree.parse(Self.withoutDoctype(built.text(path)), path: path)
      #expect(parsed.diagnostics.isEmpty, "\(path): \(parsed.diagnostics.prefix(3))")
      let tree = try #require(parsed.root, "\(path) is not well-formed")
      let plain = try #require(XMLElementTree.parse(Self.withoutDoctype(baseline.text(path)), path: path).root)
      #expect(shape(tree) == shape(plain), "\(path) gained or lost an element or attribute")
      let texts = elements(tree).flatMap { [$0.text] + $0.attributes.map(\.value) }
      #expect(texts.contains { $0.contains(expected) }, "\(path) does not show the text as itself")
    }

    // Word: the body, header and core properties are well-formed, with the same elements and attributes as the
    // plain build, and show the text as itself.
    for path in ["public/joint/rfp.docx", "public/piggyback/rfp.docx"] {
      let document = try WordDocument(built.files[path] ?? Data())
      let plain = try WordDocument(baseline.files[path] ?? Data())
      #expect(document.parts.map(\.path) == plain.parts.map(\.path))
      for part in ["word/document.xml", "word/header1.xml", "docProps/core.xml"] {
        let parsed = XMLElementTree.parse(document.part(part), path: part)
        #expect(parsed.diagnostics.isEmpty, "\(path) \(part): \(parsed.diagnostics.prefix(3))")
        let tree = try #require(parsed.root, "\(path) \(part) is not well-formed")
        let plainTree = try #require(XMLElementTree.parse(plain.part(part), path: part).root)
        #expect(shape(tree) == shape(plainTree), "\(path) \(part) gained or lost an element or attribute")
        #expect(elements(tree).contains { $0.text.contains(expected) }, "\(path) \(part) does not show the text")
      }
    }

    // The HTML bid forms (HTML5, not XML): the same tags and attributes as the plain build, the text shown.
    for path in ["public/joint/bid-form.html", "public/piggyback/bid-form.html"] {
      let page = built.text(path)
      #expect(Self.tags(page) == Self.tags(baseline.text(path)), "\(path) gained or lost a tag or attribute")
      #expect(Self.htmlText(page).contains(expected), "\(path) does not show the text as itself")
    }

    // Markdown: the same block structure and markup characters as the plain build; the text reads as itself.
    for path in ["public/joint/rfp.md", "public/piggyback/rfp.md", "internal/compare.md"] {
      let page = built.text(path)
      let plain = baseline.text(path)
      let lines = page.components(separatedBy: "\n")
      let plainLines = plain.components(separatedBy: "\n")
      #expect(lines.count == plainLines.count, "\(path): \(lines.count) lines, plain \(plainLines.count)")
      #expect(lines.map(Self.blockMarker) == plainLines.map(Self.blockMarker), "\(path): a line changed its kind")
      #expect(Self.markup(page) == Self.markup(plain), "\(path) has markup from the input")
      for link in ["](", "]:", "<http", "<javascript"] {
        let count = Self.unescaped(page).components(separatedBy: link).count
        #expect(count == Self.unescaped(plain).components(separatedBy: link).count, "\(path) has a link: \(link)")
      }
      #expect(Self.markdownText(page).contains(expected), "\(path) does not show the text as itself")
    }

    // CSV: no cell a spreadsheet would run; text cells hold the text, neutralized when it starts a formula.
    let shown = ["=", "+", "-", "@", "\t", "\r"].contains(expected.unicodeScalars.first) ? "'" + expected : expected
    for (path, csv, columns) in [
      (
        "internal/participants.csv", built.text("internal/participants.csv"),
        ["name", "state", "signer", "signer_title", "contact", "phone"]
      ),
      ("aggregate --format csv", built.joint.rendered(as: .csv), ["description", "agency_name", "deliver_to"]),
    ] {
      let rows = try #require(Self.csvRows(csv), "\(path) is not RFC 4180 CSV")
      let header = rows[0]
      #expect(rows.count > 2 && rows.allSatisfy { $0.count == header.count }, "\(path)")
      for row in rows.dropFirst() {
        for (column, cell) in zip(header, row) {
          #expect(
            !["=", "+", "-", "@", "\t", "\r"].contains(cell.unicodeScalars.first),
            "\(path) \(column): \(cell.prefix(40))")
          // Agencies from the CSV needs file have no state, signer or contact.
          if columns.contains(column), column == "name" || !cell.isEmpty {
            #expect(cell == shown, "\(path) \(column): \(cell.prefix(40))")
          }
        }
      }
    }

    // The review list quotes input in its messages: still no cell a spreadsheet would run.
    let review = try #require(Self.csvRows(built.text("internal/review.csv")), "review.csv is not RFC 4180 CSV")
    #expect(review.allSatisfy { $0.count == 5 })
    for cell in review.joined() {
      #expect(!["=", "+", "-", "@", "\t", "\r"].contains(cell.unicodeScalars.first), "review.csv: \(cell.prefix(40))")
    }

    // JSON: every text comes back exactly.
    for (path, data) in [
      ("internal/solicitation.json", built.files["internal/solicitation.json"] ?? Data()),
      ("aggregate --format json", Data(built.joint.rendered(as: .json).utf8)),
    ] {
      let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any], "\(path)")
      let solicitation = json["solicitation"] as? [String: Any]
      let participants = json["participants"] as? [[String: Any]] ?? []
      let lines = (json["lots"] as? [[String: Any]] ?? []).flatMap { $0["lines"] as? [[String: Any]] ?? [] }
      let shares = lines.flatMap { $0["shares"] as? [[String: Any]] ?? [] }
      let sites: [Any] = lines.flatMap { (line: [String: Any]) -> [Any] in line["delivery_sites"] as? [Any] ?? [] }
      var texts: [Any?] = [solicitation?["title"]] + participants.map { $0["name"] } + sites.map { $0 }
      texts += lines.map { $0["description"] } + shares.flatMap { [$0["agency_name"], $0["deliver_to"], $0["notes"]] }
      #expect(participants.count == 4 && shares.count == 7, "\(path)")
      #expect(texts.allSatisfy { $0 as? String == expected }, "\(path) changed the text")
    }
  }

  /// Characters that XML forbids cannot reach any document: each field that carries one is an error at the field.
  @Test(arguments: HostileTextTests.corpus("control.txt"))
  func controlCharactersAreRefusedInEveryField(sample: Sample) throws {
    let root = try Self.workspace(sample.text)
    defer { try? FileManager.default.removeItem(at: root) }
    let intake = Intake.load(workspace: root.path)
    let refused = intake.diagnostics.filter { $0.severity == .error && $0.message.contains("control character U+") }
    for file in Self.files(sample.text) {
      let fields = file.template.components(separatedBy: Self.marker).count - 1
      let found = refused.filter { $0.location.path.hasSuffix("/" + file.path) }
      #expect(Set(found.map(\.location)).count == fields, "\(file.path): \(fields) fields, found:\n\(intake.listing)")
    }
    let output = root.appendingPathComponent("dist")
    let (outcome, _) = PackageBuild.run(
      workspace: root.path, output: output.path, variants: [.joint, .piggyback], templates: nil)
    #expect(outcome == nil)
    #expect(!FileManager.default.fileExists(atPath: output.path), "nothing is written")
  }

  // MARK: - Reading the outputs

  static func withoutDoctype(_ page: String) -> String {
    page.hasPrefix("<!DOCTYPE html>") ? String(page.dropFirst("<!DOCTYPE html>".count)) : page
  }

  /// Every element of `tree`, depth first.
  func elements(_ tree: XMLElementTree) -> [XMLElementTree] { [tree] + tree.children.flatMap(elements) }

  /// The elements and attribute names of `tree`, without any text or value.
  func shape(_ tree: XMLElementTree) -> String {
    "<\(tree.name) \(tree.attributes.map(\.name).sorted().joined(separator: " "))>"
      + tree.children.map(shape).joined() + "</\(tree.name)>"
  }

  /// The start and end tags of an HTML page with their attribute names, values left out. Input text cannot
  /// add a tag or attribute without a raw `<` or `"`, which escaping removes. (A scanner, not a regular
  /// expression: Swift's regular expressions take seconds on these pages in a debug build.)
  static func tags(_ page: String) -> [String] {
    let bytes = Array(page.utf8)
    func isLetter(_ byte: UInt8) -> Bool { (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) }
    func isNameByte(_ byte: UInt8) -> Bool {
      isLetter(byte) || (0x30...0x39).contains(byte) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_")
        || byte == UInt8(ascii: ":")
    }
    var tags: [String] = []
    var index = 0
    while index < bytes.count {
      guard bytes[index] == UInt8(ascii: "<") else {
        index += 1
        continue
      }
      var cursor = index + 1
      if cursor < bytes.count, bytes[cursor] == UInt8(ascii: "/") { cursor += 1 }
      guard cursor < bytes.count, isLetter(bytes[cursor]) else {
        index += 1
        continue
      }
      let nameStart = index + 1
      while cursor < bytes.count, isNameByte(bytes[cursor]) { cursor += 1 }
      var tag = String(decoding: bytes[nameStart..<cursor], as: UTF8.self)
      // Attributes up to the closing `>`; a quoted value is skipped whole.
      while cursor < bytes.count, bytes[cursor] != UInt8(ascii: ">"), bytes[cursor] != UInt8(ascii: "<") {
        if bytes[cursor] == UInt8(ascii: "\"") {
          cursor += 1
          while cursor < bytes.count, bytes[cursor] != UInt8(ascii: "\"") { cursor += 1 }
          cursor += 1
        } else if isLetter(bytes[cursor]) || bytes[cursor] == UInt8(ascii: "@") {
          let start = cursor
          while cursor < bytes.count, isNameByte(bytes[cursor]) || bytes[cursor] == UInt8(ascii: "@") { cursor += 1 }
          tag += " " + String(decoding: bytes[start..<cursor], as: UTF8.self)
        } else {
          cursor += 1
        }
      }
      tags.append(tag)
      index = cursor
    }
    return tags
  }

  /// An HTML page's characters with the entities HTML escaping writes decoded.
  static func htmlText(_ page: String) -> String {
    page.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
      .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
      .replacingOccurrences(of: "&amp;", with: "&")
  }

  /// What starts a Markdown line's block: a heading, list item, quote, table row, fence, rule; or nothing.
  static func blockMarker(_ line: String) -> String {
    let text = Substring(line.unicodeScalars.prefix(16).map(Character.init)).drop { $0 == " " }
    func followedByBreak(_ count: Int) -> Bool {
      text.dropFirst(count).first.map { $0 == " " || $0 == "\t" } ?? true
    }
    guard let first = text.first else { return "" }
    if first == "#" {
      let hashes = text.prefix { $0 == "#" }.count
      return hashes <= 6 && followedByBreak(hashes) ? String(repeating: "#", count: hashes) : ""
    }
    if "-+*".contains(first), followedByBreak(1) { return String(first) }
    if ">|".contains(first) { return String(first) }
    if text.hasPrefix("```") || text.hasPrefix("~~~") || text.hasPrefix("---") || text.hasPrefix("===") {
      return String(text.prefix(3))
    }
    let digits = text.prefix { $0.isASCII && $0.isNumber }.count
    if (1...9).contains(digits), let mark = text.dropFirst(digits).first, ".)".contains(mark),
      followedByBreak(digits + 1)
    {
      return "1."
    }
    return ""
  }

  /// A Markdown page without its backslash escapes and entities: what is left is markup or plain text.
  static func unescaped(_ page: String) -> String { markdownText(page, keepingEscaped: false) }

  /// How often each Markdown markup character appears unescaped in a page.
  static func markup(_ page: String) -> [Character: Int] {
    var counts: [Character: Int] = [:]
    for character in unescaped(page) where "<>[]|`*_#~!".contains(character) { counts[character, default: 0] += 1 }
    return counts
  }

  /// A Markdown page as the text a reader sees, backslash escapes and entities resolved; or, unless
  /// `keepingEscaped`, with them left out.
  static func markdownText(_ page: String, keepingEscaped: Bool = true) -> String {
    let entities: [[UInt8]: UInt8] = [
      Array("&amp;".utf8): UInt8(ascii: "&"), Array("&lt;".utf8): UInt8(ascii: "<"),
      Array("&gt;".utf8): UInt8(ascii: ">"), Array("&quot;".utf8): UInt8(ascii: "\""),
      Array("&#39;".utf8): UInt8(ascii: "'"),
    ]
    // ASCII punctuation, which CommonMark lets a backslash escape.
    func isPunctuation(_ byte: UInt8) -> Bool {
      (0x21...0x2F).contains(byte) || (0x3A...0x40).contains(byte) || (0x5B...0x60).contains(byte)
        || (0x7B...0x7E).contains(byte)
    }
    let bytes = Array(page.utf8)
    var output: [UInt8] = []
    output.reserveCapacity(bytes.count)
    var index = 0
    scan: while index < bytes.count {
      let byte = bytes[index]
      if byte == UInt8(ascii: "\\"), index + 1 < bytes.count, isPunctuation(bytes[index + 1]) {
        if keepingEscaped { output.append(bytes[index + 1]) }
        index += 2
        continue
      }
      if byte == UInt8(ascii: "&") {
        for length in 4...6 where index + length <= bytes.count {
          if let decoded = entities[Array(bytes[index..<index + length])] {
            if keepingEscaped { output.append(decoded) }
            index += length
            continue scan
          }
        }
      }
      output.append(byte)
      index += 1
    }
    return String(decoding: output, as: UTF8.self)
  }

  /// The rows of an RFC 4180 CSV text with CRLF row ends, or nil when the quoting is malformed.
  static func csvRows(_ text: String) -> [[String]]? {
    var rows: [[String]] = []
    var row: [String] = []
    var field = ""
    var quoted = false
    var scalars = Substring(text).unicodeScalars
    while let scalar = scalars.popFirst() {
      if quoted {
        if scalar == "\"" {
          if scalars.first == "\"" {
            field.unicodeScalars.append(scalars.removeFirst())
          } else {
            quoted = false
          }
        } else {
          field.unicodeScalars.append(scalar)
        }
      } else if scalar == "\"" {
        guard field.isEmpty else { return nil }
        quoted = true
      } else if scalar == "," {
        row.append(field)
        field = ""
      } else if scalar == "\r", scalars.first == "\n" {
        scalars.removeFirst()
        rows.append(row + [field])
        (row, field) = ([], "")
      } else {
        field.unicodeScalars.append(scalar)
      }
    }
    guard !quoted, row.isEmpty, field.isEmpty else { return nil }
    return rows
  }
}
