import ArgumentParser
import Cosolicit
import Foundation

extension CosolicitCommand {
  struct Sample: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Write a realistic synthetic workspace, for demos and benchmarks.",
      discussion: """
        A solicitation with four lots, a catalog with packs, and one needs file per participant (70% CSV, 20% \\
        YAML, 10% JSON) with mixed units, estimates and write-ins. The same seed gives the same files.
        """
    )

    @Argument(help: "The folder to create; it must not exist or be empty.")
    var directory: String

    @Option(help: "How many participants (needs files).")
    var participants: Int = 10

    @Option(help: "How many lines each participant submits.")
    var lines: Int = 50

    @Option(help: "How many catalog items.")
    var items: Int = 60

    @Option(help: "The random seed.")
    var seed: UInt64 = 1

    @Option(help: "The needs files' formats: mixed (70% CSV, 20% YAML, 10% JSON), csv, yaml or json.")
    var formats: SampleWorkspace.Formats = .mixed

    func validate() throws {
      guard participants >= 1, lines >= 1, items >= 1 else {
        throw ValidationError("--participants, --lines and --items must be at least 1")
      }
    }

    func run() throws {
      do {
        try SampleWorkspace(participants: participants, lines: lines, items: items, seed: seed, formats: formats)
          .write(to: directory)
      } catch {
        Terminal.error("\(error)")
        throw Terminal.failure
      }
      print("Wrote a sample workspace to \(directory): \(participants) participants × \(lines) lines, \(items) items")
    }
  }
}

extension SampleWorkspace.Formats: ExpressibleByArgument {}
