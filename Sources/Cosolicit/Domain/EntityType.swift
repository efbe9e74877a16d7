/// The kind of public body an agency is; cooperative clauses name eligible users by these types.
public enum EntityType: String, CaseIterable, Sendable, Keyword {
  case state
  case county
  case city
  case k12
  case higherEd = "higher-ed"
  case specialDistrict = "special-district"
  case nonprofit
  case other

  /// A phrase for documents, such as "school district".
  public var displayName: String {
    switch self {
    case .state: "state agency"
    case .county: "county"
    case .city: "city"
    case .k12: "school district"
    case .higherEd: "college or university"
    case .specialDistrict: "special district"
    case .nonprofit: "nonprofit"
    case .other: "other public entity"
    }
  }

  /// The plural phrase, such as "school districts".
  public var pluralName: String {
    switch self {
    case .state: "state agencies"
    case .county: "counties"
    case .city: "cities"
    case .k12: "school districts"
    case .higherEd: "colleges and universities"
    case .specialDistrict: "special districts"
    case .nonprofit: "nonprofits"
    case .other: "other public entities"
    }
  }

  /// The kind of body as a sentence names it, with its indefinite article: "a county government", "an
  /// independent special district". Reads naturally after "is" and "listed as" for every type.
  public var kindPhrase: String { Self.withIndefiniteArticle(kindName) }

  /// The noun phrase of ``kindPhrase`` without its article.
  var kindName: String {
    switch self {
    case .state: "state agency"
    case .county: "county government"
    case .city: "city government"
    case .k12: "public school district"
    case .higherEd: "public college or university"
    case .specialDistrict: "special district"
    case .nonprofit: "nonprofit organization"
    case .other: "entity of another kind"
    }
  }

  /// `phrase` after "a", or "an" when it starts with a vowel sound (a vowel letter: the phrases here have no
  /// silent consonants nor "u" read as "you").
  static func withIndefiniteArticle(_ phrase: String) -> String {
    let vowels: Set<Character> = ["a", "e", "i", "o", "u"]
    return (phrase.first.map { vowels.contains(Character($0.lowercased())) } ?? false ? "an " : "a ") + phrase
  }
}
