import Foundation
import Testing

@testable import Cosolicit

@Suite struct XMLSchemaValidatorTests {
  static let schema = """
    <?xml version="1.0" encoding="UTF-8"?>
    <xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">
      <xs:element name="bid">
        <xs:complexType>
          <xs:sequence>
            <xs:element name="item" maxOccurs="unbounded">
              <xs:complexType>
                <xs:sequence>
                  <xs:element name="description" type="xs:string"/>
                  <xs:element name="quantity" type="xs:positiveInteger"/>
                </xs:sequence>
                <xs:attribute name="id" type="xs:string" use="required"/>
              </xs:complexType>
            </xs:element>
          </xs:sequence>
        </xs:complexType>
      </xs:element>
    </xs:schema>
    """

  static let validBid = """
    <?xml version="1.0" encoding="UTF-8"?>
    <bid>
      <item id="1">
        <description>Cement, 25 kg bag</description>
        <quantity>40</quantity>
      </item>
    </bid>
    """

  static let invalidBid = """
    <?xml version="1.0" encoding="UTF-8"?>
    <bid>
      <item id="1">
        <description>Cement, 25 kg bag</description>
        <quantity>many</quantity>
      </item>
    </bid>
    """

  static func makeValidator() throws -> XMLSchemaValidator {
    try XMLSchemaValidator(schema: schema, path: "bid.xsd")
  }

  static let doctypeError = Diagnostic(
    .error,
    "document type declarations (DOCTYPE) are not allowed; remove the <!DOCTYPE …> line",
    at: SourceLocation(path: "evil.xml", line: 2, column: 1)
  )

  @Test func validDocumentPasses() throws {
    let validator = try Self.makeValidator()
    #expect(validator.warnings.isEmpty)
    #expect(validator.validate(Self.validBid, path: "bid.xml").isEmpty)
    #expect(XMLWellFormedness.check(Self.validBid, path: "bid.xml").isEmpty)
  }

  @Test func schemaViolationReportsTheElementLine() throws {
    let diagnostics = try Self.makeValidator().validate(Self.invalidBid, path: "bid.xml")
    try #require(diagnostics.count == 1)
    #expect(diagnostics[0].severity == .error)
    #expect(diagnostics[0].location == SourceLocation(path: "bid.xml", line: 5, column: 1))
    #expect(diagnostics[0].message.contains("'quantity'"))
    #expect(diagnostics[0].message.contains("'many'"))
    #expect(diagnostics[0].message.hasSuffix("(at /bid/item/quantity)"))
    // Well-formed, so the well-formedness check alone finds nothing.
    #expect(XMLWellFormedness.check(Self.invalidBid, path: "bid.xml").isEmpty)
  }

  @Test func everySchemaViolationIsReported() throws {
    let document = """
      <bid>
        <item>
          <description>x</description><quantity>1</quantity><extra/>
        </item>
      </bid>
      """
    let diagnostics = try Self.makeValidator().validate(document, path: "bid.xml")
    #expect(diagnostics.map(\.location.line) == [2, 3])
    #expect(diagnostics[0].message.contains("'id' is required"))
    #expect(diagnostics[1].message.contains("'extra'"))
  }

  @Test func malformedXMLReportsLineAndColumn() throws {
    let document = "<bid>\n  <item id=\"1\">\n    <description>x</descripton>\n"
    let expected = SourceLocation(path: "bad.xml", line: 3, column: 32)
    for diagnostics in [
      try Self.makeValidator().validate(document, path: "bad.xml"),
      XMLWellFormedness.check(document, path: "bad.xml"),
    ] {
      let first = try #require(diagnostics.first)
      #expect(first.severity == .error)
      #expect(first.location == expected)
      #expect(first.message.contains("mismatch"))
      #expect(!first.message.hasSuffix("\n"))
    }
  }

  @Test func columnsCountCharactersNotBytes() {
    let diagnostics = XMLWellFormedness.check("<a>ééé</b>", path: "x.xml")
    #expect(diagnostics.first?.location == SourceLocation(path: "x.xml", line: 1, column: 11))
  }

