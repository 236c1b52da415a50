// swift-tools-version: 6.0
// PartnerKit: partnership assessment and matching for public libraries.
// No package dependencies by design: Foundation, Dispatch, XCTest and Swift Testing only.
import PackageDescription

let package = Package(
    name: "PartnerKit",
    products: [
        .library(name: "PartnerKit", targets: ["PartnerKit"]),
        .executable(name: "partnerkit", targets: ["partnerkit"]),
        .executable(name: "partnerkit-bench", targets: ["partnerkit-bench"]),
    ],
    targets: [
        .target(name: "PartnerKit"),
        // Seeded synthetic workspaces for the benchmarks and the property tests: not part of
        // the library's API, and no product exports it.
        .target(name: "PartnerKitSynthetic", dependencies: ["PartnerKit"]),
        .executableTarget(name: "partnerkit", dependencies: ["PartnerKit"]),
        .executableTarget(name: "partnerkit-bench", dependencies: ["PartnerKit", "PartnerKitSynthetic"]),
        .testTarget(
            name: "PartnerKitTests",
            dependencies: ["PartnerKit", "PartnerKitSynthetic"],
            resources: [.copy("Fixtures")]
        ),
        // The benchmark's pure logic (slope fit, size parsing, the child-process report).
        .testTarget(name: "PartnerKitBenchTests", dependencies: ["partnerkit-bench"]),
        .testTarget(
            name: "PartnerKitCLITests",
            dependencies: ["partnerkit", "PartnerKit"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
