import Foundation
import Testing

@testable import PartnerKit

/// Builds small workspaces and partnerships in code for the spectrum tests, and loads the
/// shipped spectrum rubrics from the repository's `Rubrics/` folder.
enum SpectrumFixture {
    static var repositoryRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
    }

    static func rubricPath(_ name: String) -> String {
        repositoryRoot.appendingPathComponent("Rubrics/\(name).json").path
    }

    static func rubricBytes(_ name: String) -> [UInt8] {
        (try? Data(contentsOf: URL(fileURLWithPath: rubricPath(name)))).map { [UInt8]($0) } ?? []
    }

    /// A shipped spectrum rubric. A rubric that fails to load records an issue (so no test
    /// passes on an empty stand-in) and falls back to a spectrum without levels.
    static func rubric(_ name: String) -> SpectrumRubric {
        if let r = SpectrumRubric.read(bytes: rubricBytes(name), file: "\(name).json").rubric { return r }
        Issue.record("the shipped rubric \(name) did not load")
        return SpectrumRubric(name: "missing", levels: [])
    }

    /// A library valuing equity and inclusion, refusing partners that sell personal data; a
    /// credit union that shares its values, a data broker that hits the dealbreaker, and a
    /// vendor whose values are unknown.
    static func workspace() -> Workspace {
        var tags = TagTable()
        let equity = tags.intern("equity"), inclusion = tags.intern("inclusion"),
            privacy = tags.intern("privacy")
        let sells = tags.intern("sells-personal-data")
        let library = LibraryProfile(
            id: "library", name: "Harbor Library",
            priorities: [.init(id: "workforce", label: "Workforce development", weight: 3)],
            values: [equity, inclusion, privacy], dealbreakers: [sells])
        let orgs = [
            Organization(
                id: "cu", name: "Harbor Credit Union", tags: TagLists([.values: [equity, inclusion]])),
            Organization(
                id: "broker", name: "Data Broker Inc", tags: TagLists([.values: [equity], .flags: [sells]])),
            Organization(id: "vendor", name: "Workshop Vendor"),
        ]
        return Workspace(library: library, organizations: orgs, tags: tags)
    }

    /// A complete, ready plan with the credit union: every readiness check passes.
    static func completePlan() -> Partnership {
        Partnership(
            id: "clinic", title: "Money clinic", partners: ["cu"], status: .active,
            initiatedBy: .joint, decisions: .shared, partnerInput: .ongoing, coDesigned: true,
            contributions: [.init(party: "library", kind: .space), .init(party: "cu", kind: .expertise)],
            benefits: [.init(party: "library", what: "a service"), .init(party: "cu", what: "members")],
            goals: [
                .init(
                    text: "Counsel 100 residents", metric: "people counselled", target: 100,
                    due: Day("2027-06-30"), priority: "workforce")
            ],
            milestones: [
                .init(title: "First clinic", due: Day("2026-04-01"), done: Day("2026-04-02")),
                .init(title: "Half way", due: Day("2026-12-31")),
            ],
            roles: [.init(party: "library", does: "room"), .init(party: "cu", does: "counsellors")],
            communication: .init(cadenceDays: 30, log: [Day("2026-11-20")].compactMap { $0 }),
            agreement: .mou, exitPlan: "A month's notice.")
    }

    static let asOf = Day("2026-11-29") ?? Day(ordinal: 0)

    static func place(_ p: Partnership, _ rubric: String = "spectrum-iap2") -> Placement {
        SpectrumEngine.place(p, workspace: workspace(), rubric: self.rubric(rubric), asOf: asOf)
    }

    /// A bare partnership with the credit union and the given signals.
    static func signals(
        initiatedBy: Partnership.Initiator? = .library, decisions: Partnership.Decisions? = .library,
        input: Partnership.PartnerInput? = Partnership.PartnerInput.none, coDesigned: Bool? = false,
        partnerResources: Bool = false, libraryPays: Double? = nil
    ) -> Partnership {
        var c: [Partnership.Contribution] = [.init(party: "library", kind: .staff)]
        c.append(.init(party: "cu", kind: partnerResources ? .expertise : .promotion))
        return Partnership(
            id: "p", title: "P", partners: ["cu"], status: .active, initiatedBy: initiatedBy,
            decisions: decisions,
            partnerInput: input, coDesigned: coDesigned, libraryPays: libraryPays, contributions: c)
    }
}
