import Foundation
import PartnerKit
import Testing

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Every command end to end on the sample workspace: the contract's JSON keys and the rules
/// the output must keep (ordering, ranges, exit codes).
@Suite struct CommandsCLITests {
    static let sample = ["--workspace", "Data/sample", "--as-of", "2026-11-29"]

    static func json(_ args: [String]) throws -> [String: Any] {
        let r = CLI.run(args + sample + ["--format", "json"])
        #expect(r.status == 0, "\(args): \(r.stderr)")
        return try #require(CLI.json(r) as? [String: Any], "\(args): not JSON: \(r.stdout.prefix(200))")
    }

    @Test func scoreRanksWithDealbreakersLastAndExplains() throws {
        let obj = try Self.json(["score"])
        #expect(obj["rubric"] as? String == "partner-fit")
        #expect(obj["as_of"] as? String == "2026-11-29")
        let candidates = try #require(obj["candidates"] as? [[String: Any]])
        #expect(candidates.count == 58)
        var seenDealbreaker = false
        var previous: (Bool, Double, String)?
        for c in candidates {
            let score = try #require(c["score"] as? Double ?? (c["score"] as? Int).map(Double.init))
            #expect((0...100).contains(score))
            let confidence = try #require((c["confidence"] as? NSNumber)?.doubleValue)
            #expect((0...1).contains(confidence))
            let dims = try #require(c["dimensions"] as? [String: Any])
            #expect(
                Set(dims.keys) == [
                    "value_alignment", "shared_audience", "complementary_assets", "capacity", "relationship",
                ])
            for (_, v) in dims { #expect((0...1).contains((v as? NSNumber)?.doubleValue ?? -1)) }
            let flags = try #require(c["flags"] as? [String])
            let dealbreaker = flags.contains { $0.hasPrefix("dealbreaker:") }
            if seenDealbreaker { #expect(dealbreaker, "no candidate without a dealbreaker after one with") }
            seenDealbreaker = seenDealbreaker || dealbreaker
            #expect(!(c["reasons"] as? [String] ?? []).isEmpty)
            let id = try #require(c["id"] as? String)
            if let (pd, ps, pid) = previous, pd == dealbreaker {
                #expect(ps > score || (ps == score && pid < id), "ranked by score, ties by id")
            }
            previous = (dealbreaker, score, id)
        }
        #expect(
            candidates.last.flatMap { $0["flags"] as? [String] }?.contains { $0.hasPrefix("dealbreaker:") }
                == true)
    }

    @Test func scoreTopAndFormats() throws {
        let top = try Self.json(["score", "--top", "3"])
        #expect((top["candidates"] as? [Any])?.count == 3)
        let csv = CLI.run(["score", "--top", "3", "--format", "csv"] + Self.sample)
        #expect(csv.status == 0)
        #expect(csv.stdout.split(whereSeparator: \.isNewline).count == 4)
        let md = CLI.run(["score", "--top", "3", "--format", "markdown"] + Self.sample)
        #expect(md.stdout.contains("|"))
        let bad = CLI.run(["score", "--top", "zero"] + Self.sample)
        #expect(bad.status == 2)
    }

