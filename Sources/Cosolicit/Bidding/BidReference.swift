import Foundation

/// The solicitation a bid is checked against: its blank form, and the schema to validate both with.
///
/// Found from what the user names: a built solicitation package (a folder with `public/joint/bid-form.xml` or
/// `public/piggyback/bid-form.xml`, possibly one level down as `<id>/public/joint/…`), a blank form file itself, or a
/// workspace (a folder with `solicitation.yaml`), whose blank form `BidFormProvider` makes.
public struct BidReference: Sendable {
  /// Why no blank form could be used.
  public struct Failure: Error, Sendable, CustomStringConvertible {
    /// What went wrong, in one sentence without a trailing period.
    public var message: String
    /// The problems found in the files involved, if any.
    public var diagnostics: [Diagnostic]

    /// Creates a failure.
    public init(_ message: String, diagnostics: [Diagnostic] = []) {
      self.message = message
      self.diagnostics = diagnostics
    }

    /// The message.
    public var description: String { message }
  }

  /// The blank form, read and validated.
  public var form: BidDocument
  /// The schema text: the package's own `bid-form.xsd` when it has one, else the given default.
  public var schema: String
  /// Where the schema came from, for diagnostics.
  public var schemaPath: String
  /// Warnings found while reading the blank form.
  public var diagnostics: [Diagnostic]

  /// The name of the blank form file in each variant folder of a package (``PackageLayout/public(_:_:)``).
  public static let formName = "bid-form.xml"
  /// The name of the schema file in each variant folder of a package.
  public static let schemaName = "bid-form.xsd"

  /// Finds and reads the blank form for `variant` (the bid's, when known) of the solicitation at `solicitation`;
  /// `solicitationID` (the bid's) picks among several packages in one folder. `defaultSchema` is used
  /// when the package has no schema of its own.
  public static func load(
    _ solicitation: String, variant: DocumentVariant?, solicitationID: String?, defaultSchema: String,
    defaultSchemaPath: String = schemaName
  ) -> Result<BidReference, Failure> {
    let files = FileManager.default
    var isFolder: ObjCBool = false
    guard files.fileExists(atPath: solicitation, isDirectory: &isFolder) else {
      return .failure(Failure("no such solicitation file or folder: \(solicitation)"))
    }
    let formPath: String
    var schemaPath: String?
    if !isFolder.boolValue {
      formPath = solicitation
      schemaPath = sibling(schemaName, of: solicitation)
      if let failure = verifyPackage(holding: formPath, schema: schemaPath, inFolderOnly: false) {
        return .failure(failure)
      }
    } else if files.fileExists(atPath: join(solicitation, "solicitation.yaml")) {
      guard let variant else {
        return .failure(Failure("the bid does not say its variant (joint or piggyback), so its blank form is unknown"))
      }
      return BidFormProvider.blankForm(workspace: solicitation, variant: variant).flatMap { text in
        read(
          text, path: join(solicitation, "(\(variant.rawValue) bid form built from the workspace)"),
          schema: defaultSchema,
          schemaPath: defaultSchemaPath)
      }
    } else {
      switch packageFolder(in: solicitation, variant: variant, solicitationID: solicitationID) {
      case .failure(let failure): return .failure(failure)
      case .success(let folder):
        formPath = join(folder, formName)
        let schema = join(folder, schemaName)
        schemaPath = files.fileExists(atPath: schema) ? schema : nil
        if let failure = verifyPackage(holding: formPath, schema: schemaPath, inFolderOnly: true) {
          return .failure(failure)
        }
      }
    }
    let form: SourceFile
    switch SourceFile.read(formPath) {
    case .success(let file): form = file
    case .failure(let problem):
      return .failure(Failure("cannot read the solicitation's blank form", diagnostics: [problem]))
    }
    guard let schemaPath else {
      return read(form.text, path: formPath, schema: defaultSchema, schemaPath: defaultSchemaPath)
    }
    switch SourceFile.read(schemaPath) {
    case .success(let schema): return read(form.text, path: formPath, schema: schema.text, schemaPath: schemaPath)
    case .failure(let problem):
      return .failure(Failure("cannot read the solicitation's bid-form schema", diagnostics: [problem]))
    }
  }

  /// Reads the blank form `text`, validating it against `schema`.
  public static func read(
    _ text: String, path: String, schema: String, schemaPath: String
  ) -> Result<BidReference, Failure> {
    let loaded = BidDocument.load(text, path: path, schema: schema, schemaPath: schemaPath, expecting: .blankForm)
    guard let form = loaded.document, !loaded.diagnostics.contains(where: { $0.severity == .error }) else {
      return .failure(
        Failure("the solicitation's blank form \(path) cannot be used", diagnostics: loaded.diagnostics))
    }
    return .success(BidReference(form: form, schema: schema, schemaPath: schemaPath, diagnostics: loaded.diagnostics))
  }

