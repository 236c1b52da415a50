import Foundation
import Testing

@testable import PartnerKit

@Suite struct IntroductionReportTests {
    @Test func forResolvesAPersonToTheirOrganization() {
        let w = networkTestWorkspace()
        #expect(Introductions.target("maria", in: w) == .organization("eastside-jobs"))
        #expect(Introductions.target("harbor-cu", in: w) == .organization("harbor-cu"))
        #expect(Introductions.target("library", in: w) == .library)
        #expect(Introductions.target(w.library.id, in: w) == .library)
        #expect(Introductions.target("nobody", in: w) == .unknown)
    }

    @Test func textNumbersThePairsByNameWithWhoCanIntroduceThem() throws {
        let w = networkTestWorkspace()
        let list = Introductions.suggest(w, options: IntroductionOptions(top: 3))
        let first = try #require(list.first)
        let text = IntroductionReport.text(list, workspace: w, markdown: false)
        #expect(text.hasPrefix("Suggested introductions\n\n1. "))
        #expect(text.contains("\(w.displayName(first.a)) ↔ \(w.displayName(first.b))   score "))
        #expect(text.contains("via \(first.via.map { w.displayName($0) }.joined(separator: ", "))\n"))
        let md = IntroductionReport.text(list, workspace: w, markdown: true)
        #expect(md.hasPrefix("# Suggested introductions\n\n1. **"))
    }

    @Test func emptyListSaysWhy() {
        let w = networkTestWorkspace()
        let text = IntroductionReport.text([], workspace: w, markdown: false)
        #expect(text.hasPrefix("Suggested introductions\n\nNone yet: "))
    }

    @Test func jsonCarriesTheContractKeysAndTheScoreParts() throws {
        let w = networkTestWorkspace()
        let list = Introductions.suggest(w, options: IntroductionOptions(top: 2))
        let bytes = Data(IntroductionReport.json(list, workspace: w).serialized().utf8)
        let root = try #require(try JSONSerialization.jsonObject(with: bytes) as? [String: Any])
        let items = try #require(root["introductions"] as? [[String: Any]])
        #expect(items.count == list.count)
        for key in ["a", "b", "score", "via", "reasons", "a_name", "b_name", "fit", "proximity", "trust"] {
            #expect(items.first?[key] != nil, "missing \(key)")
        }
    }
}