    @Test func customRubricErrorsNameTheFile() {
        let s = Scratch()
        s.write("bad.json", #"{"name": "bad", "description": "x", "weights": {"reach": 1, "capacity": -2}}"#)
        let r = CLI.run(["score", "--rubric", s.path + "/bad.json"] + Self.sample)
        #expect(r.status == 1)
        #expect(r.stderr.contains("bad.json: weights.reach: error:"))
        #expect(r.stderr.contains("bad.json: weights.capacity: error:"))
        let missing = CLI.run(["score", "--rubric", "no-such-rubric"] + Self.sample)
        #expect(missing.status == 1)
    }

    @Test func vetHasReadinessAndWarmPath() throws {
        let obj = try Self.json(["vet", "shipyards"])
        #expect(obj["id"] as? String == "shipyards")
        let readiness = try #require(obj["readiness"] as? [[String: Any]])
        #expect(readiness.allSatisfy { $0["check"] is String && $0["ok"] is Bool && $0["detail"] is String })
        let path = try #require(obj["warm_path"] as? [String: Any])
        let paths = try #require(path["paths"] as? [[String: Any]])
        #expect(!paths.isEmpty)
        #expect((paths.first?["nodes"] as? [String])?.last == "shipyards")
        let unknown = CLI.run(["vet", "harbor-c"] + Self.sample)
        #expect(unknown.status == 1)
        #expect(unknown.stderr.contains("harbor-cu"))
    }

    @Test func spectrumPlacesEveryPartnershipInRange() throws {
        let obj = try Self.json(["spectrum"])
        #expect(obj["spectrum"] as? String == "spectrum-iap2")
        let placements = try #require(obj["placements"] as? [[String: Any]])
        #expect(placements.count == 18)
        let kinds = Set(placements.compactMap { $0["kind"] as? String })
        #expect(kinds == ["partnership", "transaction", "promotion"])
        for p in placements {
            let position = try #require((p["position"] as? NSNumber)?.doubleValue)
            #expect((1...5).contains(position))
            let criteria = try #require(p["criteria"] as? [String: Bool])
            #expect(
                Set(criteria.keys) == [
                    "mutual_benefit", "mutual_contribution", "shared_goals", "shared_power", "aligned_values",
                    "clear_roles",
                ])
            #expect(p["readiness"] is [[String: Any]])
            #expect(p["next_steps"] is [String])
            #expect(p.keys.contains("edging_toward"))
        }
        let dessert = try Self.json(["spectrum", "--spectrum", "spectrum-dessert", "family-literacy-nights"])
        #expect((dessert["placements"] as? [[String: Any]])?.first?["level"] as? String == "empower")
        let unknown = CLI.run(["spectrum", "no-such-id"] + Self.sample)
        #expect(unknown.status == 1)
    }

