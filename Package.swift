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
    .package(url: "https://github.com/hummingbird-project/swift-mustache.git", from: "2.1.1"),
    .package(url: "https://github.com/weichsel/ZIPFoundation.git", from: "0.9.20"),
    .package(url: "https://github.com/apple/swift-crypto.git", from: "3.12.3"),
  ],
  targets: [
    // The system libxml2; only `Sources/Cosolicit/XML` imports it.
    .systemLibrary(
      name: "CLibXML2",
      path: "Sources/CLibXML2",
      pkgConfig: "libxml-2.0",
      providers: [.apt(["libxml2-dev"])]
    ),
    // The system libcmark (CommonMark); only `Sources/Cosolicit/Markdown` imports it.
    .systemLibrary(
      name: "CCMark",
      path: "Sources/CCMark",
      pkgConfig: "libcmark",
      providers: [.apt(["libcmark-dev"])]
    ),
    .target(
      name: "Cosolicit",
      dependencies: [
        "CLibXML2",
        "CCMark",
        .product(name: "Yams", package: "Yams"),
        .product(name: "Mustache", package: "swift-mustache"),
        .product(name: "ZIPFoundation", package: "ZIPFoundation"),
        .product(name: "Crypto", package: "swift-crypto"),
      ],
      plugins: ["EmbedTemplatesPlugin"]
    ),
    .executableTarget(
      name: "CosolicitCLI",
      dependencies: [
        "Cosolicit",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    // Embeds the default templates of `Templates/` into the library, so the binary works from any folder.
    .executableTarget(name: "EmbedTemplates", path: "Sources/EmbedTemplates"),
    .plugin(
      name: "EmbedTemplatesPlugin",
      capability: .buildTool(),
      dependencies: ["EmbedTemplates"],
      path: "Sources/EmbedTemplatesPlugin"
    ),
    // Helpers every test target shares: fixtures, sandboxes, running the CLI, marked positions in text.
    .target(name: "CosolicitTestSupport", dependencies: ["Cosolicit"]),
    .testTarget(
      name: "CosolicitTests",
      dependencies: [
        "Cosolicit",
        "CosolicitTestSupport",
        .product(name: "Crypto", package: "swift-crypto"),
        .product(name: "ZIPFoundation", package: "ZIPFoundation"),
      ]
    ),
    .testTarget(
      name: "CosolicitCLITests",
      dependencies: ["CosolicitCLI", "CosolicitTestSupport"]
    ),
  ]
)
