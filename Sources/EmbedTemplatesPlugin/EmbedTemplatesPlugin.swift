import Foundation
import PackagePlugin

/// Embeds every default template in `Templates/`, and its README (the guide to the templates' names), into the
/// library as Swift source, at build time.
@main
struct EmbedTemplatesPlugin: BuildToolPlugin {
  func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
    let folder = context.package.directoryURL.appending(path: "Templates")
    let files = try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
      .filter { !$0.lastPathComponent.hasPrefix(".") }
      .sorted { $0.lastPathComponent < $1.lastPathComponent }
    let output = context.pluginWorkDirectoryURL.appending(path: "DefaultTemplates.swift")
    return [
      .buildCommand(
        displayName: "Embedding the default templates and their guide",
        executable: try context.tool(named: "EmbedTemplates").url,
        arguments: [output.path] + files.map(\.path),
        inputFiles: files,
        outputFiles: [output]
      )
    ]
  }
}