    @Test func introductionsNeverPairTiedOrganizationsOrTheLibrary() throws {
        let obj = try Self.json(["introduce", "--top", "15"])
        let intros = try #require(obj["introductions"] as? [[String: Any]])
        #expect(!intros.isEmpty)
        // "Tied" as introductions mean it: organizations, each with its people folded in.
        let sample = WorkspaceLoader.load(
            directory: CLI.repositoryRoot + "/Data/sample",
            defaultVocabulary: CLI.repositoryRoot + "/Data/vocabulary.json")
        let graph = RelationshipGraph(workspace: try #require(sample.workspace), mergePeople: true)
        func tied(_ a: String, _ b: String) -> Bool {
            guard let u = graph.node(a), let v = graph.node(b) else { return false }
            return graph.areTied(u, v)
        }
        #expect(tied("hcpl", "harbor-cu"), "the check itself sees ties")
        var last = Double.infinity
        for i in intros {
            let a = try #require(i["a"] as? String), b = try #require(i["b"] as? String)
            #expect(a != "hcpl" && b != "hcpl")
            #expect(!tied(a, b), "\(a) and \(b) are already tied")
            #expect(!(i["via"] as? [String] ?? []).isEmpty, "someone can introduce them")
            #expect(!(i["reasons"] as? [String] ?? []).isEmpty)
            let score = try #require((i["score"] as? NSNumber)?.doubleValue)
            #expect(score <= last)
            last = score
        }
    }

    @Test func pathIsStrongestFirstAndUnreachableIsNotAnError() throws {
        let obj = try Self.json(["path", "shipyards", "--paths", "4"])
        #expect(obj["target"] as? String == "shipyards")
        let paths = try #require(obj["paths"] as? [[String: Any]])
        let strengths = paths.compactMap { ($0["strength"] as? NSNumber)?.doubleValue }
        #expect(strengths.count == paths.count && !strengths.isEmpty)
        #expect(strengths == strengths.sorted(by: >))
        #expect(strengths.allSatisfy { $0 > 0 && $0 <= 1 })
        for p in paths { #expect((p["nodes"] as? [String])?.first == "hcpl") }

        let isolated = try Self.json(["path", "ez-advance"])
        #expect((isolated["paths"] as? [Any])?.isEmpty == true)
        let unknown = CLI.run(["path", "nobody-at-all"] + Self.sample)
        #expect(unknown.status == 1)
    }

    @Test func networkLinksAreSortedAndMeasuresHaveTheKeys() throws {
        let links = try Self.json(["network", "links", "--measure", "adamic-adar", "--top", "25"])
        #expect(links["measure"] as? String == "adamic-adar")
        let list = try #require(links["links"] as? [[String: Any]])
        #expect(list.count == 25)
        var previous: (Double, String, String)?
        for l in list {
            let a = try #require(l["a"] as? String), b = try #require(l["b"] as? String)
            let v = try #require((l["value"] as? NSNumber)?.doubleValue)
            #expect(a < b)
            if let (pv, pa, pb) = previous { #expect(pv > v || (pv == v && (pa, pb) < (a, b))) }
            previous = (v, a, b)
        }
        let measures = try Self.json(["network", "measures"])
        let nodes = try #require(measures["nodes"] as? [[String: Any]])
        #expect(nodes.count == 89)
        #expect(
            nodes.allSatisfy {
                $0["id"] is String && $0["degree"] is Int && $0.keys.contains("constraint")
                    && $0.keys.contains("effective_size")
            })
        let isolated = nodes.first { $0["id"] as? String == "ez-advance" }
        #expect(isolated?["constraint"] is NSNull)
        let bad = CLI.run(["network", "links", "--measure", "katz"] + Self.sample)
        #expect(bad.status == 2)
    }

    @Test func graphMLExportParses() throws {
        let r = CLI.run(["network", "export", "--to", "graphml"] + Self.sample)
        #expect(r.status == 0)
        let parser = XMLParser(data: Data(r.stdout.utf8))
        #expect(parser.parse(), "GraphML must be well-formed XML")
        #expect(!r.stdout.contains("@example.org"))
        let withContacts = CLI.run(
            ["network", "export", "--to", "graphml", "--include-contacts"] + Self.sample)
        #expect(withContacts.stdout.contains("@example.org"))
    }

    /// CONTRACT: every command takes --format text|json|markdown.
    @Test func everyCommandTakesTheThreeFormats() {
        let s = Scratch()
        let runs: [[String]] = [
            ["check"], ["score", "--top", "2"], ["vet", "harbor-cu"], ["spectrum", "ferry-book-club"],
            ["introduce", "--top", "2"], ["path", "shipyards"], ["network"], ["review"],
        ]
        for format in ["text", "json", "markdown"] {
            for args in runs {
                let r = CLI.run(args + Self.sample + ["--format", format])
                #expect(r.status == 0, "\(args) --format \(format): \(r.stderr)")
                #expect(!r.stdout.isEmpty, "\(args) --format \(format) printed nothing")
                if format == "json" { #expect(CLI.json(r) != nil, "\(args): not JSON") }
            }
            let made = CLI.run(["init", s.path + "/ws-\(format)", "--format", format])
            #expect(made.status == 0, "init --format \(format): \(made.stderr)")
            if format == "json" { #expect((CLI.json(made) as? [String: Any])?["wrote"] is [String]) }
        }
    }

    @Test func everyCommandHasHelp() {
        for c in ["init", "check", "score", "vet", "spectrum", "introduce", "path", "network", "review"] {
            let r = CLI.run([c, "--help"])
            #expect(r.status == 0, "\(c) --help")
            #expect(r.stdout.contains("Usage: partnerkit \(c)"), "\(c) --help")
        }
    }
}
