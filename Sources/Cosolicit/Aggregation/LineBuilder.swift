import Foundation

/// Groups the intake's resolved needs lines by item, then orders them into numbered lines within lots. Every
/// line was checked and resolved by intake; nothing here can fail.
struct LineBuilder {
  let solicitation: Solicitation
  let catalog: Catalog?
  let files: [NeedsFile]
  /// Each file's path relative to the workspace.
  let paths: [String]

  /// Write-ins merge only when classification, normalized description and unit dimension agree.
  struct WriteInKey: Hashable, Comparable {
    var classification: String
    var description: String
    var dimension: String

    static func < (lhs: WriteInKey, rhs: WriteInKey) -> Bool {
      (lhs.classification, lhs.description, lhs.dimension) < (rhs.classification, rhs.description, rhs.dimension)
    }

    /// The description folded for comparison: lowercase letters and digits only, so that case, spacing and
    /// punctuation do not matter ("16 x 16 in, color-coded" is "16x16incolorcoded").
    static func normalize(_ description: String) -> String {
      String(
        String.UnicodeScalarView(description.lowercased().unicodeScalars.filter(CharacterSet.alphanumerics.contains)))
    }
  }

  /// Where one share's needs line is: its file, its agency's section in the file, and its place there.
  private struct Reference: Sendable {
    var file: Int32
    var section: Int32
    var line: Int32
  }

  private struct WriteInGroup: Sendable {
    var classification: Classification
    var lot: Int
    var descriptions: [String] = []
    var shares: [Reference] = []
  }

  /// A line before numbering: its lot, what it is, and its shares in order.
  private struct PendingLine: Sendable {
    /// What a line is: a catalog item, by position, or merged write-ins.
    enum Subject: Sendable {
      case item(Int)
      case writeIn(WriteInGroup)
    }

    var lot: Int
    var subject: Subject
    var shares: [Reference]
  }

