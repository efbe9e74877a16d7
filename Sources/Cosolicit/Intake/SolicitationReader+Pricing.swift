import Foundation

extension SolicitationReader {
  /// Reads `zones: [{id, title, participants}]`: ids unique in any case, each agency in one zone only. Whether
  /// every participant falls in a zone, and whether each listed agency takes part, is checked against the needs
  /// files (``ZoneChecks``).
  static func readZones(
    _ fields: FieldReader, awardMethod: AwardMethod?, _ diagnostics: inout DiagnosticCollector
  ) -> [PriceZone]? {
    guard let nodes = fields.list("zones", &diagnostics) else { return nil }
    if awardMethod == .byParticipant {
      diagnostics.error(
        "solicitation: 'zones' is given, but award_method by-participant already makes one zone per participant; "
          + "remove 'zones', or award by-line or by-lot within the zones", at: fields.location(of: "zones"))
      return nil
    }
    guard !nodes.isEmpty else {
      diagnostics.error(
        "solicitation: 'zones' is empty; list the price zones with their participants, or leave the field out "
          + "to price each line once", at: fields.location(of: "zones"))
      return nil
    }
    var zones: [PriceZone] = []
    var zoneOfAgency: [String: (zone: String, id: Located<String>)] = [:]
    for (index, node) in nodes.enumerated() {
      guard
        let reader = FieldReader(
          node, context: "zones #\(index + 1)", known: ["id", "title", "participants"], diagnostics: &diagnostics)
      else { continue }
      let id = reader.identifier("id", required: true, &diagnostics)
      let title = reader.text("title", &diagnostics)
      let name = id?.value ?? "#\(index + 1)"
      var members: [Located<String>] = []
      let listed = reader.list("participants", required: true, &diagnostics)
      if let listed, listed.isEmpty {
        diagnostics.error(
          "zones #\(index + 1): zone '\(name)' lists no participants; list the agencies it delivers to",
          at: reader.location(of: "participants"))
      }
      for entry in listed ?? [] {
        guard let text = entry.scalarText, !text.isEmpty, Identifier.isValid(text) else {
          diagnostics.error(
            "zones #\(index + 1): each participant must be an agency id (\(Identifier.rule) characters), found "
              + (entry.scalarText.map { "'\(FieldReader.shown($0))'" } ?? entry.kindDescription), at: entry.location)
          continue
        }
        let agency = Located(text, at: entry.location)
        if let first = zoneOfAgency[Identifier.key(text)] {
          let place = first.zone == name ? "twice in zone '\(name)'" : "in zone '\(first.zone)' and zone '\(name)'"
          diagnostics.error(
            "zones #\(index + 1): agency '\(text)' is listed \(place); each participant falls in exactly one "
              + "zone (ids that differ only in case are the same id)", at: agency.location)
          diagnostics.note("'\(first.id.value)' is first listed here", at: first.id.location)
          continue
        }
        zoneOfAgency[Identifier.key(text)] = (name, agency)
        members.append(agency)
      }
      reader.finish(&diagnostics)
      guard let id else { continue }
      if let other = zones.first(where: { Identifier.same($0.id.value, id.value) }) {
        diagnostics.error(
          "zones #\(index + 1): zone id '\(id.value)' is used twice (ids that differ only in case are the same "
            + "id); zone ids must be unique", at: id.location)
        diagnostics.note("zone '\(other.id.value)' is first defined here", at: other.id.location)
        continue
      }
      zones.append(PriceZone(id: id, title: title?.value ?? id.value, participants: members))
    }
    return zones
  }

  /// Reads `price_options: [{id, title, basis, index, reference_price}]` and `award_price_option`.
  static func readPriceOptions(
    _ fields: FieldReader, _ diagnostics: inout DiagnosticCollector
  ) -> (options: [PriceOption], award: AwardPriceOption?) {
    var options: [PriceOption] = []
    let nodes = fields.list("price_options", &diagnostics)
    if let nodes, nodes.isEmpty {
      diagnostics.error(
        "solicitation: 'price_options' is empty; list the options each line is priced by, or leave the field out "
          + "for one unit price per line", at: fields.location(of: "price_options"))
    }
    for (index, node) in (nodes ?? []).enumerated() {
      let context = "price_options #\(index + 1)"
      guard
        let reader = FieldReader(
          node, context: context, known: ["id", "title", "basis", "index", "reference_price"],
          diagnostics: &diagnostics)
      else { continue }
      let id = reader.identifier("id", required: true, &diagnostics)
      let title = reader.text("title", &diagnostics)
      let basis = reader.keyword("basis", as: PriceOption.Basis.self, required: true, &diagnostics)
      let isDifferential = basis?.value == .indexDifferential
      let indexName = reader.text("index", required: isDifferential, &diagnostics)
      let reference = reader.decimal("reference_price", required: isDifferential, positive: true, &diagnostics)
      if let basis, !isDifferential {
        for (key, place) in [("index", indexName?.location), ("reference_price", reference?.location)] {
          guard let place else { continue }
          diagnostics.error(
            "\(context): '\(key)' is given, but the basis is \(basis.value.rawValue); only an index-differential "
              + "option names an index and a reference price", at: place)
        }
      }
      reader.finish(&diagnostics)
      guard let id, let basis else { continue }
      if id.value.lowercased() == "lowest" {
        diagnostics.error(
          "\(context): the option id 'lowest' is reserved (award_price_option: lowest means the lowest-evaluated "
            + "option); choose another id", at: id.location)
        continue
      }
      if let other = options.first(where: { Identifier.same($0.id.value, id.value) }) {
        diagnostics.error(
          "\(context): option id '\(id.value)' is used twice (ids that differ only in case are the same id); "
            + "option ids must be unique", at: id.location)
        diagnostics.note("option '\(other.id.value)' is first defined here", at: other.id.location)
        continue
      }
      options.append(
        PriceOption(
          id: id, title: title?.value ?? id.value, basis: basis.value,
          index: isDifferential ? indexName?.value : nil, referencePrice: isDifferential ? reference?.value : nil))
    }
    return (options, readAwardPriceOption(fields, options: options, listed: nodes?.count ?? 0, &diagnostics))
  }

  /// `award_price_option`: an option's id or `lowest`; required with two or more options, the only option
  /// otherwise.
  private static func readAwardPriceOption(
    _ fields: FieldReader, options: [PriceOption], listed: Int, _ diagnostics: inout DiagnosticCollector
  ) -> AwardPriceOption? {
    let written = fields.text("award_price_option", &diagnostics)
    guard listed > 0 else {
      if let written {
        diagnostics.error(
          "solicitation: award_price_option '\(FieldReader.shown(written.value))' is given, but there are no "
            + "price_options; define the options, or remove award_price_option", at: written.location)
      }
      return nil
    }
    guard let written else {
      if listed > 1 {
        diagnostics.error(
          "solicitation: missing required field 'award_price_option'; with \(listed) price options, name the "
            + "option that decides the award (\(options.map(\.id.value).joined(separator: ", "))) or write 'lowest'",
          at: fields.location(of: "price_options"))
      }
      return options.first.map { .option($0.id.value) }
    }
    if written.value.lowercased() == "lowest" { return .lowest }
    if let option = options.first(where: { Identifier.same($0.id.value, written.value) }) {
      return .option(option.id.value)
    }
    let ids = options.map(\.id.value)
    diagnostics.error(
      "solicitation: award_price_option '\(FieldReader.shown(written.value))' is not a price option; expected "
        + "one of \((ids + ["lowest"]).joined(separator: ", "))" + NearestName.hint(for: written.value, among: ids),
      at: written.location)
    return nil
  }
}
