import Foundation
import Testing

@testable import PartnerKit

/// A small workspace: the library, six organizations, three people, a few ties.
func networkTestWorkspace(random seed: UInt64? = nil) -> Workspace {
    var tags = TagTable()
    func t(_ names: [String]) -> [UInt32] { names.map { tags.intern($0) } }
    func org(
        _ id: String, _ name: String, aud: [String], offers: [String], needs: [String], topics: [String] = [],
        values: [String] = []
    ) -> Organization {
        Organization(
            id: id, name: name,
            tags: TagLists([
                .audiences: t(aud), .offers: t(offers), .needs: t(needs), .topics: t(topics),
                .values: t(values),
            ]))
    }
    let orgs = [
        org(
            "harbor-cu", "Harbor Credit Union", aud: ["job-seekers", "families"],
            offers: ["financial-expertise"], needs: ["meeting-space"], topics: ["employment"],
            values: ["equity"]),
        org(
            "eastside-jobs", "Eastside Jobs", aud: ["job-seekers"], offers: ["workforce-expertise"],
            needs: ["financial-expertise"], topics: ["employment"], values: ["equity"]),
        org("ferries", "Harbor Ferries", aud: ["commuters"], offers: ["reach-commuters"], needs: []),
        org(
            "literacy-now", "Literacy Now", aud: ["families"], offers: ["volunteers"],
            needs: ["meeting-space"]),
        org(
            "food-bank", "Eastside Food Bank", aud: ["families", "immigrants"], offers: ["service"],
            needs: ["volunteers"]),
        org("makers", "Makers Guild", aud: ["youth"], offers: ["equipment"], needs: ["meeting-space"]),
    ]
    let people = [
        Person(
            id: "maria", name: "Maria Lopez", organization: "eastside-jobs", role: "Program director",
            email: "maria@eastside.example", phone: "555-0101"),
        Person(
            id: "tom", name: "Tom Reyes", organization: "harbor-cu", role: "Community relations",
            email: "tom@harbor.example", phone: "555-0102"),
        Person(
            id: "ana", name: "Ana <Kim> & \"Co\"", organization: "ferries", role: "Marketing lead",
            email: "ana@ferries.example"),
    ]
    var ties = [
        Tie(source: "library", target: "maria", kind: "knows", strength: 4, lastContact: Day("2026-10-01")),
        Tie(
            source: "library", target: "harbor-cu", kind: "partnered", strength: 3,
            lastContact: Day("2026-03-01")),
        Tie(
            source: "library", target: "literacy-now", kind: "partnered", strength: 4,
            lastContact: Day("2026-11-01")),
        Tie(
            source: "library", target: "food-bank", kind: "coalition", strength: 2,
            lastContact: Day("2026-09-15")),
        Tie(
            source: "harbor-cu", target: "ferries", kind: "referral", strength: 2,
            lastContact: Day("2025-06-01")),
        Tie(source: "tom", target: "ana", kind: "knows", strength: 3, lastContact: Day("2026-01-10")),
        Tie(
            source: "food-bank", target: "literacy-now", kind: "coalition", strength: 3,
            lastContact: Day("2026-05-01")),
        Tie(source: "literacy-now", target: "makers", kind: "knows", strength: 3),
    ]
    if let seed {
        // A deterministic pseudo-random sprinkling of extra ties (SplitMix64).
        var state = seed
        func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        let ids = ["library"] + orgs.map(\.id) + people.map(\.id)
        for _ in 0..<8 {
            let a = ids[Int(next() % UInt64(ids.count))], b = ids[Int(next() % UInt64(ids.count))]
            ties.append(Tie(source: a, target: b, strength: Double(1 + next() % 4)))
        }
    }
    return Workspace(
        library: LibraryProfile(id: "library", name: "Harbor City Library"), organizations: orgs,
        people: people, ties: ties, tags: tags)
}

