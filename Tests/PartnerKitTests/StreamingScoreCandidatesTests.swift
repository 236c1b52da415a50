import Foundation
import PartnerKitSynthetic
import Testing

@testable import PartnerKit

/// The single pass's candidates (`StreamingScore+Candidates.swift`): whatever the scan drops,
/// the output is the full path's; when the candidates cannot prove the top K, the second pass
/// runs and the output is still the full path's.
@Suite struct StreamingScoreCandidatesTests {
    typealias Differential = StreamingScoreDifferentialTests

    /// Streams `files` at several blocks and tops and compares with the full path; returns the
    /// passes each streamed run made.
    static func passes(
        _ files: [String: [UInt8]], tops: [Int], blocks: [Int] = [300, 4096, 1 << 20],
        maxCandidates: Int = StreamingScore.maxCandidates
    ) -> [Int] {
        var passes: [Int] = []
        for top in tops {
            let (card, diagnostics) = Differential.full(files, rubric: .partnerFit, top: top)
            #expect(card != nil)
            guard let card else { continue }
            for block in blocks {
                let outcome = StreamingScore.outcome(
                    files: files, rubric: .partnerFit, asOf: Differential.asOf, top: top, blockBytes: block,
                    maxCandidates: maxCandidates)
                guard case .success(let s) = outcome else {
                    Issue.record("declined: \(outcome)")
                    continue
                }
                passes.append(s.passes)
                #expect(s.diagnostics == diagnostics, "block \(block), top \(top)")
                #expect(s.scorecard.considered == card.considered)
                #expect(
                    Differential.renderings(s.scorecard) == Differential.renderings(card),
                    "block \(block), top \(top)")
                #expect(
                    s.scorecard.candidates.map(\.organizationIndex)
                        == card.candidates.map(\.organizationIndex))
            }
        }
        return passes
    }

    /// The sample's library and vocabulary with `organizations` as organizations.csv.
    static func workspace(_ organizations: String) -> [String: [UInt8]] {
        var files = Differential.sampleFiles()
        for name in ["people.csv", "relationships.csv", "partnerships.json", "surveys.csv"] {
            files[name] = nil
        }
        files["organizations.csv"] = Array(organizations.utf8)
        return files
    }

    static let header = "id,name,sector,mission,topics,values,audiences,offers,needs,flags,staff_fte\n"

    /// A strong row: shared values, a priority topic, audiences, assets both ways.
    static func strong(_ id: String, mission: String, staff: String = "12") -> String {
        "\(id),Org \(id),nonprofit,\"\(mission)\",employment,equity;inclusion,job-seekers;families,"
            + "financial-expertise,meeting-space,,\(staff)\n"
    }

    @Test func tooFewCandidatesFallBackToTheSecondPass() {
        // (A bound of 1 still holds top 1's single candidate: tops of 5 and more overflow it.)
        let passes = Self.passes(Differential.sampleFiles(), tops: [5, 40], maxCandidates: 1)
        #expect(!passes.isEmpty && passes.allSatisfy { $0 == 2 })
        // No ties: every row is a candidate (a row that people or ties refer to is kept in full
        // anyway and never needs the bound), so a bound of 1 must overflow for a top of 5.
        let generated = Synthetic.workspace(organizations: 400, ties: false, asOf: Differential.asOf, seed: 7)
        let more = Self.passes(generated, tops: [5, 10], maxCandidates: 1)
        #expect(!more.isEmpty && more.allSatisfy { $0 == 2 })
        // The same workspaces in one pass with the default bound.
        #expect(Self.passes(generated, tops: [1, 10]).allSatisfy { $0 == 1 })
        #expect(Self.passes(Differential.sampleFiles(), tops: [1, 5, 40]).allSatisfy { $0 == 1 })
    }

    @Test func rowsEqualButForTheirIdsStreamTheSameOutputInOnePass() {
        // 3,000 rows with the same fields, ids out of file order: the tie-break is the id, so
        // the kept ties must be the smallest ids, not the first rows.
        var csv = Self.header
        for k in 0..<3000 {
            let n = (k * 7919) % 3000
            let id = "t-" + String(repeating: "0", count: 4 - String(n).count) + String(n)
            csv += Self.strong(id, mission: k % 2 == 0 ? "Employment for all." : "Career training.")
        }
        csv += Self.strong("weak", mission: "Nothing in common.", staff: "")
        let passes = Self.passes(Self.workspace(csv), tops: [1, 5, 40])
        #expect(!passes.isEmpty && passes.allSatisfy { $0 == 1 })
        // Bounded candidates: at most K per key and group, not the 3,000 ties.
        let big = StreamingScore.outcome(
            files: Self.workspace(csv), rubric: .partnerFit, asOf: Differential.asOf, top: 5,
            blockBytes: 4096,
            maxCandidates: 200)
        #expect((try? big.get())?.passes == 1)
    }

    @Test func theMissionWeightsReorderRowsAtTheCutoff() {
        // "a-early" and "b-late" score the same before the IDF is known; "employment" is in
        // hundreds of later missions and "career" in one, so the IDF puts "b-late" first.
        var csv = Self.header
        csv += Self.strong("a-early", mission: "Employment services.")
        csv += Self.strong("c-plain", mission: "Helping people.")
        csv += Self.strong("b-late", mission: "Career services.")
        for k in 0..<400 {
            csv += "filler-\(k),Filler \(k),nonprofit,\"Employment, employment.\",,,,,,,\n"
        }
        let files = Self.workspace(csv)
        let (card, _) = Differential.full(files, rubric: .partnerFit, top: 3)
        #expect(card?.candidates.map(\.id) == ["b-late", "a-early", "c-plain"])
        let passes = Self.passes(files, tops: [1, 2, 3, 10])
        #expect(!passes.isEmpty && passes.allSatisfy { $0 == 1 })
    }
}