  /// The lots in solicitation order with their numbered lines: catalog items in catalog order, then write-ins
  /// by classification and description. Agencies whose late files the lead agency rejected are left out.
  func lots() -> [AggregatedLot] {
    let items = catalog?.items ?? []
    // The participants, numbered in file order, and their order by agency id, which orders shares.
    var owners: [ShareStore.Owner] = []
    var ownerLines: [[ResolvedNeed]] = []
    var ownerMinimums: [[Int32: Decimal]] = []
    var ownerReleases: [[Int32: [DeliveryRelease]]] = []
    var ownerOfSection: [[Int32]] = []
    for (fileIndex, file) in files.enumerated() {
      ownerOfSection.append(
        file.sections.map { section in
          guard let agency = section.agency, !solicitation.lateSubmissions.rejects(agency.id.value) else { return -1 }
          owners.append(ShareStore.Owner(agency: agency, file: Int32(fileIndex)))
          ownerLines.append(section.lines)
          ownerMinimums.append(section.minimums)
          ownerReleases.append(section.releases)
          return Int32(owners.count - 1)
        })
    }
    var rank = [Int32](repeating: 0, count: owners.count)
    for (position, owner) in owners.indices.sorted(by: { owners[$0].agency.id.value < owners[$1].agency.id.value })
      .enumerated()
    {
      rank[owner] = Int32(position)
    }
    let order = ShareOrder(files: files, paths: paths, ownerOfSection: ownerOfSection, rank: rank)
    var byItem = [[Reference]](repeating: [], count: items.count)
    var lotOfItem = [Int](repeating: -1, count: items.count)
    var writeIns: [WriteInKey: WriteInGroup] = [:]
    for (fileIndex, file) in files.enumerated() {
      for (sectionIndex, section) in file.sections.enumerated() where ownerOfSection[fileIndex][sectionIndex] >= 0 {
        for (lineIndex, need) in section.lines.enumerated() {
          let reference = Reference(
            file: Int32(fileIndex), section: Int32(sectionIndex), line: Int32(lineIndex))
          if need.isWriteIn {
            let writeIn = file.writeIns[Int(need.itemText)]
            let unit = need.unitOfMeasure
            let dimension = unit.dimension.baseUnit == nil ? unit.code : unit.dimension.rawValue
            let key = WriteInKey(
              classification: writeIn.classification.value.description,
              description: WriteInKey.normalize(writeIn.description), dimension: dimension)
            writeIns[key, default: WriteInGroup(classification: writeIn.classification.value, lot: Int(need.lot))]
              .descriptions.append(writeIn.description)
            writeIns[key]?.shares.append(reference)
          } else {
            byItem[Int(need.item)].append(reference)
            lotOfItem[Int(need.item)] = Int(need.lot)
          }
        }
      }
    }
    // Each line's shares are ordered on every core.
    let named = items.indices.filter { !byItem[$0].isEmpty }
    let groups = writeIns.keys.sorted().compactMap { writeIns[$0] }
    let unsorted = named.map { byItem[$0] } + groups.map(\.shares)
    let sorted = ConcurrentMap.map(unsorted) { $0.sorted(by: order.precedes) }
    var pending = zip(named, sorted).map { index, shares in
      PendingLine(lot: lotOfItem[index], subject: .item(index), shares: shares)
    }
    pending += zip(groups, sorted.dropFirst(named.count)).map { group, shares in
      PendingLine(lot: group.lot, subject: .writeIn(group), shares: shares)
    }
    // Lines in lot order, catalog items and then write-ins within each lot, numbered across the solicitation.
    var linesByLot = [[PendingLine]](repeating: [], count: solicitation.lots.count)
    for line in pending { linesByLot[line.lot].append(line) }
    // One pass in line order: each line's shares go into the store after those of the lines before it, a
    // write-in's converted to the unit its line takes; the lines are numbered as they come.
    var references: [ShareStore.Reference] = []
    references.reserveCapacity(pending.reduce(0) { $0 + $1.shares.count })
    var writeInQuantities: [Int: (value: Decimal, isExact: Bool)] = [:]
    var writeInMinimums: [Int: Decimal] = [:]
    var plans: [(lot: Int, number: Int, positions: Range<Int>, unit: UnitOfMeasure, line: PendingLine)] = []
    for (lotIndex, lines) in linesByLot.enumerated() {
      for line in lines {
        let unit: UnitOfMeasure
        switch line.subject {
        case .item(let index): unit = items[index].unit
        case .writeIn:
          unit = writeInUnit(line.shares)
          for (offset, reference) in line.shares.enumerated() {
            if let conversion = UnitConversion.between(need(reference).unitOfMeasure, unit) {
              writeInQuantities[references.count + offset] = conversion.apply(to: need(reference).quantity)
              if need(reference).hasMinimum,
                let minimum = files[Int(reference.file)].sections[Int(reference.section)].minimums[reference.line]
              {
                writeInMinimums[references.count + offset] = conversion.apply(to: minimum).value
              }
            }
          }
        }
        let positions = references.count..<(references.count + line.shares.count)
        plans.append((lotIndex, plans.count + 1, positions, unit, line))
        for reference in line.shares {
          references.append(
            ShareStore.Reference(
              owner: ownerOfSection[Int(reference.file)][Int(reference.section)], line: reference.line))
        }
      }
    }
    let store = ShareStore(
      owners: owners, lines: ownerLines, references: references, texts: files.map(\.texts), paths: paths,
      sheets: files.map(\.sheet), writeInQuantities: writeInQuantities, minimums: ownerMinimums,
      writeInMinimums: writeInMinimums, releases: ownerReleases,
      bands: (items.map { solicitation.commitmentBand(for: $0) }, solicitation.commitmentBand(for: nil)))
    // Made on every core (each line sums its shares).
    let lots = solicitation.lots
    let made = ConcurrentMap.map(plans) { plan -> SolicitationLine in
      let shares = ShareList(store: store, positions: plan.positions)
      let lotID = lots[plan.lot].id.value
      switch plan.line.subject {
      case .item(let index):
        let item = items[index]
        return SolicitationLine(
          number: plan.number, lotID: lotID, itemID: item.id.value, description: item.description,
          classification: item.classification.value, unit: plan.unit, estimatedUnitPrice: item.estimatedUnitPrice,
          shares: shares)
      case .writeIn(let group):
        return SolicitationLine(
          number: plan.number, lotID: lotID, itemID: nil, description: group.descriptions.min() ?? "",
          classification: group.classification, unit: plan.unit, estimatedUnitPrice: nil, shares: shares)
      }
    }
    var linesOfLot = [[SolicitationLine]](repeating: [], count: lots.count)
    for (plan, line) in zip(plans, made) { linesOfLot[plan.lot].append(line) }
    return lots.enumerated().map { AggregatedLot(lot: $1, lines: linesOfLot[$0]) }
  }

