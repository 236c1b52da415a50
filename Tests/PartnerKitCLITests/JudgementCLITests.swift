import Foundation
import Testing

/// Issue 15's plain-words bullets, end to end: what a manager reads in the default outputs
/// of score, vet, spectrum and review, on the sample and on the held-out workspace.
@Suite struct JudgementCLITests {
    static let sample = ["--workspace", "Data/sample", "--as-of", "2026-11-29"]
    static let heldOut = [
        "--workspace", "Tests/PartnerKitTests/Fixtures/judgement/riverside", "--as-of", "2026-11-29",
    ]

    /// Every default text and Markdown output a manager reads.
    static let readings: [[String]] = [
        ["score"], ["vet", "shipyards"], ["vet", "harbor-cu"], ["vet", "city-council"],
        ["vet", "friends-of-hcpl"], ["spectrum"], ["spectrum", "summer-reading-sponsorship"], ["review"],
        ["score", "--format", "markdown"], ["vet", "shipyards", "--format", "markdown"],
        ["spectrum", "--format", "markdown"], ["review", "--format", "markdown"],
    ]

    static func outputs() -> [(String, String)] {
        readings.map { args in
            (args.joined(separator: " "), CLI.run(args + sample).stdout)
        }
    }

    @Test func defaultOutputsUseNoTechnicalNames() {
        let technical = [
            "no_dealbreaker", "minimums_met", "existing_relationship", "data_complete", "shared_priority",
            "smart_goals", "priority_link", "adamic", "Yen's", "effective size", "constraint 0.",
            "in writing by", "dealbreaker:sells",
        ]
        for (name, out) in Self.outputs() {
            #expect(!out.isEmpty, "\(name) printed nothing")
            for word in technical { #expect(!out.contains(word), "\(name) shows \(word)") }
        }
        // The technical names stay available behind --explain.
        #expect(CLI.run(["vet", "shipyards", "--explain"] + Self.sample).stdout.contains("no_dealbreaker"))
    }

    /// "confidence 80%" everywhere: never a bare fraction.
    @Test func confidenceIsWrittenOneWay() throws {
        let pattern = try NSRegularExpression(pattern: "confidence:? ([0-9][0-9.]*)(%?)")
        var seen = 0
        for (name, out) in Self.outputs() {
            let range = NSRange(out.startIndex..., in: out)
            for m in pattern.matches(in: out, range: range) {
                seen += 1
                let percent = Range(m.range(at: 2), in: out).map { String(out[$0]) } ?? ""
                #expect(percent == "%", "\(name): \((Range(m.range, in: out).map { String(out[$0]) }) ?? "")")
            }
        }
        #expect(seen > 0)
    }

    /// A fit score is always said with its scale ("fit 54 of 100"), never as a bare number.
    @Test func scoresAlwaysCarryTheirScale() throws {
        let review = CLI.run(["review"] + Self.sample).stdout
        let coverage = review.split(separator: "\n").filter { $0.contains("candidates:") }
        #expect(!coverage.isEmpty)
        let bare = try NSRegularExpression(pattern: "\\((fit )?[0-9]+\\)")
        for line in coverage {
            let s = String(line)
            #expect(bare.firstMatch(in: s, range: NSRange(s.startIndex..., in: s)) == nil, "\(s)")
            #expect(s.contains(" of 100)"))
        }
    }

    /// A practice label reads as words inside a sentence, not as a capitalised heading.
    @Test func dealbreakerPracticesReadNaturally() {
        for args in [["review"], ["spectrum", "summer-reading-sponsorship"]] {
            let out = CLI.run(args + Self.sample).stdout
            #expect(out.contains("sells or brokers personal data"), "\(args)")
            #expect(!out.contains("(Sells or brokers"), "\(args)")
            #expect(!out.contains("include Sells"), "\(args)")
        }
    }

    /// The one-way flag is explained wherever it is shown.
    @Test func theOneWayFlagIsExplainedWhereItAppears() {
        let out = CLI.run(["score"] + Self.sample).stdout
        #expect(out.contains("one-way"))
        #expect(out.contains("one-way: benefit flows one way only"))
    }

    /// The held-out dealbreaker proposal, through the binary: first in the review's JSON,
    /// one next step in the spectrum's JSON.
    @Test func theHeldOutDealbreakerProposalThroughTheBinary() throws {
        let review = try #require(
            CLI.json(CLI.run(["review", "--format", "json"] + Self.heldOut)) as? [String: Any])
        let first = try #require((review["actions"] as? [[String: Any]])?.first)
        #expect(first["group"] as? String == "dealbreaker")
        #expect(first["partnership"] as? String == "data-sponsorship")
        let spectrum = try #require(
            CLI.json(CLI.run(["spectrum", "data-sponsorship", "--format", "json"] + Self.heldOut))
                as? [String: Any])
        let placement = try #require((spectrum["placements"] as? [[String: Any]])?.first)
        #expect((placement["next_steps"] as? [String])?.count == 1)
    }

    /// The survey results show a "trust" row and, below, trust taken over several factors:
    /// the second says which factors, so two different trust numbers for the same side never
    /// stand unexplained (4.2 in the row, 4.1 overall, on the ferry book club).
    @Test func theSurveysOverallTrustSaysItIsNotTheTrustRow() {
        let out = CLI.run(["survey", "results"] + Self.sample).stdout
        #expect(out.contains("  factor "))
        #expect(!out.contains("- Trust: "))
        #expect(out.contains("Trust overall (trust, communication and aligned values together): the library"))
        #expect(out.contains("Value overall (mutual benefit, mutual contribution and shared power together)"))
    }

    /// Practices are labels ("sells or brokers personal data"), not nouns: no sentence says
    /// "practices include sells …", in any default output on the sample or the held-out set.
    @Test func dealbreakerPracticesReadAsEnglish() {
        var outs = Self.outputs().map(\.1)
        outs.append(CLI.run(["review"] + Self.heldOut).stdout)
        outs.append(CLI.run(["spectrum", "data-sponsorship"] + Self.heldOut).stdout)
        outs.append(CLI.run(["score"] + Self.sample).stdout)
        #expect(outs.contains { $0.contains("recorded practices") })
        for out in outs {
            #expect(!out.contains("practices include sells"))
            #expect(!out.contains("practices include partisan"))
            #expect(!out.contains("practices include predatory"))
        }
    }
}
