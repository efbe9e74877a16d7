/// A page Cosolicit writes itself rather than from a template (an addendum, a tabulation, a schedule): the
/// XHTML head every such page shares, its style, its body and the generator line.
enum HTMLPage {
  /// The whole page: `title` (text, escaped here) in its head with `style`, then `body` (HTML).
  static func document(title: String, style: String, body: String) -> String {
    """
    <!DOCTYPE html>
    <html xmlns="http://www.w3.org/1999/xhtml" lang="en">
    <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <meta name="generator" content="\(VariantDocument.generator)" />
    <title>\(XMLText.escaped(title))</title>
    <style>
    \(style)
    </style>
    </head>
    <body>
    \(body)<p class="small">Prepared with \(VariantDocument.generator).</p>
    </body>
    </html>

    """
  }
}
