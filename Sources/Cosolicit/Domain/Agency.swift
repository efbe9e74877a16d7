/// A public body taking part in a solicitation: the lead agency or a participant.
public struct Agency: Sendable, Equatable {
  /// A person to reach at an agency.
  public struct Contact: Sendable, Equatable {
    /// The person's name.
    public var name: String?
    /// An email address.
    public var email: String?
    /// A phone number, as written.
    public var phone: String?
  }

  /// The official who signs for a participant's commitment.
  public struct Signer: Sendable, Equatable {
    /// The official's name.
    public var name: String?
    /// The official's title, such as "Director of Business Services".
    public var title: String?
  }

  /// The agency's id, unique in the solicitation.
  public var id: Located<String>
  /// The agency's official name.
  public var name: String
  /// What kind of public body it is.
  public var type: EntityType?
  /// The USPS code of its state.
  public var state: String?
  /// Whom to contact.
  public var contact: Contact?
  /// Who signs for its commitment.
  public var signer: Signer?
}
