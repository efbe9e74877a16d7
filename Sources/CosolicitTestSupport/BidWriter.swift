import Foundation

/// Fills a published blank bid form (`bid-form.xml`) into a supplier's bid, as the HTML form would save it:
/// prices per line (and zone and option) from a closure, extended prices, subtotals and totals computed the
/// way the unit price governs (half up to cents), the bidder block signed and certified.
///
/// Works on the form's text, line by line, so that every published term is kept exactly as published.
public struct BidWriter: Sendable {
  /// What the supplier answers for one line, zone and option.
  public enum Answer: Sendable {
    /// A unit price.
    case price(Decimal)
    /// A differential over the option's index.
    case differential(Decimal)
    /// Declined with `<noBid/>`.
    case noBid
    /// Left out (for a line without zones or options, written as `<noBid/>`: a valid bid cannot leave it blank).
    case blank
  }

  /// The bidder's name.
  public var supplier: String
  /// Who signs; empty for an unsigned bid (which the schema rejects).
  public var signer = "Pat Lee"
  /// The non-collusion certification.
  public var nonCollusion = true
  /// The addenda acknowledged; nil acknowledges every addendum the form lists.
  public var acknowledged: [Int]? = nil
  /// `<received>`, as written; nil for none.
  public var received: String? = nil
  /// Whether to write `<allOrNone/>`.
  public var allOrNone = false
  /// The answer for (lot, line, zone, option).
  public var answer: @Sendable (_ lot: String, _ line: Int, _ zone: String?, _ option: String?) -> Answer

  /// A bidder `supplier` answering with `answer`.
  public init(
    supplier: String,
    answer: @escaping @Sendable (_ lot: String, _ line: Int, _ zone: String?, _ option: String?) -> Answer
  ) {
    self.supplier = supplier
    self.answer = answer
  }

