/// The agencies a needs request form can be made for: the invited roster, the agencies of the workspace's needs
/// files, and the lead agency, in that order of preference when one id is in several (the later ones filling in
/// what the first leaves out: state, contact, signer).
struct NeedsRequestParticipants {
  /// The agencies, each id once.
  private(set) var agencies: [Agency] = []

  /// The participants of `solicitation` and of the needs files at `needsPaths` (only their agencies are read).
  init(solicitation: Solicitation, needsPaths: [String]) {
    var ignored = DiagnosticCollector()
    let fromNeeds = needsPaths.flatMap { path in
      NeedsReader.readAgencies(path, &ignored)?.sections.compactMap(\.agency) ?? []
    }
    for agency in (solicitation.invited ?? []) + fromNeeds + [solicitation.leadAgency].compactMap({ $0 }) {
      guard let index = agencies.firstIndex(where: { Identifier.same($0.id.value, agency.id.value) }) else {
        agencies.append(agency)
        continue
      }
      // What the preferred entry leaves out, a later one may say (a roster entry without the signer a needs file
      // names).
      agencies[index].state = agencies[index].state ?? agency.state
      agencies[index].contact = agencies[index].contact ?? agency.contact
      agencies[index].signer = agencies[index].signer ?? agency.signer
    }
  }

  /// The agency with `id`, in any case.
  func agency(withID id: String) -> Agency? { agencies.first { Identifier.same($0.id.value, id) } }

  /// Why `id` is no participant, with the known ids and the nearest one.
  func unknownMessage(_ id: String) -> String {
    let ids = agencies.map(\.id.value)
    return "participant '\(id)' is not invited, has no needs file and is not the lead agency"
      + NearestName.hint(for: id, among: ids) + "; expected one of: "
      + (ids.isEmpty ? "none (list the invited agencies under 'invited')" : ids.joined(separator: ", "))
  }
}
