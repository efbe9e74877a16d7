import CosolicitTestSupport
import Crypto
import Foundation
import FoundationXML
import Testing
import ZIPFoundation

@testable import Cosolicit

/// `cosolicit build`: the package is complete, reproducible, atomic, and its documents say what the aggregation
/// says, checked by parsing the documents rather than by re-running the code that wrote them.
@Suite struct PackageBuildTests {
  static let example = repositoryRoot.appendingPathComponent("Examples/cascade-valley").path

  func temporaryFolder() -> URL {
    FileManager.default.temporaryDirectory.appendingPathComponent("cosolicit-build-\(UUID().uuidString)")
  }

  /// Builds `workspace` into a new folder and returns the package folder.
  func build(_ workspace: String = example, templates: String? = nil) throws -> URL {
    let output = temporaryFolder()
    let (outcome, diagnostics) = PackageBuild.run(
      workspace: workspace, output: output.path, variants: [.joint, .piggyback], templates: templates)
    let built = try #require(outcome, "\(diagnostics.map(\.description).joined(separator: "\n"))")
    return URL(fileURLWithPath: built.folder)
  }

  func text(_ folder: URL, _ path: String) throws -> String {
    try String(contentsOf: folder.appendingPathComponent(path), encoding: .utf8)
  }

  /// An XHTML page as an XML document (its `<!DOCTYPE html>` line removed).
  func xhtml(_ folder: URL, _ path: String) throws -> XMLDocument {
    let page = try text(folder, path)
    let body = page.hasPrefix("<!DOCTYPE html>") ? String(page.dropFirst("<!DOCTYPE html>".count)) : page
    return try XMLDocument(xmlString: body, options: [])
  }

  func files(under folder: URL) throws -> [String] {
    let enumerator = FileManager.default.enumerator(atPath: folder.path)
    var paths: [String] = []
    while let path = enumerator?.nextObject() as? String {
      var isFolder: ObjCBool = false
      FileManager.default.fileExists(atPath: folder.appendingPathComponent(path).path, isDirectory: &isFolder)
      if !isFolder.boolValue { paths.append(path) }
    }
    return paths.sorted()
  }

