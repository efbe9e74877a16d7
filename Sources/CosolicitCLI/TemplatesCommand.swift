import ArgumentParser
import Cosolicit
import Foundation

extension CosolicitCommand {
  struct Templates: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Work with the templates the documents are rendered from.",
      subcommands: [Export.self]
    )

    struct Export: ParsableCommand {
      static let configuration = CommandConfiguration(
        abstract: "Write the default templates and a guide to their names, to edit and pass to 'build --templates'.",
        discussion: "Refuses to write into a folder that already has files."
      )

      @Argument(help: "The folder to create.")
      var directory: String

      func run() throws {
        do {
          try TemplateExport.write(to: directory)
        } catch {
          Terminal.error("\(error)")
          throw Terminal.failure
        }
        print(
          "Wrote \(TemplateExport.files.count - 1) templates and \(TemplateExport.guideName) to \(directory): edit "
            + "them, then run 'cosolicit build WORKSPACE --templates \(directory)'")
      }
    }
  }
}