  /// The variant folder (`<root>/public/<variant>`) holding the blank form, in `folder` or one level down.
  static func packageFolder(
    in folder: String, variant: DocumentVariant?, solicitationID: String?
  ) -> Result<String, Failure> {
    let files = FileManager.default
    let subfolders = ((try? files.contentsOfDirectory(atPath: folder)) ?? []).filter { !$0.hasPrefix(".") }.sorted()
      .map { join(folder, $0) }
    let roots = [folder] + subfolders
    /// The variants with a blank form directly under `root`.
    func variants(under root: String) -> [DocumentVariant] {
      DocumentVariant.allCases.filter { files.fileExists(atPath: join(root, PackageLayout.public($0, formName))) }
    }
    let packages = roots.filter { !variants(under: $0).isEmpty }
    guard !packages.isEmpty else {
      return .failure(
        Failure(
          "\(folder) is neither a solicitation package (with \(PackageLayout.public(.joint, formName)) or "
            + "\(PackageLayout.public(.piggyback, formName)), or a subfolder with them) nor a workspace (with "
            + "solicitation.yaml)"))
    }
    guard let variant = variant ?? onlyVariant(packages.flatMap(variants(under:))) else {
      return .failure(Failure("the bid does not say its variant (joint or piggyback), so its blank form is unknown"))
    }
    let matching = packages.filter { variants(under: $0).contains(variant) }
    let chosen: String
    if matching.contains(folder) {
      chosen = folder
    } else if matching.count == 1 {
      chosen = matching[0]
    } else if let id = solicitationID, let named = matching.first(where: { lastComponent($0) == id }) {
      chosen = named
    } else if matching.isEmpty {
      let found = packages.flatMap { root in
        variants(under: root).map { join(root, PackageLayout.public($0, formName)) }
      }
      return .failure(
        Failure(
          "the bid is for the \(variant.rawValue) variant, but \(folder) has no "
            + "\(PackageLayout.public(variant, formName)) (found: \(found.joined(separator: ", ")))"))
    } else {
      return .failure(
        Failure(
          "\(folder) holds several solicitation packages (\(matching.map(lastComponent).joined(separator: ", "))) "
            + "and none is named after the bid's solicitation; name the package folder in --solicitation"))
    }
    return .success(join(chosen, (PackageLayout.public(variant, formName) as NSString).deletingLastPathComponent))
  }

  /// Verifies the manifest of the package holding the blank form at `formPath` (`<package>/public/<variant>/`) and
  /// the schema beside it, before either is read. A form found in a package folder (`inFolderOnly`) must be in
  /// a built package; a form named as a file is checked only when its package has a manifest.
  private static func verifyPackage(holding formPath: String, schema: String?, inFolderOnly: Bool) -> Failure? {
    let variantFolder = (formPath as NSString).deletingLastPathComponent
    let publicFolder = (variantFolder as NSString).deletingLastPathComponent
    let package = (publicFolder as NSString).deletingLastPathComponent
    let root = package.isEmpty ? "." : package
    guard
      inFolderOnly
        || (lastComponent(publicFolder) == PackageLayout.publicFolder
          && FileManager.default.fileExists(atPath: join(root, PackageManifest.fileName))),
      let variant = DocumentVariant(rawValue: lastComponent(variantFolder))
    else { return nil }
    let needed = [formName] + (schema == nil ? [] : [schemaName])
    let problems = PackageManifest.verify(package: root, needing: needed.map { PackageLayout.public(variant, $0) })
    guard !problems.isEmpty else { return nil }
    return Failure(
      "the solicitation package \(root) does not match its manifest, so its blank form cannot be trusted",
      diagnostics: problems)
  }

  /// The single variant in `found`, if every entry is the same.
  private static func onlyVariant(_ found: [DocumentVariant]) -> DocumentVariant? {
    Set(found).count == 1 ? found.first : nil
  }

  /// The file `name` in the folder of `path`, if it exists.
  private static func sibling(_ name: String, of path: String) -> String? {
    let folder = (path as NSString).deletingLastPathComponent
    let candidate = folder.isEmpty ? name : join(folder, name)
    return FileManager.default.fileExists(atPath: candidate) ? candidate : nil
  }

  /// The last component of `path`.
  private static func lastComponent(_ path: String) -> String { (path as NSString).lastPathComponent }

  /// Joins a folder and a name without doubling the separator.
  private static func join(_ folder: String, _ name: String) -> String {
    folder.hasSuffix("/") ? folder + name : folder + "/" + name
  }
}
