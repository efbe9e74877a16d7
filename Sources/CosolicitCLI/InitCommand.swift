import ArgumentParser
import Cosolicit
import Foundation

extension CosolicitCommand {
  struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Write a small, valid, commented workspace to start from.",
      discussion: "Refuses to write into a folder that already has files."
    )

    @Argument(help: "The folder to create.")
    var directory: String

    func run() throws {
      do {
        try StarterWorkspace.write(to: directory)
      } catch {
        Terminal.error("\(error)")
        throw Terminal.failure
      }
      print("Wrote a workspace to \(directory): edit it, then run 'cosolicit validate \(directory)'")
    }
  }
}
