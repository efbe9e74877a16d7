import CosolicitTestSupport
import Foundation
import Testing

@testable import Cosolicit

/// A template that names something its model does not have is an error at the name's line and column, with the
/// nearest known name suggested, and the build writes nothing.
@Suite struct StrictTemplateTests {
  /// Builds the example with `template` as the override `file`; returns the findings, the override's path and
  /// whether the output folder stayed empty.
  func build(_ file: String, _ template: String) throws -> (diagnostics: [Diagnostic], path: String, empty: Bool) {
    let templates = try makeTemporaryFolder("strict-templates")
    let output = try makeTemporaryFolder("strict-output")
    defer {
      try? FileManager.default.removeItem(at: templates)
      try? FileManager.default.removeItem(at: output)
    }
    let path = templates.appendingPathComponent(file).path
    try template.write(toFile: path, atomically: true, encoding: .utf8)
    let (outcome, diagnostics) = PackageBuild.run(
      workspace: TemplateTests.example, output: output.path, variants: [.joint, .piggyback], templates: templates.path)
    #expect(outcome == nil)
    let written = (try? FileManager.default.contentsOfDirectory(atPath: output.path)) ?? []
    return (diagnostics, path, written.isEmpty)
  }

  /// The errors of `diagnostics`, as `line:column: message` relative to `path`.
  func errors(_ diagnostics: [Diagnostic], in path: String) -> [String] {
    diagnostics.filter { $0.severity == .error && $0.location.path == path }.map {
      "\($0.location.line):\($0.location.column): \($0.message)"
    }
  }

  func at(_ text: MarkedText, _ marker: String, _ message: String) -> String {
    let position = text.positions[marker]!
    return "\(position.line):\(position.column): \(message)"
  }

