import PartnerKit

/// Seeded synthetic data for benchmarks and property tests: workspaces with realistic tag
/// counts and mission text, and Barabási–Albert graphs. The same seed gives the same bytes on
/// every machine (SplitMix64, no Foundation randomness).

/// SplitMix64 (Steele, Lea & Flood 2014): tiny, fast, and good enough for synthetic data.
public struct SeededGenerator: RandomNumberGenerator, Sendable {
    private var state: UInt64
    public init(seed: UInt64) { state = seed }
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    /// Uniform in 0..<n (n > 0).
    public mutating func below(_ n: Int) -> Int { Int(next() % UInt64(max(n, 1))) }
}

public enum Synthetic {
    static let topics = [
        "employment", "career-training", "early-literacy", "reading", "financial-literacy",
        "digital-literacy", "health",
        "housing", "food-security", "civic-engagement", "arts", "local-history", "environment",
        "entrepreneurship",
        "immigration-services", "mental-health", "stem", "youth-development", "senior-services",
        "transportation",
    ]
    static let audiences = [
        "job-seekers", "immigrants", "families", "seniors", "teens", "children", "commuters",
        "small-business-owners",
        "veterans", "english-learners", "students", "people-with-disabilities",
    ]
    static let values = [
        "equity", "inclusion", "privacy", "lifelong-learning", "sustainability", "community", "innovation",
        "transparency",
    ]
    static let assets = [
        "meeting-space", "public-computers", "research-help", "branch-network", "financial-expertise",
        "workforce-expertise",
        "reach-commuters", "volunteers", "funding", "translation", "marketing", "transportation-access",
        "health-expertise",
        "legal-expertise", "data-analysis", "event-space", "childcare",
    ]
    static let flags = ["sells-personal-data", "political-campaigning"]
    static let sectors = ["nonprofit", "business", "government", "education", "faith", "grassroots", "other"]
    static let words = [
        "community", "families", "support", "education", "local", "services", "access", "training", "youth",
        "health",
        "neighborhood", "programs", "resources", "learning", "partners", "residents", "workforce", "literacy",
        "housing",
        "food", "arts", "culture", "digital", "skills", "jobs", "small", "business", "seniors", "immigrant",
        "outreach",
    ]

    /// The vocabulary of every tag the generator uses, as `vocabulary.json` bytes.
    public static func vocabularyJSON() -> [UInt8] {
        func list(_ tags: [String]) -> String { tags.map { "{\"tag\": \"\($0)\"}" }.joined(separator: ", ") }
        let text = """
            {"values": [\(list(values))], "audiences": [\(list(audiences))], "topics": [\(list(topics))],
             "assets": [\(list(assets))], "flags": [\(list(flags))]}
            """
        return Array(text.utf8)
    }

    public static func libraryJSON() -> [UInt8] {
        Array(
            """
            {"id": "library", "name": "Synthetic Public Library",
             "priorities": [{"id": "workforce", "label": "Workforce development", "weight": 3, "topics": ["employment", "career-training"]},
                            {"id": "literacy", "label": "Early literacy", "weight": 2, "topics": ["early-literacy", "reading"]},
                            {"id": "money", "label": "Financial health", "weight": 2, "topics": ["financial-literacy"]},
                            {"id": "digital", "label": "Digital inclusion", "weight": 1, "topics": ["digital-literacy"]}],
             "values": ["equity", "inclusion", "privacy", "lifelong-learning"],
             "audiences": [{"tag": "job-seekers", "weight": 3}, {"tag": "immigrants", "weight": 2}, {"tag": "families", "weight": 2}],
             "offers": ["meeting-space", "public-computers", "research-help", "branch-network"],
             "needs": ["financial-expertise", "workforce-expertise", "reach-commuters", "translation"],
             "dealbreakers": ["sells-personal-data"]}
            """.utf8)
    }

