import Foundation

/// The README of a participant's kit: its form with a copy of the solicitation and the catalog, so that the
/// participant can check its filled form with `cosolicit validate` before sending it.
enum NeedsRequestKit {
  /// The README's text for the kit of `form`, with a copy of the catalog named `catalog`, if any; CRLF line ends,
  /// so that any editor shows it.
  static func readme(_ form: NeedsRequestForm, catalog: String?) -> String {
    let solicitation = form.solicitation
    let lead = solicitation.leadAgency
    let sendTo = [lead?.name, lead?.contact?.name, lead?.contact?.email].compactMap { $0 }.joined(separator: ", ")
    let due = solicitation.orderingWindowCloses.map { " by \($0.value)" } ?? ""
    let whom = form.agency.map { "\($0.name) (\($0.id.value))" } ?? "your agency"
    var contents = [
      ("\(form.fileStem).xlsx", "the needs request form: read its \"instructions\" sheet, fill in its \"needs\" sheet"),
      ("\(form.fileStem).csv", "the same form as CSV, if you would rather work in CSV"),
      ("solicitation.yaml", "the lead agency's solicitation (a copy), for checking"),
    ]
    if let catalog { contents.append((catalog, "the catalog (a copy), for checking")) }
    let width = (contents.map(\.0.count).max() ?? 0) + 3
    let listing = contents.map { "  " + $0.0.padding(toLength: width, withPad: " ", startingAt: 0) + $0.1 }
      .joined(separator: "\n")
    return """
      Needs request for \(solicitation.id): \(solicitation.title)
      Prepared for \(whom).

      This folder holds:
      \(listing)

      1. Fill in the form (either file): quantity, unit and commitment on the rows of the items you need.
      2. Save it here, in this folder, under its name.
      3. Check it, in this folder (Cosolicit finds solicitation.yaml beside the file):

           cosolicit validate \(form.fileStem).xlsx
           cosolicit validate \(form.fileStem).csv

         It lists every problem with its row and column; fix them and check again. Warnings are worth reading;
         only errors must be fixed.
      4. Send the filled form to \(sendTo.isEmpty ? "the lead agency" : sendTo)\(due).

      """.replacingOccurrences(of: "\n", with: "\r\n")
  }
}
