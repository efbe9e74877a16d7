import FuzzCommon

/// The input is the workspace's `catalog.csv`, checked against the solicitation's lots and read by its needs.
enum Harness {
  static let workspace = FuzzWorkspace(file: "catalog.csv", removing: [])
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
  Harness.workspace.run(UnsafeRawBufferPointer(start: start, count: count))
  return 0
}

_ = Harness.workspace  // set up before fuzzing, so that a broken setup stops at once
runLibFuzzer(fuzz)
