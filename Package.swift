// swift-tools-version: 6.1
import PackageDescription

let package = Package(
  name: "cosolicit",
  products: [
    .executable(name: "cosolicit", targets: ["CosolicitCLI"]),
    .library(name: "Cosolicit", targets: ["Cosolicit"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
    .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.2"),
  ],
  targets: [
    // The system libxml2; only `Sources/Cosolicit/XML` imports it.
    .systemLibrary(
      name: "CLibXML2",
      path: "Sources/CLibXML2",
      pkgConfig: "libxml-2.0",
      providers: [.apt(["libxml2-dev"])]
    ),
    .target(
      name: "Cosolicit",
      dependencies: [
        "CLibXML2",
        .product(name: "Yams", package: "Yams"),
      ]
    ),
    .executableTarget(
      name: "CosolicitCLI",
      dependencies: [
        "Cosolicit",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    .testTarget(
      name: "CosolicitTests",
      dependencies: ["Cosolicit"],
      exclude: []
    ),
    .testTarget(
      name: "CosolicitCLITests",
      dependencies: ["CosolicitCLI"]
    ),
  ]
)
