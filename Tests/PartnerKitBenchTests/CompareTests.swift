import Foundation
import Testing

@testable import partnerkit_bench

@Suite struct CompareTests {
    @Test func slopeOfAPowerLawIsItsExponent() throws {
        let linear = [1e5, 1e6, 3e6].map { (x: $0, y: 2e-6 * $0) }
        let quadratic = [10.0, 100, 1000].map { (x: $0, y: 0.5 * $0 * $0) }
        let l = try #require(Compare.logLogSlope(linear))
        let q = try #require(Compare.logLogSlope(quadratic))
        #expect(abs(l - 1) < 1e-9)
        #expect(abs(q - 2) < 1e-9)
    }

    @Test func slopeIsTheLeastSquaresFitNotTheEndpoints() throws {
        // In logs the points are (0, 0), (1, 2), (3, 3): the endpoints give slope 1, least
        // squares Σdx·dy / Σdx² = (39/9) / (42/9) = 39/42.
        let e = M_E
        let pts = [(x: 1.0, y: 1.0), (x: e, y: e * e), (x: e * e * e, y: e * e * e)]
        let s = try #require(Compare.logLogSlope(pts))
        #expect(abs(s - 39.0 / 42.0) < 1e-9)
    }

    @Test func slopeNeedsTwoDistinctPositivePoints() {
        #expect(Compare.logLogSlope([]) == nil)
        #expect(Compare.logLogSlope([(x: 10, y: 1)]) == nil)
        #expect(Compare.logLogSlope([(x: 10, y: 1), (x: 10, y: 2)]) == nil)
        #expect(Compare.logLogSlope([(x: 10, y: 1), (x: 0, y: 2), (x: 20, y: -1)]) == nil)
    }

    @Test func sizesParseSuffixesAndRejectNonsense() {
        #expect(Compare.parseSizes("100k,1m,3m").sizes == [100_000, 1_000_000, 3_000_000])
        #expect(Compare.parseSizes("250000, 1.5M").sizes == [250_000, 1_500_000])
        #expect(Compare.parseSizes("100k,1x").bad == "1x")
        #expect(Compare.parseSizes("0").bad == "0")
        #expect(Compare.parseSizes("20m").bad == "20m")
        #expect(Compare.parseSizes("").bad != nil)
        #expect(Compare.parseSizes("nan").bad == "nan")
    }

    @Test func sizeNamesRoundTrip() {
        for n in [100_000, 1_000_000, 3_000_000, 1_500_000, 12_345] {
            #expect(Compare.parseSizes(Compare.sizeName(n)).sizes == [n])
        }
        #expect(Compare.sizeName(1_000_000) == "1m")
        #expect(Compare.sizeName(100_000) == "100k")
    }

    @Test func speedSaysFasterOrSlower() {
        #expect(Compare.speedText(partnerkit: 1, other: 3) == "3.00× faster")
        #expect(Compare.speedText(partnerkit: 2, other: 1) == "2.00× slower")
        #expect(Compare.speedText(partnerkit: 0, other: 1) == "n/a")
    }

    func row(_ n: Int, wc: Double, py: Double?, score: Double, rss: Int) -> Compare.SizeRow {
        var r = Compare.SizeRow(rows: n, fileBytes: n * 300, directory: "d")
        r.wc = Compare.Cell(seconds: wc, peakRSS: 1, status: 0)
        r.python = py.map { Compare.Cell(seconds: $0, peakRSS: 1, status: 0) }
        r.score = Compare.Cell(seconds: score, peakRSS: rss, status: 0)
        return r
    }

    @Test func verdictsJudgeTheOneMillionRow() throws {
        let rows = [
            row(100_000, wc: 0.01, py: 0.25, score: 0.05, rss: 100_000_000),
            row(1_000_000, wc: 0.1, py: 2.5, score: 1.0, rss: 140_000_000),
            row(3_000_000, wc: 0.3, py: 7.5, score: 3.3, rss: 200_000_000),
        ]
        let v = Compare.verdicts(rows)
        let byTarget = Dictionary(uniqueKeysWithValues: v.map { ($0.target, $0) })
        #expect(byTarget["score --top 10 at 1m ≤ 15× wc -l (aim ≤ 8×)"]?.met == true)
        #expect(byTarget["score --top 10 at 1m ≤ 15× wc -l (aim ≤ 8×)"]?.measured == "10.0×")
        #expect(byTarget["score at 1m ≥ 2× faster than Python's csv.reader"]?.met == true)
        #expect(byTarget["peak memory at 1m ≤ 300 MB (aim ≤ 150 MB)"]?.met == true)
        // 200 / 140 = 1.43 > 1.2
        #expect(byTarget["peak memory at 3m ≤ 1.2× 1m"]?.met == false)
        let slope = try #require(v.first { $0.target.hasPrefix("scaling slope") })
        #expect(slope.met == false)  // 0.05 → 1.0 → 3.3 is steeper than linear
    }

    @Test func verdictsSayWhenPythonIsMissing() {
        let v = Compare.verdicts([row(1_000_000, wc: 0.1, py: nil, score: 1, rss: 1)])
        let py = v.first { $0.target.contains("Python") }
        #expect(py?.met == nil)
        #expect(py?.measured == "python3 not available")
        #expect(v.first { $0.target.hasPrefix("scaling slope") } == nil)
    }
}

@Suite struct MeasureTests {
    @Test func waitStatusBecomesAnExitCode() {
        #expect(Measure.exitCode(waitStatus: 0) == 0)
        #expect(Measure.exitCode(waitStatus: 1 << 8) == 1)
        #expect(Measure.exitCode(waitStatus: 2 << 8) == 2)
        #expect(Measure.exitCode(waitStatus: 9) == 137)  // killed by SIGKILL
        #expect(Measure.exitCode(waitStatus: 11) == 139)  // SIGSEGV
    }

    @Test func cpuSecondsAddUserAndSystem() {
        let t = Measure.cpuSeconds(
            user: timeval(tv_sec: 1, tv_usec: 500_000), system: timeval(tv_sec: 0, tv_usec: 250_000))
        #expect(abs(t - 1.75) < 1e-12)
    }

    @Test func maxRSSIsKilobytes() {
        #expect(Measure.peakBytes(maxRSS: 2048) == 2_097_152)
        #expect(Measure.peakBytes(maxRSS: -5) == 0)
    }

    @Test func helperReportParses() throws {
        let c = try #require(Measure.parseReport("1.25 0 52428800 2.5"))
        #expect(c.seconds == 1.25)
        #expect(c.status == 0)
        #expect(c.peakRSS == 52_428_800)
        #expect(c.cpuSeconds == 2.5)
        #expect(Measure.parseReport("1.25 0 52428800 2.5\n")?.peakRSS == 52_428_800)
        #expect(Measure.parseReport("1.25 0 52428800") == nil)
        #expect(Measure.parseReport("x 0 1 1") == nil)
        #expect(Measure.parseReport("-1 0 1 1") == nil)
        #expect(Measure.parseReport("1 0 -1 1") == nil)
        #expect(Measure.parseReport("1 0 1 nan") == nil)
        #expect(Measure.parseReport("") == nil)
    }
}
