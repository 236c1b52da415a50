import Foundation
import PartnerKitSynthetic
import Testing

@testable import PartnerKit

/// Invariants of every engine over random valid workspaces (seeded, so a failure names the seed
/// that reproduces it): scores 0–100, dimensions and confidence 0–1, spectrum positions 1–5,
/// path strengths in (0, 1], no NaN anywhere, introductions never between tied organizations,
/// and the same input giving the same result.
@Suite struct PropertyTests {
    static let asOf = Day(year: 2026, month: 11, day: 29) ?? Day(ordinal: 0)
    static let seeds: [UInt64] = Array(1...20)

    /// Tags the generator draws from (a few not in the vocabulary, which are only warnings).
    static let topics = [
        "employment", "career-training", "reading", "financial-literacy", "health", "arts", "made-up-topic",
    ]
    static let values = ["equity", "inclusion", "privacy", "lifelong-learning", "community", "odd-value"]
    static let audiences = ["job-seekers", "immigrants", "families", "seniors", "teens", "commuters"]
    static let assets = [
        "meeting-space", "public-computers", "financial-expertise", "workforce-expertise", "volunteers",
        "funding",
    ]
    static let flags = ["sells-personal-data", "political-campaigning"]

    /// A random valid workspace as files. Ids use several scripts and punctuation; numbers
    /// include zero, fractions and very large values; cells are often empty (unknown).
    static func randomWorkspace(seed: UInt64) -> [String: [UInt8]] {
        var rng = SeededGenerator(seed: seed)
        func chance(_ p: Double) -> Bool { Double(rng.below(1_000_000)) / 1_000_000 < p }
        func pick(_ from: [String], max: Int) -> [String] {
            var out: [String] = []
            for _ in 0..<rng.below(max + 1) {
                let t = from[rng.below(from.count)]
                if !out.contains(t) { out.append(t) }
            }
            return out
        }
        func json(_ list: [String]) -> String { "[" + list.map { "\"\($0)\"" }.joined(separator: ",") + "]" }
        func number() -> String {
            switch rng.below(7) {
            case 0: ""
            case 1: "0"
            case 2: "\(rng.below(10)).5"
            case 3: "1e9"
            case 4: "1e300"
            default: "\(rng.below(500))"
            }
        }
        func day() -> String {
            let d = asOf + (-rng.below(1500) + 30)
            return d.description
        }

        let prefixes = ["org", "Bücherei", "組織", "o.r-g", "Ωmega", "x"]
        let orgCount = 2 + rng.below(30)
        let orgIDs = (0..<orgCount).map { "\(prefixes[rng.below(prefixes.count)])-\($0)" }
        let personIDs = (0..<rng.below(15)).map { "person-\($0)" }

        var priorities: [String] = []
        for k in 0..<(1 + rng.below(3)) {
            priorities.append(
                #"{"id":"p\#(k)","label":"P\#(k)","weight":\#(1 + rng.below(3)),"topics":\#(json(pick(topics, max: 3)))}"#
            )
        }
        let audienceItems = pick(audiences, max: 3).map { #"{"tag":"\#($0)","weight":\#(1 + rng.below(3))}"# }
        let library = """
            {"id":"lib","name":"Random Library","priorities":[\(priorities.joined(separator: ","))],
             "values":\(json(pick(values, max: 4))),"audiences":[\(audienceItems.joined(separator: ","))],
             "offers":\(json(pick(assets, max: 3))),"needs":\(json(pick(assets, max: 3))),
             "dealbreakers":\(json(chance(0.5) ? ["sells-personal-data"] : []))}
            """

        var orgs =
            "id,name,sector,mission,topics,values,audiences,offers,needs,flags,staff_fte,annual_budget,volunteers,reply_days\n"
        let sectors = ["nonprofit", "business", "government", "", "education"]
        let words = ["jobs", "reading", "families", "money", "health", "training", "arts", "community"]
        for id in orgIDs {
            let mission = (0..<rng.below(12)).map { _ in words[rng.below(words.count)] }.joined(
                separator: " ")
            let cells = [
                id, "Name of \(id)", sectors[rng.below(sectors.count)], "\"\(mission)\"",
                pick(topics, max: 3).joined(separator: ";"), pick(values, max: 3).joined(separator: ";"),
                pick(audiences, max: 3).joined(separator: ";"), pick(assets, max: 3).joined(separator: ";"),
                pick(assets, max: 3).joined(separator: ";"),
                chance(0.15) ? flags[rng.below(flags.count)] : "",
                number(), number(), number(), number(),
            ]
            orgs += cells.joined(separator: ",") + "\n"
        }
        var people = "id,name,organization,role,email,phone\n"
        for id in personIDs {
            let org = chance(0.8) ? orgIDs[rng.below(orgIDs.count)] : ""
            people += "\(id),Person \(id),\(org),Role,\(id)@example.org,555-01\(rng.below(90) + 10)\n"
        }
        let nodes = ["lib"] + orgIDs + personIDs
        var ties = "source,target,kind,strength,last_contact,note\n"
        var seen = Set<String>()
        for _ in 0..<rng.below(nodes.count * 2 + 1) {
            let a = nodes[rng.below(nodes.count)], b = nodes[rng.below(nodes.count)]
            if a == b || !seen.insert(min(a, b) + "\u{1}" + max(a, b)).inserted { continue }
            let strength = chance(0.1) ? "" : ["0.5", "1", "2", "3", "4", "6", "1e308"][rng.below(7)]
            ties += "\(a),\(b),knows,\(strength),\(chance(0.2) ? "" : day()),\n"
        }
        var partnerships: [String] = []
        let statuses = ["proposed", "active", "paused", "ended"]
        let initiators = ["library", "partner", "joint"]
        let decisions = ["library", "shared", "partner"]
        let inputs = ["none", "feedback", "ongoing"]
        for k in 0..<rng.below(6) {
            let partners = pick(orgIDs, max: 2)
            guard let first = partners.first else { continue }
            var fields = [
                #""id":"pp\#(k)""#, #""title":"Partnership \#(k)""#, #""partners":\#(json(partners))"#,
                #""status":"\#(statuses[rng.below(4)])""#,
            ]
            if chance(0.7) { fields.append(#""initiated_by":"\#(initiators[rng.below(3)])""#) }
            if chance(0.7) { fields.append(#""decisions":"\#(decisions[rng.below(3)])""#) }
            if chance(0.7) { fields.append(#""partner_input":"\#(inputs[rng.below(3)])""#) }
            if chance(0.5) { fields.append(#""co_designed":\#(chance(0.5))"#) }
            if chance(0.5) {
                let huge = chance(0.2) ? "1e300" : "\(rng.below(5000))"
                fields.append(#""library_pays":\#(huge),"partner_pays":\#(rng.below(5000))"#)
            }
            if chance(0.5) {
                fields.append(
                    #""contributions":[{"party":"library","kind":"staff","what":"x"},{"party":"\#(first)","kind":"space","what":"y"}]"#
                )
            }
            if chance(0.5) {
                fields.append(
                    #""goals":[{"text":"g","metric":"m","target":10,"due":"\#(day())","priority":"p0"}]"#)
            }
            if chance(0.5) { fields.append(#""communication":{"cadence_days":30,"log":["\#(day())"]}"#) }
            if chance(0.5) { fields.append(#""description":"We co-design and share decisions together.""#) }
            partnerships.append("{" + fields.joined(separator: ",") + "}")
        }
        return [
            "library.json": Array(library.utf8), "organizations.csv": Array(orgs.utf8),
            "people.csv": Array(people.utf8),
            "relationships.csv": Array(ties.utf8),
            "partnerships.json": Array(#"{"partnerships":[\#(partnerships.joined(separator: ","))]}"#.utf8),
            "vocabulary.json": Synthetic.vocabularyJSON(),
        ]
    }

    static func load(seed: UInt64) throws -> Workspace {
        let result = WorkspaceLoader.load(files: randomWorkspace(seed: seed))
        let errors = result.diagnostics.filter { $0.severity == .error }.map(\.formatted)
        #expect(errors.isEmpty, "seed \(seed): the generator made an invalid workspace: \(errors)")
        return try #require(result.workspace)
    }

    static let scoringRubrics: [Rubric] = ["partner-fit", "grant-partner"].compactMap {
        RubricReader.load(path: repositoryRoot + "/Rubrics/\($0).json", sink: DiagnosticSink())
    }
    static let spectra: [SpectrumRubric] = ["spectrum-iap2", "spectrum-dessert"].compactMap { name in
        let bytes =
            (try? Data(contentsOf: URL(fileURLWithPath: repositoryRoot + "/Rubrics/\(name).json"))) ?? Data()
        return SpectrumRubric.read(bytes: [UInt8](bytes), file: name).rubric
    }

    static func inUnit(_ x: Double) -> Bool { x.isFinite && x >= 0 && x <= 1 }

    /// No "inf" or "NaN" shows in text meant for people (a word, not a part of "financial").
    static func readable(_ texts: [String]) -> Bool {
        texts.allSatisfy { text in
            !text.split(whereSeparator: { !$0.isLetter }).contains {
                ["inf", "nan", "infinity"].contains($0.lowercased())
            }
        }
    }

    func checkCandidate(_ c: Candidate, _ context: String) {
        #expect(
            Self.readable(c.reasons + c.dimensions.flatMap(\.reasons)), "\(context) \(c.id): \(c.reasons)")
        #expect(c.score.isFinite && c.score >= 0 && c.score <= 100, "\(context) \(c.id): score \(c.score)")
        #expect(Self.inUnit(c.confidence), "\(context) \(c.id): confidence \(c.confidence)")
        for d in c.dimensions {
            #expect(Self.inUnit(d.value), "\(context) \(c.id): \(d.dimension) = \(d.value)")
            #expect(Self.inUnit(d.known), "\(context) \(c.id): \(d.dimension) known = \(d.known)")
        }
    }

    @Test(arguments: seeds)
    func scoringAndVettingStayInRange(seed: UInt64) throws {
        let w = try Self.load(seed: seed)
        #expect(Self.scoringRubrics.count == 2)
        for rubric in Self.scoringRubrics {
            let engine = ScoringEngine(workspace: w, rubric: rubric, asOf: Self.asOf)
            let card = engine.score()
            #expect(card.candidates.count == w.organizations.count)
            for c in card.candidates { checkCandidate(c, "seed \(seed) \(rubric.name)") }
            // Ranked: every candidate without a dealbreaker first, each group by score descending.
            for (x, y) in zip(card.candidates, card.candidates.dropFirst()) {
                #expect(
                    !x.hasDealbreaker || y.hasDealbreaker, "seed \(seed): dealbreaker ranked above \(y.id)")
                if x.hasDealbreaker == y.hasDealbreaker {
                    #expect(x.score >= y.score, "seed \(seed): \(x.id) \(x.score) above \(y.id) \(y.score)")
                }
            }
            // Top-k is a prefix of the full ranking; the same input gives the same card.
            #expect(engine.score(top: 3).candidates == Array(card.candidates.prefix(3)))
            #expect(ScoringEngine(workspace: w, rubric: rubric, asOf: Self.asOf).score() == card)
            for o in w.organizations {
                let v = try #require(engine.vet(o.id))
                checkCandidate(v.candidate, "seed \(seed) vet")
                for t in v.ties {
                    #expect(
                        t.credit.isFinite && t.credit >= 0, "seed \(seed) vet \(o.id): tie credit \(t.credit)"
                    )
                    #expect(t.strength.isFinite)
                }
            }
        }
    }

    @Test(arguments: seeds)
    func spectrumPlacementsStayOnTheScale(seed: UInt64) throws {
        let w = try Self.load(seed: seed)
        #expect(Self.spectra.count == 2)
        for rubric in Self.spectra {
            let placements = SpectrumEngine.place(
                w.partnerships, workspace: w, rubric: rubric, asOf: Self.asOf)
            #expect(placements.count == w.partnerships.count)
            for p in placements {
                #expect(
                    p.position.isFinite && p.position >= 1 && p.position <= 5,
                    "seed \(seed) \(p.id): \(p.position)")
                #expect(Self.inUnit(p.confidence), "seed \(seed) \(p.id): confidence \(p.confidence)")
                #expect(rubric.level(p.level) != nil, "seed \(seed) \(p.id): level \(p.level)")
                if let e = p.edgingToward { #expect(rubric.level(e) != nil && e != p.level) }
                for s in p.signals { #expect(s.weight.isFinite) }
                #expect(Self.readable(p.reasons + p.nextSteps), "seed \(seed) \(p.id): \(p.reasons)")
            }
            #expect(
                SpectrumEngine.place(w.partnerships, workspace: w, rubric: rubric, asOf: Self.asOf)
                    == placements)
        }
    }

    @Test(arguments: seeds)
    func introductionsNeverPairTiedOrganizations(seed: UInt64) throws {
        let w = try Self.load(seed: seed)
        let merged = RelationshipGraph(workspace: w, mergePeople: true)
        let introductions = Introductions.suggest(w, options: IntroductionOptions(top: 1_000))
        for i in introductions {
            let context = "seed \(seed): \(i.a) – \(i.b)"
            #expect(i.a != i.b, "\(context)")
            #expect(w.organization(i.a) != nil && w.organization(i.b) != nil, "\(context): not organizations")
            let (a, b) = (try #require(merged.node(i.a)), try #require(merged.node(i.b)))
            #expect(!merged.areTied(a, b), "\(context): already tied")
            for x in [i.score, i.fit, i.proximity, i.adamicAdar, i.trust] {
                #expect(x.isFinite && x >= 0, "\(context): \(x)")
            }
            #expect(Self.inUnit(i.trust) && Self.inUnit(i.fit), "\(context): trust \(i.trust) fit \(i.fit)")
        }
        for (x, y) in zip(introductions, introductions.dropFirst()) { #expect(x.score >= y.score) }
        #expect(Introductions.suggest(w, options: IntroductionOptions(top: 1_000)) == introductions)
        for o in w.organizations {
            for i in Introductions.suggest(w, options: IntroductionOptions(top: 5, forID: o.id)) {
                #expect(i.a == o.id || i.b == o.id)
                if let a = merged.node(i.a), let b = merged.node(i.b) { #expect(!merged.areTied(a, b)) }
            }
        }
    }

    @Test(arguments: seeds)
    func warmPathsHaveStrengthInTheUnitInterval(seed: UInt64) throws {
        let w = try Self.load(seed: seed)
        let g = RelationshipGraph(workspace: w)
        for target in 1..<g.nodeCount {
            let paths = g.warmPaths(from: 0, to: target, asOf: Self.asOf, options: WarmPathOptions(paths: 3))
            for p in paths {
                let context = "seed \(seed) → \(g.ids[target])"
                #expect(
                    p.strength.isFinite && p.strength > 0 && p.strength <= 1,
                    "\(context): strength \(p.strength)")
                #expect(p.tieStrength > 0 && p.tieStrength <= 1, "\(context): tie strength \(p.tieStrength)")
                #expect(p.nodes.first == 0 && p.nodes.last == target, "\(context): \(p.nodes)")
                #expect(Set(p.nodes).count == p.nodes.count, "\(context): a loop \(p.nodes)")
                #expect(p.ties.count == p.nodes.count - 1)
            }
            for (x, y) in zip(paths, paths.dropFirst()) { #expect(x.strength >= y.strength) }
            #expect(
                g.warmPaths(from: 0, to: target, asOf: Self.asOf, options: WarmPathOptions(paths: 3)) == paths
            )
        }
    }

    @Test(arguments: seeds)
    func networkMeasuresAndSummaryAreFinite(seed: UInt64) throws {
        let w = try Self.load(seed: seed)
        let g = RelationshipGraph(workspace: w)
        for weighted in [false, true] {
            let b = g.brokerage(weighted: weighted)
            #expect(b.count == g.nodeCount)
            for (v, m) in b.enumerated() {
                #expect(m.degree == g.degree(v))
                if let c = m.constraint {
                    #expect(c.isFinite && c >= 0, "seed \(seed) \(g.ids[v]): constraint \(c)")
                }
                if let e = m.effectiveSize {
                    #expect(
                        e.isFinite && e <= Double(m.degree) + 1e-9,
                        "seed \(seed) \(g.ids[v]): effective size \(e)")
                }
                #expect((m.constraint == nil) == (m.degree == 0))
            }
            #expect(g.brokerage(weighted: weighted) == b)
        }
        for measure in LinkMeasure.allCases {
            let links = g.links(measure, top: nil)
            for l in links {
                #expect(l.value.isFinite && l.value >= 0, "seed \(seed) \(measure): \(l.value)")
                #expect(g.ids[l.a] < g.ids[l.b] && !g.areTied(l.a, l.b))
            }
            #expect(g.links(measure, top: nil) == links)
        }
        let s = NetworkSummary(workspace: w, asOf: Self.asOf)
        #expect(Self.inUnit(s.density), "seed \(seed): density \(s.density)")
        #expect(s.components >= 1 && s.largestComponent <= s.nodes)
        #expect(s.nodes == g.nodeCount)
        for t in s.staleTies {
            #expect(t.daysSince > s.staleDays && t.strength >= 3, "seed \(seed): \(t)")
            #expect(Self.asOf - t.lastContact == t.daysSince)
        }
        #expect(s.staleTies.map(\.lastContact) == s.staleTies.map(\.lastContact).sorted(), "oldest first")
        for b in s.brokers + [s.library] {
            if let c = b.constraint { #expect(c.isFinite) }
            if let e = b.effectiveSize { #expect(e.isFinite) }
        }
    }
}

extension PropertyTests {
    /// The generator is worth its name: over the seeds it produces introductions, warm paths,
    /// partnerships, people, dealbreakers and empty cells, so the properties above are not
    /// vacuously true.
    @Test func generatorExercisesEveryEngine() throws {
        var introductions = 0, paths = 0, partnerships = 0, people = 0, dealbreakers = 0
        for seed in Self.seeds {
            let w = try Self.load(seed: seed)
            introductions += Introductions.suggest(w).count
            let g = RelationshipGraph(workspace: w)
            for t in 1..<g.nodeCount { paths += g.warmPaths(from: 0, to: t, asOf: Self.asOf).count }
            partnerships += w.partnerships.count
            people += w.people.count
            if let rubric = Self.scoringRubrics.first {
                let card = ScoringEngine(workspace: w, rubric: rubric, asOf: Self.asOf).score()
                dealbreakers += card.candidates.filter(\.hasDealbreaker).count
            }
        }
        #expect(introductions > 10, "\(introductions)")
        #expect(paths > 50, "\(paths)")
        #expect(partnerships > 10, "\(partnerships)")
        #expect(people > 20, "\(people)")
        #expect(dealbreakers > 0)
    }
}
