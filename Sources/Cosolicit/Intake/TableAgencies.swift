import Foundation

/// Reads the agency columns of a needs table: which agency each row is for, and everything the rows say about
/// it, as much as a YAML or JSON file's `agency` and `submitted` can say, checked the same way.
///
/// Rows of one agency must agree. Its name and type are on every row. Any other agency column may be left empty
/// on later rows (it is not repeated), but a value that differs from the one given first is an error at the
/// cell, with a note where the first was given.
struct TableAgencies {
  /// Every agency column, in the order the README lists them.
  static let columns = [
    "agency_id", "agency_name", "agency_type", "agency_state", "contact_name", "contact_email", "contact_phone",
    "signer_name", "signer_title", "submitted",
  ]
  /// The columns given once for an agency, on any of its rows: all but its id, name and type.
  static let detailColumns = Array(columns.dropFirst(3))

  /// Each agency's section in the file, by the key of its id.
  private var sectionByID: [String: Int] = [:]
  /// What each section's rows say of its agency, by column, as first given (`submitted` in ISO form).
  private var details: [Int: [String: Located<String>]] = [:]

  /// Reads a row's agency columns; returns the position of the agency's section in `file`, adding it on the
  /// agency's first row, or nil when the row names no readable agency id.
  mutating func section(
    of fields: FieldReader, in file: inout NeedsFileBuilder, _ diagnostics: inout DiagnosticCollector
  ) -> Int? {
    let id = fields.identifier("agency_id", required: true, &diagnostics)
    let name = fields.text("agency_name", required: true, &diagnostics)
    let type = fields.keyword("agency_type", as: EntityType.self, required: true, &diagnostics)
    guard let id else { return nil }
    let index: Int
    if let known = sectionByID[Identifier.key(id.value)] {
      index = known
      if let first = file.sections[index].agency, let name {
        Self.checkAgreement(first, name: name, type: type, &diagnostics)
      }
    } else {
      index = file.addSection()
      sectionByID[Identifier.key(id.value)] = index
    }
    if file.sections[index].agency == nil, let name {
      file.sections[index].agency = Agency(
        id: id, name: name.value, type: type?.value, state: nil, contact: nil, signer: nil)
    }
    readDetails(fields, agencyID: id.value, section: index, &diagnostics)
    return index
  }

  /// Reads the row's detail columns: a value given for the first time is checked and kept; a value given again
  /// must be the same.
  private mutating func readDetails(
    _ fields: FieldReader, agencyID: String, section: Int, _ diagnostics: inout DiagnosticCollector
  ) {
    for column in Self.detailColumns {
      let given: Located<String>?
      if column == "submitted" {
        given = fields.date(column, &diagnostics).map { Located($0.value.description, at: $0.location) }
      } else {
        given = fields.text(column, &diagnostics)
      }
      guard let given else { continue }
      if let first = details[section]?[column] {
        guard first.value != given.value else { continue }
        diagnostics.error(
          "agency '\(agencyID)' has \(column) '\(FieldReader.shown(given.value))' here but "
            + "'\(FieldReader.shown(first.value))' on an earlier row; rows of one agency must agree on its \(column) "
            + "(leave the cell empty on later rows, or repeat it exactly)", at: given.location)
        diagnostics.note("'\(FieldReader.shown(first.value))' is given here", at: first.location)
        continue
      }
      switch column {
      case "agency_state": AgencyReader.checkState(given, named: "\(fields.context): agency_state", &diagnostics)
      case "contact_email": AgencyReader.checkEmail(given, named: "\(fields.context): contact_email", &diagnostics)
      default: break
      }
      details[section, default: [:]][column] = given
    }
  }

  /// Gives each agency of `file` what its rows said of it, once every row is read; reports a signer's title
  /// given without the signer's name.
  func finish(_ file: inout NeedsFileBuilder, _ diagnostics: inout DiagnosticCollector) {
    for (section, values) in details.sorted(by: { $0.key < $1.key }) {
      guard let agency = file.sections[section].agency else { continue }
      if let title = values["signer_title"], values["signer_name"] == nil {
        diagnostics.error(
          "agency '\(agency.id.value)': signer_title is given but no signer_name; give the name of the official "
            + "who signs for the agency", at: title.location)
      }
      file.sections[section].agency = Self.agency(agency, details: values.mapValues(\.value))
      if let submitted = values["submitted"], let date = CalendarDate(iso: submitted.value) {
        file.sections[section].submitted = Located(date, at: submitted.location)
      }
    }
  }

  /// `agency` with the details its rows gave, by column: state, contact and signer (a signer only with a name).
  static func agency(_ agency: Agency, details: [String: String]) -> Agency {
    var agency = agency
    agency.state = details["agency_state"]
    if details["contact_name"] != nil || details["contact_email"] != nil || details["contact_phone"] != nil {
      agency.contact = Agency.Contact(
        name: details["contact_name"], email: details["contact_email"], phone: details["contact_phone"])
    }
    if let name = details["signer_name"] {
      agency.signer = Agency.Signer(name: name, title: details["signer_title"])
    }
    return agency
  }

  /// Reports a row that names its agency differently from the agency's first row.
  private static func checkAgreement(
    _ first: Agency, name: Located<String>, type: Located<EntityType>?, _ diagnostics: inout DiagnosticCollector
  ) {
    let id = first.id.value
    if first.name != name.value {
      diagnostics.error(
        "agency '\(id)' is named '\(name.value)' here but '\(first.name)' on an earlier row; rows of one agency "
          + "must agree on its name", at: name.location)
      diagnostics.note("'\(first.name)' is given here", at: first.id.location)
    }
    if let type, let firstType = first.type, firstType != type.value {
      diagnostics.error(
        "agency '\(id)' has type '\(type.value.rawValue)' here but '\(firstType.rawValue)' on an earlier row; rows "
          + "of one agency must agree on its type", at: type.location)
      diagnostics.note("'\(firstType.rawValue)' is given here", at: first.id.location)
    }
  }
}
