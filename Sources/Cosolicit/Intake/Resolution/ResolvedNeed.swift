import Foundation

/// A needs line checked and resolved once, by intake: its catalog item (or write-in), lot, unit conversion and
/// base quantity, with where each part was written.
///
/// Kept compact for volume: no strings, only positions into its file's tables (``NeedsFile``), the unit table
/// and the catalog, so that hundreds of thousands of lines are copied, sorted and grouped without reference
/// counting. ``NeedLine`` and ``Share`` are the readable views of it.
struct ResolvedNeed: Sendable, Equatable {
  /// A 1-based line and column in the line's file.
  struct Position: Sendable, Hashable, Comparable {
    var line: Int32
    var column: Int32

    static let none = Position(line: 0, column: 0)

    init(line: Int32, column: Int32) {
      self.line = line
      self.column = column
    }

    init(_ location: SourceLocation) {
      self.init(line: Int32(clamping: location.line), column: Int32(clamping: location.column))
    }

    static func < (lhs: Position, rhs: Position) -> Bool { (lhs.line, lhs.column) < (rhs.line, rhs.column) }
  }

  /// The catalog item's position in the catalog; -1 for a write-in or an item not checked against a catalog.
  var item: Int32
  /// The item id as written (a text of the file), or the write-in's position among the file's write-ins.
  var itemText: Int32
  /// Whether the line is a write-in.
  var isWriteIn: Bool
  // Laid out beside `isWriteIn`, in what was padding: the flags cost no bytes.
  /// Whether the line is written `as-needed`: no quantity (0), never binding.
  var isAsNeeded = false
  /// Whether the line is a partial commitment, whose minimum is in its section's ``NeedsSection/minimums``.
  var hasMinimum = false
  /// Whether the line is delivered in releases, which are in its section's ``NeedsSection/releases``.
  var hasReleases = false
  /// The lot's position in the solicitation; -1 when not resolved (a file checked without its workspace).
  var lot: Int32
  /// The unit written, as a position in the unit table.
  var unit: Int16
  /// Whether the quantity binds the participant.
  var commitment: Commitment
  /// Whether ``baseQuantity`` is exact (else rounded to ``UnitConversion/roundingScale`` places).
  var isExact: Bool
  /// The delivery site (a text of the file), or -1.
  var deliverTo: Int32
  /// The requirement for the supplier (a text of the file), or -1.
  var spec: Int32
  /// The remarks for the lead agency (a text of the file), or -1.
  var notes: Int32
  /// The need-by date as `yyyymmdd` (which orders as the dates do), or 0 for none: 4 bytes instead of 25.
  private var needByDay: Int32
  /// Where the line is traced to: its `item` key, or a write-in's `description` key.
  var anchor: Position
  /// Where the item id (or the write-in's classification) is written.
  var itemAt: Position
  /// Where the quantity is written.
  var quantityAt: Position
  /// Where the unit is written.
  var unitAt: Position
  /// Where the need-by date is written.
  var needByAt: Position
  /// The quantity as written.
  var quantity: Decimal
  /// The quantity in the item's base unit; for a write-in, as written until aggregation picks the line's unit.
  var baseQuantity: Decimal

  /// The unit written.
  var unitOfMeasure: UnitOfMeasure { UnitTable.units[Int(unit)] }

  /// Whether the line's lot (and catalog item, unless a write-in) are known.
  var isResolved: Bool { lot >= 0 && (isWriteIn || item >= 0) }

  /// A key that orders need-by dates, undated last.
  var needByOrder: Int32 { needByDay > 0 ? needByDay : .max }

  /// The need-by date, or nil.
  var needBy: CalendarDate? {
    guard needByDay > 0 else { return nil }
    let day = Int(needByDay)
    return CalendarDate(year: day / 10_000, month: day / 100 % 100, day: day % 100)
  }

  init(
    item: Int32, itemText: Int32, isWriteIn: Bool, lot: Int32, unit: Int16, commitment: Commitment, isExact: Bool,
    deliverTo: Int32, spec: Int32, notes: Int32, needBy: CalendarDate?, anchor: Position, itemAt: Position,
    quantityAt: Position,
    unitAt: Position, needByAt: Position, quantity: Decimal, baseQuantity: Decimal
  ) {
    self.item = item
    self.itemText = itemText
    self.isWriteIn = isWriteIn
    self.lot = lot
    self.unit = unit
    self.commitment = commitment
    self.isExact = isExact
    self.deliverTo = deliverTo
    self.spec = spec
    self.notes = notes
    self.needByDay = needBy.map { Int32($0.year * 10_000 + $0.month * 100 + $0.day) } ?? 0
    self.anchor = anchor
    self.itemAt = itemAt
    self.quantityAt = quantityAt
    self.unitAt = unitAt
    self.needByAt = needByAt
    self.quantity = quantity
    self.baseQuantity = baseQuantity
  }
}
