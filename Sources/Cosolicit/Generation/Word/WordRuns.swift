/// Text written straight into WordprocessingML runs, for the few values a template cannot word itself.
enum WordRuns {
  /// The text of one run, `text` escaped, with each `-` a non-breaking hyphen (`<w:noBreakHyphen/>`), so that an
  /// item id such as `LAPTOP-14` is never broken across lines. Goes inside `<w:r>…</w:r>`.
  static func unbreakable(_ text: String) -> String {
    text.split(separator: "-", omittingEmptySubsequences: false)
      .map { "<w:t xml:space=\"preserve\">\(XMLText.escaped(String($0)))</w:t>" }
      .joined(separator: "<w:noBreakHyphen/>")
  }
}
