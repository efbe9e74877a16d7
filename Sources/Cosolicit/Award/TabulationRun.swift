import Foundation

/// `cosolicit tabulate`: reads the workspace and the package published from it, checks every bid received in
/// `bids/`, tabulates them and awards each unit by the solicitation's method.
public enum TabulationRun {
  /// Tabulates the bids of the workspace at `workspace` against the package at `package` (default
  /// `workspace/dist/<id>`); the tabulation comes back whenever the bids could be read, with every finding.
  /// Errors (an unresolved tie among them) mean the award is not final and nothing may be written.
  public static func run(
    workspace: String, package: String?
  ) -> (tabulation: BidTabulation?, diagnostics: [Diagnostic]) {
    var diagnostics = DiagnosticCollector()
    guard let joint = Aggregator.aggregate(workspace: workspace, &diagnostics) else {
      return (nil, diagnostics.diagnostics)
    }
    guard !diagnostics.hasErrors else { return (nil, diagnostics.diagnostics) }
    let solicitation = joint.solicitation
    let packagePath = package ?? Workspace.join(Workspace.join(workspace, "dist"), solicitation.id)
    guard let schema = BidCheck.defaultSchema else {
      diagnostics.error("the built-in bid-form.xsd is missing from this build", at: .start(of: workspace))
      return (nil, diagnostics.diagnostics)
    }
    guard FileManager.default.fileExists(atPath: packagePath) else {
      diagnostics.error(
        "there is no published package at \(packagePath) to check the bids against; build it first "
          + "(cosolicit build), or give the package with --package", at: .start(of: workspace))
      return (nil, diagnostics.diagnostics)
    }
    let reference: BidReference
    switch BidReference.load(packagePath, variant: .joint, solicitationID: solicitation.id, defaultSchema: schema) {
    case .success(let found):
      reference = found
      diagnostics.append(contentsOf: found.diagnostics)
    case .failure(let failure):
      diagnostics.append(contentsOf: failure.diagnostics)
      diagnostics.error("\(failure.message); the bids were not tabulated", at: .start(of: packagePath))
      return (nil, diagnostics.diagnostics)
    }
    PublishedFormCheck.compare(reference.form, with: joint, &diagnostics)
    guard !diagnostics.hasErrors else { return (nil, diagnostics.diagnostics) }
    let bidsFolder = Workspace.join(workspace, ReceivedBids.folderName)
    let receipts = ReceiptLogReader.read(Workspace.join(bidsFolder, ReceivedBids.receiptLogName), &diagnostics)
    let record = AwardRecordReader.read(Workspace.join(workspace, "award.yaml"), &diagnostics)
    let bids = ReceivedBids(solicitation: solicitation, reference: reference, receipts: receipts)
      .read(folder: bidsFolder, &diagnostics)
    guard !bids.isEmpty, !diagnostics.hasErrors else { return (nil, diagnostics.diagnostics) }
    let tabulation = tabulate(joint: joint, form: reference.form, bids: bids, record: record, &diagnostics)
    return (tabulation, diagnostics.diagnostics)
  }