  @Test func aMisspeltNameIsAnErrorAtItsLineAndColumnAndNothingIsWritten() throws {
    let text = MarkedText(
      """
      {{%CONTENT_TYPE: MARKDOWN}}
      # {{solicitation.title}}

      Issued by {{1️⃣solicitation.leadAgncy}} for {{ 2️⃣participantCont }} agencies.

      """)
    let (diagnostics, path, empty) = try build("rfp.md.mustache", text.text)
    #expect(
      errors(diagnostics, in: path) == [
        at(text, "1️⃣", "unknown name 'solicitation.leadAgncy' (did you mean 'solicitation.leadAgency'?)"),
        at(text, "2️⃣", "unknown name 'participantCont' (did you mean 'participantCount'?)"),
      ])
    #expect(diagnostics.contains { $0.description == "\(path):4:13: error: " + $0.message })
    #expect(empty, "nothing is written")
  }

  @Test func anUnknownSectionNameIsAnError() throws {
    let text = MarkedText(
      """
      <html>
      {{#1️⃣lot}}<p>{{id}}</p>{{/lot}}
      {{^2️⃣hasUnpricedLine}}<p>all priced</p>{{/hasUnpricedLine}}
      </html>

      """)
    let (diagnostics, path, empty) = try build("compare.html.mustache", text.text)
    #expect(
      errors(diagnostics, in: path) == [
        at(text, "1️⃣", "unknown name 'lot' (did you mean 'lots'?)"),
        at(text, "2️⃣", "unknown name 'hasUnpricedLine' (did you mean 'hasUnpricedLines'?)"),
      ])
    #expect(empty)
  }

  @Test func aNameOfASectionsContextIsUnknownOutsideIt() throws {
    let text = MarkedText(
      """
      {{%CONTENT_TYPE: XML}}
      <bidForm>
      {{#lots}}<lot id="{{id}}" lines="{{lineCount}}">{{#lines}}<line n="{{number}}" lot="{{id}}"/>{{/lines}}</lot>{{/lots}}
      <last n="{{1️⃣number}}" lines="{{2️⃣lots.lines}}" title="{{solicitation.title}}"/>
      </bidForm>

      """)
    let (diagnostics, path, empty) = try build("bid-form.xml.mustache", text.text)
    #expect(
      errors(diagnostics, in: path) == [
        at(text, "1️⃣", "unknown name 'number'"),
        at(text, "2️⃣", "unknown name 'lots.lines'"),
      ])
    #expect(empty)
  }

  @Test func aPartialIsCheckedWhereItIsIncluded() throws {
    let text = MarkedText("{{#solicitation.isAwardedByLine}}by {{1️⃣lineCont}}{{/solicitation.isAwardedByLine}}")
    let (diagnostics, path, empty) = try build("award-method.mustache", text.text)
    #expect(
      Set(errors(diagnostics, in: path)) == [at(text, "1️⃣", "unknown name 'lineCont' (did you mean 'lineCount'?)")])
    #expect(empty)
  }

  /// The tags the check reads: every sigil, a delimiter change, comments and pragmas read past.
  @Test func theCheckReadsEveryKindOfTag() {
    let text = MarkedText(
      """
      {{! a comment naming {{nothing}} }}{{%CONTENT_TYPE: TEXT}}
      {{{5️⃣generator}}} {{&6️⃣variant}} {{.}} {{#lots}}{{#first()}}first{{/first()}}{{.id}}{{/lots}}
      {{=<% %>=}}<%# isJoint %><%1️⃣isJiont%><%/ isJoint %>
      <%={{ }}=%>{{.solicitation.id}} {{> 3️⃣missing}} {{{4️⃣gen}}}
      """)
    var check = TemplateCheck(templates: ["doc": .init(text: text.text, origin: "doc.mustache")])
    check.check("doc", against: VariantDocument.self)
    let found = check.problems.map { "\($0.location.line):\($0.location.column): \($0.message)" }
    #expect(
      found == [
        at(text, "5️⃣", Self.notMarkup("generator")),
        at(text, "6️⃣", Self.notMarkup("variant")),
        at(text, "1️⃣", "unknown name 'isJiont' (did you mean 'isJoint'?)"),
        at(text, "3️⃣", "unknown partial 'missing'"),
        at(text, "4️⃣", "unknown name 'gen'"),
      ], "\(found)")
  }

  /// The finding for a text field printed unescaped.
  static func notMarkup(_ name: String) -> String {
    "'\(name)' is printed unescaped, but it is not markup; unescaped tags ({{{name}}}, {{&name}}) may print only "
      + "markup fields (such as a section's html), since any other text may come from input files: write {{\(name)}}"
  }

  /// Only markup (a section's `html`, `markdown`, `wordML`) may be printed unescaped: a text field, the current
  /// context or a name inside a text's section printed raw is an error, and the build writes nothing.
  @Test func onlyMarkupIsPrintedUnescaped() throws {
    let text = MarkedText(
      """
      {{#sections}}{{{html}}}{{&markdown}}{{{1️⃣title}}}{{/sections}}
      {{{2️⃣solicitation.title}}}{{#solicitation.leadAgency}}{{& 3️⃣.}}{{/solicitation.leadAgency}}
      """)
    let (diagnostics, path, empty) = try build("rfp.html.mustache", text.text)
    #expect(
      errors(diagnostics, in: path) == [
        at(text, "1️⃣", Self.notMarkup("title")), at(text, "2️⃣", Self.notMarkup("solicitation.title")),
        at(text, "3️⃣", Self.notMarkup(".")),
      ])
    #expect(empty)
  }

  /// `Templates/README.md` lists every name of every model, under a heading naming the model.
  @Test func theTemplatesReadmeListsEveryName() throws {
    let readme = try String(
      contentsOf: repositoryRoot.appendingPathComponent("Templates/README.md"), encoding: .utf8)
    let sections = readme.components(separatedBy: "\n### ")
    var pending: [any DocumentModel.Type] = [VariantDocument.self, ComparisonReport.self]
    var seen: Set<String> = []
    while let model = pending.popLast() {
      let schema = model.schema
      guard seen.insert(schema.type).inserted else { continue }
      let section = sections.first { $0.prefix { $0 != "\n" }.contains("`\(schema.type)`") }
      #expect(section != nil, "no section for \(schema.type)")
      for (name, kind) in schema.kinds {
        #expect(section?.contains("`\(name)`") == true, "\(schema.type).\(name) is not listed")
        switch kind {
        case .object(let child), .list(let child): pending.append(child)
        case .text, .flag, .markup: break
        }
      }
    }
    #expect(seen.count == 33)
  }
}
