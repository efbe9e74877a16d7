/// How and where bids are delivered (`submission`).
public struct Submission: Sendable {
  /// The methods accepted, in the order of ``SubmissionMethod``; never empty.
  public var methods: [SubmissionMethod]
  /// Where sealed bids are delivered: required with `sealed`.
  public var address: String?
  /// The `https` address of the portal electronic bids are uploaded to: required with `electronic`.
  public var portalURL: String?
  /// How many paper copies a sealed bid holds (the original included), if stated.
  public var copies: Int?

  /// Whether sealed paper bids are accepted.
  public var isSealed: Bool { methods.contains(.sealed) }
  /// Whether electronic bids are accepted.
  public var isElectronic: Bool { methods.contains(.electronic) }
}
