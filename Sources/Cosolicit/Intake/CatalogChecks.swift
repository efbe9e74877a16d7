/// Checks the catalog against the solicitation: every item must land in a lot that exists.
enum CatalogChecks {
  static func check(_ catalog: Catalog, against solicitation: Solicitation, _ diagnostics: inout DiagnosticCollector) {
    guard solicitation.lotsComplete else { return }
    let lotIDs = solicitation.lots.map(\.id.value)
    for item in catalog.items {
      if let lot = item.lot {
        guard solicitation.lot(withID: lot.value) == nil else { continue }
        diagnostics.error(
          "catalog item '\(item.id.value)': lot '\(lot.value)' does not exist"
            + NearestName.hint(for: lot.value, among: lotIDs)
            + "; the solicitation's lots are \(lotIDs.isEmpty ? "none" : lotIDs.joined(separator: ", "))",
          at: lot.location)
      } else if !solicitation.lots.isEmpty, solicitation.lot(for: item.classification.value) == nil {
        diagnostics.error(
          "catalog item '\(item.id.value)': classification \(item.classification.value) matches no lot; add a "
            + "prefix of it to a lot's classifications in \(solicitation.path), or name the lot in the 'lot' field",
          at: item.classification.location)
      }
    }
  }
}
