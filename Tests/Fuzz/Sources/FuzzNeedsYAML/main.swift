import FuzzCommon

/// The input is a YAML needs file, beside the workspace's CSV needs file (so duplicate agencies are found).
enum Harness {
  static let workspace = FuzzWorkspace(file: "needs/fuzz.yaml", removing: ["needs/city-of-example.yaml"])
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
  Harness.workspace.run(UnsafeRawBufferPointer(start: start, count: count))
  return 0
}

_ = Harness.workspace  // set up before fuzzing, so that a broken setup stops at once
runLibFuzzer(fuzz)