@Suite struct NetworkIntroductionTests {
    @Test func suggestsTheComplementaryPairWithPlainReasons() throws {
        let w = networkTestWorkspace()
        let list = Introductions.suggest(w)
        let first = try #require(list.first)
        #expect(first.a == "eastside-jobs" && first.b == "harbor-cu")
        #expect(first.via.first == "library")
        let text = first.reasons.joined(separator: "; ")
        #expect(text.contains("Both serve job seekers"))
        #expect(text.contains("Eastside Jobs needs financial expertise and Harbor Credit Union offers it"))
        #expect(text.contains("you know both well (4, 3)"))
    }

    @Test(arguments: [nil, 1, 2, 3, 4, 5, 6, 7, 8] as [UInt64?])
    func rulesAreNeverViolated(seed: UInt64?) {
        let w = networkTestWorkspace(random: seed)
        let full = RelationshipGraph(workspace: w)
        let orgLevel = RelationshipGraph(workspace: w, mergePeople: true)
        for i in Introductions.suggest(w, options: IntroductionOptions(top: 100)) {
            #expect(!w.isLibrary(i.a) && !w.isLibrary(i.b))
            #expect(i.a < i.b)
            #expect(w.organization(i.a) != nil && w.organization(i.b) != nil)
            // Never an existing tie, directly or through their people.
            if let a = orgLevel.node(i.a), let b = orgLevel.node(i.b) { #expect(!orgLevel.areTied(a, b)) }
            if let a = full.node(i.a), let b = full.node(i.b) { #expect(!full.areTied(a, b)) }
            // Always a broker: the library or someone it trusts, tied to both.
            #expect(!i.via.isEmpty)
            for v in i.via {
                guard let c = orgLevel.node(v), let a = orgLevel.node(i.a), let b = orgLevel.node(i.b) else {
                    Issue.record("unknown broker \(v)")
                    continue
                }
                #expect(orgLevel.areTied(c, a) && orgLevel.areTied(c, b))
                #expect(c == 0 || orgLevel.strength(0, c) >= 3)
            }
            #expect(i.score > 0 && i.score.isFinite)
            #expect(!i.reasons.isEmpty)
        }
    }

    @Test func forFiltersToOneOrganization() {
        let w = networkTestWorkspace()
        let list = Introductions.suggest(w, options: IntroductionOptions(top: 50, forID: "harbor-cu"))
        #expect(!list.isEmpty)
        #expect(list.allSatisfy { $0.a == "harbor-cu" || $0.b == "harbor-cu" })
        let all = Introductions.suggest(w, options: IntroductionOptions(top: 50))
        #expect(list == all.filter { $0.a == "harbor-cu" || $0.b == "harbor-cu" })
        #expect(Introductions.suggest(w, options: IntroductionOptions(forID: "library")).isEmpty)
        #expect(Introductions.suggest(w, options: IntroductionOptions(forID: "no-such-org")).isEmpty)
    }

    @Test func implicitPersonTieAndSummary() throws {
        let w = networkTestWorkspace()
        let g = RelationshipGraph(workspace: w, personOrganizationStrength: 2)
        let maria = try #require(g.node("maria")), jobs = try #require(g.node("eastside-jobs"))
        #expect(g.edge(maria, jobs)?.implicit == true)
        #expect(g.edge(maria, jobs)?.strength == 2)
        let s = NetworkSummary(workspace: w, asOf: Day("2026-11-29") ?? Day(ordinal: 0))
        #expect(s.library.degree == 4)
        #expect(s.isolatedOrganizations.isEmpty)
        #expect(s.staleTies.map(\.target).contains("harbor-cu"))
        #expect(s.staleTies.allSatisfy { $0.strength >= 3 && $0.daysSince > 180 })
        #expect(s.components == 1)
    }
}

@Suite struct NetworkPairFitTests {
    @Test func quickScoreEqualsFullFit() {
        let w = networkTestWorkspace()
        for a in w.organizations {
            for b in w.organizations {
                let full = PairFit(a.tags, b.tags), quick = PairFit.quickScore(a.tags, b.tags)
                #expect(abs(full.score - quick.score) < 1e-12)
                #expect(full.hasPurpose == quick.hasPurpose)
            }
        }
    }
}
