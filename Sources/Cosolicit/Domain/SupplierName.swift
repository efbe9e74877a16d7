/// A supplier's name as people compare names: without regard to case and spacing, so that
/// `Valley Office  Supply co.` and `Valley Office Supply Co.` name one supplier.
public enum SupplierName {
  /// `name` lowercased, with every run of white space as one space and none at either end.
  public static func key(_ name: String) -> String {
    name.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
  }

  /// Whether `a` and `b` name the same supplier.
  public static func same(_ a: String, _ b: String) -> Bool { key(a) == key(b) }
}

extension Solicitation {
  /// Whether `supplier` (a bidder's name) is on the lead agency's `local_suppliers` list, compared as
  /// ``SupplierName`` compares names.
  public func isLocalSupplier(_ supplier: String) -> Bool {
    localSuppliers.contains { SupplierName.same($0.value, supplier) }
  }
}
