import Foundation
import Testing

@testable import PartnerKit

@Suite struct CheckReportTests {
    @Test func countsFollowTheWorkspaceFilesList() {
        let w = networkTestWorkspace()
        #expect(WorkspaceFiles.counted.map(\.noun) == ["organizations", "people", "ties", "partnerships"])
        #expect(CheckReport.counts(w) == "6 organizations, 3 people, \(w.ties.count) ties, 0 partnerships")
        let d: [Diagnostic] = [.warning("w/organizations.csv", .line(3), "unknown tag")]
        #expect(
            CheckReport.summary(workspace: "w", w, d)
                == "w: 6 organizations, 3 people, \(w.ties.count) ties, 0 partnerships — 0 errors, 1 warning")
        #expect(
            CheckReport.summary(workspace: "w", nil, [.error("w", .file, "no")]) == "w: 1 error, 0 warnings")
    }

    @Test func jsonCountsOnlyAReadWorkspace() throws {
        func parse(_ j: JSONOutput) throws -> [String: Any] {
            try #require(try JSONSerialization.jsonObject(with: Data(j.serialized().utf8)) as? [String: Any])
        }
        let read = try parse(CheckReport.json(workspace: "w", networkTestWorkspace(), []))
        #expect(read["ok"] as? Bool == true)
        #expect((read["counts"] as? [String: Any])?["organizations"] as? Int == 6)
        let unread = try parse(CheckReport.json(workspace: "w", nil, [.error("w", .file, "no")]))
        #expect(unread["ok"] as? Bool == false)
        #expect(unread["counts"] == nil)
        #expect(unread["errors"] as? Int == 1)
    }

    @Test func fuzzFileOrderStartsWithTheLibraryAndEndsWithTheVocabulary() {
        #expect(
            WorkspaceFiles.fuzzOrder == [
                "library.json", "organizations.csv", "people.csv", "relationships.csv", "partnerships.json",
                "vocabulary.json",
            ])
    }
}
