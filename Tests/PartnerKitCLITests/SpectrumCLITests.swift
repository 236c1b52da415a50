import Foundation
import Testing

/// `partnerkit spectrum` end to end: the contract's JSON keys, exit statuses, did-you-mean.
@Suite struct SpectrumCLITests {
    /// A scaffolded workspace (`init`) whose template has one partnership, `money-clinic`.
    static func workspace() -> Scratch {
        let s = Scratch()
        _ = CLI.run(["init", s.path + "/w"])
        return s
    }

    @Test(arguments: ["spectrum-iap2", "spectrum-dessert"])
    func jsonHasTheContractKeys(_ spectrum: String) {
        let s = Self.workspace()
        let r = CLI.run([
            "spectrum", "--workspace", s.path + "/w", "--format", "json", "--spectrum", spectrum, "--as-of",
            "2026-11-29",
        ])
        #expect(r.status == 0, "\(r.stderr)")
        let root = CLI.json(r) as? [String: Any]
        #expect(root?["spectrum"] as? String == spectrum)
        let first = (root?["placements"] as? [[String: Any]])?.first
        for key in [
            "id", "kind", "level", "position", "edging_toward", "criteria", "readiness", "next_steps",
        ] {
            #expect(first?.keys.contains(key) == true, "missing \(key)")
        }
        let criteria = first?["criteria"] as? [String: Bool]
        #expect(
            Set(criteria?.keys.map { $0 } ?? []) == [
                "mutual_benefit", "mutual_contribution", "shared_goals", "shared_power", "aligned_values",
                "clear_roles",
            ])
    }

    @Test func unknownIdIsAnInputErrorWithASuggestion() {
        let s = Self.workspace()
        let r = CLI.run(["spectrum", "money-clinik", "--workspace", s.path + "/w"])
        #expect(r.status == 1)
        #expect(r.stderr.contains("did you mean \"money-clinic\""), "\(r.stderr)")
    }

    @Test func badProposalFileNamesTheField() {
        let s = Self.workspace()
        s.write(
            "p.json",
            "{ \"id\": 3, \"title\": \"x\", \"partners\": [\"example-cu\"], \"status\": \"proposed\" }")
        let r = CLI.run(["spectrum", "--workspace", s.path + "/w", "--file", s.path + "/p.json"])
        #expect(r.status == 1)
        #expect(r.stderr.contains("p.json: id: error:"), "\(r.stderr)")
    }

    @Test func textDrawsThePositionBar() {
        let s = Self.workspace()
        let r = CLI.run(["spectrum", "--workspace", s.path + "/w", "--as-of", "2026-11-29"])
        #expect(r.status == 0)
        #expect(r.stdout.contains("●"))
        #expect(r.stdout.contains("Next steps") || r.stdout.contains("Readiness"))
    }
}