  /// The bid filled in from the blank form `form`.
  public func bid(from form: String) -> String {
    var output: [String] = []
    var lot = ""
    var line = 0
    var quantity: Decimal = 0
    var zoneQuantities: [String: Decimal] = [:]
    var asNeeded = false
    var declined = false
    var references: [String: Decimal] = [:]
    var subtotals: [String: Decimal] = [:]
    var totals: [String: Decimal] = [:]
    var addenda: [Int] = []
    var skipNext = 0
    for text in form.components(separatedBy: "\n") {
      if skipNext > 0 {
        skipNext -= 1
        continue
      }
      let trimmed = text.trimmingCharacters(in: .whitespaces)
      let indent = String(text.prefix { $0 == " " })
      if trimmed.hasPrefix("<bidForm ") {
        output.append(text.replacingOccurrences(of: "<bidForm ", with: "<bid "))
      } else if trimmed == "</bidForm>" {
        if let received { output.append("  <received>\(received)</received>") }
        output.append("</bid>")
      } else if trimmed.hasPrefix("<option "), let id = Self.attribute("id", in: trimmed),
        let reference = Self.attribute("referencePrice", in: trimmed)
      {
        references[id] = Decimal(string: reference)
        output.append(text)
      } else if trimmed.hasPrefix("<lot ") {
        lot = Self.attribute("id", in: trimmed) ?? ""
        output.append(text)
      } else if trimmed.hasPrefix("<line ") {
        line = Int(Self.attribute("number", in: trimmed) ?? "") ?? 0
        (quantity, zoneQuantities, asNeeded, declined) = (0, [:], false, false)
        output.append(text)
      } else if trimmed.hasPrefix("<quantity>") {
        quantity = Decimal(string: Self.content(of: "quantity", in: trimmed) ?? "0") ?? 0
        output.append(text)
      } else if trimmed == "<asNeeded/>" {
        asNeeded = true
        output.append(text)
      } else if trimmed.hasPrefix("<zone id="), trimmed.contains("<quantity>") {
        let id = Self.attribute("id", in: trimmed) ?? ""
        zoneQuantities[id] = Decimal(string: Self.content(of: "quantity", in: trimmed) ?? "0") ?? 0
        output.append(text)
      } else if trimmed.hasPrefix("<price ") || trimmed.hasPrefix("<price>") {
        let zone = Self.attribute("zone", in: trimmed)
        let option = Self.attribute("option", in: trimmed)
        let opening = String(trimmed.prefix { $0 != ">" }) + ">"
        let lineQuantity = zone.flatMap { zoneQuantities[$0] } ?? quantity
        let key = "\(zone ?? "")|\(option ?? "")"
        switch answer(lot, line, zone, option) {
        case .blank: continue
        case .noBid: output.append(indent + opening + "<noBid/></price>")
        case .price(let price), .differential(let price):
          let isDifferential = trimmed.contains("<differential>")
          let evaluated = isDifferential ? (option.flatMap { references[$0] } ?? 0) + price : price
          let element = isDifferential ? "differential" : "unitPrice"
          var body = "<\(element)>\(price)</\(element)>"
          if !trimmed.contains("<extendedPrice>") {
          } else if !asNeeded {
            let extended = Self.cents(evaluated * lineQuantity)
            body += "<extendedPrice>\(extended)</extendedPrice>"
            subtotals[key, default: 0] += extended
            totals[key, default: 0] += extended
          }
          output.append(indent + opening + body + "</price>")
        }
      } else if trimmed == "<unitPrice></unitPrice>" {
        switch answer(lot, line, nil, nil) {
        case .price(let price), .differential(let price):
          output.append(indent + "<unitPrice>\(price)</unitPrice>")
          if !asNeeded {
            let extended = Self.cents(price * quantity)
            output.append(indent + "<extendedPrice>\(extended)</extendedPrice>")
            subtotals["|", default: 0] += extended
            totals["|", default: 0] += extended
            skipNext = 1
          }
        case .noBid, .blank:
          output.append(indent + "<noBid/>")
          declined = true
          skipNext = asNeeded ? 0 : 1
        }
      } else if trimmed == "<brandModel></brandModel>" {
        if !declined { output.append(indent + "<brandModel>\(Self.escaped(supplier)) model \(line)</brandModel>") }
      } else if trimmed.hasPrefix("<subtotal") {
        let key = "\(Self.attribute("zone", in: trimmed) ?? "")|\(Self.attribute("option", in: trimmed) ?? "")"
        let opening = String(trimmed.prefix { $0 != ">" }) + ">"
        output.append(indent + opening + "\(Self.cents(subtotals[key] ?? 0))</subtotal>")
      } else if trimmed == "</lot>" {
        subtotals = [:]
        output.append(text)
      } else if trimmed.hasPrefix("<total") {
        let key = "\(Self.attribute("zone", in: trimmed) ?? "")|\(Self.attribute("option", in: trimmed) ?? "")"
        let opening = String(trimmed.prefix { $0 != ">" }) + ">"
        output.append(indent + opening + "\(Self.cents(totals[key] ?? 0))</total>")
      } else if trimmed.hasPrefix("<addendum ") {
        if let number = Int(Self.attribute("number", in: trimmed) ?? "") { addenda.append(number) }
        output.append(text)
      } else if trimmed == "</bidder>" {
        output.append(text)
        if allOrNone { output.append(indent + "<allOrNone/>") }
      } else if trimmed == "<nonCollusion></nonCollusion>" {
        output.append(indent + "<nonCollusion>\(nonCollusion)</nonCollusion>")
        output.append(indent + "%ACKNOWLEDGED%")
      } else {
        output.append(Self.filledBidder(text, supplier: supplier, signer: signer))
      }
    }
    let acknowledgements = (acknowledged ?? addenda).map { "<acknowledged number=\"\($0)\"/>" }.joined()
    return output.joined(separator: "\n").replacingOccurrences(
      of: "    %ACKNOWLEDGED%", with: acknowledgements.isEmpty ? "" : "    " + acknowledgements
    ).replacingOccurrences(of: "\n\n", with: "\n")
  }

  /// A bidder block line filled in.
  private static func filledBidder(_ text: String, supplier: String, signer: String) -> String {
    let values = [
      ("name", escaped(supplier)), ("address", "1 Main Street"), ("contact", "Sam Doe"),
      ("email", "bids@example.com"), ("phone", "555-0100"), ("signer", escaped(signer)), ("signerTitle", "Owner"),
      ("date", "2027-03-01"), ("addendaAcknowledged", ""),
    ]
    for (field, value) in values where text.trimmingCharacters(in: .whitespaces) == "<\(field)></\(field)>" {
      return text.replacingOccurrences(of: "<\(field)></\(field)>", with: "<\(field)>\(value)</\(field)>")
    }
    return text
  }

  /// `amount` rounded half up to cents.
  public static func cents(_ amount: Decimal) -> Decimal {
    var value = amount
    var rounded = Decimal()
    NSDecimalRound(&rounded, &value, 2, .plain)
    return rounded
  }

  private static func escaped(_ text: String) -> String {
    text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
  }

  private static func attribute(_ name: String, in text: String) -> String? {
    guard let start = text.range(of: " \(name)=\"") else { return nil }
    let rest = text[start.upperBound...]
    return rest.firstIndex(of: "\"").map { String(rest[..<$0]) }
  }

  private static func content(of element: String, in text: String) -> String? {
    guard let start = text.range(of: "<\(element)>"), let end = text.range(of: "</\(element)>") else { return nil }
    return String(text[start.upperBound..<end.lowerBound])
  }
}
