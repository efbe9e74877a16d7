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
  private struct Reference {
    var file: Int32
    var section: Int32
    var line: Int32
  }

  private struct WriteInGroup {
    var classification: Classification
    var lot: Int
    var descriptions: [String] = []
    var shares: [Reference] = []
  }

  /// A line before numbering: its lot, what it is, and its shares in order.
  private struct PendingLine {
    var lot: Int
    var item: Int?
    var writeIn: WriteInGroup?
    var shares: [Reference]
  }

  /// The lots in solicitation order with their numbered lines: catalog items in catalog order, then write-ins
  /// by classification and description.
  func lots() -> [AggregatedLot] {
    let items = catalog?.items ?? []
    // The participants, numbered in file order, and their order by agency id, which orders shares.
    var owners: [ShareStore.Owner] = []
    var ownerOfSection: [[Int32]] = []
    for (fileIndex, file) in files.enumerated() {
      ownerOfSection.append(
        file.sections.map { section in
          guard let agency = section.agency else { return -1 }
          owners.append(ShareStore.Owner(agency: agency, file: Int32(fileIndex)))
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
      for (sectionIndex, section) in file.sections.enumerated() where section.agency != nil {
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
    var pending: [PendingLine] = []
    for index in items.indices where !byItem[index].isEmpty {
      pending.append(
        PendingLine(lot: lotOfItem[index], item: index, writeIn: nil, shares: byItem[index].sorted(by: order.precedes)))
    }
    for key in writeIns.keys.sorted() {
      guard let group = writeIns[key] else { continue }
      pending.append(
        PendingLine(lot: group.lot, item: nil, writeIn: group, shares: group.shares.sorted(by: order.precedes)))
    }
    // Lines in lot order, catalog items and then write-ins within each lot, numbered across the solicitation.
    var linesByLot = [[PendingLine]](repeating: [], count: solicitation.lots.count)
    for line in pending { linesByLot[line.lot].append(line) }
    var needs: [ResolvedNeed] = []
    var ownerOf: [Int32] = []
    needs.reserveCapacity(pending.reduce(0) { $0 + $1.shares.count })
    ownerOf.reserveCapacity(needs.capacity)
    var writeInQuantities: [Int: (value: Decimal, isExact: Bool)] = [:]
    var units: [UnitOfMeasure] = []
    for line in linesByLot.joined() {
      var unit = line.item.map { items[$0].unit }
      if line.writeIn != nil {
        let chosen = writeInUnit(line.shares)
        unit = chosen
        for (offset, reference) in line.shares.enumerated() {
          let need = files[Int(reference.file)].sections[Int(reference.section)].lines[Int(reference.line)]
          if let conversion = UnitConversion.between(need.unitOfMeasure, chosen) {
            writeInQuantities[needs.count + offset] = conversion.apply(to: need.quantity)
          }
        }
      }
      units.append(unit ?? UnitTable.units[0])
      for reference in line.shares {
        needs.append(need(reference))
        ownerOf.append(ownerOfSection[Int(reference.file)][Int(reference.section)])
      }
    }
    let store = ShareStore(
      needs: needs, ownerOf: ownerOf, owners: owners, texts: files.map(\.texts), paths: paths,
      writeInQuantities: writeInQuantities)
    var number = 0
    var start = 0
    var unitIterator = units.makeIterator()
    return solicitation.lots.enumerated().map { lotIndex, lot in
      let lines = linesByLot[lotIndex].map { pendingLine -> SolicitationLine in
        number += 1
        let positions = start..<(start + pendingLine.shares.count)
        start = positions.upperBound
        let shares = ShareList(store: store, positions: positions)
        let unit = unitIterator.next() ?? UnitTable.units[0]
        if let index = pendingLine.item {
          let item = items[index]
          return SolicitationLine(
            number: number, lotID: lot.id.value, itemID: item.id.value, description: item.description,
            classification: item.classification.value, unit: unit, estimatedUnitPrice: item.estimatedUnitPrice,
            shares: shares)
        }
        let group = pendingLine.writeIn!
        return SolicitationLine(
          number: number, lotID: lot.id.value, itemID: nil, description: group.descriptions.min() ?? "",
          classification: group.classification, unit: unit, estimatedUnitPrice: nil, shares: shares)
      }
      return AggregatedLot(lot: lot, lines: lines)
    }
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
  private struct ShareOrder {
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
      if a.needBy != b.needBy {
        guard let leftDate = a.needBy else { return false }  // undated shares last
        guard let rightDate = b.needBy else { return true }
        return leftDate < rightDate
      }
      let (leftSite, rightSite) = (leftFile.text(a.deliverTo), rightFile.text(b.deliverTo))
      if leftSite != rightSite { return (leftSite ?? "") < (rightSite ?? "") }
      if a.commitment != b.commitment { return a.commitment.rawValue < b.commitment.rawValue }
      let (leftUnit, rightUnit) = (a.unitOfMeasure.code, b.unitOfMeasure.code)
      if leftUnit != rightUnit { return leftUnit < rightUnit }
      if a.quantity != b.quantity { return a.quantity < b.quantity }
      let (leftNotes, rightNotes) = (leftFile.text(a.notes), rightFile.text(b.notes))
      if leftNotes != rightNotes { return (leftNotes ?? "") < (rightNotes ?? "") }
      let leftSource = SourceLocation(
        path: paths[Int(left.file)], line: Int(a.anchor.line), column: Int(a.anchor.column))
      let rightSource = SourceLocation(
        path: paths[Int(right.file)], line: Int(b.anchor.line), column: Int(b.anchor.column))
      return leftSource < rightSource
    }
  }
}
