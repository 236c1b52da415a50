import Foundation
import Testing

@testable import PartnerKit

/// The saved-review format (`reviews/YYYY-Qn.json`, owned by `ReviewSnapshot`): its version,
/// files saved before the version existed, and the review `--save` writes reading back.
@Suite struct SavedReviewTests {
    static let q3 = Quarter(year: 2026, number: 3)
    static let file = "reviews/2026-Q3.json"

    /// A review saved (by `review --save` on the riverside workspace, as of 2026-09-30) before
    /// saved reviews carried a version.
    static func unversioned() throws -> [UInt8] {
        let url = try #require(
            Bundle.module.url(
                forResource: "2026-Q3-before-version", withExtension: "json",
                subdirectory: "Fixtures/saved-reviews"))
        return [UInt8](try Data(contentsOf: url))
    }

    static func read(_ text: String) -> (snapshot: ReviewSnapshot?, diagnostics: [Diagnostic]) {
        ReviewSnapshot.read(Array(text.utf8), file: file, quarter: q3)
    }

    /// The saved file with `"version": V` put first (V as JSON text).
    static func withVersion(_ v: String, _ bytes: [UInt8]) -> [UInt8] {
        var text = String(decoding: bytes, as: UTF8.self)
        text.removeFirst()  // "{"
        return Array(("{\n  \"version\": \(v)," + text).utf8)
    }

    @Test func aFileWithoutAVersionReadsAsVersion1() throws {
        let (snapshot, problems) = ReviewSnapshot.read(
            try Self.unversioned(), file: Self.file, quarter: Self.q3)
        #expect(problems.isEmpty, "\(problems.map(\.formatted))")
        let s = try #require(snapshot)
        #expect(
            s.partnerships == [
                SnapshotEntry(id: "reading-circle", health: .green, level: "collaborate", position: 4.4),
                SnapshotEntry(id: "tax-season", health: .green, level: "collaborate", position: 4.4),
                SnapshotEntry(id: "tutoring-lab", health: .red, level: "empower", position: 5),
            ])
        #expect(s.coverage == ["literacy": 2, "money": 1])
        #expect(s.ties?.count == 5)
    }

    @Test func version1ReadsTheSameAsNoVersion() throws {
        let bytes = try Self.unversioned()
        let plain = try #require(ReviewSnapshot.read(bytes, file: Self.file, quarter: Self.q3).snapshot)
        let (snapshot, problems) = ReviewSnapshot.read(
            Self.withVersion("1", bytes), file: Self.file, quarter: Self.q3)
        #expect(problems.isEmpty, "\(problems.map(\.formatted))")
        let s = try #require(snapshot)
        #expect(s.partnerships == plain.partnerships)
        #expect(s.coverage == plain.coverage)
        #expect(s.ties == plain.ties)
    }

    @Test func aNewerVersionIsAnErrorNamingTheFileAndTheField() throws {
        let (snapshot, problems) = ReviewSnapshot.read(
            Self.withVersion("2", try Self.unversioned()), file: Self.file, quarter: Self.q3)
        #expect(snapshot == nil)
        #expect(problems.count == 1)
        #expect(problems.map(\.prefix) == ["reviews/2026-Q3.json: version:"])
        #expect(problems.first?.severity == .error)
        let message = problems.first?.formatted ?? ""
        #expect(message.contains("saved by a newer PartnerKit"), "\(message)")
        #expect(message.contains("format 1"), "\(message)")
    }

    @Test(arguments: [
        (#""1""#, "a string"), ("1.5", "1.5"), ("0", "0"), ("-1", "-1"), ("true", "a boolean"),
        ("[1]", "an array"),
    ])
    func aVersionOfTheWrongKindIsAnError(_ value: String, _ found: String) {
        let (snapshot, problems) = Self.read(#"{"version": "# + value + #", "partnerships": []}"#)
        #expect(snapshot == nil)
        #expect(problems.map(\.prefix) == ["reviews/2026-Q3.json: version:"])
        #expect(problems.first?.formatted.contains("found \(found)") == true, "\(problems.map(\.formatted))")
    }

    /// What `--save` writes: the JSON review with the version first, reading back as the
    /// review it came from.
    @Test func theSavedReviewHasTheVersionFirstAndReadsBack() throws {
        var w = SpectrumFixture.workspace()
        w.partnerships = [SpectrumFixture.completePlan()]
        let review = ReviewTests.review(w.partnerships, workspace: w)
        let report = ReviewReport(review: review, workspace: w)
        let saved = report.saved.serialized()
        #expect(saved.hasPrefix("{\n  \"version\": 1,\n  \"quarter\": \"2026-Q4\","))
        #expect(saved == "{\n  \"version\": 1," + report.json.serialized().dropFirst())
        let (snapshot, problems) = ReviewSnapshot.read(
            Array(saved.utf8), file: "2026-Q4.json", quarter: ReviewTests.quarter)
        #expect(problems.isEmpty)
        let s = try #require(snapshot)
        #expect(s.partnerships.map(\.id) == review.partnerships.map(\.id))
        #expect(s.partnerships.map(\.level) == review.partnerships.map(\.level))
        #expect(s.partnerships.map(\.health) == review.partnerships.map(\.health))
        #expect(s.ties == Set(review.ties))
    }
}
