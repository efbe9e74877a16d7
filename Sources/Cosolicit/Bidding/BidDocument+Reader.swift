import Foundation

extension BidDocument {
  /// Turns the tree into values, recording an error for each missing or unreadable part.
  struct Reader {
    let path: String
    var diagnostics = DiagnosticCollector()

    init(path: String) {
      self.path = path
    }

    mutating func document(_ root: XMLElementTree) -> BidDocument? {
      let here = root.location(in: path)
      guard root.namespace == BidDocument.namespace, let kind = Kind(rawValue: root.name) else {
        let found = root.namespace.map { "{\($0)}\(root.name)" } ?? root.name
        diagnostics.error(
          "the root element is <\(found)>; expected <bid> or <bidForm> in the namespace \(BidDocument.namespace)",
          at: here)
        return nil
      }
      let solicitation = attribute("solicitation", of: root)
      let variant = keyword("variant", of: root, as: DocumentVariant.self)
      let currency = attribute("currency", of: root)
      let awardMethod = keyword("awardMethod", of: root, as: AwardMethod.self)
      let title = text("title", in: root)
      let leadAgency = text("leadAgency", in: root)
      let responsesDue = root.child("responsesDue").map { Field($0.text.trimmed, at: $0.location(in: path)) }
      let bidderBlock = bidder(in: root)
      let lots = root.children(named: "lot").compactMap { lot($0) }
      let (total, sums) = sums("total", in: root)
      if lots.isEmpty { diagnostics.error("the document has no <lot>", at: here) }
      guard let solicitation, let variant, let currency, let awardMethod, let title, let leadAgency, let bidderBlock,
        let total, !diagnostics.hasErrors
      else { return nil }
      var document = BidDocument(
        kind: kind, path: path, solicitation: solicitation, variant: variant, currency: currency,
        awardMethod: awardMethod, title: title, leadAgency: leadAgency, responsesDue: responsesDue, bidder: bidderBlock,
        lots: lots, total: total, location: here)
      readPricing(root, into: &document)
      document.sums = sums
      document.addenda = numbered("addendum", in: root.child("addenda"))
      document.bidder.acknowledged = numbered("acknowledged", in: root.child("bidder"))
      document.allOrNoneLocation = root.child("allOrNone").map { $0.location(in: path) }
      document.received = root.child("received").map { Field($0.text.trimmed, at: $0.location(in: path)) }
      return diagnostics.hasErrors ? nil : document
    }

    mutating func bidder(in root: XMLElementTree) -> Bidder? {
      guard let element = required("bidder", in: root) else { return nil }
      let fields = [
        "name", "address", "contact", "email", "phone", "signer", "signerTitle", "date", "addendaAcknowledged",
        "nonCollusion",
      ].map { text($0, in: element) }
      let present = fields.compactMap { $0 }
      guard present.count == fields.count else { return nil }
      return Bidder(
        name: present[0], address: present[1], contact: present[2], email: present[3], phone: present[4],
        signer: present[5], signerTitle: present[6], date: present[7], addendaAcknowledged: present[8],
        nonCollusion: present[9], location: element.location(in: path))
    }

    /// The `number` attributes of the `name` children of `parent` (the schema makes them positive integers).
    func numbered(_ name: String, in parent: XMLElementTree?) -> [Field<Int>] {
      (parent?.children(named: name) ?? []).compactMap { element in
        element.attribute("number").flatMap { Int($0.trimmed) }.map { Field($0, at: element.location(in: path)) }
      }
    }

    mutating func lot(_ element: XMLElementTree) -> Lot? {
      let id = attribute("id", of: element)
      let title = attribute("title", of: element)
      let lines = element.children(named: "line").compactMap { line($0) }
      let (subtotal, sums) = sums("subtotal", in: element)
      guard let id, let title, let subtotal else { return nil }
      return Lot(
        id: id, title: title, lines: lines, subtotal: subtotal, location: element.location(in: path), sums: sums)
    }

