import Foundation
import Testing

/// `calibrate` end to end: the contract's JSON keys on the sample, the cautious wording,
/// `--write` (a rubric `score` reads without a warning; never over a file without --force,
/// never into the toolkit's Rubrics/), and the refusals.
@Suite struct CalibrateCLITests {
    static let sample = ["--workspace", "Data/sample", "--as-of", "2026-11-29"]

    /// A copy of the sample workspace with only the outcomes of `keep` left.
    static func sampleCopy(in s: Scratch, keepingOutcomesOf keep: Set<String>? = nil) throws -> String {
        let ws = s.path + "/ws"
        try FileManager.default.copyItem(atPath: CLI.repositoryRoot + "/Data/sample", toPath: ws)
        guard let keep else { return ws }
        let file = ws + "/partnerships.json"
        let text = try String(contentsOfFile: file, encoding: .utf8)
        var current = ""
        var lines: [Substring] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("      \"id\": \"") { current = String(line.split(separator: "\"")[3]) }
            if line.contains("\"outcome\":"), !keep.contains(current) { continue }
            lines.append(line)
        }
        try lines.joined(separator: "\n").write(toFile: file, atomically: true, encoding: .utf8)
        return ws
    }

    @Test func jsonHasTheContractKeys() throws {
        let r = CLI.run(["calibrate"] + Self.sample + ["--format", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        let obj = try #require(CLI.json(r) as? [String: Any])
        #expect(obj["rubric"] as? String == "partner-fit")
        #expect(obj["examples"] as? Int == 12)
        #expect(obj["enough_data"] as? Bool == true)
        let factors = try #require(obj["factors"] as? [[String: Any]])
        #expect(
            factors.map { $0["factor"] as? String ?? "" } == [
                "value_alignment", "shared_audience", "complementary_assets", "capacity", "relationship",
            ])
        for f in factors {
            #expect(f["current_weight"] is Double)
            #expect(f["suggested_weight"] is Double)
            #expect(f["effect"] is Double)
        }
        let total = factors.compactMap { $0["suggested_weight"] as? Double }.reduce(0, +)
        #expect(abs(total - 1) < 1e-3)
        let concordance = try #require(obj["concordance"] as? [String: Any])
        for key in ["current", "suggested"] {
            let v = try #require(concordance[key] as? Double)
            #expect((0...1).contains(v))
        }
    }

    @Test func textIsCautiousAndPlain() {
        let r = CLI.run(["calibrate"] + Self.sample)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("With 12 past partnerships this is a hint, not proof"))
        #expect(r.stdout.contains("9 went well (5 met their goals, 4 partly), 3 went poorly"))
        #expect(r.stdout.contains("Weight now"))
        for technical in ["logistic", "leave-one-out", "concordance", "AUC", "log-odds"] {
            #expect(!r.stdout.contains(technical), "\(technical)")
        }
        let md = CLI.run(["calibrate"] + Self.sample + ["--format", "markdown"])
        #expect(md.status == 0)
        #expect(md.stdout.hasPrefix("# Calibrating the partner-fit rubric"))
        #expect(md.stdout.contains("| factor | weight now | suggested |"))
    }

    @Test func writeMakesARubricThatScoreReadsWithoutWarnings() throws {
        let s = Scratch()
        let ws = try Self.sampleCopy(in: s)
        let target = ws + "/rubrics/partner-fit-calibrated.json"
        let w = CLI.run(["calibrate", "--workspace", ws, "--as-of", "2026-11-29", "--write", target])
        #expect(w.status == 0, "\(w.stderr)")
        let written = try #require(s.read("ws/rubrics/partner-fit-calibrated.json"))
        let obj = try #require(
            try JSONSerialization.jsonObject(with: Data(written.utf8)) as? [String: Any])
        let calibration = try #require(obj["calibration"] as? [String: Any])
        #expect(calibration["examples"] as? Int == 12)
        #expect(calibration["date"] as? String == "2026-11-29")
        #expect(calibration["method"] is String)
        #expect(calibration["concordance"] is [String: Any])

        // By path and by name (the workspace's rubrics/ folder), with no warning.
        for rubric in [target, "partner-fit-calibrated"] {
            let score = CLI.run([
                "score", "--workspace", ws, "--as-of", "2026-11-29", "--rubric", rubric, "--format", "json",
            ])
            #expect(score.status == 0, "\(score.stderr)")
            #expect(score.stderr.isEmpty, "\(score.stderr)")
            let card = try #require(CLI.json(score) as? [String: Any])
            #expect(card["rubric"] as? String == "partner-fit-calibrated")
        }

        // Never over an existing file without --force; with it, replaced.
        let again = CLI.run(["calibrate", "--workspace", ws, "--as-of", "2026-11-29", "--write", target])
        #expect(again.status == 1)
        #expect(again.stderr.contains("--force"), "\(again.stderr)")
        #expect(s.read("ws/rubrics/partner-fit-calibrated.json") == written)
        let forced = CLI.run([
            "calibrate", "--workspace", ws, "--as-of", "2026-11-29", "--write", target, "--force",
        ])
        #expect(forced.status == 0, "\(forced.stderr)")
        let left = (try? FileManager.default.contentsOfDirectory(atPath: ws + "/rubrics")) ?? []
        #expect(left == ["partner-fit-calibrated.json"], "no temporary files left behind")
    }

    @Test func writeNeverGoesIntoTheToolkitsRubrics() {
        let name = "calibrate-test-\(UUID().uuidString).json"
        let path = CLI.repositoryRoot + "/Rubrics/" + name
        defer { try? FileManager.default.removeItem(atPath: path) }
        for target in [path, "Rubrics/" + name, "Rubrics/../Rubrics/" + name] {
            let r = CLI.run(["calibrate"] + Self.sample + ["--write", target, "--force"])
            #expect(r.status == 1)
            #expect(r.stderr.contains("will not write into the toolkit's own Rubrics/ folder"), "\(r.stderr)")
            #expect(!FileManager.default.fileExists(atPath: path))
        }
        // Nor over a shipped rubric, even with --force.
        let before = try? String(
            contentsOfFile: CLI.repositoryRoot + "/Rubrics/partner-fit.json", encoding: .utf8)
        let r = CLI.run(["calibrate"] + Self.sample + ["--write", "Rubrics/partner-fit.json", "--force"])
        #expect(r.status == 1)
        #expect(
            (try? String(contentsOfFile: CLI.repositoryRoot + "/Rubrics/partner-fit.json", encoding: .utf8))
                == before)
    }

    @Test func tooFewOutcomesSuggestNothingAndWriteNothing() throws {
        let s = Scratch()
        let ws = try Self.sampleCopy(
            in: s, keepingOutcomesOf: ["money-clinic", "author-talks", "vita-tax-sites"])
        let r = CLI.run(["calibrate", "--workspace", ws, "--as-of", "2026-11-29", "--format", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        let obj = try #require(CLI.json(r) as? [String: Any])
        #expect(obj["examples"] as? Int == 3)
        #expect(obj["enough_data"] as? Bool == false)
        let factors = try #require(obj["factors"] as? [[String: Any]])
        #expect(factors.count == 5)
        #expect(factors.allSatisfy { $0["suggested_weight"] is NSNull })
        let concordance = try #require(obj["concordance"] as? [String: Any])
        #expect(concordance["suggested"] is NSNull)

        let text = CLI.run(["calibrate", "--workspace", ws, "--as-of", "2026-11-29"])
        #expect(text.stdout.contains("Only 3 past partnerships have an outcome"))
        #expect(text.stdout.contains("at least 8"))

        let target = s.path + "/new.json"
        let w = CLI.run(["calibrate", "--workspace", ws, "--as-of", "2026-11-29", "--write", target])
        #expect(w.status == 1)
        #expect(w.stderr.contains("not written"), "\(w.stderr)")
        #expect(!FileManager.default.fileExists(atPath: target))
    }

    @Test func oneSidedOutcomesSuggestNothing() throws {
        let s = Scratch()
        let good: Set = [
            "ferry-book-club", "money-clinic", "family-literacy-nights", "newcomer-circles",
            "kindergarten-ready",
            "cooking-demos", "lunch-at-the-library", "health-literacy-fair", "vita-tax-sites",
        ]
        let ws = try Self.sampleCopy(in: s, keepingOutcomesOf: good)
        let r = CLI.run(["calibrate", "--workspace", ws, "--as-of", "2026-11-29", "--format", "json"])
        let obj = try #require(CLI.json(r) as? [String: Any])
        #expect(obj["examples"] as? Int == 9)
        #expect(obj["enough_data"] as? Bool == false)
        #expect((obj["factors"] as? [[String: Any]])?.allSatisfy { $0["suggested_weight"] is NSNull } == true)
        let text = CLI.run(["calibrate", "--workspace", ws, "--as-of", "2026-11-29"])
        #expect(text.stdout.contains("All 9 recorded outcomes went well"))
    }

    @Test func anUnknownOutcomeIsAnInputError() throws {
        let s = Scratch()
        let ws = try Self.sampleCopy(in: s)
        let file = ws + "/partnerships.json"
        let text = try String(contentsOfFile: file, encoding: .utf8)
        try text.replacingOccurrences(of: "\"outcome\": \"fizzled\"", with: "\"outcome\": \"fizzeld\"")
            .write(toFile: file, atomically: true, encoding: .utf8)
        for command in [["calibrate"], ["check"]] {
            let r = CLI.run(command + ["--workspace", ws, "--as-of", "2026-11-29"])
            #expect(r.status == 1)
            #expect(r.stderr.contains("outcome: error: \"fizzeld\" is not one of"), "\(r.stderr)")
            #expect(r.stderr.contains("did you mean \"fizzled\"?"), "\(r.stderr)")
        }
    }

    @Test func helpAndTheCommandList() {
        let h = CLI.run(["calibrate", "--help"])
        #expect(h.status == 0)
        #expect(h.stdout.contains("--write NEW.json"))
        #expect(CLI.run(["--help"]).stdout.contains("calibrate"))
        #expect(CLI.run(["calibrate", "--format", "csv"] + Self.sample).status == 2)
    }
}
