import Foundation

/// The default templates written out for a lead agency to edit and pass back with `build --templates`.
public enum TemplateExport {
  /// The name of the guide written beside the templates: every name each template's model offers.
  public static let guideName = "README.md"

  /// The files written: every default template, byte for byte as built in, and the guide.
  public static var files: [(path: String, contents: String)] {
    DefaultTemplates.files.sorted { $0.key < $1.key }.map { ($0.key, $0.value) } + [(guideName, DefaultTemplates.guide)]
  }

  /// Writes ``files`` to the new (or empty) folder `path`, all of them or none; never into a folder with files.
  public static func write(to path: String) throws(StarterWorkspace.Failure) {
    try StarterWorkspace.write(files, to: path)
  }
}
