// swift-tools-version: 6.1
import PackageDescription

// Coverage-guided fuzzing of every input reader with libFuzzer: one executable per reader, each defining
// `LLVMFuzzerTestOneInput` and driving the library's public API. Build and run with `run.sh`, or by hand:
//
//   swift build -c release --toolset toolset.json --product FuzzNeedsYAML
//   .build/release/FuzzNeedsYAML Corpus/FuzzNeedsYAML -dict=Dictionaries/yaml.dict
//
// The sanitizers come from `toolset.json`, not `-Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library`
// as in swift-protobuf's FuzzTesting: SwiftPM passes -Xswiftc flags and `--sanitize` to host tools too, and the
// library's template-embedding build tool cannot be parsed as a library nor linked with libFuzzer's `main`. So
// each fuzzer's `main.swift` keeps its top-level code, which calls libFuzzer's `LLVMFuzzerRunDriver`.
let fuzzers = [
  "FuzzSolicitation", "FuzzCatalogCSV", "FuzzCatalogYAML", "FuzzNeedsCSV", "FuzzNeedsYAML", "FuzzNeedsJSON",
  "FuzzBid", "FuzzNeedsXLSX", "FuzzMarkdown",
]

let package = Package(
  name: "CosolicitFuzz",
  dependencies: [
    .package(name: "cosolicit", path: "../.."),
    // Packs the workbook harness's XML parts into an archive (the library's own dependency).
    .package(url: "https://github.com/weichsel/ZIPFoundation.git", from: "0.9.20"),
  ],
  targets: [
    // The declaration of libFuzzer's driver.
    .target(name: "LibFuzzer"),
    .target(
      name: "FuzzCommon",
      dependencies: ["LibFuzzer", .product(name: "Cosolicit", package: "cosolicit")]
    ),
  ]
    + fuzzers.map { name in
      .executableTarget(
        name: name,
        dependencies: ["FuzzCommon", .product(name: "Cosolicit", package: "cosolicit")]
          + (name == "FuzzNeedsXLSX" ? [.product(name: "ZIPFoundation", package: "ZIPFoundation")] : [])
      )
    }
)
