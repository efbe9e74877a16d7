import FuzzCommon

/// The input is a CSV needs file, beside the workspace's YAML needs file (so duplicate agencies are found).
enum Harness {
  static let workspace = FuzzWorkspace(file: "needs/fuzz.csv", removing: ["needs/school-districts.csv"])
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
  Harness.workspace.run(UnsafeRawBufferPointer(start: start, count: count))
  return 0
}

_ = Harness.workspace  // set up before fuzzing, so that a broken setup stops at once
runLibFuzzer(fuzz)
