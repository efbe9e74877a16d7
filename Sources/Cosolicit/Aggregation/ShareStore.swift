import Foundation

/// Every share of a joint solicitation, stored once and compactly: the resolved needs lines in line order, each
/// with its participant, and the texts they refer to. ``ShareList`` reads it.
final class ShareStore: Sendable {
  /// A participant: its agency and the needs file it came from.
  struct Owner: Sendable {
    var agency: Agency
    var file: Int32
  }

  /// Where a share's needs line is: its participant and its place among the participant's lines.
  struct Reference: Sendable {
    var owner: Int32
    var line: Int32
  }

  /// The participants.
  let owners: [Owner]
  /// Each participant's lines: the intake's own arrays, shared, not copied.
  let lines: [[ResolvedNeed]]
  /// The shares, grouped by solicitation line in line order, each line's shares in order.
  let references: [Reference]
  /// Each needs file's texts.
  let texts: [[String]]
  /// Each needs file's path relative to the workspace, as shares name their source.
  let paths: [String]
  /// Each needs file's sheet, for a workbook: its lines' positions are cells of it.
  let sheets: [String?]
  /// The base quantities of write-in shares, converted to their merged line's unit, by share position.
  let writeInQuantities: [Int: (value: Decimal, isExact: Bool)]
  /// Each participant's partial commitments' minimums, by line position (``NeedsSection/minimums``).
  let minimums: [[Int32: Decimal]]
  /// The minimums of write-in shares, converted to their merged line's unit, by share position.
  let writeInMinimums: [Int: Decimal]
  /// Each participant's lines' releases, by line position (``NeedsSection/releases``).
  let releases: [[Int32: [DeliveryRelease]]]
  /// Whether any line is delivered in releases: without one, no share needs looking at for them.
  let hasReleases: Bool
  /// The commitment band of each catalog item's lines, by item position, and of write-ins; nil commits exactly.
  let bands: (items: [CommitmentBand?], writeIns: CommitmentBand?)
  /// Whether any line has a band: without one, a share has a range only from its own needs line.
  let hasBands: Bool

  init(
    owners: [Owner], lines: [[ResolvedNeed]], references: [Reference], texts: [[String]], paths: [String],
    sheets: [String?], writeInQuantities: [Int: (value: Decimal, isExact: Bool)],
    minimums: [[Int32: Decimal]] = [], writeInMinimums: [Int: Decimal] = [:],
    releases: [[Int32: [DeliveryRelease]]] = [],
    bands: (items: [CommitmentBand?], writeIns: CommitmentBand?) = ([], nil)
  ) {
    self.releases = releases
    hasReleases = releases.contains { !$0.isEmpty }
    self.minimums = minimums
    self.writeInMinimums = writeInMinimums
    self.bands = bands
    hasBands = bands.writeIns != nil || bands.items.contains { $0 != nil }
    self.owners = owners
    self.lines = lines
    self.references = references
    self.texts = texts
    self.paths = paths
    self.sheets = sheets
    self.writeInQuantities = writeInQuantities
  }

  /// The needs line of the share at `position`.
  func need(at position: Int) -> ResolvedNeed {
    let reference = references[position]
    return lines[Int(reference.owner)][Int(reference.line)]
  }

  /// The quantity in its line's base unit of the share at `position`, whose needs line is `need`: a write-in's
  /// as converted to its merged line's unit, else as intake resolved it.
  func baseQuantity(at position: Int, of need: ResolvedNeed) -> (value: Decimal, isExact: Bool) {
    writeInQuantities[position] ?? (need.baseQuantity, need.isExact)
  }

  /// The figures of the share at `position`, without its texts.
  func figures(at position: Int) -> ShareFigures {
    let need = need(at: position)
    let (quantity, isExact) = baseQuantity(at: position, of: need)
    var figures = ShareFigures(
      agencyID: owners[Int(references[position].owner)].agency.id.value, quantity: quantity, isExact: isExact,
      commitment: need.commitment, needBy: need.needBy)
    figures.isAsNeeded = need.isAsNeeded
    if need.commitment == .binding, need.hasMinimum || hasBands {
      figures.range = ShareFigures.Range(
        nominal: quantity, partialMinimum: partialMinimum(at: position, of: need), band: band(of: need))
    }
    return figures
  }

  /// The partial commitment's minimum of the share at `position` in its line's base unit, or nil.
  func partialMinimum(at position: Int, of need: ResolvedNeed) -> Decimal? {
    guard need.hasMinimum else { return nil }
    return writeInMinimums[position] ?? minimums[Int(references[position].owner)][references[position].line]
  }

  /// The commitment band of a share's line.
  func band(of need: ResolvedNeed) -> CommitmentBand? {
    guard hasBands else { return nil }
    return need.isWriteIn
      ? bands.writeIns : (need.item >= 0 && Int(need.item) < bands.items.count ? bands.items[Int(need.item)] : nil)
  }

  /// Where the needs line of the share at `position` is: its file and line, or its workbook cell.
  func source(at position: Int) -> SourceLocation {
    let anchor = need(at: position).anchor
    let file = Int(owners[Int(references[position].owner)].file)
    return SourceLocation(path: paths[file], sheet: sheets[file], row: Int(anchor.line), column: Int(anchor.column))
  }

