import ArgumentParser
import Cosolicit
import Foundation

extension CosolicitCommand {
  struct CheckBid: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "check-bid",
      abstract: "Check a filled bid against the bid-form schema and the solicitation, and recompute its totals.",
      discussion: """
        Validates the bid against the bid-form XSD; with --solicitation, also checks that every line of the \
        solicitation is answered (priced, or no-bid where the award method allows) with quantities and units \
        unchanged. Recomputes extended prices, lot subtotals and the total; the unit price governs when it \
        disagrees with the extended price, which is reported as a warning. Prints each problem as \
        'path:line:column: error|warning: message' on standard error and a summary on standard output. Exits 0 \
        for a conforming bid, 1 otherwise, 2 on usage errors.
        """
    )

    @Argument(help: ArgumentHelp("The filled bid.", valueName: "BID.xml"))
    var bid: String

    @Option(
      help: ArgumentHelp(
        """
        The solicitation to check against: a built package (a folder with public/joint/bid-form.xml or \
        public/piggyback/bid-form.xml, or one subfolder per solicitation), a blank bid-form.xml, or a workspace.
        """, valueName: "PATH"))
    var solicitation: String?

    func validate() throws {
      var isFolder: ObjCBool = false
      guard FileManager.default.fileExists(atPath: bid, isDirectory: &isFolder) else {
        throw ValidationError("no such bid file: \(bid)")
      }
      guard !isFolder.boolValue else { throw ValidationError("\(bid) is a folder; give the bid's XML file") }
      if let solicitation, !FileManager.default.fileExists(atPath: solicitation) {
        throw ValidationError("no such solicitation file or folder: \(solicitation)")
      }
    }

    func run() throws {
      let text: String
      switch SourceFile.read(bid) {
      case .success(let file): text = file.text
      case .failure(let problem): throw fail(diagnostics: [problem], "cannot read the bid; nothing was checked")
      }
      guard var schema = BidCheck.defaultSchema else {
        throw fail(diagnostics: [], "the built-in bid-form.xsd is missing from this build of cosolicit")
      }
      var schemaPath = BidReference.schemaName
      var reference: BidDocument?
      // A bid that is not even well-formed is reported as such, whatever the solicitation.
      if let solicitation, let root = XMLElementTree.parse(text, path: bid).root {
        let loaded = BidReference.load(
          solicitation, variant: root.attribute("variant").flatMap(DocumentVariant.init(rawValue:)),
          solicitationID: root.attribute("solicitation"), defaultSchema: schema)
        switch loaded {
        case .success(let found):
          report(found.diagnostics)
          (reference, schema, schemaPath) = (found.form, found.schema, found.schemaPath)
        case .failure(let failure):
          throw fail(diagnostics: failure.diagnostics, "\(failure.message); the bid was not checked")
        }
      }
      let result = BidCheck.check(bid: text, path: bid, schema: schema, schemaPath: schemaPath, reference: reference)
      report(result.diagnostics)
      Terminal.write(result.summary + "\n")
      if !result.conforming { throw Terminal.failure }
    }

    /// Prints `diagnostics` on standard error, one per line.
    private func report(_ diagnostics: [Diagnostic]) { Terminal.report(diagnostics) }

    /// Prints `diagnostics` and `message` on standard error; returns the failure to throw (exit status 1).
    private func fail(diagnostics: [Diagnostic], _ message: String) -> ExitCode {
      report(diagnostics)
      Terminal.error(message)
      return Terminal.failure
    }
  }
}