  @Test func undefinedEntityWithoutDoctypeIsAnError() {
    let diagnostics = XMLWellFormedness.check("<bid>&xxe;</bid>", path: "x.xml")
    #expect(diagnostics.count == 1)
    #expect(diagnostics.first?.message.contains("'xxe' not defined") == true)
  }

  /// Entity-expansion attacks, named so that test logs stay short.
  enum ExpansionPayload: CaseIterable, Sendable {
    case billionLaughs, quadraticBlowup

    var text: String {
      switch self {
      case .billionLaughs:
        var entities = "  <!ENTITY lol0 \"lol\">\n"
        for level in 1...9 {
          let body = String(repeating: "&lol\(level - 1);", count: 10)
          entities += "  <!ENTITY lol\(level) \"\(body)\">\n"
        }
        return "<?xml version=\"1.0\"?>\n<!DOCTYPE bid [\n\(entities)]>\n"
          + "<bid><item id=\"1\"><description>&lol9;</description><quantity>1</quantity></item></bid>"
      case .quadraticBlowup:
        let entity = String(repeating: "x", count: 50_000)
        let references = String(repeating: "&a;", count: 50_000)
        return "<?xml version=\"1.0\"?>\n<!DOCTYPE bid [<!ENTITY a \"\(entity)\">]>\n"
          + "<bid><item id=\"1\"><description>\(references)</description>"
          + "<quantity>1</quantity></item></bid>"
      }
    }
  }

  @Test(arguments: ExpansionPayload.allCases)
  func entityExpansionPayloadIsRejectedQuickly(payload: ExpansionPayload) throws {
    let validator = try Self.makeValidator()
    let text = payload.text
    let clock = ContinuousClock()
    var diagnostics: [Diagnostic] = []
    var wellFormedness: [Diagnostic] = []
    let elapsed = clock.measure {
      diagnostics = validator.validate(text, path: "evil.xml")
      wellFormedness = XMLWellFormedness.check(text, path: "evil.xml")
    }
    #expect(diagnostics == [Self.doctypeError])
    #expect(wellFormedness == [Self.doctypeError])
    #expect(elapsed < .seconds(1))
  }

  /// External-entity (XXE) attacks on /etc/passwd, named so that test logs stay short.
  enum ExternalEntityPayload: CaseIterable, Sendable {
    case generalEntity, parameterEntity, externalSubset

    var text: String {
      switch self {
      case .generalEntity:
        """
        <?xml version="1.0"?>
        <!DOCTYPE bid [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
        <bid><item id="1"><description>&xxe;</description><quantity>1</quantity></item></bid>
        """
      case .parameterEntity:
        """
        <?xml version="1.0"?>
        <!DOCTYPE bid [<!ENTITY % xxe SYSTEM "file:///etc/passwd"> %xxe;]>
        <bid/>
        """
      case .externalSubset:
        """
        <?xml version="1.0"?>
        <!DOCTYPE bid SYSTEM "file:///etc/passwd">
        <bid/>
        """
      }
    }
  }

  @Test(arguments: ExternalEntityPayload.allCases)
  func externalEntityPayloadIsRejectedWithoutLeakingTheFile(payload: ExternalEntityPayload) throws {
    // The test means something only if the file exists and has the text we look for.
    let passwd = try String(contentsOfFile: "/etc/passwd", encoding: .utf8)
    try #require(passwd.contains("root:"))

    let validator = try Self.makeValidator()
    for diagnostics in [
      validator.validate(payload.text, path: "evil.xml"),
      XMLWellFormedness.check(payload.text, path: "evil.xml"),
    ] {
      #expect(diagnostics == [Self.doctypeError])
      #expect(!diagnostics.contains { $0.description.contains("root:") })
    }
  }

  @Test func harmlessDoctypeIsRejectedToo() throws {
    let document = "<?xml version=\"1.0\"?>\n<!DOCTYPE bid>\n<bid/>"
    #expect(try Self.makeValidator().validate(document, path: "evil.xml") == [Self.doctypeError])
  }

