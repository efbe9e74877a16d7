import Foundation

/// A bid form (`bidForm`, the blank form the lead agency publishes) or a filled bid (`bid`) as Swift values.
///
/// Read from the XML of `Templates/bid-form.xsd`; every value keeps its position in the file, for diagnostics.
/// Money and quantities are exact `Decimal`s read from the text as written.
public struct BidDocument: Hashable, Sendable {
  /// The XML namespace of bid forms and bids.
  public static let namespace = "urn:cosolicit:bid:1"

  /// Which of the two documents the file is, by its root element.
  public enum Kind: String, Hashable, Sendable {
    /// `bidForm`: the blank form of a solicitation, prices empty.
    case blankForm = "bidForm"
    /// `bid`: a supplier's filled bid.
    case bid
  }

  /// A value and where it was written.
  public struct Field<Value: Hashable & Sendable>: Hashable, Sendable {
    /// The value read.
    public var value: Value
    /// The element (or, for an attribute, its element) the value was read from.
    public var location: SourceLocation

    /// The same location with `transform` applied to the value.
    public func map<Other>(_ transform: (Value) -> Other) -> Field<Other> {
      Field<Other>(transform(value), at: location)
    }

    /// Creates a located value.
    public init(_ value: Value, at location: SourceLocation) {
      self.value = value
      self.location = location
    }
  }

  /// The bidder identity and signature block; empty texts in a blank form.
  public struct Bidder: Hashable, Sendable {
    /// The bidder's legal name.
    public var name: Field<String>
    /// The postal address.
    public var address: Field<String>
    /// The contact person.
    public var contact: Field<String>
    /// The contact e-mail address.
    public var email: Field<String>
    /// The contact phone number.
    public var phone: Field<String>
    /// Who signs the bid.
    public var signer: Field<String>
    /// The signer's title.
    public var signerTitle: Field<String>
    /// The signature date as written (`YYYY-MM-DD` in a bid).
    public var date: Field<String>
    /// The addenda the bidder acknowledges.
    public var addendaAcknowledged: Field<String>
    /// The non-collusion certification as written (`true` or `false` in a bid).
    public var nonCollusion: Field<String>
    /// The `bidder` element.
    public var location: SourceLocation
    /// The addenda acknowledged by number (`<acknowledged number="N"/>`), in document order; none in a blank
    /// form, or in a bid acknowledging addenda in the free text alone.
    public var acknowledged: [Field<Int>] = []
  }

  /// One priced (or blank, or no-bid) line of a lot.
  public struct Line: Hashable, Sendable {
    /// The line number, unique within its lot.
    public var number: Field<Int>
    /// The catalog item identifier, if the form names one.
    public var item: Field<String>?
    /// What is asked for.
    public var description: Field<String>
    /// The participants' requirements for the supplier, each with the ids of the agencies that asked for it
    /// (`requestedBy`, space-separated as written); none in forms written before specs existed.
    public var specs: [Field<String>] = []
    /// The commodity code with its scheme, such as `UNSPSC:43211503`; may be empty.
    public var classification: Field<String>
    /// The unit of measure code, such as `EA`.
    public var unit: Field<String>
    /// The committed (binding) quantity.
    public var committedQuantity: Field<Decimal>
    /// The estimated (non-binding) quantity.
    public var estimatedQuantity: Field<Decimal>
    /// The quantity priced: committed plus estimated.
    public var quantity: Field<Decimal>
    // Commitment bands and as-needed lines (issue 13, quantities).
    /// The guaranteed minimum, when a band or a partial commitment sets it apart from the committed quantity.
    public var minimumQuantity: Field<Decimal>? = nil
    /// The most that may be ordered, when a band sets it above the quantity.
    public var maximumQuantity: Field<Decimal>? = nil
    /// Where `<asNeeded/>` is, when the line has no quantity and is ordered as needed.
    public var asNeededLocation: SourceLocation? = nil
    /// The unit price; nil when blank or no-bid.
    public var unitPrice: Field<Decimal>?
    /// The extended price as written; nil when blank or no-bid.
    public var extendedPrice: Field<Decimal>?
    /// The brand and model offered; nil when blank or no-bid.
    public var brandModel: Field<String>?
    /// Where `<noBid/>` is, when the bidder declines the line.
    public var noBidLocation: SourceLocation?
    /// The `line` element.
    public var location: SourceLocation
    /// The line's demand per price zone (`<zone>`); none without zones.
    public var zones: [ZoneQuantities] = []
    /// The prices per (zone, option) (`<price>`), in document order; none when the line has one unit price.
    public var prices: [Price] = []

    /// Whether the bidder declines the line with `<noBid/>`.
    public var noBid: Bool { noBidLocation != nil }
    /// Whether the line is as needed (`<asNeeded/>`): priced by unit price alone, left out of the totals.
    public var isAsNeeded: Bool { asNeededLocation != nil }
  }

