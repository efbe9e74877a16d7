import Foundation

/// One criterion of the evaluation and its weight, in points out of 100.
public struct EvaluationCriterion: Sendable {
  /// What is evaluated, such as "Price".
  public var criterion: String
  /// The points it carries.
  public var weight: Decimal
}
