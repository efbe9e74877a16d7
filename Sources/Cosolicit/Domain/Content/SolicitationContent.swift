import Foundation

/// The conditions every invitation for bid states beside its lines: submission and opening, bid validity,
/// questions, bonds and insurance, price adjustment, non-appropriation and cooperative authority. Every field is
/// optional in `solicitation.yaml`; the standard sections word what applies when one is absent.
public struct SolicitationContent: Sendable {
  /// The IANA time zone every time of day in the solicitation is on (`timezone`).
  public var timeZone: TimeZone?
  /// How and where bids are delivered.
  public var submission: Submission?
  /// When and where bids are opened.
  public var bidOpening: BidOpening?
  /// How many days after the due date a bid stays open for acceptance.
  public var bidValidityDays: Int?
  /// Where written questions go, and by when.
  public var questions: QuestionsContact?
  /// Bid security and performance bond.
  public var bonds: Bonds?
  /// The insurance the contractor carries, as written (may be several paragraphs).
  public var insurance: String?
  /// Whether and how prices change over the term; nil when the solicitation does not say.
  public var priceAdjustment: PriceAdjustment?
  /// The statute or agreement that permits joint and cooperative procurement.
  public var authority: String?
  /// Whether the contract carries a non-appropriation clause; nil when not said.
  public var nonAppropriation: Bool?
  /// Whether links in the workspace's `sections/` files stay links (`section_links: allowed`).
  public var sectionLinksAllowed = false

  /// No content given.
  public static let none = SolicitationContent()
}
