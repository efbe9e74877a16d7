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

    @Option(help: "How many participants (needs files), at most \(SampleWorkspace.maximumParticipants).")
    var participants: Int = 10

    @Option(
      help: """
        How many lines each participant submits: at most \(SampleWorkspace.maximumLines(formats: .csv)) in CSV, \
        \(SampleWorkspace.maximumLines(formats: .json)) in JSON, \(SampleWorkspace.maximumLines(formats: .yaml)) in \
        YAML or mixed, so that each needs file stays within the readers' limits.
        """)
    var lines: Int = 50

    @Option(help: "How many catalog items, at most \(SampleWorkspace.maximumItems) (one catalog file's lines).")
    var items: Int = 60

    @Option(help: "The random seed.")
    var seed: UInt64 = 1

    @Option(help: "The needs files' formats: mixed (70% CSV, 20% YAML, 10% JSON), csv, yaml or json.")
    var formats: SampleWorkspace.Formats = .mixed

    func validate() throws {
      if let problem = SampleWorkspace.limitProblem(
        participants: participants, lines: lines, items: items, formats: formats)
      {
        throw ValidationError(problem)
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
