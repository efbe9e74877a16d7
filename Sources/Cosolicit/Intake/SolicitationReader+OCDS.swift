extension SolicitationReader {
  /// Reads `ocds_prefix`, the publisher's registered ocid prefix for the OCDS releases; an error at the value
  /// when it is not `ocds-` and six lowercase letters or digits.
  static func readOCDSPrefix(_ fields: FieldReader, _ diagnostics: inout DiagnosticCollector) -> Located<String>? {
    guard let prefix = fields.text("ocds_prefix", &diagnostics) else { return nil }
    guard OCDSPrefix.isValid(prefix.value) else {
      let lower = prefix.value.lowercased()
      let hint = OCDSPrefix.isValid(lower) ? "; write it in lowercase: \(lower)" : ""
      diagnostics.error(
        "solicitation: ocds_prefix '\(prefix.value)' is not an OCDS ocid prefix; expected 'ocds-' and six lowercase "
          + "letters or digits, as the Open Contracting Partnership registered it for the publisher, such as "
          + "ocds-a1b2c3\(hint)", at: prefix.location)
      return nil
    }
    return prefix
  }
}