  @Test func invalidSchemaThrowsWithEveryError() throws {
    let schema = """
      <xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">
        <xs:element name="a" type="nope"/>
        <xs:element name="b">
          <xs:complexType><xs:attribute name="x" type="xs:nonsense"/></xs:complexType>
        </xs:element>
      </xs:schema>
      """
    let error = #expect(throws: XMLSchemaError.self) {
      try XMLSchemaValidator(schema: schema, path: "bad.xsd")
    }
    let diagnostics = error?.diagnostics ?? []
    let expected = [2, 4].map { SourceLocation(path: "bad.xsd", line: $0, column: 1) }
    #expect(diagnostics.map(\.location) == expected)
    #expect(diagnostics.allSatisfy { $0.severity == .error })
    #expect(diagnostics.first?.message.contains("'nope'") == true)
    #expect(diagnostics.last?.message.contains("nonsense") == true)
    #expect(error?.description.hasPrefix("invalid XML schema:\nbad.xsd:2:1: error: ") == true)
  }

  @Test func malformedSchemaThrowsParseErrors() throws {
    let schema =
      "<xs:schema xmlns:xs=\"http://www.w3.org/2001/XMLSchema\">\n<xs:element name=\"a\">\n</xs:schema>"
    let error = #expect(throws: XMLSchemaError.self) {
      try XMLSchemaValidator(schema: schema, path: "bad.xsd")
    }
    #expect(error?.diagnostics.first?.location == SourceLocation(path: "bad.xsd", line: 3, column: 13))
  }

  @Test func nonSchemaDocumentThrows() throws {
    let error = #expect(throws: XMLSchemaError.self) {
      try XMLSchemaValidator(schema: "<bid/>", path: "bad.xsd")
    }
    #expect(error?.diagnostics.first?.message.contains("not a schema document") == true)
  }

  @Test func lineNumbersPast65535AreExact() throws {
    let document =
      "<bid>" + String(repeating: "\n", count: 70_000)
      + "<item id=\"1\"><description>x</description><quantity>0</quantity></item></bid>"
    let diagnostics = try Self.makeValidator().validate(document, path: "big.xml")
    #expect(diagnostics.map(\.location.line) == [70_001])
  }

  @Test func encodingDeclarationIsIgnoredForSwiftStrings() throws {
    // A Swift string always reaches libxml2 as UTF-8, whatever its XML declaration says.
    let schema = """
      <xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">
        <xs:element name="unit">
          <xs:simpleType>
            <xs:restriction base="xs:string"><xs:enumeration value="m²"/></xs:restriction>
          </xs:simpleType>
        </xs:element>
      </xs:schema>
      """
    let validator = try XMLSchemaValidator(schema: schema, path: "unit.xsd")
    let document = "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n<unit>m²</unit>"
    #expect(validator.validate(document, path: "unit.xml").isEmpty)
  }

  @Test func validationFromManyConcurrentTasks() async throws {
    let validator = try Self.makeValidator()
    let expectedInvalid = validator.validate(Self.invalidBid, path: "bid.xml")
    try #require(!expectedInvalid.isEmpty)
    let evil = ExpansionPayload.billionLaughs.text
    let failures = await withTaskGroup(of: Int.self) { group in
      for task in 0..<8 {
        group.addTask {
          // Some tasks also compile their own copy of the schema at the same time.
          let own = task.isMultiple(of: 4) ? try? Self.makeValidator() : validator
          guard let own else { return 1 }
          var failures = 0
          for round in 0..<50 {
            let valid = round.isMultiple(of: 2)
            let result = own.validate(valid ? Self.validBid : Self.invalidBid, path: "bid.xml")
            if result != (valid ? [] : expectedInvalid) { failures += 1 }
            if XMLWellFormedness.check(evil, path: "evil.xml") != [Self.doctypeError] { failures += 1 }
          }
          return failures
        }
      }
      return await group.reduce(0, +)
    }
    #expect(failures == 0)
  }
}