    /// `organizations.csv` with `count` rows (about 250 bytes each): 1–4 topics, 0–3 values,
    /// 1–3 audiences, 0–3 offers and needs, a two-sentence mission, and some empty
    /// (unknown) capacity cells, as in real spreadsheets.
    public static func organizationsCSV(count: Int, seed: UInt64 = 42) -> [UInt8] {
        var rng = SeededGenerator(seed: seed)
        var out: [UInt8] = []
        out.reserveCapacity(count * 260 + 200)
        out += Array(
            "id,name,sector,mission,topics,values,audiences,offers,needs,flags,staff_fte,annual_budget,volunteers,reply_days\n"
                .utf8)
        func pick(_ from: [String], _ lo: Int, _ hi: Int) -> String {
            let n = lo + rng.below(hi - lo + 1)
            var chosen: [String] = []
            for _ in 0..<n {
                let t = from[rng.below(from.count)]
                if !chosen.contains(t) { chosen.append(t) }
            }
            return chosen.joined(separator: ";")
        }
        func sentence(_ n: Int) -> String {
            var s: [String] = []
            for _ in 0..<n { s.append(words[rng.below(words.count)]) }
            return s.joined(separator: " ")
        }
        for i in 0..<count {
            var row =
                "org-\(i),Organization \(i) \(words[rng.below(words.count)].capitalized),\(sectors[rng.below(sectors.count)]),"
            row += "\"We \(sentence(6)), and \(sentence(5)). Our \(sentence(4)).\","
            row += pick(topics, 1, 4) + "," + pick(values, 0, 3) + "," + pick(audiences, 1, 3) + ","
            row += pick(assets, 0, 3) + "," + pick(assets, 0, 3) + ","
            row += rng.below(200) == 0 ? "sells-personal-data," : ","
            row += rng.below(5) == 0 ? "," : "\(rng.below(80)),"
            row += rng.below(4) == 0 ? "," : "\(rng.below(5_000_000)),"
            row += rng.below(3) == 0 ? "," : "\(rng.below(300)),"
            row += rng.below(3) == 0 ? "\n" : "\(1 + rng.below(20))\n"
            out += Array(row.utf8)
        }
        return out
    }

    /// A Barabási–Albert preferential-attachment graph (Barabási & Albert 1999) on `nodes`
    /// nodes, each new node attaching to `m` distinct existing nodes chosen proportionally to
    /// degree, as networkx's `barabasi_albert_graph` does (a star on the first m + 1 nodes).
    /// - Complexity: O(n·m) expected.
    public static func barabasiAlbert(nodes: Int, m: Int, seed: UInt64 = 7) -> [(Int, Int)] {
        guard nodes > m, m >= 1 else { return [] }
        var rng = SeededGenerator(seed: seed)
        var edges: [(Int, Int)] = []
        edges.reserveCapacity(nodes * m)
        var repeated: [Int] = []  // each node once per unit of degree
        repeated.reserveCapacity(2 * nodes * m)
        for t in 1...m {
            edges.append((0, t))
            repeated += [0, t]
        }
        var targets: [Int] = []
        for source in (m + 1)..<nodes {
            targets.removeAll(keepingCapacity: true)
            while targets.count < m {
                let t = repeated[rng.below(repeated.count)]
                if !targets.contains(t) { targets.append(t) }
            }
            for t in targets {
                edges.append((source, t))
                repeated += [source, t]
            }
        }
        return edges
    }

    /// `relationships.csv` for a workspace of `organizations` organizations: a Barabási–Albert
    /// graph over the library (node 0) and the organizations, strengths 1–4 and last contacts
    /// in the two years before `asOf`.
    public static func relationshipsCSV(organizations: Int, m: Int = 5, asOf: Day, seed: UInt64 = 9)
        -> [UInt8]
    {
        var rng = SeededGenerator(seed: seed)
        var out = Array("source,target,kind,strength,last_contact,note\n".utf8)
        let kinds = ["knows", "partnered", "coalition", "board", "funder", "referral"]
        func name(_ i: Int) -> String { i == 0 ? "library" : "org-\(i - 1)" }
        for (a, b) in barabasiAlbert(nodes: organizations + 1, m: m, seed: seed) {
            let day = asOf + (-rng.below(730))
            out += Array(
                "\(name(a)),\(name(b)),\(kinds[rng.below(kinds.count)]),\(1 + rng.below(4)),\(day),\n".utf8)
        }
        return out
    }

    /// A whole workspace as file name → bytes.
    public static func workspace(organizations: Int, ties: Bool = true, asOf: Day, seed: UInt64 = 42)
        -> [String: [UInt8]]
    {
        var files: [String: [UInt8]] = [
            "library.json": libraryJSON(), "vocabulary.json": vocabularyJSON(),
            "organizations.csv": organizationsCSV(count: organizations, seed: seed),
        ]
        if ties {
            files["relationships.csv"] = relationshipsCSV(
                organizations: organizations, asOf: asOf, seed: seed &+ 1)
        }
        return files
    }
}
