import Foundation

/// Every share of a joint solicitation, stored once: the intake's resolved needs files, shared rather than
/// copied, and for each solicitation line the positions of its shares in them. ``ShareList`` reads it.
final class ShareStore: Sendable {
  /// Where one share's needs line is: its file, its agency's section in the file, and its place there.
  struct Reference: Sendable {
    var file: Int32
    var section: Int32
    var line: Int32
  }

  /// The needs files, as intake resolved them.
  let files: [NeedsFile]
  /// Each file's path relative to the workspace, as shares name their source.
  let paths: [String]
  /// The shares, grouped by solicitation line in line order, each line's shares in order.
  let references: [Reference]
  /// The base quantities of write-in shares, converted to their merged line's unit, by position in
  /// ``references``.
  let writeInQuantities: [Int: (value: Decimal, isExact: Bool)]

  init(
    files: [NeedsFile], paths: [String], references: [Reference],
    writeInQuantities: [Int: (value: Decimal, isExact: Bool)]
  ) {
    self.files = files
    self.paths = paths
    self.references = references
    self.writeInQuantities = writeInQuantities
  }

  /// The resolved needs line of the share at `position`.
  func need(at position: Int) -> ResolvedNeed {
    let reference = references[position]
    return files[Int(reference.file)].sections[Int(reference.section)].lines[Int(reference.line)]
  }

  /// The base quantity and commitment of the share at `position`, without making the whole share.
  func figures(at position: Int) -> (quantity: Decimal, commitment: Commitment) {
    let need = need(at: position)
    return (writeInQuantities[position]?.value ?? need.baseQuantity, need.commitment)
  }

  /// The share at `position`, in its line's base unit.
  func share(at position: Int) -> Share {
    let reference = references[position]
    let file = files[Int(reference.file)]
    let section = file.sections[Int(reference.section)]
    let need = section.lines[Int(reference.line)]
    let agency = section.agency
    let (quantity, isExact) = writeInQuantities[position] ?? (need.baseQuantity, need.isExact)
    return Share(
      agencyID: agency?.id.value ?? "", agencyName: agency?.name ?? "", quantity: quantity,
      originalQuantity: need.quantity, originalUnit: need.unitOfMeasure, commitment: need.commitment,
      deliverTo: file.text(need.deliverTo), needBy: need.needBy, notes: file.text(need.notes),
      source: SourceLocation(
        path: paths[Int(reference.file)], line: Int(need.anchor.line), column: Int(need.anchor.column)),
      isExact: isExact)
  }
}

/// The shares of one solicitation line, in order: a view of the ``ShareStore`` that makes each ``Share`` as it
/// is read, or a plain list.
public struct ShareList: RandomAccessCollection, Sendable {
  private enum Storage: Sendable {
    case store(ShareStore, Range<Int>)
    case list([Share])
  }

  private let storage: Storage

  /// The shares `shares`, in that order.
  public init(_ shares: [Share]) { storage = .list(shares) }

  init(store: ShareStore, positions: Range<Int>) { storage = .store(store, positions) }

  public var startIndex: Int { 0 }

  public var endIndex: Int {
    switch storage {
    case .store(_, let positions): positions.count
    case .list(let shares): shares.count
    }
  }

  /// Calls `body` with each share's base quantity and commitment, in order, without making the shares.
  func forEachFigure(_ body: (_ quantity: Decimal, _ commitment: Commitment) -> Void) {
    switch storage {
    case .store(let store, let positions):
      for position in positions {
        let figures = store.figures(at: position)
        body(figures.quantity, figures.commitment)
      }
    case .list(let shares):
      for share in shares { body(share.quantity, share.commitment) }
    }
  }

  public subscript(position: Int) -> Share {
    switch storage {
    case .store(let store, let positions): store.share(at: positions.lowerBound + position)
    case .list(let shares): shares[position]
    }
  }
}

extension ShareList: ExpressibleByArrayLiteral {
  public init(arrayLiteral shares: Share...) { self.init(shares) }
}
