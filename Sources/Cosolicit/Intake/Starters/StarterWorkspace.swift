import Foundation

/// The small, commented workspace `cosolicit init` writes for a new user to edit.
public enum StarterWorkspace {
  /// Why a starter workspace was not written.
  public enum Failure: Error, CustomStringConvertible {
    /// The target exists and is a file, or a folder that is not empty.
    case targetExists(String)
    /// Writing failed; nothing was left behind.
    case cannotWrite(String, reason: String)

    public var description: String {
      switch self {
      case .targetExists(let path):
        "\(path) already exists and is not an empty folder; choose a new folder so nothing is overwritten"
      case .cannotWrite(let path, let reason):
        "cannot write to \(path): \(reason)"
      }
    }
  }

  /// The files, by path relative to the workspace folder.
  public static let files: [(path: String, contents: String)] = [
    ("solicitation.yaml", solicitation),
    ("catalog.csv", catalog),
    ("needs/city-of-example.yaml", cityNeeds),
    ("needs/school-districts.csv", districtNeeds),
  ]

  /// Writes the workspace to `path`, which must not exist or be an empty folder. Files are written to a
  /// temporary folder first and moved into place, so a failure leaves nothing half-written; an existing empty
  /// folder is kept (with its permissions) and filled, never removed.
  public static func write(to path: String) throws(Failure) {
    try write(files, to: path)
  }

  /// Writes `files` (relative path and text) to the folder `path` the same way: staged, then moved into place.
  static func write(_ contents: [(path: String, contents: String)], to path: String) throws(Failure) {
    let files = FileManager.default
    var isFolder: ObjCBool = false
    let exists = files.fileExists(atPath: path, isDirectory: &isFolder)
    if exists, !isFolder.boolValue || !((try? files.contentsOfDirectory(atPath: path)) ?? [""]).isEmpty {
      throw .targetExists(path)
    }
    let target = URL(fileURLWithPath: path)
    let parent = exists ? target : target.deletingLastPathComponent()
    let staging = parent.appendingPathComponent(".cosolicit-init-\(UUID().uuidString)")
    defer { try? files.removeItem(at: staging) }
    do {
      for file in contents {
        let url = staging.appendingPathComponent(file.path)
        try files.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(file.contents.utf8).write(to: url)
      }
    } catch {
      throw .cannotWrite(path, reason: FileProblem.describe(error))
    }
    if !exists {
      do {
        try files.moveItem(at: staging, to: target)
      } catch {
        throw .cannotWrite(path, reason: FileProblem.describe(error))
      }
      return
    }
    // Fill the existing empty folder entry by entry; on failure take back what was moved.
    var moved: [URL] = []
    do {
      for name in try files.contentsOfDirectory(atPath: staging.path).sorted() {
        let destination = target.appendingPathComponent(name)
        try files.moveItem(at: staging.appendingPathComponent(name), to: destination)
        moved.append(destination)
      }
    } catch {
      for url in moved { try? files.removeItem(at: url) }
      throw .cannotWrite(path, reason: FileProblem.describe(error))
    }
  }

