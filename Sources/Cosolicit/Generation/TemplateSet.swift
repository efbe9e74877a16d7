import Foundation
import Mustache

/// The templates documents are rendered from: the defaults embedded from `Templates/`, each replaceable by a
/// file of the same name in a user's folder.
public struct TemplateSet: Sendable {
  /// Where each template came from, for error messages: an override's path, or `Templates/NAME` for a default.
  public private(set) var origins: [String: String] = [:]
  private var library = MustacheLibrary()
  private var texts: [String: String] = [:]

  /// The default templates' file names.
  public static var defaultNames: [String] { DefaultTemplates.files.keys.sorted() }

  /// Loads the defaults and the overrides in `overrides` (files named like a default replace it); reports a
  /// template that does not parse, with its file and line, a name its model does not have, with its file,
  /// line and column, or an override that replaces nothing. Returns nil when any template is unusable.
  public static func load(overrides: String?, _ diagnostics: inout DiagnosticCollector) -> TemplateSet? {
    _ = ContentTypes.registered
    var set = TemplateSet()
    var problems: [Diagnostic] = []
    var files = DefaultTemplates.files.mapValues { (text: $0, origin: "") }
    for (name, value) in files { files[name] = (value.text, "Templates/\(name)") }
    if let overrides {
      var isFolder: ObjCBool = false
      if !FileManager.default.fileExists(atPath: overrides, isDirectory: &isFolder) || !isFolder.boolValue {
        problems.append(
          Diagnostic(
            .error, "--templates must name a folder of templates that replace the defaults of the same name",
            at: .start(of: overrides)))
      }
      let names = (try? FileManager.default.contentsOfDirectory(atPath: overrides)) ?? []
      // README.md is the guide `cosolicit templates export` writes beside the templates, not one of them.
      for name in names.sorted() where !name.hasPrefix(".") && name != TemplateExport.guideName {
        let path = Workspace.join(overrides, name)
        guard files[name] != nil else {
          problems.append(
            Diagnostic(
              .warning,
              "'\(name)' replaces no default template and is ignored; the templates are "
                + defaultNames.joined(separator: ", "), at: .start(of: path)))
          continue
        }
        switch SourceFile.read(path) {
        case .success(let source): files[name] = (source.text, path)
        case .failure(let diagnostic): problems.append(diagnostic)
        }
      }
    }
    for (name, file) in files.sorted(by: { $0.key < $1.key }) {
      set.origins[name] = file.origin
      set.texts[name] = file.text
      guard name.hasSuffix(".mustache") else { continue }
      do {
        let template = try MustacheTemplate(string: file.text)
        set.library.register(template, named: String(name.dropLast(".mustache".count)))
      } catch let error as MustacheTemplate.ParserError {
        problems.append(
          Diagnostic(
            .error, "template does not parse: \(error.error)",
            at: SourceLocation(path: file.origin, line: error.context.lineNumber, column: error.context.columnNumber)))
      } catch {
        problems.append(Diagnostic(.error, "template does not parse: \(error)", at: .start(of: file.origin)))
      }
    }
    if !problems.contains(where: { $0.severity == .error }) {
      problems += set.unknownNames()
    }
    diagnostics.append(contentsOf: problems)
    return problems.contains { $0.severity == .error } ? nil : set
  }

  /// Every name a rendered template (or a partial it includes) uses that its model does not have.
  func unknownNames() -> [Diagnostic] {
    var templates: [String: TemplateCheck.Template] = [:]
    for (file, text) in texts where file.hasSuffix(".mustache") {
      templates[String(file.dropLast(".mustache".count))] = TemplateCheck.Template(
        text: text, origin: origins[file] ?? file)
    }
    var check = TemplateCheck(templates: templates)
    for (name, model) in Self.models.sorted(by: { $0.key < $1.key }) {
      check.check(name, against: model)
    }
    return check.problems
  }

  /// The text of a template that is not rendered (such as the XSD).
  public func text(_ name: String) -> String? { texts[name] }

  /// Renders the template `name` (without `.mustache`) with `model`.
  func render(_ name: String, _ model: any DocumentModel) -> String? {
    library.render(model, withTemplate: name)
  }

  /// The templates rendered once per variant, from a ``VariantDocument``.
  static let variantTemplates = ["rfp.md", "rfp.html", "bid-form.html", "bid-form.xml"]
  /// The templates rendered into the parts of each variant's Word document (``WordPackage``), from a
  /// ``VariantDocument``.
  static var wordTemplates: [String] { WordPackage.renderedParts.map(\.0) }
  /// The templates rendered once per package, from a ``ComparisonReport``.
  static let comparisonTemplates = ["compare.md", "compare.html"]

  /// The standard sections of the RFP, rendered once per variant from a ``VariantDocument`` into its
  /// `sections` (see ``SectionAssembly``).
  static let sectionTemplates = StandardSection.all.map(\.template)

  /// The model each rendered template is checked against; the other templates are partials, checked where
  /// they are included.
  static let models: [String: any DocumentModel.Type] =
    Dictionary(
      uniqueKeysWithValues: (variantTemplates + sectionTemplates + wordTemplates).map {
        ($0, VariantDocument.self as any DocumentModel.Type)
      }
    )
    .merging(comparisonTemplates.map { ($0, ComparisonReport.self) }) { $1 }
}

/// Texts render as themselves. Without this, swift-mustache tries three failing dynamic casts and then
/// `String(describing:)` for every variable; the output is the same, and rendering a 20,000-share solicitation
/// spent most of its time in those casts. Values passed to templates are therefore formatted as strings.
extension String: @retroactive MustacheCustomRenderable {
  public var renderText: String { self }
  public var isNull: Bool { false }
}
