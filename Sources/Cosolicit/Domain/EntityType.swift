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
}