  @Test func buildingTwiceGivesByteIdenticalFilesAndZip() throws {
    let first = try build()
    let second = try build()
    defer {
      try? FileManager.default.removeItem(at: first.deletingLastPathComponent())
      try? FileManager.default.removeItem(at: second.deletingLastPathComponent())
    }
    let paths = try files(under: first)
    #expect(paths == (try files(under: second)))
    #expect(
      paths.contains("CVPC-2027-01.zip") && paths.contains("public/joint/bid-form.html")
        && paths.contains("internal/compare.md"))
    for path in paths {
      #expect(
        try Data(contentsOf: first.appendingPathComponent(path))
          == Data(contentsOf: second.appendingPathComponent(path)),
        "\(path) differs between two builds")
    }
  }

  @Test func manifestAndZipHoldEveryFile() throws {
    let folder = try build()
    defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
    let manifest = try #require(
      try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent("manifest.json")))
        as? [String: Any])
    let entries = try #require(manifest["files"] as? [[String: Any]])
    let listed = entries.compactMap { $0["path"] as? String }
    #expect(listed == (try files(under: folder)).filter { $0 != "manifest.json" && $0 != "CVPC-2027-01.zip" })
    for entry in entries {
      let path = try #require(entry["path"] as? String)
      let data = try Data(contentsOf: folder.appendingPathComponent(path))
      #expect(entry["bytes"] as? Int == data.count, "\(path)")
      #expect(entry["sha256"] as? String == SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined())
    }
    #expect(listed.contains("public/manifest.json") && listed.contains("internal/review.csv"))
    // The zip to publish holds the public tree alone, with its own manifest of the public files.
    let published = listed.filter { $0.hasPrefix("public/") }
    let publicManifest = try #require(
      try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent("public/manifest.json")))
        as? [String: Any])
    let publicEntries = try #require(publicManifest["files"] as? [[String: Any]])
    #expect(publicEntries.compactMap { $0["path"] as? String } == published.filter { $0 != "public/manifest.json" })
    for entry in publicEntries {
      let path = try #require(entry["path"] as? String)
      #expect(entry["sha256"] as? String == entries.first { $0["path"] as? String == path }?["sha256"] as? String)
    }
    let archive = try Archive(url: folder.appendingPathComponent("CVPC-2027-01.zip"), accessMode: .read)
    let zipped = archive.map(\.path).sorted()
    #expect(zipped == published.map { "CVPC-2027-01/\($0)" }.sorted())
    #expect(!zipped.contains { $0.contains("internal") || $0 == "CVPC-2027-01/manifest.json" })
    for entry in archive {
      var data = Data()
      _ = try archive.extract(entry) { data.append($0) }
      let path = String(entry.path.dropFirst("CVPC-2027-01/".count))
      #expect(data == (try Data(contentsOf: folder.appendingPathComponent(path))), "\(path)")
    }
  }

  /// The aggregation's lines from `solicitation.json`, by line number.
  func aggregatedLines(_ folder: URL) throws -> [Int: [String: Any]] {
    let json = try #require(
      try JSONSerialization.jsonObject(
        with: Data(contentsOf: folder.appendingPathComponent("internal/solicitation.json")))
        as? [String: Any])
    let lots = try #require(json["lots"] as? [[String: Any]])
    var lines: [Int: [String: Any]] = [:]
    for lot in lots {
      for line in lot["lines"] as? [[String: Any]] ?? [] { lines[line["line"] as? Int ?? 0] = line }
    }
    return lines
  }

  /// The committed and estimated quantity the aggregation gives a line in `variant` (piggyback: only the lead
  /// agency's binding shares are committed).
  func expected(_ line: [String: Any], variant: String) -> (String, String) {
    if variant == "joint" {
      return (line["committed_quantity"] as? String ?? "", line["estimated_quantity"] as? String ?? "")
    }
    let shares = line["shares"] as? [[String: Any]] ?? []
    let lead = shares.filter { $0["agency"] as? String == "alder-county" && $0["commitment"] as? String == "binding" }
    let committed = lead.reduce(Decimal(0)) { $0 + (Decimal(string: $1["quantity"] as? String ?? "") ?? 0) }
    let total = shares.reduce(Decimal(0)) { $0 + (Decimal(string: $1["quantity"] as? String ?? "") ?? 0) }
    return (DecimalText.format(committed), DecimalText.format(total - committed))
  }

  @Test(arguments: ["joint", "piggyback"])
  func everyQuantityInTheDocumentsEqualsTheAggregation(variant: String) throws {
    let folder = try build()
    defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
    let lines = try aggregatedLines(folder)
    #expect(lines.count == 27)
    // The XML bid form.
    let form = try XMLDocument(data: Data(contentsOf: folder.appendingPathComponent("public/\(variant)/bid-form.xml")))
    let formLines = try form.nodes(forXPath: "//*[local-name()='line']").compactMap { $0 as? XMLElement }
    #expect(formLines.count == lines.count)
    for element in formLines {
      func attribute(_ name: String) -> String? { element.attributes?.first { $0.name == name }?.stringValue }
      let number = Int(attribute("number") ?? "") ?? 0
      let line = try #require(lines[number], "line \(number) \(element.attributes?.map { $0.name ?? "" } ?? [])")
      let (committed, estimated) = expected(line, variant: variant)
      func value(_ name: String) -> String? {
        element.elements(forLocalName: name, uri: "urn:cosolicit:bid:1").first?.stringValue
      }
      #expect(value("committedQuantity") == committed, "bid form line \(number)")
      #expect(value("estimatedQuantity") == estimated, "bid form line \(number)")
      #expect(value("unit") == line["unit"] as? String)
      #expect(attribute("item") == line["item"] as? String)
    }
    // The HTML RFP's tables.
    let page = try xhtml(folder, "public/\(variant)/rfp.html")
    let rows = try page.nodes(forXPath: "//*[local-name()='tr'][@data-line]").compactMap { $0 as? XMLElement }
    #expect(rows.count == lines.count)
    for row in rows {
      // FoundationXML on Linux finds no attribute by name on elements in a default namespace; search the list.
      let number = Int(row.attributes?.first { $0.name == "data-line" }?.stringValue ?? "") ?? 0
      let cells = (row.children ?? []).map { $0.stringValue ?? "" }
      let (committed, estimated) = expected(try #require(lines[number]), variant: variant)
      // Bidders read the quantities with thousands separators (the bid form keeps them plain).
      #expect(
        cells[4] == DecimalText.grouping(committed) && cells[5] == DecimalText.grouping(estimated),
        "rfp.html line \(number): \(cells)")
    }
    // The Markdown RFP's tables.
    let markdown = try text(folder, "public/\(variant)/rfp.md")
    let scope = markdown.components(separatedBy: "## 3.")[1].components(separatedBy: "## 4.")[0]
    let markdownRows = scope.split(separator: "\n").filter {
      $0.hasPrefix("| ") && Int($0.split(separator: "|")[0].trimmingCharacters(in: .whitespaces)) != nil
    }
    #expect(markdownRows.count == lines.count)
    for row in markdownRows {
      let cells = row.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
      let number = Int(cells[0]) ?? 0
      let (committed, estimated) = expected(try #require(lines[number]), variant: variant)
      #expect(
        cells[4] == DecimalText.grouping(committed) && cells[5] == DecimalText.grouping(estimated),
        "rfp.md line \(number)")
    }
  }

  @Test func participantsAndTotalsMatchTheAggregation() throws {
    let folder = try build()
    defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
    let json = try #require(
      try JSONSerialization.jsonObject(
        with: Data(contentsOf: folder.appendingPathComponent("internal/solicitation.json")))
        as? [String: Any])
    let participants = try #require(json["participants"] as? [[String: Any]])
    let csv = try text(folder, "internal/participants.csv").split(separator: "\r\n").dropFirst()
    #expect(csv.count == participants.count)
    let page = try xhtml(folder, "public/joint/rfp.html")
    let names = try page.nodes(forXPath: "//*[@id='participants']//*[local-name()='tbody']/*[local-name()='tr']/*[1]")
      .map { $0.stringValue ?? "" }
    #expect(names == participants.compactMap { $0["name"] as? String }, "the joint RFP names every participant")
    for participant in participants {
      let name = participant["name"] as? String ?? ""
      #expect(csv.contains { $0.contains(participant["agency"] as? String ?? "?") })
      #expect(try text(folder, "public/joint/rfp.md").contains("| \(name) |"))
      #expect(try text(folder, "public/joint/rfp.html").contains("<h3>\(name)</h3>"), "delivery schedule for \(name)")
    }
    let totals = try #require(json["totals"] as? [String: Any])
    let committed = try #require(Decimal(string: totals["committed_value"] as? String ?? ""))
    #expect(
      try text(folder, "internal/compare.md").contains("| Committed (binding) value | \(MoneyText.format(committed)) |")
    )
  }

  @Test func piggybackCarriesEveryCooperativeClauseElementAndCondition() throws {
    let folder = try build()
    defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
    for path in ["public/piggyback/rfp.md", "public/piggyback/rfp.html"] {
      let page = try text(folder, path)
      for element in [
        "Eligible users", "Identical prices and terms", "Direct ordering and payment", "not liable",
        "Administrative fee and usage reporting", "1% of cooperative sales", "Local terms", "Access instrument",
        "Public agencies and 501(c)(3) nonprofits located in the State of Oregon", "estimates, not commitments",
        "Active term", "Scope", "Public lead agency", "Competitive solicitation", "Cooperative language",
      ] {
        #expect(page.contains(element), "\(path) lacks \(element)")
      }
      #expect(
        !(try text(folder, path.replacingOccurrences(of: "piggyback", with: "joint"))).contains(
          "Cooperative purchasing clause"))
    }
  }

  @Test func hostileTextShowsAsTextEverywhere() throws {
    let sandbox = try Sandbox()
    let hostile = #"<script>alert(1)</script> & "Q" 'A' ]]> =SUM(1)"#
    let quoted = "'" + hostile.replacingOccurrences(of: "'", with: "''") + "'"
    let definition = try String(contentsOfFile: sandbox.path("solicitation.yaml"), encoding: .utf8)
      .replacingOccurrences(of: "title: Office Technology and Custodial Supplies", with: "title: \(quoted)")
      .replacingOccurrences(of: "  name: City of Example", with: "  name: \(quoted)")
      .replacingOccurrences(of: "    title: Office technology", with: "    title: \(quoted)")
    try sandbox.write("solicitation.yaml", definition)
    try sandbox.write(
      "needs/hostile.yaml",
      "agency: {id: hostile, name: '\(hostile.replacingOccurrences(of: "'", with: "''"))', type: city}\n"
        + "deliver_to: '\(hostile.replacingOccurrences(of: "'", with: "''"))'\nitems:\n"
        + "  - {description: '\(hostile.replacingOccurrences(of: "'", with: "''"))', classification: 'UNSPSC:43211599', "
        + "quantity: 1, unit: each}\n")
    let folder = try build(sandbox.root.path)
    defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
    // Markup formats must carry it escaped; CSV and JSON carry it as data, each quoted in its own way.
    for path in try files(under: folder) where [".html", ".xml", ".md"].contains { path.hasSuffix($0) } {
      let page = try text(folder, path)
      #expect(!page.contains("<script>alert(1)"), "\(path) carries the script as markup")
      #expect(!page.contains("]]> =SUM"), "\(path) carries the raw text")
    }
    for path in ["public/joint/rfp.html", "public/piggyback/rfp.html", "internal/compare.html"] {
      let page = try xhtml(folder, path)
      #expect(try page.nodes(forXPath: "//*[local-name()='script']").isEmpty, "\(path)")
      #expect(page.rootElement()?.stringValue?.contains(hostile) == true, "\(path) shows the text as itself")
    }
    for variant in ["joint", "piggyback"] {
      let form = try text(folder, "public/\(variant)/bid-form.html")
      #expect(form.components(separatedBy: "<script").count == 2, "the bid form's own script and no other")
      #expect(form.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;Q&quot; &#39;A&#39; ]]&gt;"))
    }
    let joint = try xhtml(folder, "public/joint/rfp.html")
    #expect(joint.rootElement()?.stringValue?.contains(hostile) == true, "the name reads as itself")
    let form = try XMLDocument(data: Data(contentsOf: folder.appendingPathComponent("public/joint/bid-form.xml")))
    let descriptions = try form.nodes(forXPath: "//*[local-name()='description']").map { $0.stringValue ?? "" }
    #expect(descriptions.contains(hostile))
    #expect(try text(folder, "public/joint/rfp.md").contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp;"))
    #expect(
      try text(folder, "internal/participants.csv").contains(
        "\"" + hostile.replacingOccurrences(of: "\"", with: "\"\"") + "\""))
    let json = try #require(
      try JSONSerialization.jsonObject(
        with: Data(contentsOf: folder.appendingPathComponent("internal/solicitation.json")))
        as? [String: Any])
    let names = (json["participants"] as? [[String: Any]] ?? []).compactMap { $0["name"] as? String }
    #expect(names.contains(hostile), "JSON gives the name back unchanged")
  }

  @Test func theSchemaAcceptsAFilledBidAndRejectsANegativeOrMissingPrice() throws {
    let folder = try build()
    defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
    let schema = try text(folder, "public/joint/bid-form.xsd")
    let validator = try XMLSchemaValidator(schema: schema, path: "bid-form.xsd")
    let blank = try text(folder, "public/joint/bid-form.xml")
    #expect(validator.validate(blank, path: "blank.xml").isEmpty)
    var filled = blank.replacingOccurrences(of: "<bidForm ", with: "<bid ").replacingOccurrences(
      of: "</bidForm>", with: "</bid>")
    for (field, value) in [("name", "Acme"), ("signer", "Pat Lee"), ("date", "2027-03-01"), ("nonCollusion", "true")] {
      filled = filled.replacingOccurrences(of: "<\(field)></\(field)>", with: "<\(field)>\(value)</\(field)>")
    }
    filled = filled.replacingOccurrences(of: "<unitPrice></unitPrice>", with: "<unitPrice>1.25</unitPrice>")
      .replacingOccurrences(of: "<extendedPrice></extendedPrice>", with: "<extendedPrice>0</extendedPrice>")
      .replacingOccurrences(of: "<subtotal></subtotal>", with: "<subtotal>0</subtotal>")
      .replacingOccurrences(of: "<total></total>", with: "<total>0</total>")
    #expect(validator.validate(filled, path: "filled.xml").isEmpty)
    let negative = validator.validate(
      filled.replacingOccurrences(of: "<unitPrice>1.25", with: "<unitPrice>-1.25"), path: "n.xml")
    #expect(!negative.isEmpty && negative.allSatisfy { $0.location.line > 1 })
    #expect(
      !validator.validate(filled.replacingOccurrences(of: "<unitPrice>1.25</unitPrice>", with: ""), path: "m.xml")
        .isEmpty)
    #expect(
      !validator.validate(filled.replacingOccurrences(of: "currency=\"USD\"", with: "currency=\"usd\""), path: "c.xml")
        .isEmpty)
  }

  @Test func aDescriptionOverSeveralLinesStillMakesAValidBidForm() throws {
    let sandbox = try Sandbox()
    try sandbox.write(
      "needs/multiline.yaml",
      "agency: {id: multi, name: Multi, type: city}\ndeliver_to: Hall\nitems:\n  - description: |\n"
        + "      Standing desk, electric\n      with cable tray\n    classification: UNSPSC:43211599\n"
        + "    quantity: 2\n    unit: each\n")
    let folder = try build(sandbox.root.path)
    defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
    #expect(try text(folder, "public/joint/bid-form.xml").contains("Standing desk, electric\nwith cable tray"))
  }

  /// A copy of the example workspace that publishes its estimated values (`publish_estimated_values: true`).
  func examplePublishingValues() throws -> URL {
    let workspace = temporaryFolder()
    try FileManager.default.copyItem(at: URL(fileURLWithPath: Self.example), to: workspace)
    try? FileManager.default.removeItem(at: workspace.appendingPathComponent("dist"))
    let definition = workspace.appendingPathComponent("solicitation.yaml")
    let text = try String(contentsOf: definition, encoding: .utf8)
    try Data((text + "\npublish_estimated_values: true\n").utf8).write(to: definition)
    return workspace
  }

  @Test func valuesInTheRFPAndTheComparisonEqualTheAggregation() throws {
    let workspace = try examplePublishingValues()
    let folder = try build(workspace.path)
    defer {
      try? FileManager.default.removeItem(at: folder.deletingLastPathComponent())
      try? FileManager.default.removeItem(at: workspace)
    }
    let json = try #require(
      try JSONSerialization.jsonObject(
        with: Data(contentsOf: folder.appendingPathComponent("internal/solicitation.json")))
        as? [String: Any])
    func decimal(_ value: Any?) -> Decimal { Decimal(string: value as? String ?? "") ?? 0 }
    // Participants' committed values in the joint RFP.
    let page = try xhtml(folder, "public/joint/rfp.html")
    let rows = try page.nodes(forXPath: "//*[@id='participants']//*[local-name()='tbody']/*[local-name()='tr']")
    let participants = try #require(json["participants"] as? [[String: Any]])
    #expect(rows.count == participants.count)
    for (row, participant) in zip(rows, participants) {
      let cells = (row.children ?? []).map { $0.stringValue ?? "" }
      #expect(cells.last == MoneyText.format(decimal(participant["committed_value"])), "\(cells)")
    }
    // Per-lot values of both variants in the comparison, from the shares and prices in the JSON.
    let comparison = try xhtml(folder, "internal/compare.html")
    for lot in try #require(json["lots"] as? [[String: Any]]) {
      var joint = (committed: Decimal(0), estimated: Decimal(0))
      var piggyback = (committed: Decimal(0), estimated: Decimal(0))
      for line in lot["lines"] as? [[String: Any]] ?? [] {
        guard let price = (line["estimated_unit_price"] as? String).flatMap({ Decimal(string: $0) }) else { continue }
        joint.committed += decimal(line["committed_quantity"]) * price
        joint.estimated += decimal(line["estimated_quantity"]) * price
        let (committed, estimated) = expected(line, variant: "piggyback")
        piggyback.committed += decimal(committed) * price
        piggyback.estimated += decimal(estimated) * price
      }
      let id = lot["id"] as? String ?? ""
      let row = try #require(
        try comparison.nodes(forXPath: "//*[local-name()='tr'][@data-lot='\(id)']").first as? XMLElement)
      let cells = (row.children ?? []).map { $0.stringValue ?? "" }
      #expect(
        cells[2] == MoneyText.format(joint.committed) && cells[3] == MoneyText.format(joint.estimated)
          && cells[5] == MoneyText.format(piggyback.committed) && cells[6] == MoneyText.format(piggyback.estimated),
        "lot \(id): \(cells)")
    }
    // The quantities the HTML bid form prices.
    let lines = try aggregatedLines(folder)
    for variant in ["joint", "piggyback"] {
      let form = try text(folder, "public/\(variant)/bid-form.html")
      let published = form.matches(of: #/data-number="(\d+)"[^>]*data-quantity="([0-9.]+)"/#).map {
        (Int($0.1) ?? 0, String($0.2))
      }
      #expect(published.count == lines.count, "\(variant)")
      for (number, quantity) in published {
        let line = try #require(lines[number])
        #expect(
          quantity == DecimalText.format(decimal(line["committed_quantity"]) + decimal(line["estimated_quantity"])))
      }
    }
  }
}