  /// One lot: its lines and subtotal.
  public struct Lot: Hashable, Sendable {
    /// The lot identifier, such as `L1`.
    public var id: Field<String>
    /// The lot title.
    public var title: Field<String>
    /// The lines, in document order.
    public var lines: [Line]
    /// The subtotal as written; nil when blank (or when the lot has subtotals per zone and option instead).
    public var subtotal: Field<Decimal>?
    /// The `lot` element.
    public var location: SourceLocation
    /// The subtotals per (zone, option), in document order; none when lines have one unit price.
    public var sums: [Sum] = []
  }

  /// Which document this is.
  public var kind: Kind
  /// The file the document was read from, as given.
  public var path: String
  /// The solicitation identifier.
  public var solicitation: Field<String>
  /// The solicitation variant.
  public var variant: Field<DocumentVariant>
  /// The ISO 4217 currency code of every amount.
  public var currency: Field<String>
  /// How the solicitation is awarded, which decides the lines a bid may decline.
  public var awardMethod: Field<AwardMethod>
  /// The solicitation title.
  public var title: Field<String>
  /// The lead agency's name.
  public var leadAgency: Field<String>
  /// The response deadline as written, if given.
  public var responsesDue: Field<String>?
  /// The bidder block.
  public var bidder: Bidder
  /// The lots, in document order.
  public var lots: [Lot]
  /// The grand total as written; nil when blank.
  public var total: Field<Decimal>?
  /// The root element.
  public var location: SourceLocation
  /// The price zones the form lists (`<zones>`); none when lines are not priced by zone.
  public var zones: [ZoneDeclaration] = []
  /// The price options the form lists (`<priceOptions>`); none when lines have one unit price.
  public var priceOptions: [PriceOptionDeclaration] = []
  /// The option that decides the award, or `lowest` (`<priceOptions award>`); nil without options.
  public var awardPriceOption: Field<String>?
  /// The totals per (zone, option), in document order; none when lines have one unit price.
  public var sums: [Sum] = []
  /// The addenda the form lists (`<addenda>`), by number with the date issued, in document order; none
  /// before the first addendum.
  public var addenda: [Field<Int>] = []
  /// When the bid was received (`<received>`, an `xs:dateTime` as written, with or without its offset); nil
  /// when the bid does not say (the lead agency's `bids/received.yaml` may).
  public var received: Field<String>? = nil
  /// Where `<allOrNone/>` is, when the bidder makes its bid all-or-none: awarded whole or not at all.
  public var allOrNoneLocation: SourceLocation? = nil

  /// The result of `load` or `read`: the document when it could be read, and every problem found.
  public struct Loaded: Sendable {
    /// The document, or nil when it could not be read.
    public var document: BidDocument?
    /// Parse, schema and reading problems, in the order found.
    public var diagnostics: [Diagnostic]
  }

  /// Parses `text` safely, validates it against the XSD `schema` and reads it; `expecting` rejects the other
  /// kind of document (a blank form given as a bid, or the reverse) before anything else.
  public static func load(
    _ text: String, path: String, schema: String, schemaPath: String = "bid-form.xsd", expecting: Kind? = nil
  ) -> Loaded {
    let parsed = XMLElementTree.parse(text, path: path)
    guard let root = parsed.root else { return Loaded(document: nil, diagnostics: parsed.diagnostics) }
    var diagnostics = parsed.diagnostics
    if let expecting, root.namespace == namespace, let found = Kind(rawValue: root.name), found != expecting {
      let message =
        switch found {
        case .blankForm:
          "this is the blank form, not a filled bid: fill in the prices and bidder, and rename the "
            + "root element <bidForm> to <bid>"
        case .bid: "this is a filled bid, not the blank form of a solicitation"
        }
      diagnostics.append(Diagnostic(.error, message, at: root.location(in: path)))
      return Loaded(document: nil, diagnostics: diagnostics)
    }
    let validator: XMLSchemaValidator
    do {
      validator = try XMLSchemaValidator(schema: schema, path: schemaPath)
    } catch {
      return Loaded(document: nil, diagnostics: diagnostics + error.diagnostics)
    }
    let invalid = validator.validate(text, path: path).map {
      SchemaDiagnosticText.readable($0, root: root, path: path)
    }
    diagnostics += invalid
    if invalid.contains(where: { $0.severity == .error }) { return Loaded(document: nil, diagnostics: diagnostics) }
    let read = Self.read(root, path: path)
    return Loaded(document: read.document, diagnostics: diagnostics + read.diagnostics)
  }

  /// Reads a bid form or bid from its parsed tree, without schema validation; reports what cannot be read.
  public static func read(_ root: XMLElementTree, path: String) -> Loaded {
    var reader = Reader(path: path)
    let document = reader.document(root)
    return Loaded(document: document, diagnostics: reader.diagnostics.diagnostics)
  }

  /// Parses an XSD decimal exactly: `DecimalText` plus the forms XSD also allows, `.5` and `5.`.
  static func decimal(_ text: String) -> Result<Decimal, DecimalText.Problem> {
    var body = Substring(text.trimmed)
    var sign = ""
    if let first = body.first, first == "-" || first == "+" {
      sign = String(first)
      body = body.dropFirst()
    }
    var normalized = String(body)
    if normalized.hasPrefix(".") { normalized = "0" + normalized }
    if normalized.hasSuffix(".") { normalized += "0" }
    return DecimalText.parse(sign + normalized)
  }
}
