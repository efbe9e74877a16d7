import Foundation

/// Renders every document of a solicitation package from the templates, at the paths ``PackageLayout`` gives:
/// for each variant the RFP (Markdown, HTML, and Word through ``WordPackage``), the blank XML bid form with its
/// schema, and the fillable HTML bid form (public); the comparison report, the aggregation contract, the
/// participants list, the review list and the OCDS tender release (internal). Each XML bid form is validated against its schema.
public struct DocumentSet: Sendable {
  /// A rendered file: its path inside the package and its bytes.
  public struct File: Sendable {
    /// The path inside the package, with `/` separators.
    public var path: String
    /// The contents.
    public var data: Data

    /// Creates a file at `path` holding `data`.
    public init(path: String, data: Data) {
      self.path = path
      self.data = data
    }
  }

  /// The variants rendered.
  public var variants: [DocumentVariant]

  /// Creates a set for `variants`.
  public init(variants: [DocumentVariant]) {
    self.variants = variants
  }

  /// The files, sorted by path; reports a template that renders nothing or a bid form its schema rejects.
  public func render(
    _ joint: JointSolicitation, templates: TemplateSet, _ diagnostics: inout DiagnosticCollector
  ) -> [File]? {
    var files: [File] = []
    var failed = false
    func add(_ path: String, _ text: String?, template: String) {
      guard let text else {
        diagnostics.error(
          "the template rendered nothing; is '\(template)' missing from the defaults?",
          at: .start(of: templates.origins[template + ".mustache"] ?? template))
        failed = true
        return
      }
      files.append(File(path: path, data: Data(text.utf8)))
    }
    let schemaName = "bid-form.xsd"
    let schema = templates.text(schemaName) ?? ""
    // The models are built once, with each variant's figures computed once, and shared by every document.
    let jointFigures = VariantFigures(joint, variant: .joint)
    let piggybackFigures = VariantFigures(joint, variant: .piggyback)
    let variantModels = variants.map { variant in
      var document = VariantDocument(joint, figures: variant == .joint ? jointFigures : piggybackFigures)
      document.sections = SectionAssembly.sections(of: document, templates: templates)
      return document
    }
    let models: [any DocumentModel] =
      variantModels + [ComparisonReport(joint, jointFigures: jointFigures, piggybackFigures: piggybackFigures)]
    var jobs: [RenderJob] = []
    for (index, variant) in variants.enumerated() {
      for name in TemplateSet.variantTemplates {
        jobs.append(RenderJob(path: PackageLayout.public(variant, name), template: name, model: index))
      }
    }
    for name in TemplateSet.comparisonTemplates {
      jobs.append(RenderJob(path: PackageLayout.internal(name), template: name, model: variants.count))
    }
    let rendered = ConcurrentMap.map(jobs) { job in templates.render(job.template, models[job.model]) }
    for (job, text) in zip(jobs, rendered) {
      guard job.template == "bid-form.xml" else {
        add(job.path, text, template: job.template)
        continue
      }
      // XML must start at its declaration: a template's leading blank lines are not part of the document.
      let form = text.map { String($0.drop { $0.isWhitespace }) }
      add(job.path, form, template: job.template)
      let folder = (job.path as NSString).deletingLastPathComponent
      add("\(folder)/\(schemaName)", schema, template: schemaName)
      if let form {
        let problems = Self.validate(
          form, path: job.path, schema: schema, schemaPath: templates.origins[schemaName] ?? schemaName)
        for problem in problems {
          diagnostics.error(
            "the generated bid form does not conform to its schema: \(problem.message) (check the bid-form.xml "
              + "and bid-form.xsd templates)", at: problem.location)
        }
        failed = failed || !problems.isEmpty
      }
    }
    // Each variant's Word document, its parts rendered from the same model as its other documents.
    let documents = ConcurrentMap.map(variantModels) { WordPackage.render($0, templates: templates) }
    for (variant, document) in zip(variants, documents) {
      switch document {
      case .success(let data): files.append(File(path: PackageLayout.public(variant, WordPackage.fileName), data: data))
      case .failure(let failure):
        diagnostics.append(contentsOf: failure.diagnostics)
        failed = true
      }
    }
    files.append(File(path: PackageLayout.internal("solicitation.json"), data: Data(joint.jsonText.utf8)))
    files.append(File(path: PackageLayout.internal("participants.csv"), data: Data(Self.participantsCSV(joint).utf8)))
    files.append(File(path: PackageLayout.internal("review.csv"), data: Data(Self.reviewCSV(joint.review).utf8)))
    let ocds = OCDSTenderRelease.package(joint, variants: variants)
    files.append(File(path: PackageLayout.internal(OCDSTenderRelease.fileName), data: Data(ocds.serialized.utf8)))
    return failed ? nil : files.sorted { $0.path < $1.path }
  }

  /// A document to render: its path in the package, its template, and the index of its model.
  private struct RenderJob: Sendable {
    var path: String
    var template: String
    var model: Int
  }

  /// Validates `document` against `schema` with libxml2; a schema that does not compile is a problem too.
  static func validate(_ document: String, path: String, schema: String, schemaPath: String) -> [Diagnostic] {
    do {
      return try XMLSchemaValidator(schema: schema, path: schemaPath).validate(document, path: path)
    } catch {
      return error.diagnostics
    }
  }

  /// The lead agency's review list (what `aggregate` and `validate` report for review), one row per item, for
  /// spreadsheets: its kind, line, agency, what to review, and where it stands in the input files.
  static func reviewCSV(_ items: [ReviewItem]) -> String {
    var text = CSVCell.row(["kind", "line", "agency", "message", "sources"])
    for item in items {
      text += CSVCell.row([
        item.kind.rawValue, item.line.map(String.init) ?? "", item.agencyID ?? "", item.message,
        item.sources.map { "\($0.path):\($0.lineOrCell)" }.joined(separator: "; "),
      ])
    }
    return text
  }

  /// One row per participant, for spreadsheets.
  static func participantsCSV(_ joint: JointSolicitation) -> String {
    var text = CSVCell.row([
      "agency", "name", "type", "state", "file", "submitted", "lines", "binding_lines", "committed_value",
      "estimated_value", "signer", "signer_title", "contact", "email", "phone",
    ])
    for participant in joint.participants {
      let agency = participant.agency
      text += CSVCell.row([
        agency.id.value, agency.name, agency.type?.rawValue ?? "", agency.state ?? "", participant.path,
        participant.submitted?.description ?? "", String(participant.lineCount), String(participant.bindingLineCount),
        DecimalText.format(participant.committedValue), DecimalText.format(participant.estimatedValue),
        agency.signer?.name ?? "", agency.signer?.title ?? "", agency.contact?.name ?? "", agency.contact?.email ?? "",
        agency.contact?.phone ?? "",
      ])
    }
    return text
  }
}
