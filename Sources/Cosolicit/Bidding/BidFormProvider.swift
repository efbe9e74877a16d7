/// Makes the blank bid form (`bidForm` XML) of a solicitation workspace, for checking bids against it.
public enum BidFormProvider {
  /// The blank form's XML for `variant` of the solicitation in the workspace folder `workspace`, rendered from
  /// the default templates exactly as `cosolicit build` renders it.
  public static func blankForm(
    workspace: String, variant: DocumentVariant
  ) -> Result<String, BidReference.Failure> {
    let intake = Intake.load(workspace: workspace)
    let joint: JointSolicitation
    switch Aggregator.aggregate(intake) {
    case .success(let result): joint = result
    case .failure(let failure):
      return .failure(
        BidReference.Failure(
          "the solicitation workspace \(workspace) does not aggregate: \(failure)",
          diagnostics: intake.diagnostics + failure.diagnostics))
    }
    var diagnostics = DiagnosticCollector()
    guard let templates = TemplateSet.load(overrides: nil, &diagnostics),
      let form = templates.render(
        "bid-form.xml", VariantDocument(joint, figures: VariantFigures(joint, variant: variant)))
    else {
      return .failure(
        BidReference.Failure("the default bid form template did not render", diagnostics: diagnostics.diagnostics))
    }
    return .success(String(form.drop { $0.isWhitespace }))
  }
}