    mutating func line(_ element: XMLElementTree) -> Line? {
      let here = element.location(in: path)
      var number: Field<Int>?
      if let written = attribute("number", of: element) {
        let digits = written.value.hasPrefix("+") ? String(written.value.dropFirst()) : written.value
        if let value = Int(digits), value > 0 {
          number = Field(value, at: written.location)
        } else {
          diagnostics.error("the line number '\(written.value)' is not a positive whole number", at: here)
        }
      }
      let item = element.attribute("item").map { Field($0.trimmed, at: here) }
      let description = text("description", in: element)
      let specs = element.children(named: "spec").map { spec in
        let by = (spec.attribute("requestedBy") ?? "").split(whereSeparator: \.isWhitespace).joined(separator: " ")
        return Field("\(spec.text.trimmed) (\(by))", at: spec.location(in: path))
      }
      let classification = text("classification", in: element)
      let unit = text("unit", in: element)
      let committed = quantity("committedQuantity", in: element)
      let estimated = quantity("estimatedQuantity", in: element)
      let total = quantity("quantity", in: element)
      let noBid = element.child("noBid").map { $0.location(in: path) }
      let prices = element.children(named: "price").compactMap { price($0) }
      let isPriced = element.child("price") != nil
      let unitPrice = noBid == nil && !isPriced ? amount("unitPrice", in: element) : .some(nil)
      let asNeeded = element.child("asNeeded").map { $0.location(in: path) }
      // An extended price may be left out: the schema allows it for as-needed lines, which have none.
      let extendedPrice: Field<Decimal>?? =
        noBid == nil && !isPriced && element.child("extendedPrice") != nil
        ? amount("extendedPrice", in: element) : .some(nil)
      let minimum = element.child("minimumQuantity") == nil ? .some(nil) : amount("minimumQuantity", in: element)
      let maximum = element.child("maximumQuantity") == nil ? .some(nil) : amount("maximumQuantity", in: element)
      let zones = element.children(named: "zone").compactMap { zoneQuantities($0) }
      let brandModel = element.child("brandModel").flatMap { brand -> Field<String>? in
        let text = brand.text.trimmed
        return text.isEmpty ? nil : Field(text, at: brand.location(in: path))
      }
      guard let number, let description, let classification, let unit, let committed, let estimated, let total,
        let unitPrice, let extendedPrice, let minimum, let maximum
      else { return nil }
      return Line(
        number: number, item: item, description: description, specs: specs, classification: classification,
        unit: unit,
        committedQuantity: committed, estimatedQuantity: estimated, quantity: total, minimumQuantity: minimum,
        maximumQuantity: maximum, asNeededLocation: asNeeded, unitPrice: unitPrice,
        extendedPrice: extendedPrice, brandModel: brandModel, noBidLocation: noBid, location: here, zones: zones,
        prices: prices)
    }

    /// The child element `name`, or an error at `parent` when it is missing.
    mutating func required(_ name: String, in parent: XMLElementTree) -> XMLElementTree? {
      guard let element = parent.child(name) else {
        diagnostics.error("<\(parent.name)> has no <\(name)>", at: parent.location(in: path))
        return nil
      }
      return element
    }

    /// The text of the child element `name`, without leading and trailing whitespace.
    mutating func text(_ name: String, in parent: XMLElementTree) -> Field<String>? {
      guard let element = required(name, in: parent) else { return nil }
      return Field(element.text.trimmed, at: element.location(in: path))
    }

    /// The attribute `name` of `element`, trimmed, or an error when it is missing.
    mutating func attribute(_ name: String, of element: XMLElementTree) -> Field<String>? {
      guard let value = element.attribute(name) else {
        diagnostics.error("<\(element.name)> has no \(name) attribute", at: element.location(in: path))
        return nil
      }
      return Field(value.trimmed, at: element.location(in: path))
    }

    /// The attribute `name` of `element` as one of the words of `type`.
    mutating func keyword<Word: RawRepresentable<String> & CaseIterable & Hashable & Sendable>(
      _ name: String, of element: XMLElementTree, as type: Word.Type
    ) -> Field<Word>? {
      guard let written = attribute(name, of: element) else { return nil }
      guard let word = Word(rawValue: written.value) else {
        let words = Word.allCases.map(\.rawValue).joined(separator: ", ")
        diagnostics.error("\(name) '\(written.value)' is not one of \(words)", at: written.location)
        return nil
      }
      return Field(word, at: written.location)
    }

    /// The quantity in the child element `name`; an error when missing, blank or not a decimal.
    mutating func quantity(_ name: String, in parent: XMLElementTree) -> Field<Decimal>? {
      guard let written = amount(name, in: parent) else { return nil }
      guard let written else {
        diagnostics.error("<\(name)> is empty; it must give a quantity", at: parent.location(in: path))
        return nil
      }
      return written
    }

    /// The amount in the child element `name`: `.some(nil)` when blank, nil (with an error) when the element
    /// is missing or its text is not a non-negative decimal.
    mutating func amount(_ name: String, in parent: XMLElementTree) -> Field<Decimal>?? {
      guard let element = required(name, in: parent) else { return nil }
      let here = element.location(in: path)
      let text = element.text.trimmed
      if text.isEmpty { return .some(nil) }
      switch BidDocument.decimal(text) {
      case .success(let value) where value < 0:
        diagnostics.error("<\(name)> is \(text); it must not be negative", at: here)
        return nil
      case .success(let value):
        return .some(Field(value, at: here))
      case .failure(let problem):
        diagnostics.error("<\(name)> '\(text)' \(problem)", at: here)
        return nil
      }
    }
  }
}
