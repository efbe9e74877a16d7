import Cosolicit
import Foundation
import FuzzCommon

/// The input is a filled bid, read as `cosolicit check-bid` reads it: UTF-8 checked, then checked against the
/// blank form of the solicitation it names (the first form when it names neither, so that a mismatch is
/// reported too): schema, comparison with the form, no-bid rules and the recomputed totals.
enum Harness {
  /// The built-in bid-form schema, as `cosolicit check-bid` uses it.
  static let schema: String = {
    guard let schema = BidCheck.defaultSchema else { setupFailure("the library has no built-in bid-form.xsd") }
    return schema
  }()

  /// The blank forms bids are checked against (`Tests/Fixtures/bids/form.xml` and `blank.xml`), read and
  /// validated as `cosolicit check-bid --solicitation FORM` reads them.
  static let references: [BidDocument] = ["form.xml", "blank.xml"].map { name in
    let path = (repositoryRoot as NSString).appendingPathComponent("Tests/Fixtures/bids/\(name)")
    guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
      setupFailure("cannot read the blank form \(path)")
    }
    switch BidReference.read(text, path: path, schema: schema, schemaPath: BidReference.schemaName) {
    case .success(let reference): return reference.form
    case .failure(let failure): setupFailure("the blank form \(path) cannot be used: \(failure.diagnostics)")
    }
  }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
  let bytes = UnsafeRawBufferPointer(start: start, count: count)
  let path = "fuzz-bid.xml"
  let text: String
  switch SourceFile.decode(Array(bytes), path: path) {
  case .success(let source): text = source.text
  case .failure(let problem):
    checkPositions([problem], input: bytes, path: path)
    return 0
  }
  let named = XMLElementTree.parse(text, path: path).root?.attribute("solicitation")
  let reference = Harness.references.first { $0.solicitation.value == named } ?? Harness.references[0]
  let report = BidCheck.check(
    bid: text, path: path, schema: Harness.schema, schemaPath: BidReference.schemaName, reference: reference)
  _ = report.summary
  checkPositions(report.diagnostics, input: bytes, path: path)
  return 0
}

_ = Harness.references  // set up before fuzzing, so that a broken setup stops at once
runLibFuzzer(fuzz)
