import Foundation

/// One requirement for the supplier that participants attached to their shares of a solicitation line, with who
/// asked for it. Bidders see each distinct spec of a line beside it; a line whose shares carry different specs
/// is on the lead agency's review list.
public struct LineSpec: Sendable, Equatable {
  /// The spec as the first participant to give it wrote it (in share order).
  public var text: String
  /// The agencies that asked for it, by id, in share order, each once.
  public var agencyIDs: [String]
  /// Their names, in the same order.
  public var agencyNames: [String]
  /// The needs lines that carry it.
  public var sources: [SourceLocation]

  /// The text compared when specs are grouped: letters and digits only, in lowercase, so that case, spacing
  /// and punctuation do not make two specs differ ("Fragrance free" is "fragrance-free").
  static func key(_ text: String) -> String { LineBuilder.WriteInKey.normalize(text) }
}

extension ShareList {
  /// The distinct specs of the shares, in the order they first appear; read from the store without making the
  /// shares.
  var specs: [LineSpec] {
    var specs: [LineSpec] = []
    var positionOfKey: [String: Int] = [:]
    func add(_ text: String, _ id: String, _ name: String, _ source: @autoclosure () -> SourceLocation) {
      let key = LineSpec.key(text)
      guard let position = positionOfKey[key] else {
        positionOfKey[key] = specs.count
        specs.append(LineSpec(text: text, agencyIDs: [id], agencyNames: [name], sources: [source()]))
        return
      }
      if !specs[position].agencyIDs.contains(id) {
        specs[position].agencyIDs.append(id)
        specs[position].agencyNames.append(name)
      }
      specs[position].sources.append(source())
    }
    guard let (store, positions) = stored else {
      for share in self {
        if let spec = share.spec { add(spec, share.agencyID, share.agencyName, share.source) }
      }
      return specs
    }
    for position in positions {
      let need = store.need(at: position)
      guard need.spec >= 0 else { continue }
      let owner = store.owners[Int(store.references[position].owner)]
      add(
        store.texts[Int(owner.file)][Int(need.spec)], owner.agency.id.value, owner.agency.name,
        store.source(at: position))
    }
    return specs
  }
}
