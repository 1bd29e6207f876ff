// swift-tools-version: 6.1
import PackageDescription

/// Targets follow the pipeline of DESIGN.md: Ingest → Formats → Signals → Detect → Analysis → Report.
let package = Package(
  name: "Postmortem",
  platforms: [.macOS(.v15)],
  products: [
    .executable(name: "postmortem", targets: ["postmortem"]),
    .executable(name: "postmortem-bench", targets: ["postmortem-bench"]),
    .executable(name: "postmortem-samples", targets: ["postmortem-samples"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    .package(url: "https://github.com/HdrHistogram/hdrhistogram-swift", from: "0.2.0"),
    .package(url: "https://github.com/apple/swift-numerics", from: "1.1.1"),
    .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
  ],
  targets: [
    .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
    .systemLibrary(name: "CLZ4", pkgConfig: "liblz4", providers: [.apt(["liblz4-dev"])]),
    .systemLibrary(name: "CZstd", pkgConfig: "libzstd", providers: [.apt(["libzstd-dev"])]),

    .target(name: "Ingest", dependencies: ["CZlib", "CLZ4", "CZstd"]),
    .target(name: "Formats", dependencies: ["Ingest"]),
    .target(
      name: "Signals",
      dependencies: ["Formats", .product(name: "Histogram", package: "hdrhistogram-swift")]),
    .target(name: "Detect"),
    .target(
      name: "Analysis",
      dependencies: ["Signals", "Detect", .product(name: "RealModule", package: "swift-numerics")]),
    .target(name: "Report", dependencies: ["Analysis", "Ingest"]),
    // Nightly runs: the run's configuration (YAML) and the history store (SQLite through GRDB).
    .target(
      name: "Nightly",
      dependencies: [
        "Analysis", "Report", "Signals", "Formats", "Ingest", .product(name: "GRDB", package: "GRDB.swift"),
        .product(name: "Yams", package: "Yams"),
      ]),
    .target(name: "SampleGenerator", dependencies: ["Ingest"]),

    .executableTarget(
      name: "postmortem",
      dependencies: [
        "Ingest", "Formats", "Signals", "Detect", "Analysis", "Report", "Nightly",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]),
    .executableTarget(
      name: "postmortem-bench",
      dependencies: [
        "Ingest", "Formats", "Signals", "Detect", "Analysis", "Report", "SampleGenerator",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]),
    .executableTarget(
      name: "postmortem-samples",
      dependencies: [
        "SampleGenerator", .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]),

    .testTarget(name: "IngestTests", dependencies: ["Ingest"]),
    .testTarget(name: "FormatsTests", dependencies: ["Formats", "Ingest"]),
    .testTarget(name: "SignalsTests", dependencies: ["Signals", "Formats"]),
    .testTarget(name: "DetectTests", dependencies: ["Detect"]),
    .testTarget(name: "AnalysisTests", dependencies: ["Analysis", "Signals", "Detect"]),
    .testTarget(name: "ReportTests", dependencies: ["Report", "Analysis"], exclude: ["Support/png_colors.py"]),
    .testTarget(name: "IntegrationTests", dependencies: ["Formats", "Ingest", "Signals"]),
    .testTarget(
      name: "EndToEndTests",
      dependencies: ["Analysis", "Report", "SampleGenerator", "Ingest", "Formats", "Signals"]),
    .testTarget(
      name: "NightlyTests",
      dependencies: [
        "Nightly", "Report", "Analysis", "Signals", "SampleGenerator", "Ingest", .product(name: "Yams", package: "Yams"),
      ]),
  ]
)