  /// A merged write-in's unit: the one unit all shares used, else the dimension's base unit (exact from every
  /// unit).
  private func writeInUnit(_ shares: [Reference]) -> UnitOfMeasure {
    let units = Set(shares.map { need($0).unit })
    let first = need(shares[0]).unitOfMeasure
    return units.count == 1 ? first : (first.dimension.baseUnit ?? first)
  }

  private func need(_ reference: Reference) -> ResolvedNeed {
    files[Int(reference.file)].sections[Int(reference.section)].lines[Int(reference.line)]
  }

  /// Shares ordered by agency, then by what they hold, the source only breaking ties between identical shares.
  private struct ShareOrder: Sendable {
    let files: [NeedsFile]
    let paths: [String]
    let ownerOfSection: [[Int32]]
    /// Each participant's place in agency id order.
    let rank: [Int32]

    func precedes(_ left: Reference, _ right: Reference) -> Bool {
      let leftRank = rank[Int(ownerOfSection[Int(left.file)][Int(left.section)])]
      let rightRank = rank[Int(ownerOfSection[Int(right.file)][Int(right.section)])]
      if leftRank != rightRank { return leftRank < rightRank }
      let (leftFile, rightFile) = (files[Int(left.file)], files[Int(right.file)])
      let a = leftFile.sections[Int(left.section)].lines[Int(left.line)]
      let b = rightFile.sections[Int(right.section)].lines[Int(right.line)]
      if a.needByOrder != b.needByOrder { return a.needByOrder < b.needByOrder }  // undated shares last
      let (leftSite, rightSite) = (leftFile.text(a.deliverTo), rightFile.text(b.deliverTo))
      if leftSite != rightSite { return (leftSite ?? "") < (rightSite ?? "") }
      if a.commitment != b.commitment { return a.commitment.rawValue < b.commitment.rawValue }
      let (leftUnit, rightUnit) = (a.unitOfMeasure.code, b.unitOfMeasure.code)
      if leftUnit != rightUnit { return leftUnit < rightUnit }
      if a.quantity != b.quantity { return a.quantity < b.quantity }
      let (leftSpec, rightSpec) = (leftFile.text(a.spec), rightFile.text(b.spec))
      if leftSpec != rightSpec { return (leftSpec ?? "") < (rightSpec ?? "") }
      let (leftNotes, rightNotes) = (leftFile.text(a.notes), rightFile.text(b.notes))
      if leftNotes != rightNotes { return (leftNotes ?? "") < (rightNotes ?? "") }
      let leftSource = SourceLocation(
        path: paths[Int(left.file)], sheet: leftFile.sheet, row: Int(a.anchor.line), column: Int(a.anchor.column))
      let rightSource = SourceLocation(
        path: paths[Int(right.file)], sheet: rightFile.sheet, row: Int(b.anchor.line), column: Int(b.anchor.column))
      return leftSource < rightSource
    }
  }
}
