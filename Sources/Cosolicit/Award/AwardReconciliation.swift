import Foundation

/// How the participants' schedules add up against the award: for every line awarded (in each zone), the award's
/// quantity and extended price beside the sums of the participants' quantities and extended prices, and the
/// difference in cents that rounding each participant's extended price on its own line leaves; totals per
/// supplier and overall.
///
/// The quantities must agree exactly (conservation: every unit awarded is on some participant's schedule, and no
/// more); ``Line/quantityMatches`` flags a line where they do not, which would be a defect, never a rounding.
public struct AwardReconciliation: Sendable {
  /// One participant's part of an awarded line: one share of it.
  public struct Part: Sendable, Equatable {
    /// The participant's agency id.
    public var agencyID: String
    /// The participant's quantity; 0 when as needed.
    public var quantity: Decimal
    /// The participant's extended price, rounded half up to cents; 0 when as needed.
    public var extendedPrice: Decimal
  }

  /// One awarded line (in one zone) reconciled.
  public struct Line: Sendable {
    /// The line as awarded.
    public var award: AwardedLine
    /// The participants' parts, one per share, in participant order.
    public var parts: [Part]
    /// The sum of the participants' quantities.
    public var participantsQuantity: Decimal
    /// The sum of the participants' extended prices.
    public var participantsExtendedPrice: Decimal

    /// Whether the participants' quantities add up exactly to the award's quantity.
    public var quantityMatches: Bool { participantsQuantity == award.quantity }
    /// The participants' extended prices less the award's: what rounding on each participant's line leaves.
    public var difference: Decimal { participantsExtendedPrice - award.extendedPrice }
    /// ``difference`` in cents.
    public var differenceInCents: Decimal { difference * 100 }
  }

  /// The lines awarded to one supplier, added up.
  public struct SupplierTotal: Sendable, Equatable {
    /// The winning bid's id.
    public var bidID: String
    /// The supplier's name.
    public var supplier: String
    /// How many lines (and zones) it was awarded.
    public var lineCount: Int
    /// The sum of the award's extended prices of its lines.
    public var awardTotal: Decimal
    /// The sum of the participants' extended prices of its lines.
    public var participantsTotal: Decimal

    /// The indices of `lines` each participant has a part of, by ``Identifier/key(_:)`` of its id.
    var linesByAgency: [String: [Int]] = [:]

    /// The participants' total less the award's.
    public var difference: Decimal { participantsTotal - awardTotal }
  }

  /// Every awarded line, in the award's order.
  public var lines: [Line]
  /// Each supplier's total, in the order of its first awarded line.
  public var suppliers: [SupplierTotal]
  /// The sum of the award's extended prices.
  public var awardTotal: Decimal
  /// The sum of every participant's extended prices on awarded lines.
  public var participantsTotal: Decimal

  /// For each participant (by ``Identifier/key(_:)`` of its id), the lines it has a part of: the line's index in
  /// `lines` and the indices of its own parts there.
  var linesByAgency: [String: [(line: Int, parts: [Int])]] = [:]

  /// The participants' total less the award's.
  public var difference: Decimal { participantsTotal - awardTotal }
  /// Whether every line's quantities agree (conservation).
  public var isConserved: Bool { lines.allSatisfy(\.quantityMatches) }

  /// The reconciliation of `tabulation`'s awarded lines against `schedules` (as
  /// ``ParticipantSchedule/schedules(for:)`` makes them).
  public static func make(tabulation: BidTabulation, schedules: [ParticipantSchedule]) -> AwardReconciliation {
    var partsByLine: [String: [Part]] = [:]
    for schedule in schedules {
      for line in schedule.lines {
        guard let award = line.award else { continue }
        let key = AwardedLineIndex.key(lot: award.lotID, number: award.lineNumber, zone: award.zoneID)
        partsByLine[key, default: []].append(
          Part(
            agencyID: schedule.participant.id.value, quantity: line.quantity ?? 0,
            extendedPrice: line.extendedPrice ?? 0))
      }
    }
    var lines: [Line] = []
    var suppliers: [SupplierTotal] = []
    var supplierIndex: [String: Int] = [:]
    for award in tabulation.awardedLines {
      let parts = partsByLine[AwardedLineIndex.key(lot: award.lotID, number: award.lineNumber, zone: award.zoneID)]
      let line = Line(
        award: award, parts: parts ?? [], participantsQuantity: (parts ?? []).reduce(0) { $0 + $1.quantity },
        participantsExtendedPrice: (parts ?? []).reduce(0) { $0 + $1.extendedPrice })
      lines.append(line)
      let index =
        supplierIndex[award.bidID]
        ?? {
          suppliers.append(
            SupplierTotal(
              bidID: award.bidID, supplier: award.supplier, lineCount: 0, awardTotal: 0, participantsTotal: 0))
          supplierIndex[award.bidID] = suppliers.count - 1
          return suppliers.count - 1
        }()
      suppliers[index].lineCount += 1
      suppliers[index].awardTotal += award.extendedPrice
      suppliers[index].participantsTotal += line.participantsExtendedPrice
    }
    var reconciliation = AwardReconciliation(
      lines: lines, suppliers: suppliers, awardTotal: lines.reduce(0) { $0 + $1.award.extendedPrice },
      participantsTotal: lines.reduce(0) { $0 + $1.participantsExtendedPrice })
    for (index, line) in lines.enumerated() {
      var own: [String: [Int]] = [:]
      for (part, share) in line.parts.enumerated() { own[Identifier.key(share.agencyID), default: []].append(part) }
      for (agency, parts) in own { reconciliation.linesByAgency[agency, default: []].append((index, parts)) }
    }
    return reconciliation
  }

  /// The lines `agencyID` has a part of, each with that participant's own parts.
  public func lines(of agencyID: String) -> [(line: Line, own: [Part])] {
    (linesByAgency[Identifier.key(agencyID)] ?? []).map { entry in
      (lines[entry.line], entry.parts.map { lines[entry.line].parts[$0] })
    }
  }
}