  /// The tabulation of `bids` against `form`: rows with every bid's cells, each unit evaluated and awarded,
  /// and the lines as awarded (none while a tie is unresolved).
  static func tabulate(
    joint: JointSolicitation, form: BidDocument, bids: [TabulatedBid], record: AwardRecord,
    _ diagnostics: inout DiagnosticCollector
  ) -> BidTabulation {
    let evaluation = AwardEvaluation(
      solicitation: joint.solicitation, prices: BidPrices(form: form), bids: bids, record: record)
    let specs = evaluation.rowSpecs()
    let units = evaluation.units(of: specs)
    let offers = bids.map { evaluation.offers(of: $0, rows: specs) }
    var evaluations = evaluation.evaluations(units: units, offers: offers, specs: specs)
    let currency = form.currency.value
    let allOrNone = evaluation.applyAllOrNoneBids(&evaluations, currency: currency, &diagnostics)
    evaluation.award(&evaluations, allOrNone: allOrNone, currency: currency, &diagnostics)
    // The option each bid is evaluated at on each row: its unit standing's, else the award option or its lowest.
    var unitOfRow = [Int](repeating: 0, count: specs.count)
    for (unitIndex, unit) in units.enumerated() { for row in unit.rows { unitOfRow[row] = unitIndex } }
    var rows: [TabulationRow] = []
    for (index, spec) in specs.enumerated() {
      let unitIndex = unitOfRow[index]
      let cells = bids.indices.map { bidIndex in
        let (answer, prices) = offers[bidIndex][index]
        let standing = evaluations[unitIndex].eligible.first { $0.bidID == bids[bidIndex].id }
        let chosen =
          standing.flatMap { standing in prices.first { $0.option == standing.option } }
          ?? (evaluation.prices.awardOption.map { option in prices.first { $0.option == option } }
            ?? prices.min { $0.evaluatedUnitPrice < $1.evaluatedUnitPrice })
        let extended =
          spec.isAsNeeded
          ? nil
          : chosen.flatMap { BidCheck.extendedPrice(unitPrice: $0.evaluatedUnitPrice, quantity: spec.quantity) }
        return TabulationCell(
          bidID: bids[bidIndex].id, answer: answer, prices: prices, evaluatedUnitPrice: chosen?.evaluatedUnitPrice,
          evaluatedOption: chosen?.option, extendedPrice: extended)
      }
      var row = TabulationRow(
        lotID: spec.lotID, lineNumber: spec.line.number.value, zoneID: spec.zone, itemID: spec.line.item?.value,
        description: BidCheck.collapsed(spec.line.description.value), unit: spec.line.unit.value,
        quantity: spec.quantity, isAsNeeded: spec.isAsNeeded, cells: cells)
      markLowBid(&row, bids: bids)
      rows.append(row)
    }
    var tabulation = BidTabulation(
      joint: joint, bids: bids, rows: rows, units: evaluations, awardedLines: [], awarded: record.awarded?.value)
    if tabulation.isAwarded {
      tabulation.awardedLines = awardedLines(
        evaluations, units: units, specs: specs, offers: offers, bids: bids, form: form)
    }
    return tabulation
  }

  /// Marks the row's low responsive bid(s) and every cell's deviation from it, in percent (one decimal, half up).
  private static func markLowBid(_ row: inout TabulationRow, bids: [TabulatedBid]) {
    let responsive = row.cells.enumerated().filter {
      bids[$0.offset].isResponsive && $0.element.evaluatedUnitPrice != nil
    }
    guard let low = responsive.compactMap(\.element.evaluatedUnitPrice).min() else { return }
    row.lowBidIDs = responsive.filter { $0.element.evaluatedUnitPrice == low }.map(\.element.bidID)
    for index in row.cells.indices {
      guard let price = row.cells[index].evaluatedUnitPrice else { continue }
      if low == 0 {
        row.cells[index].deviationPercent = price == 0 ? 0 : nil
        continue
      }
      var percent = (price - low) * 100 / low
      var rounded = Decimal()
      NSDecimalRound(&rounded, &percent, 1, .plain)
      row.cells[index].deviationPercent = rounded
    }
  }

  /// The lines of every awarded unit, at the winner's evaluated option.
  private static func awardedLines(
    _ evaluations: [UnitEvaluation], units: [(unit: AwardUnit, rows: [Int])], specs: [AwardEvaluation.RowSpec],
    offers: [[(TabulationCell.Answer, [OfferedPrice])]], bids: [TabulatedBid], form: BidDocument
  ) -> [AwardedLine] {
    var lines: [(row: Int, line: AwardedLine)] = []
    let bidLines = bids.map { $0.document.map(BidPrices.linesByLotAndNumber) ?? [:] }
    for (evaluation, unit) in zip(evaluations, units) {
      guard let winner = evaluation.winner, let bidIndex = bids.firstIndex(where: { $0.id == winner.bidID }) else {
        continue
      }
      for row in unit.rows {
        let spec = specs[row]
        guard let price = offers[bidIndex][row].1.first(where: { $0.option == winner.option }) else { continue }
        let bidLine = bidLines[bidIndex][BidPrices.key(lot: spec.lotID, line: spec.line.number.value)]
        let index = winner.option.flatMap { option in
          form.priceOptions.first { Identifier.same($0.id.value, option) }?.index
        }
        let quantity = spec.isAsNeeded ? 0 : spec.quantity
        let extended = AwardAmount.extended(price.evaluatedUnitPrice, quantity)
        let brandModel = bidLine?.brandModel.map { BidCheck.collapsed($0.value) }.flatMap { $0.isEmpty ? nil : $0 }
        lines.append(
          (
            row,
            AwardedLine(
              lotID: spec.lotID, lineNumber: spec.line.number.value, zoneID: spec.zone, bidID: winner.bidID,
              supplier: bids[bidIndex].supplier, unit: unit.unit, price: price, index: index, brandModel: brandModel,
              quantity: quantity, isAsNeeded: spec.isAsNeeded, extendedPrice: extended)
          ))
      }
    }
    return lines.sorted { $0.row < $1.row }.map(\.line)
  }
}
