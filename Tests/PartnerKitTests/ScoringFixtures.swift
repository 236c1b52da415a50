@testable import PartnerKit

/// Builds small workspaces in code for the scoring tests, interning tags as the loader does.
struct ScoringFixture {
    var tags = TagTable()
    var organizations: [Organization] = []
    var people: [Person] = []
    var ties: [Tie] = []

    mutating func ids(_ names: [String]) -> [UInt32] { names.map { tags.intern($0) } }

    /// An organization; a list given as nil is unknown (an empty cell), `[]` is known-empty.
    mutating func org(
        _ id: String, topics: [String]? = nil, values: [String]? = nil, audiences: [String]? = nil,
        offers: [String]? = nil, needs: [String]? = nil, flags: [String]? = nil, mission: String? = nil,
        staff: Double? = nil, budget: Double? = nil, volunteers: Double? = nil, replyDays: Double? = nil
    ) {
        var lists: [TagField: [UInt32]] = [:]
        var known = Set<TagField>()
        for (field, list) in [
            (TagField.topics, topics), (.values, values), (.audiences, audiences), (.offers, offers),
            (.needs, needs),
            (.flags, flags),
        ] {
            if let list {
                lists[field] = ids(list)
                known.insert(field)
            }
        }
        organizations.append(
            Organization(
                id: id, name: id.uppercased(), mission: mission, tags: TagLists(lists, known: known),
                staffFTE: staff,
                annualBudget: budget, volunteers: volunteers, replyDays: replyDays))
    }

    mutating func workspace() -> Workspace {
        let library = LibraryProfile(
            id: "library", name: "Test Library",
            priorities: [
                .init(
                    id: "workforce", label: "Workforce development", weight: 3,
                    topics: ids(["employment", "career-training"])),
                .init(
                    id: "literacy", label: "Early literacy", weight: 2,
                    topics: ids(["early-literacy", "reading"])),
            ],
            values: ids(["equity", "inclusion", "privacy"]),
            audiences: [
                .init(tag: tags.intern("job-seekers"), weight: 3),
                .init(tag: tags.intern("families"), weight: 2),
                .init(tag: tags.intern("immigrants"), weight: 1),
            ],
            offers: ids(["meeting-space", "public-computers"]),
            needs: ids(["financial-expertise", "workforce-expertise"]),
            dealbreakers: ids(["sells-personal-data"]))
        return Workspace(
            directory: "test", library: library, organizations: organizations, people: people, ties: ties,
            tags: tags)
    }

    /// A fully known, middling organization to vary one input at a time.
    mutating func baseline(_ id: String = "base") {
        org(
            id, topics: ["employment"], values: ["equity"], audiences: ["job-seekers"],
            offers: ["financial-expertise"],
            needs: ["meeting-space"], flags: [], mission: "Career coaching for job seekers.", staff: 4,
            budget: 200_000,
            volunteers: 10, replyDays: 5)
    }
}

let fixtureDay = Day(year: 2026, month: 11, day: 29) ?? Day(ordinal: 0)

func engine(_ w: Workspace, _ rubric: Rubric = .partnerFit) -> ScoringEngine {
    ScoringEngine(workspace: w, rubric: rubric, asOf: fixtureDay)
}