  /// The share at `position`, in its line's base unit.
  func share(at position: Int) -> Share {
    let need = need(at: position)
    let owner = owners[Int(references[position].owner)]
    let file = Int(owner.file)
    let (quantity, isExact) = baseQuantity(at: position, of: need)
    return Share(
      agencyID: owner.agency.id.value, agencyName: owner.agency.name, quantity: quantity,
      originalQuantity: need.quantity, originalUnit: need.unitOfMeasure, commitment: need.commitment,
      deliverTo: text(need.deliverTo, file), needBy: need.needBy, spec: text(need.spec, file),
      notes: text(need.notes, file), source: source(at: position), isExact: isExact, isAsNeeded: need.isAsNeeded,
      partialMinimum: partialMinimum(at: position, of: need), band: band(of: need),
      releases: releases(at: position, of: need))
  }

  /// The releases of the share at `position`, whose needs line is `need`, in the unit written; nil for none.
  func releases(at position: Int, of need: ResolvedNeed) -> [DeliveryRelease]? {
    guard need.hasReleases else { return nil }
    let reference = references[position]
    return releases[Int(reference.owner)][reference.line]
  }

  private func text(_ index: Int32, _ file: Int) -> String? { index < 0 ? nil : texts[file][Int(index)] }
}

/// What sums, checks and reviews need of a share, cheaper to read than the whole ``Share``.
struct ShareFigures {
  /// The participant's agency id.
  var agencyID: String
  /// The quantity in the line's base unit.
  var quantity: Decimal
  /// Whether ``quantity`` is exact.
  var isExact: Bool
  /// Whether the quantity binds the participant.
  var commitment: Commitment
  /// The date delivery is needed by.
  var needBy: CalendarDate?
  /// Whether the share is as-needed (its quantity is then 0, and it is an estimate).
  var isAsNeeded = false
  /// The range of a binding share under a band or a partial commitment; nil for a share that is its own range
  /// (nearly all: kept out of line, so that the figures stay small to copy).
  var range: Range?

  /// The quantities of a binding share whose range is not its quantity, worked out once.
  final class Range: Sendable {
    let quantities: ShareQuantities

    /// The range of a binding share of `nominal`, or nil when neither `partialMinimum` nor `band` sets one.
    init?(nominal: Decimal, partialMinimum: Decimal?, band: CommitmentBand?) {
      guard partialMinimum != nil || band != nil else { return nil }
      quantities = ShareQuantities(
        nominal: nominal, commitment: .binding, partialMinimum: partialMinimum, band: band, isAsNeeded: false)
    }
  }

  /// The guaranteed minimum, nominal and maximum quantities, and the binding part.
  var quantities: ShareQuantities {
    if let range { return range.quantities }
    return commitment == .binding
      ? ShareQuantities(minimum: quantity, nominal: quantity, maximum: quantity, committed: quantity)
      : ShareQuantities(minimum: 0, nominal: quantity, maximum: quantity, committed: 0)
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

  public subscript(position: Int) -> Share {
    switch storage {
    case .store(let store, let positions): store.share(at: positions.lowerBound + position)
    case .list(let shares): shares[position]
    }
  }

  /// The store the shares are read from and their positions in it, unless the list is a plain one.
  /// Whether some share with `agency` (any, when nil) is delivered in releases.
  func hasReleases(agency: String? = nil) -> Bool {
    switch storage {
    case .store(let store, let positions):
      guard store.hasReleases else { return false }
      return positions.contains { position in
        store.need(at: position).hasReleases
          && (agency.map { Identifier.same(store.owners[Int(store.references[position].owner)].agency.id.value, $0) }
            ?? true)
      }
    case .list(let shares):
      return shares.contains { share in
        share.releases != nil && (agency.map { Identifier.same(share.agencyID, $0) } ?? true)
      }
    }
  }

  var stored: (store: ShareStore, positions: Range<Int>)? {
    if case .store(let store, let positions) = storage { return (store, positions) }
    return nil
  }

  /// The figures of the share at `position`.
  func figures(at position: Int) -> ShareFigures {
    switch storage {
    case .store(let store, let positions): return store.figures(at: positions.lowerBound + position)
    case .list(let shares):
      let share = shares[position]
      return ShareFigures(
        agencyID: share.agencyID, quantity: share.quantity, isExact: share.isExact,
        commitment: share.commitment, needBy: share.needBy, isAsNeeded: share.isAsNeeded,
        range: share.commitment == .binding
          ? ShareFigures.Range(nominal: share.quantity, partialMinimum: share.partialMinimum, band: share.band) : nil)
    }
  }

  /// The distinct delivery sites, sorted; read from the store without making the shares.
  var deliverySites: [String] {
    guard case .store(let store, let positions) = storage else {
      return Array(Set(self.compactMap(\.deliverTo))).sorted()
    }
    var seen = Set<Int64>()
    var sites = Set<String>()
    for position in positions {
      let need = store.need(at: position)
      guard need.deliverTo >= 0 else { continue }
      let file = Int(store.owners[Int(store.references[position].owner)].file)
      if seen.insert(Int64(file) << 32 | Int64(need.deliverTo)).inserted {
        sites.insert(store.texts[file][Int(need.deliverTo)])
      }
    }
    return sites.sorted()
  }

  /// The earliest date any share is needed by; read from the store without making the shares.
  var earliestNeedBy: CalendarDate? {
    guard case .store(let store, let positions) = storage else { return self.compactMap(\.needBy).min() }
    var earliest: ResolvedNeed?
    for position in positions {
      let need = store.need(at: position)
      if need.needByOrder < earliest?.needByOrder ?? .max { earliest = need }
    }
    return earliest?.needBy
  }

  /// Every share's figures, in order.
  var figures: LazyMapSequence<Range<Int>, ShareFigures> { indices.lazy.map { figures(at: $0) } }
}
