import Testing

@testable import PartnerKit

/// The one "did you mean" rule the commands use for an id the workspace does not have.
@Suite struct UnknownIDTests {
    @Test(
        arguments: [
            ("harbor-c", "harbor-cu"), ("eastsde-jobs", "eastside-jobs"), ("makrs", "makers"),
            ("zzzzzzzz", nil), ("", nil),
        ] as [(String, String?)])
    func suggestsOnlyCloseIDs(id: String, expected: String?) {
        let ids = networkTestWorkspace().organizations.map(\.id)
        #expect(UnknownID.suggestion(for: id, among: ids) == expected)
    }

    @Test func diagnosticNamesTheOptionAndFallsBackToWhereToLook() {
        let d = UnknownID.diagnostic(
            "nobody-at-all", what: "organization or person", option: "--from", file: "w/organizations.csv",
            candidates: ["harbor-cu"], lookUp: "see the list")
        #expect(d.severity == .error)
        #expect(d.file == "w/organizations.csv")
        #expect(d.message == "--from: no organization or person with id \"nobody-at-all\"")
        #expect(d.hint == "see the list")
        let near = UnknownID.diagnostic(
            "harbor-c", what: "organization", file: "f", candidates: ["harbor-cu"], lookUp: "see the list")
        #expect(near.message == "no organization with id \"harbor-c\"")
        #expect(near.hint == "did you mean \"harbor-cu\"?")
    }

    @Test func organizationIgnoresCaseAndRecognisesANameGivenForAnID() {
        let w = networkTestWorkspace()
        let typo = UnknownID.organization("HARBOR-C", in: w, file: "organizations.csv")
        #expect(typo.hint == "did you mean \"harbor-cu\" (Harbor Credit Union)?")
        let byName = UnknownID.organization("harbor ferries", in: w, file: "organizations.csv")
        #expect(byName.hint == "that is the name of \"ferries\"; vet takes the id")
        let far = UnknownID.organization("completely-different", in: w, file: "organizations.csv")
        #expect(far.hint == "`partnerkit score` lists the organizations with their ids")
    }

    @Test func partnershipWithoutPartnershipsSaysSo() {
        let d = UnknownID.partnership("money-clinic", in: networkTestWorkspace(), file: "partnerships.json")
        #expect(d.message == "no partnership with id \"money-clinic\"")
        #expect(d.hint == "the workspace has no partnerships.json entries")
    }
}
