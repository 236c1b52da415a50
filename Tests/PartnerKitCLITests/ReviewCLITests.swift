import Foundation
import PartnerKit
import Testing

/// `review` end to end on the sample workspace: the contract's JSON keys, the HTML file,
/// `--save` refusing to overwrite, and quarter-over-quarter comparison.
@Suite struct ReviewCLITests {
    @Test func jsonHasTheContractKeys() throws {
        let r = CLI.run(["review", "--workspace", "Data/sample", "--as-of", "2026-11-29", "--format", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        let obj = try #require(CLI.json(r) as? [String: Any])
        #expect(obj["quarter"] as? String == "2026-Q4")
        let partnerships = try #require(obj["partnerships"] as? [[String: Any]])
        #expect(!partnerships.isEmpty)
        for p in partnerships {
            #expect(p["id"] is String)
            #expect(["green", "amber", "red"].contains(p["health"] as? String ?? ""))
            #expect(
                ["inform", "consult", "involve", "collaborate", "empower"].contains(
                    p["level"] as? String ?? ""))
            #expect(p["issues"] is [String])
        }
        let coverage = try #require(obj["coverage"] as? [[String: Any]])
        #expect(coverage.allSatisfy { $0["priority"] is String && $0["partnerships"] is Int })
        #expect(obj["recommendations"] is [String])
    }

    @Test func saveWritesASnapshotAndRefusesToOverwriteWithoutForce() throws {
        let s = Scratch()
        let ws = s.path + "/ws"
        try FileManager.default.copyItem(atPath: CLI.repositoryRoot + "/Data/sample", toPath: ws)
        let first = CLI.run(["review", "--workspace", ws, "--as-of", "2026-09-30", "--save"])
        #expect(first.status == 0, "\(first.stderr)")
        let saved = try #require(s.read("ws/reviews/2026-Q3.json"))
        #expect(saved.contains("\"quarter\": \"2026-Q3\""))
        #expect(saved.hasPrefix("{\n  \"version\": 1,\n"), "the saved-review format's version first")

        let again = CLI.run(["review", "--workspace", ws, "--as-of", "2026-09-30", "--save"])
        #expect(again.status == 1)
        #expect(again.stderr.contains("--force"))
        #expect(s.read("ws/reviews/2026-Q3.json") == saved)
        #expect(
            CLI.run(["review", "--workspace", ws, "--as-of", "2026-09-30", "--save", "--force"]).status == 0)

        // The next quarter compares with the saved one.
        let next = CLI.run(["review", "--workspace", ws, "--as-of", "2026-11-29", "--format", "json"])
        let obj = try #require(CLI.json(next) as? [String: Any])
        #expect(obj["compared_with"] as? String == "2026-Q3")
        let leftovers = (try? FileManager.default.contentsOfDirectory(atPath: ws + "/reviews")) ?? []
        #expect(leftovers == ["2026-Q3.json"], "no temporary files left behind")
    }

    /// A review saved by a newer PartnerKit (a later format version) stops the next review
    /// with one error naming the file and the field, instead of a comparison half read.
    @Test func aSavedReviewOfANewerVersionIsAnError() throws {
        let s = Scratch()
        let ws = s.path + "/ws"
        try FileManager.default.copyItem(atPath: CLI.repositoryRoot + "/Data/sample", toPath: ws)
        try FileManager.default.createDirectory(atPath: ws + "/reviews", withIntermediateDirectories: true)
        try Data(#"{"version": 2, "partnerships": []}"#.utf8).write(
            to: URL(fileURLWithPath: ws + "/reviews/2026-Q3.json"))
        let r = CLI.run(["review", "--workspace", ws, "--as-of", "2026-11-29"])
        #expect(r.status == 1)
        #expect(r.stdout.isEmpty)
        #expect(
            r.stderr.contains(
                "2026-Q3.json: version: error: is 2: this review was saved by a newer PartnerKit"),
            "\(r.stderr)")
    }

    @Test func htmlIsWrittenOnceAndIsSelfContained() throws {
        let s = Scratch()
        let out = s.path + "/report.html"
        let r = CLI.run(["review", "--workspace", "Data/sample", "--as-of", "2026-11-29", "--html", out])
        #expect(r.status == 0, "\(r.stderr)")
        // One line, not the whole text review.
        #expect(r.stdout == "wrote \(out): 5 actions, 13 partnerships\n")
        let page = try #require(s.read("report.html"))
        #expect(page.hasPrefix("<!DOCTYPE html>"))
        #expect(page.contains("<svg"))
        // Exactly one script, ours (no src, no URL); nothing fetched from anywhere.
        #expect(page.components(separatedBy: "<script").count == 2)
        #expect(page.contains(ReviewHTML.scriptElement))
        #expect(page.contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none';"))
        for url in ["http:", "https:", "src=", "url(", "@import", "<link", "<img"] {
            #expect(!page.contains(url), "\(url) in the page")
        }
        #expect(!page.contains("@example.org"), "contacts stay out of the report")
        let again = CLI.run(["review", "--workspace", "Data/sample", "--as-of", "2026-11-29", "--html", out])
        #expect(again.status == 1, "never overwrites a file without --force")
        #expect(s.read("report.html") == page)
    }

    /// With --format the review is printed as well (the one line goes to stderr then).
    @Test func htmlWithAFormatPrintsTheReviewToo() throws {
        let s = Scratch()
        let out = s.path + "/report.html"
        let r = CLI.run([
            "review", "--workspace", "Data/sample", "--as-of", "2026-11-29", "--html", out, "--format",
            "json",
        ])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.contains("wrote \(out): 5 actions, 13 partnerships"))
        let obj = try #require(CLI.json(r) as? [String: Any])
        #expect(obj["quarter"] as? String == "2026-Q4")
    }

    @Test func badQuarterIsAUsageError() {
        let r = CLI.run(["review", "--workspace", "Data/sample", "--quarter", "2026-Q7"])
        #expect(r.status == 2)
    }

    /// Among the quarter's repairs, shared work before a transaction: on the sample the café's
    /// cooking demonstrations (a transaction) come after every amber partnership's repair.
    @Test func partnershipRepairsComeBeforeATransactions() throws {
        let r = CLI.run(["review", "--workspace", "Data/sample", "--as-of", "2026-11-29", "--format", "json"])
        let obj = try #require(CLI.json(r) as? [String: Any])
        let actions = try #require(obj["actions"] as? [[String: Any]])
        let kinds = Dictionary(
            uniqueKeysWithValues: ((obj["partnerships"] as? [[String: Any]]) ?? []).compactMap { p in
                (p["id"] as? String).map { ($0, (p["kind"] as? String) ?? "partnership") }
            })
        let repairs = actions.filter {
            $0["group"] as? String == "repair" && $0["urgency"] as? String == "soon"
        }
        let order = repairs.compactMap { $0["partnership"] as? String }
        let firstTransaction = order.firstIndex { kinds[$0] != "partnership" }
        let lastPartnership = order.lastIndex { kinds[$0] == "partnership" }
        #expect(firstTransaction != nil, "\(order)")
        if let t = firstTransaction, let p = lastPartnership { #expect(p < t, "\(order)") }
    }
}