  static let solicitation = """
    # solicitation.yaml: the lead agency's definition of a joint solicitation.
    # Every field is documented in the Cosolicit README. Check your edits with: cosolicit validate .

    # Solicitation number: letters, digits, '.', '_' and '-' only.
    id: JS-2027-001
    title: Office Technology and Custodial Supplies
    description: >
      Joint invitation to bid for the participating agencies' committed needs.
    currency: USD                     # ISO 4217 code

    lead_agency:
      id: city-of-example             # an id of your choosing; needs files use the same kind of id
      name: City of Example
      type: city                      # state | county | city | k12 | higher-ed | special-district | nonprofit | other
      state: OR                       # USPS state code
      contact: {name: Pat Buyer, email: purchasing@example.gov, phone: "555-0100"}

    # Optional: the agencies you invited (agencies as above; the lead agency takes part without being listed).
    # 'cosolicit forms . --out forms --participant example-sd-1' pre-fills a needs request form from an entry;
    # 'cosolicit validate' notes an invited agency without a needs file, and warns at a needs file from an agency
    # not listed here. Leave the field out to accept needs from any agency.
    invited:
      - {id: example-sd-1, name: Example School District 1, type: k12, state: OR}
      - id: example-sd-2
        name: Example School District 2
        type: k12
        state: OR
        contact: {name: Lee Clerk, email: business@example-sd-2.example.org}

    # Schedule of events: ISO dates (YYYY-MM-DD), each strictly after the one before; responses_due may give the
    # local time too (YYYY-MM-DDTHH:MM, in the timezone below).
    schedule:
      issue: 2027-03-01
      questions_due: 2027-03-12
      pre_bid_conference: 2027-03-15  # optional
      responses_due: 2027-04-01T14:00
      award_target: 2027-05-15

    # Needs files submitted after this date are late. It must be on or before schedule.issue.
    ordering_window_closes: 2027-02-15

    # The contract's term: start date, length in months, and optional renewals.
    term: {start: 2027-07-01, months: 24, renewal_options: 2, renewal_months: 12}

    award_method: by-lot               # by-line | by-lot | all-or-none

    # Lots group lines awarded together. Items fall in the lot whose classification prefix matches
    # their classification (the longest prefix wins) unless the catalog row names a lot.
    lots:
      - id: L1
        title: Office technology
        classifications: ["UNSPSC:4321"]
      - id: L2
        title: Custodial supplies
        classifications: ["UNSPSC:1411", "UNSPSC:4713"]

    # Evaluation criteria; the weights must sum to 100.
    evaluation:
      - {criterion: Price, weight: 70}
      - {criterion: Delivery and service, weight: 30}

    # Who may use the contract after award (used for the piggyback-open variant).
    cooperative:
      eligible: [county, city, k12, special-district]
      geography: Public agencies in the State of Oregon
      admin_fee_percent: 0

    # Above this combined value a formal competitive process is required.
    formal_bid_threshold: 150000

    terms:
      delivery: FOB destination, freight prepaid
      payment: Net 30

    # What every invitation for bid states; the RFP's part "Instructions and conditions" is written from these
    # (each optional). A time of day needs the time zone (an IANA name).
    timezone: America/Los_Angeles
    submission:
      methods: [sealed, electronic]      # sealed needs an address; electronic an https portal_url
      address: "City of Example Purchasing, City Hall, 100 Main Street, Example, OR 97000"
      portal_url: https://bids.example.gov/JS-2027-001
      copies: 1
    bid_opening: {at: 2027-04-01T14:00, place: "City Hall, Council Chambers", public: true}
    bid_validity_days: 90
    questions: {to: "Pat Buyer, purchasing@example.gov"}
    bonds: {bid_security_percent: 5}
    insurance: Commercial general liability of at least $1,000,000 per occurrence.
    price_adjustment: {kind: none}     # none | annual-index (with index) | annual-percent-cap (with cap_percent)
    authority: ORS 279A.200 to 279A.225 (cooperative procurement)
    non_appropriation: true

    # Own RFP sections: Markdown files in sections/ named NN-slug.md (05-background.md); a file named like a
    # standard section (60-protests.md) replaces it.

    """

  static let catalog = """
    item,description,classification,unit,lot,estimated_unit_price,packs
    LAPTOP-14,"Laptop, 14 in, 16 GB RAM, 512 GB SSD, 3-year warranty",UNSPSC:43211503,EA,,950.00,
    MONITOR-24,"Monitor, 24 in, height-adjustable",UNSPSC:43211902,EA,,180.00,
    TOWEL-MF,"Multifold paper towel, 250 sheets per sleeve",UNSPSC:14111703,EA,,2.10,XCS=16
    FLOOR-CLEANER,"Neutral floor cleaner concentrate",UNSPSC:47131801,GLL,,18.50,XCS=4

    """

  static let cityNeeds = """
    # A participant's needs file. One file per participant (YAML or JSON), or several agencies in a CSV.
    agency:
      id: city-of-example
      name: City of Example
      type: city
      state: OR
      contact: {name: Pat Buyer, email: purchasing@example.gov, phone: "555-0100"}
      signer: {name: Sam Manager, title: City Manager}

    commitment: binding                # default for the lines: binding | estimate
    submitted: 2027-02-01              # must be on or before ordering_window_closes
    deliver_to: "City Hall, 1 Main St, Example OR 97000"

    items:
      - item: LAPTOP-14                # a catalog item id
        quantity: 40
        unit: each
        need_by: 2027-08-01            # on or after the term start
      - item: TOWEL-MF
        quantity: 30
        unit: case                     # converts through the catalog's packs (XCS=16)
        need_by: 2027-07-15
      - item: FLOOR-CLEANER
        quantity: 20
        unit: gallon
        commitment: estimate           # a non-binding estimate
        need_by: 2027-07-15
      - description: "Wall-mounted paper towel dispenser, hardwound roll"   # a write-in: no item id
        classification: UNSPSC:47131606
        quantity: 12
        unit: each
        need_by: 2027-07-15

    """

  static let districtNeeds = """
    agency_id,agency_name,agency_type,item,description,classification,quantity,unit,commitment,deliver_to,need_by,notes
    example-sd-1,Example School District 1,k12,LAPTOP-14,,,120,each,binding,"District Office, 10 School St, Example OR 97000",2027-08-01,Teacher refresh
    example-sd-1,Example School District 1,k12,MONITOR-24,,,60,each,binding,"District Office, 10 School St, Example OR 97000",2027-08-01,
    example-sd-2,Example School District 2,k12,TOWEL-MF,,,800,each,binding,"Maintenance Shop, 5 Oak Ave, Example OR 97000",2027-07-15,800 sleeves is 50 cases

    """
}
