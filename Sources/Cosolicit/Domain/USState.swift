/// USPS codes for US states, the District of Columbia and territories.
public enum USState {
  /// Whether `code` is a USPS state or territory code such as `OR`.
  public static func isKnown(_ code: String) -> Bool { codes.contains(code) }

  /// The codes.
  public static let codes: Set<String> = [
    "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "FL", "GA", "HI", "ID", "IL", "IN", "IA", "KS", "KY", "LA",
    "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH", "NJ", "NM", "NY", "NC", "ND", "OH", "OK",
    "OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT", "VT", "VA", "WA", "WV", "WI", "WY", "DC", "AS", "GU", "MP",
    "PR", "VI",
  ]
}
