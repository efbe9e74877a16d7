import Foundation

extension SolicitationReader {
  /// The fields of one entry of `addenda`.
  static let addendumFields = ["number", "issued", "summary"]

  /// Reads `addenda: [{number, issued, summary}]`: each number a positive integer greater than the one before
  /// (so unique), each issued a date no earlier than the one before; the summary is optional text.
  static func readAddenda(_ fields: FieldReader, _ diagnostics: inout DiagnosticCollector) -> [Addendum] {
    guard let nodes = fields.list("addenda", &diagnostics) else { return [] }
    var addenda: [Addendum] = []
    for (index, node) in nodes.enumerated() {
      let context = "addenda #\(index + 1)"
      guard
        let reader = FieldReader(node, context: context, known: addendumFields, diagnostics: &diagnostics)
      else { continue }
      let number = reader.integer("number", required: true, in: 1...9999, &diagnostics)
      let issued = reader.date("issued", required: true, &diagnostics)
      let summary = reader.text("summary", &diagnostics)
      reader.finish(&diagnostics)
      guard let number, let issued else { continue }
      if let previous = addenda.last {
        if let same = addenda.first(where: { $0.number.value == number.value }) {
          diagnostics.error(
            "\(context): addendum \(number.value) is listed twice; list each addendum once", at: number.location)
          diagnostics.note("addendum \(number.value) is first listed here", at: same.number.location)
          continue
        }
        if number.value < previous.number.value {
          diagnostics.error(
            "\(context): addendum \(number.value) comes after addendum \(previous.number.value); list the addenda "
              + "in the order issued, each number greater than the one before", at: number.location)
          continue
        }
        if issued.value < previous.issued.value {
          diagnostics.error(
            "\(context): addendum \(number.value) is issued \(issued.value), before addendum "
              + "\(previous.number.value) (\(previous.issued.value)); an addendum is issued on or after the one "
              + "before it", at: issued.location)
          continue
        }
      }
      addenda.append(Addendum(number: number, issued: issued, summary: summary?.value))
    }
    return addenda
  }
}
