/// One needs file: a YAML or JSON file holds one participant, a CSV file or a workbook one or more.
public struct NeedsFile: Sendable, Equatable {
  /// Where the file was read from.
  public var path: String
  /// The sheet the lines were read from, for a workbook; the positions of its lines are cells of it.
  public var sheet: String? = nil
  /// What the file says for each agency: the agency when it could be read, and its complete lines, resolved.
  var sections: [NeedsSection]
  /// How many lines the file has, including lines too broken to keep.
  public var lineCount: Int
  /// The texts the file's lines name (item ids, delivery sites, specs, notes), each once; lines refer to them by
  /// position.
  var texts: [String]
  /// The write-ins of the file's lines, in file order.
  var writeIns: [NeedLine.WriteIn]
  /// Whether every line was resolved against a solicitation and a catalog (its lot, item and base quantity are
  /// known), as in a workspace without errors; a file checked alone is not.
  var isResolved: Bool

  /// The participants whose agency could be read, each with its complete lines.
  public var participants: [Participant] {
    sections.compactMap { section in
      section.agency.map { agency in
        Participant(
          agency: agency, submitted: section.submitted,
          lines: section.lines.enumerated().map { index, need in
            var line = line(of: need)
            if need.hasReleases { line.releases = section.releases[Int32(index)] }
            return line
          })
      }
    }
  }

  /// How many participants ``participants`` holds.
  public var participantCount: Int { sections.count { $0.agency != nil } }

  /// The readable view of one of the file's lines.
  func line(of need: ResolvedNeed) -> NeedLine {
    func at(_ position: ResolvedNeed.Position) -> SourceLocation {
      SourceLocation(path: path, sheet: sheet, row: Int(position.line), column: Int(position.column))
    }
    let item: NeedLine.Item =
      need.isWriteIn
      ? .writeIn(writeIns[Int(need.itemText)]) : .catalog(Located(texts[Int(need.itemText)], at: at(need.itemAt)))
    return NeedLine(
      location: at(need.anchor), item: item, quantity: Located(need.quantity, at: at(need.quantityAt)),
      isAsNeeded: need.isAsNeeded,
      unit: Located(need.unitOfMeasure, at: at(need.unitAt)), commitment: need.commitment,
      deliverTo: text(need.deliverTo), needBy: need.needBy.map { Located($0, at: at(need.needByAt)) },
      spec: text(need.spec), notes: text(need.notes), baseQuantity: need.isResolved ? need.baseQuantity : nil,
      isExact: need.isExact)
  }

  /// The text at `index`, or nil for -1.
  func text(_ index: Int32) -> String? { index < 0 ? nil : texts[Int(index)] }
}
