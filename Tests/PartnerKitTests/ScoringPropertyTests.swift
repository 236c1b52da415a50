import Foundation
import PartnerKitSynthetic
import Testing

@testable import PartnerKit

@Suite struct ScoringPropertyTests {
    /// Adding one of the library's audiences to an organization's known audiences never lowers
    /// its score, whichever audience and whichever starting list.
    @Test(
        arguments: [["job-seekers"], ["families"], [], ["immigrants", "seniors"]],
        ["families", "immigrants", "job-seekers"])
    func addingASharedAudienceNeverLowersTheScore(start: [String], added: String) {
        var f = ScoringFixture()
        f.org(
            "a", topics: ["employment"], values: ["equity"], audiences: start, offers: [], needs: [],
            flags: [])
        f.org(
            "b", topics: ["employment"], values: ["equity"], audiences: start + [added], offers: [],
            needs: [], flags: [])
        let e = engine(f.workspace())
        #expect(e.evaluate(1).score >= e.evaluate(0).score)
        #expect(
            e.evaluate(1).values[Dimension.sharedAudience.index]
                >= e.evaluate(0).values[Dimension.sharedAudience.index])
    }

    /// More staff, budget or volunteers, or a quicker reply, never lowers capacity.
    @Test(arguments: [0.0, 0.5, 3, 40, 1_000])
    func moreCapacityNeverLowersCapacity(amount: Double) {
        var f = ScoringFixture()
        f.org("a", staff: amount, budget: amount * 1_000, volunteers: amount, replyDays: 30 / (1 + amount))
        f.org(
            "b", staff: amount + 1, budget: amount * 1_000 + 5_000, volunteers: amount + 2,
            replyDays: 30 / (2 + amount))
        let e = engine(f.workspace())
        let cap = Dimension.capacity.index
        #expect(e.evaluate(1).values[cap] > e.evaluate(0).values[cap])
        #expect((0...1).contains(e.evaluate(1).values[cap]))
    }

    /// An unknown input is never zero and never full marks.
    @Test func unknownsAreNeitherZeroNorFullMarks() {
        var f = ScoringFixture()
        f.org("blank")
        let e = engine(f.workspace())
        let ev = e.evaluate(0)
        for d in [Dimension.valueAlignment, .sharedAudience, .complementaryAssets, .capacity] {
            #expect(ev.values[d.index] > 0 && ev.values[d.index] < 1)
            #expect(ev.known[d.index] == 0)
        }
    }

    /// Knowing more inputs raises confidence; every unknown is named in the reasons.
    @Test(arguments: ["staff_fte", "annual_budget", "volunteers", "reply_days"])
    func unknownsLowerConfidence(field: String) {
        var f = ScoringFixture()
        f.baseline("full")
        f.baseline("gap")
        switch field {
        case "staff_fte": f.organizations[1].staffFTE = nil
        case "annual_budget": f.organizations[1].annualBudget = nil
        case "volunteers": f.organizations[1].volunteers = nil
        default: f.organizations[1].replyDays = nil
        }
        let e = engine(f.workspace())
        #expect(e.evaluate(1).confidence < e.evaluate(0).confidence)
        #expect(e.evaluate(0).confidence == 1)
        let c = e.explain(1)
        #expect(c.reasons.contains { $0.hasPrefix("confidence") && $0.contains("unknown") })
    }

    @Test func unknownTagListsLowerConfidence() {
        var f = ScoringFixture()
        f.baseline("full")
        f.org(
            "sparse", topics: ["employment"], values: ["equity"], flags: [], mission: "Career coaching.",
            staff: 4, budget: 200_000, volunteers: 10, replyDays: 5)
        let e = engine(f.workspace())
        #expect(e.evaluate(1).confidence < e.evaluate(0).confidence)
        #expect(e.missingInputs(1) == ["audiences", "what it offers", "what it needs"])
    }

    /// A candidate at least as good on every dimension and better on one ranks higher.
    @Test func betterOnEveryDimensionRanksHigher() {
        var f = ScoringFixture()
        f.org(
            "weak", topics: ["reading"], values: ["inclusion"], audiences: ["families"], offers: [],
            needs: ["meeting-space"], flags: [],
            mission: "Books.", staff: 1, budget: 10_000, volunteers: 2, replyDays: 20)
        f.org(
            "strong", topics: ["reading", "employment"], values: ["inclusion", "equity"],
            audiences: ["families", "job-seekers"],
            offers: ["financial-expertise"], needs: ["meeting-space"], flags: [],
            mission: "Career training and employment for families.", staff: 10, budget: 900_000,
            volunteers: 30, replyDays: 2)
        f.ties = [
            Tie(
                source: "library", target: "strong", kind: "partnered", strength: 3,
                lastContact: fixtureDay + (-30))
        ]
        let e = engine(f.workspace())
        let (w, s) = (e.evaluate(0), e.evaluate(1))
        for d in 0..<5 { #expect(s.values[d] >= w.values[d]) }
        #expect(e.rank() == [1, 0])
    }

    /// Dealbreakers rank below every candidate without one, whatever the scores.
    @Test func dealbreakersAlwaysLast() {
        var f = ScoringFixture()
        f.org(
            "excellent-but-sells-data", topics: ["employment", "reading"],
            values: ["equity", "inclusion", "privacy"],
            audiences: ["job-seekers", "families"], offers: ["financial-expertise", "workforce-expertise"],
            needs: ["meeting-space", "public-computers"], flags: ["sells-personal-data"], staff: 50,
            budget: 9e6,
            volunteers: 100, replyDays: 1)
        f.org("nothing-known")
        f.org("poor", topics: [], values: [], audiences: [], offers: [], needs: [], flags: [])
        let e = engine(f.workspace())
        #expect(e.evaluate(0).score > e.evaluate(1).score)
        let ranked = e.rank()
        #expect(ranked.last == 0)
        let card = e.score()
        #expect(card.candidates.last?.flags == ["dealbreaker:sells-personal-data"])
        #expect(card.candidates.dropLast().allSatisfy { !$0.hasDealbreaker })
    }

    /// A one-way exchange carries the `one-way` flag and scores below a two-way one.
    @Test func bothDirectionsBeatOne() {
        var f = ScoringFixture()
        f.org("one-way", offers: ["financial-expertise", "workforce-expertise"], needs: [])
        f.org("two-way", offers: ["financial-expertise"], needs: ["meeting-space"])
        let e = engine(f.workspace())
        let a = Dimension.complementaryAssets.index
        #expect(e.evaluate(1).values[a] > e.evaluate(0).values[a])
        #expect(e.explain(0).flags.contains("one-way"))
        #expect(!e.explain(1).flags.contains("one-way"))
    }

    /// Equal scores are ordered by id, so the ranking never depends on file order or threads.
    @Test func tiesBrokenById() {
        var f = ScoringFixture()
        for id in ["delta", "alpha", "charlie", "bravo"] { f.baseline(id) }
        let e = engine(f.workspace())
        #expect(e.score().candidates.map(\.id) == ["alpha", "bravo", "charlie", "delta"])
        #expect(e.score(top: 2).candidates.map(\.id) == ["alpha", "bravo"])
    }

    /// The parallel, heap-based top-k equals a full sort, on enough organizations to use
    /// several chunks.
    @Test(arguments: [1, 7, 100, 5_000])
    func topKMatchesAFullSort(k: Int) {
        var f = ScoringFixture()
        let topics = ["employment", "reading", "career-training", "gardening"]
        let audiences = ["job-seekers", "families", "immigrants", "seniors"]
        for i in 0..<20_000 {
            f.org(
                "org-\(i)", topics: [topics[i % 4]], values: i % 3 == 0 ? ["equity"] : [],
                audiences: [audiences[(i / 4) % 4]],
                offers: i % 5 == 0 ? ["financial-expertise"] : [], needs: i % 7 == 0 ? ["meeting-space"] : [],
                flags: i % 97 == 0 ? ["sells-personal-data"] : [], staff: Double(i % 13),
                replyDays: Double(i % 11))
        }
        let e = engine(f.workspace())
        let all = (0..<20_000).map { ($0, e.evaluate($0)) }.sorted { a, b in
            ranksBefore(
                dealbreakerA: a.1.dealbreaker, scoreA: a.1.score, idA: f.organizations[a.0].id,
                dealbreakerB: b.1.dealbreaker, scoreB: b.1.score, idB: f.organizations[b.0].id)
        }
        #expect(e.rank(top: k) == Array(all.prefix(k).map(\.0)))
    }

    /// The relationship credit falls with time since last contact, and an org's people count.
    @Test func relationshipDecaysWithTime() {
        var f = ScoringFixture()
        f.baseline("recent")
        f.baseline("old")
        f.people = [Person(id: "pat", name: "Pat", organization: "old", role: "Director", email: "pat@x.org")]
        f.ties = [
            Tie(source: "library", target: "recent", strength: 3, lastContact: fixtureDay + (-10)),
            Tie(source: "pat", target: "library", strength: 3, lastContact: fixtureDay + (-400)),
        ]
        let e = engine(f.workspace())
        let r = Dimension.relationship.index
        #expect(e.evaluate(0).values[r] > e.evaluate(1).values[r])
        #expect(e.evaluate(1).values[r] > 0)
        let reason = e.explain(1).dimension(.relationship).reasons.joined()
        #expect(reason.contains("Pat (Director"))
        #expect(!reason.contains("pat@x.org"))
    }

    /// Without a direct tie the warm-path hook gives a discounted credit.
    @Test func warmPathHookGivesWeakerCredit() {
        var f = ScoringFixture()
        f.baseline("stranger")
        var e = engine(f.workspace())
        #expect(e.evaluate(0).values[Dimension.relationship.index] == 0)
        e.warmPathStrength = { _ in 0.6 }
        #expect(abs(e.evaluate(0).values[Dimension.relationship.index] - 0.3) < 1e-12)
        #expect(e.evaluate(0).viaWarmPath)
    }

    /// The mission-text part names the words it matched.
    @Test func missionWordsAreNamed() {
        var f = ScoringFixture()
        f.org("m", mission: "We run careers fairs and job training — employers’ favourite.")
        let e = engine(f.workspace())
        let text = e.explain(0).dimension(.valueAlignment).reasons.joined(separator: " ")
        #expect(text.contains("“career"))
        #expect(text.contains("training"))
        #expect(
            e.evaluate(0).values[Dimension.valueAlignment.index]
                > engine(
                    {
                        var g = ScoringFixture(); g.org("m", mission: "Boats."); return g.workspace()
                    }()
                ).evaluate(0).values[0])
    }

    @Test func tokenizerFoldsCaseAndSuffixes() {
        #expect(
            MissionTokenizer.tokens("Careers, TRAINING & libraries’ Families!") == [
                "career", "train", "library", "family",
            ])
        #expect(MissionTokenizer.tokens("") == [])
    }

    /// The bit-set test for word bytes is the plain definition: ASCII letters and digits, and
    /// every byte of a multi-byte character.
    @Test func wordBytesAreLettersDigitsAndNonASCII() {
        for v in 0...255 {
            let b = UInt8(v)
            let plain = (b >= 48 && b <= 57) || (b >= 65 && b <= 90) || (b >= 97 && b <= 122) || b >= 0x80
            #expect(MissionTokenizer.isWordByte(b) == plain, "\(v)")
        }
        #expect(MissionTokenizer.tokens("a–b x—y 7th “Quoted” don't") == ["7th", "quot", "don"])
    }

    /// The tokenizer finds the tokens the plain definition finds (written here as simply as
    /// possible), on text mixing ASCII, General Punctuation, other UTF-8, stray high
    /// bytes and control bytes that case folding would turn into digits.
    @Test func tokensMatchTheByteAtATimeDefinition() {
        func reference(_ bytes: [UInt8]) -> [[Int]] {
            func word(_ b: UInt8) -> Bool { (b >= 48 && b <= 57) || ((b | 0x20) >= 97 && (b | 0x20) <= 122) }
            func punctuation(_ i: Int) -> Bool {
                bytes[i] == 0xE2 && i + 1 < bytes.count && (bytes[i + 1] == 0x80 || bytes[i + 1] == 0x81)
            }
            var out: [[Int]] = []
            var i = 0
            let n = bytes.count
            while i < n {
                while i < n {
                    if bytes[i] < 0x80 {
                        if word(bytes[i]) { break }
                        i += 1
                    } else if punctuation(i) {
                        i += 3
                    } else {
                        break
                    }
                }
                guard i < n else { break }
                let start = i
                while i < n && (bytes[i] < 0x80 ? word(bytes[i]) : !punctuation(i)) { i += 1 }
                var end = i
                var y = 0
                let lower = bytes[start..<end].map { $0 >= 65 && $0 <= 90 ? $0 | 0x20 : $0 }
                let len = end - start
                if len >= 4, lower.suffix(3) == Array("ies".utf8)[...] {
                    end -= 3
                    y = 1
                } else if len >= 5, lower.suffix(3) == Array("ing".utf8)[...] {
                    end -= 3
                } else if len >= 5, lower.suffix(2) == Array("ed".utf8)[...] {
                    end -= 2
                } else if len >= 4, lower.last == 0x73, lower[len - 2] != 0x73 {
                    end -= 1
                }
                if len > 1 { out.append([start, end, y]) }
            }
            return out
        }
        let pieces: [[UInt8]] = [
            Array("Families".utf8), Array("training".utf8), Array("TRAINED".utf8), Array("class".utf8),
            Array("ab".utf8), Array("7th".utf8), Array("x".utf8), Array(" ".utf8), Array(", ".utf8),
            Array("'s".utf8), Array("Intergenerational".utf8), [0xE2, 0x80, 0x94], [0xE2, 0x81, 0x41],
            [0xC3, 0xA9], [0xF0, 0x9F, 0x98, 0x80], [0xE2], [0xE2, 0x80], [0xFF], [0x10], [0x19], [0x1F],
            [0x40], [0x5B], [0x60], [0x7B], Array("0189".utf8), Array("\n".utf8),
        ]
        var rng = SeededGenerator(seed: 37)
        for round in 0..<800 {
            var bytes: [UInt8] = []
            for _ in 0..<Int(rng.next() % 30) { bytes += pieces[Int(rng.next() % UInt64(pieces.count))] }
            var got: [[Int]] = []
            bytes.withUnsafeBufferPointer { b in
                MissionTokenizer.forEachToken(b) { s, e, y in got.append([s, e, y ? 1 : 0]) }
            }
            #expect(got == reference(bytes), "round \(round): \(bytes)")
        }
    }

    /// The packed-word lookup finds exactly the query terms among the text's tokens: short and
    /// long terms (over sixteen bytes), `-ies` → `-y`, any case, non-ASCII, tokens at the very
    /// end of the text (where fewer than eight bytes are left to load).
    @Test func missionMatchesAreTheTokensThatAreTerms() {
        var tags = TagTable()
        let library = LibraryProfile(
            id: "library", name: "Test Library",
            priorities: [
                .init(id: "a", label: "Intergenerational entrepreneurship", weight: 3),
                .init(
                    id: "b", label: "Families and libraries", weight: 2,
                    topics: [tags.intern("digital-literacy")]),
                .init(id: "c", label: "Café counselling, internationalization", weight: 1),
                .init(id: "d", label: "Job skills 4 teens", weight: 1),
            ])
        let query = MissionQuery(library: library, tags: tags)
        #expect(query.terms.contains("intergenerational") && query.terms.contains("internationalization"))
        let pool = [
            "Intergenerational", "INTERGENERATIONALS", "intergenerationally", "entrepreneurship",
            "entrepreneurships", "families", "Family", "librarIES", "library", "digital", "literacy",
            "café", "CAFÉ", "counselling", "internationalization", "internationalizations", "job",
            "jobs", "skills", "skill", "teens", "4", "the", "famil", "x", "a—b", "“teens”",
            "internationalizatio", "cafés",
        ]
        var rng = SeededGenerator(seed: 29)
        let separators = [" ", ", ", ". ", "—", "-", "\n", "'s "]
        for _ in 0..<500 {
            var text = ""
            for _ in 0..<Int(rng.next() % 8) {
                text += pool[Int(rng.next() % UInt64(pool.count))]
                text += separators[Int(rng.next() % UInt64(separators.count))]
            }
            if rng.next() % 2 == 0 { text += pool[Int(rng.next() % UInt64(pool.count))] }
            var naive: UInt64 = 0
            for token in MissionTokenizer.tokens(text) {
                if let k = query.terms.firstIndex(of: token) { naive |= 1 << UInt64(k) }
            }
            #expect(query.matches(text) == naive, "\(text)")
        }
    }

    /// Below a rubric minimum raises `below-minimum:DIMENSION`.
    @Test func minimumsRaiseFlags() {
        var f = ScoringFixture()
        f.baseline("no-tie")
        let rubric = Rubric(
            name: "t", weights: [.relationship: 1, .capacity: 1], minimums: [.relationship: 0.2])
        let c = engine(f.workspace(), rubric).explain(0)
        #expect(c.flags == ["below-minimum:relationship"])
    }

    /// The pairwise fit used by introductions: complementary both ways beats one way.
    @Test func pairFitRewardsMutualBenefit() {
        var f = ScoringFixture()
        f.org("cu", audiences: ["job-seekers"], offers: ["financial-expertise"], needs: ["reach-job-seekers"])
        f.org(
            "council", audiences: ["job-seekers"], offers: ["reach-job-seekers"],
            needs: ["financial-expertise"])
        f.org("shop", audiences: ["tourists"], offers: [], needs: ["financial-expertise"])
        let w = f.workspace()
        let good = ScoringEngine.fit(w, between: 0, and: 1)
        let oneWay = ScoringEngine.fit(w, between: 0, and: 2)
        #expect(good.value > oneWay.value)
        #expect((0...1).contains(good.value))
        #expect(good.reasons.contains { $0.contains("financial expertise") })
        #expect(oneWay.reasons.contains { $0.hasPrefix("one-way") })
        #expect(ScoringEngine.fit(w, between: 1, and: 0).value == good.value)
    }

    /// The same input gives byte-identical output in every format.
    @Test func sameInputSameBytes() {
        func render() -> [String] {
            var f = ScoringFixture()
            for i in 0..<3_000 { f.baseline("org-\(i % 50)-\(i)") }
            f.org("x", topics: ["reading"], mission: "Reading for families", volunteers: 12)
            let card = engine(f.workspace()).score(top: 25)
            return [
                ScoreRendering.json(card).serialized(), ScoreRendering.text(card),
                ScoreRendering.markdown(card),
                ScoreRendering.csv(card),
            ]
        }
        #expect(render() == render())
    }

    @Test func csvNeutralisesFormulas() {
        #expect(ScoreRendering.csvCell("=SUM(A1)") == "'=SUM(A1)")
        #expect(ScoreRendering.csvCell("-2+3") == "'-2+3")
        #expect(ScoreRendering.csvCell("@x") == "'@x")
        #expect(ScoreRendering.csvCell("a,b") == "\"a,b\"")
        #expect(ScoreRendering.csvCell("plain") == "plain")
    }
}

/// Explanations must not depend on what the rubric happened to precompute.
@Suite struct ScoringExplanationTests {
    @Test func missionMatchesAreExplainedEvenWhenTheRubricDoesNotWeighThem() throws {
        var f = ScoringFixture()
        f.org("coach", topics: ["employment"], mission: "Workforce development and career coaching.")
        let w = f.workspace()
        let capacityOnly = Rubric(name: "capacity-only", weights: [.capacity: 1])
        for rubric in [Rubric.partnerFit, capacityOnly] {
            let c = try #require(engine(w, rubric).candidate("coach"))
            let reasons = c.dimension(.valueAlignment).reasons.joined(separator: " | ")
            #expect(reasons.contains("its mission matches the words"), "\(rubric.name): \(reasons)")
            #expect(!reasons.contains("does not use the words"), "\(rubric.name): \(reasons)")
        }
    }
}
