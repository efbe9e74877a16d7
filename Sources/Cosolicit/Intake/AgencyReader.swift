/// Reads an agency's fields, shared by the solicitation's lead agency and the participants' needs files.
enum AgencyReader {
  static let fields = ["id", "name", "type", "state", "contact", "signer"]
  static let contactFields = ["name", "email", "phone"]
  static let signerFields = ["name", "title"]

  /// Reads the mapping `fields`; returns nil when the id or name is missing.
  static func read(_ fields: FieldReader, _ diagnostics: inout DiagnosticCollector) -> Agency? {
    let id = fields.identifier("id", required: true, &diagnostics)
    let name = fields.text("name", required: true, &diagnostics)
    let type = fields.keyword("type", as: EntityType.self, required: true, &diagnostics)
    let state = fields.text("state", &diagnostics)
    if let state { checkState(state, named: "\(fields.context): state", &diagnostics) }
    var contact: Agency.Contact?
    if let reader = fields.mapping("contact", known: contactFields, &diagnostics) {
      let email = reader.text("email", &diagnostics)
      if let email { checkEmail(email, named: "\(reader.context):", &diagnostics) }
      contact = Agency.Contact(
        name: reader.text("name", &diagnostics)?.value, email: email?.value,
        phone: reader.text("phone", &diagnostics)?.value)
      reader.finish(&diagnostics)
    }
    var signer: Agency.Signer?
    if let reader = fields.mapping("signer", known: signerFields, &diagnostics) {
      signer = Agency.Signer(
        name: reader.text("name", required: true, &diagnostics)?.value,
        title: reader.text("title", &diagnostics)?.value)
      reader.finish(&diagnostics)
    }
    fields.finish(&diagnostics)
    guard let id, let name else { return nil }
    return Agency(
      id: id, name: name.value, type: type?.value, state: state?.value, contact: contact, signer: signer)
  }

  /// Warns about a state that is not a USPS code; `name` starts the message (`agency: state`).
  static func checkState(_ state: Located<String>, named name: String, _ diagnostics: inout DiagnosticCollector) {
    guard !USState.isKnown(state.value) else { return }
    diagnostics.warning(
      "\(name) '\(state.value)' is not a USPS state code; expected two capital letters such as OR or TX",
      at: state.location)
  }

  /// Warns about an email address without `@` and a domain; `name` starts the message (`agency.contact:`).
  static func checkEmail(_ email: Located<String>, named name: String, _ diagnostics: inout DiagnosticCollector) {
    guard !looksLikeEmail(email.value) else { return }
    diagnostics.warning(
      "\(name) '\(email.value)' does not look like an email address; expected name@domain", at: email.location)
  }

  static func looksLikeEmail(_ text: String) -> Bool {
    let parts = text.split(separator: "@", omittingEmptySubsequences: false)
    return parts.count == 2 && !parts[0].isEmpty && parts[1].contains(".") && !parts[1].hasPrefix(".")
      && !parts[1].hasSuffix(".") && !text.contains(" ")
  }
}
