import Testing

@testable import PartnerKit

@Suite struct PathsTests {
    @Test(arguments: [
        ("Data/sample", "people.csv", "Data/sample/people.csv"),
        ("Data/sample/", "people.csv", "Data/sample/people.csv"),
        (".", "people.csv", "people.csv"), ("", "people.csv", "people.csv"), ("/", "x.json", "/x.json"),
    ])
    func joinsOneWay(directory: String, name: String, expected: String) {
        #expect(joinPath(directory, name) == expected)
    }

    @Test func reviewArchiveUsesTheSameJoin() throws {
        let q = try #require(Quarter("2026-Q4"))
        #expect(ReviewArchive.path(for: q, workspace: ".") == "reviews/2026-Q4.json")
        #expect(ReviewArchive.path(for: q, workspace: "w/") == "w/reviews/2026-Q4.json")
        #expect(ReviewArchive.path(for: q, workspace: "w") == "w/reviews/2026-Q4.json")
    }
}
