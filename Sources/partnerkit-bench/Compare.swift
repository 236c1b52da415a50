import Foundation
import PartnerKit

/// `partnerkit-bench compare`: issue 13's score targets in one run. For each size, on the same
/// generated organizations-only workspace (cached under `.build/bench-data/`), it times `wc -l`,
/// Python's bare `csv.reader` parse and the built `partnerkit score --top 10` end to end, each
/// in a child process whose wall time and peak memory come from wait4, then gives the ratios,
/// the fitted scaling slope and the memory growth, and says which targets are met.
enum Compare {
    /// One tool's measurement at one size; nil fields were not measured.
    struct Cell {
        var seconds: Double
        var peakRSS: Int
        var status: Int32
        /// User + system CPU seconds.
        var cpuSeconds: Double = 0
    }

    /// One size's row.
    struct SizeRow {
        var rows: Int
        var fileBytes: Int
        var directory: String
        var wc: Cell?
        var python: Cell?
        var score: Cell?
    }

    /// The Python parse: every record through `csv.reader`, nothing else.
    static let pythonScript =
        "import csv,sys\nn=0\nwith open(sys.argv[1],newline='',encoding='utf-8') as f:\n    for r in csv.reader(f): n+=1\n"

    /// Parses "100k,1m,3m" (also plain numbers, "1.5m"): row counts in the order given, or nil
    /// with the piece that is not a size.
    static func parseSizes(_ text: String) -> (sizes: [Int], bad: String?) {
        var out: [Int] = []
        for piece in text.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces).lowercased() })
        {
            var digits = Substring(piece)
            var scale = 1.0
            if digits.hasSuffix("k") {
                scale = 1e3
                digits = digits.dropLast()
            } else if digits.hasSuffix("m") {
                scale = 1e6
                digits = digits.dropLast()
            }
            guard let v = Double(digits), v.isFinite, v > 0 else { return (out, piece) }
            let n = (v * scale).rounded()
            guard n >= 1, n <= 10_000_000 else { return (out, piece) }
            out.append(Int(n))
        }
        return out.isEmpty ? (out, text) : (out, nil)
    }

    /// "100k", "1m", "3m", "1.5m", "12345": a row count as the sizes flag spells it.
    static func sizeName(_ n: Int) -> String {
        if n >= 1_000_000, n % 100_000 == 0 {
            return n % 1_000_000 == 0 ? "\(n / 1_000_000)m" : String(format: "%.1fm", Double(n) / 1e6)
        }
        if n >= 1000, n % 1000 == 0 { return "\(n / 1000)k" }
        return "\(n)"
    }

    /// The least-squares slope of log(y) on log(x) over the points with x > 0 and y > 0: the
    /// exponent b of y ≈ a·x^b (1 = linear). Nil with fewer than two distinct x.
    static func logLogSlope(_ points: [(x: Double, y: Double)]) -> Double? {
        let p = points.filter { $0.x > 0 && $0.y > 0 && $0.x.isFinite && $0.y.isFinite }.map {
            (log($0.x), log($0.y))
        }
        guard p.count >= 2 else { return nil }
        let mx = p.map(\.0).reduce(0, +) / Double(p.count)
        let my = p.map(\.1).reduce(0, +) / Double(p.count)
        var sxx = 0.0
        var sxy = 0.0
        for (x, y) in p {
            sxx += (x - mx) * (x - mx)
            sxy += (x - mx) * (y - my)
        }
        guard sxx > 1e-12 else { return nil }
        return sxy / sxx
    }

    /// "3.1× faster" / "1.4× slower": how partnerkit's time compares with another's.
    static func speedText(partnerkit: Double, other: Double) -> String {
        guard partnerkit > 0, other > 0 else { return "n/a" }
        return other >= partnerkit
            ? String(format: "%.2f× faster", other / partnerkit)
            : String(format: "%.2f× slower", partnerkit / other)
    }

    /// One target's verdict.
    struct Verdict {
        var target: String
        var measured: String
        var met: Bool?
    }

    /// The issue's targets for these rows: the 1M row if there is one (else the largest), the
    /// largest size against 1M for memory, and the slope over every size.
    static func verdicts(_ rows: [SizeRow]) -> [Verdict] {
        guard let ref = rows.first(where: { $0.rows == 1_000_000 }) ?? rows.max(by: { $0.rows < $1.rows })
        else { return [] }
        let refName = sizeName(ref.rows)
        var out: [Verdict] = []
        if let s = ref.score, let wc = ref.wc, wc.seconds > 0 {
            let r = s.seconds / wc.seconds
            out.append(
                Verdict(
                    target: "score --top 10 at \(refName) ≤ 15× wc -l (aim ≤ 8×)",
                    measured: String(format: "%.1f×", r), met: r <= 15))
        }
        if let s = ref.score {
            if let py = ref.python, py.status == 0 {
                let speed = py.seconds / max(s.seconds, 1e-9)
                out.append(
                    Verdict(
                        target: "score at \(refName) ≥ 2× faster than Python's csv.reader",
                        measured: speedText(partnerkit: s.seconds, other: py.seconds), met: speed >= 2))
            } else {
                out.append(
                    Verdict(
                        target: "score at \(refName) ≥ 2× faster than Python's csv.reader",
                        measured: "python3 not available", met: nil))
            }
            let mb = Double(s.peakRSS) / 1e6
            out.append(
                Verdict(
                    target: "peak memory at \(refName) ≤ 300 MB (aim ≤ 150 MB)",
                    measured: String(format: "%.0f MB", mb), met: mb <= 300))
        }
        if let big = rows.max(by: { $0.rows < $1.rows }), big.rows > ref.rows, let b = big.score,
            let r = ref.score, r.peakRSS > 0
        {
            let ratio = Double(b.peakRSS) / Double(r.peakRSS)
            out.append(
                Verdict(
                    target: "peak memory at \(sizeName(big.rows)) ≤ 1.2× \(refName)",
                    measured: String(format: "%.2f×", ratio), met: ratio <= 1.2))
        }
        let points = rows.compactMap { r in r.score.map { (x: Double(r.rows), y: $0.seconds) } }
        if let slope = logLogSlope(points) {
            let names = rows.map { sizeName($0.rows) }.joined(separator: ", ")
            out.append(
                Verdict(
                    target: "scaling slope ≤ 1.05 (\(names))", measured: String(format: "%.3f", slope),
                    met: points.count >= 3 ? slope <= 1.05 : nil))
        }
        return out
    }

    /// Measures every size (generating the workspaces when not cached). `log` gets progress.
    static func measure(
        sizes: [Int], repeats: Int, binary: String, pythonAvailable: Bool, log: (String) -> Void
    ) -> [SizeRow] {
        var out: [SizeRow] = []
        for n in sizes {
            let t0 = Measure.now()
            let (dir, error) = Generate.cached(organizations: n, graphNodes: 0)
            if let error {
                log("\(sizeName(n)): cannot generate: \(error)")
                continue
            }
            log(String(format: "%@: workspace %@ (ready in %.1f s)", sizeName(n), dir, Measure.now() - t0))
            let csv = joinPath(dir, "organizations.csv")
            let bytes = (try? FileManager.default.attributesOfItem(atPath: csv)[.size] as? Int) ?? 0
            func cell(_ argv: [String]) -> Cell? {
                Measure.spawnMeasured(repeats, argv).map {
                    Cell(
                        seconds: $0.seconds, peakRSS: $0.peakRSS, status: $0.status, cpuSeconds: $0.cpuSeconds
                    )
                }
            }
            var row = SizeRow(rows: n, fileBytes: bytes, directory: dir)
            row.wc = cell(["wc", "-l", csv])
            if pythonAvailable { row.python = cell(["python3", "-c", pythonScript, csv]) }
            row.score = cell(scoreCommand(binary: binary, directory: dir))
            log(
                "  wc -l \(row.wc.map { Measure.seconds($0.seconds) } ?? "-"), python \(row.python.map { Measure.seconds($0.seconds) } ?? "-"), score \(row.score.map { Measure.seconds($0.seconds) } ?? "-")"
            )
            out.append(row)
        }
        return out
    }

    static func scoreCommand(binary: String, directory: String) -> [String] {
        [binary, "score", "--top", "10", "--workspace", directory, "--as-of", "2026-11-29"]
    }

    /// partnerkit score against Python in CPU seconds (what the two cost whatever else runs).
    static func cpuVsPython(_ r: SizeRow) -> String {
        guard let s = r.score, let py = r.python, py.status == 0, s.cpuSeconds > 0, py.cpuSeconds > 0 else {
            return "-"
        }
        return speedText(partnerkit: s.cpuSeconds, other: py.cpuSeconds)
    }

    /// The text report.
    static func render(_ rows: [SizeRow], pythonAvailable: Bool, repeats: Int) -> String {
        var lines: [String] = []
        let header = [
            "size", "rows", "csv MB", "wc -l", "python csv", "partnerkit score", "× wc -l", "vs python",
            "score peak RSS", "python RSS", "CPU s: wc / python / score", "vs python (CPU)",
        ]
        var cells: [[String]] = []
        for r in rows {
            let pyText =
                pythonAvailable
                ? (r.python.map { $0.status == 0 ? Measure.seconds($0.seconds) : "exit \($0.status)" } ?? "-")
                : "not available"
            let scoreText = r.score.map { s in
                Measure.seconds(s.seconds) + (s.status == 0 ? "" : " (exit \(s.status))")
            }
            var ratioWC = "-"
            if let s = r.score, let wc = r.wc, wc.seconds > 0 {
                ratioWC = String(format: "%.1f×", s.seconds / wc.seconds)
            }
            var vsPy = pythonAvailable ? "-" : "not available"
            if let s = r.score, let py = r.python, py.status == 0 {
                vsPy = speedText(partnerkit: s.seconds, other: py.seconds)
            }
            cells.append([
                sizeName(r.rows), "\(r.rows)", String(format: "%.0f", Double(r.fileBytes) / 1e6),
                r.wc.map { Measure.seconds($0.seconds) } ?? "-", pyText, scoreText ?? "not built", ratioWC,
                vsPy,
                r.score.map { Measure.megabytes($0.peakRSS) } ?? "-",
                r.python.map { Measure.megabytes($0.peakRSS) } ?? "-",
                [r.wc, r.python, r.score].map { $0.map { String(format: "%.2f", $0.cpuSeconds) } ?? "-" }
                    .joined(
                        separator: " / "),
                cpuVsPython(r),
            ])
        }
        lines.append(TextGrid.render(header: header, rows: cells))
        lines.append("")
        func slopeText(_ pick: (SizeRow) -> Cell?) -> String {
            let pts = rows.compactMap { r in pick(r).map { (x: Double(r.rows), y: $0.seconds) } }
            return logLogSlope(pts).map { String(format: "%.3f", $0) } ?? "-"
        }
        lines.append(
            "scaling slope (least squares of log time on log rows): partnerkit score \(slopeText { $0.score }), wc -l \(slopeText { $0.wc }), python \(pythonAvailable ? slopeText { $0.python } : "not available")"
        )
        if let base = rows.first(where: { $0.rows == 1_000_000 })?.score, base.peakRSS > 0 {
            let growth = rows.compactMap { r -> String? in
                guard let s = r.score else { return nil }
                return
                    "\(sizeName(r.rows)) \(String(format: "%.2f×", Double(s.peakRSS) / Double(base.peakRSS)))"
            }
            lines.append("score peak memory against 1m: " + growth.joined(separator: ", "))
        }
        lines.append("")
        lines.append("targets (issue 13):")
        for v in verdicts(rows) {
            let status = v.met.map { $0 ? "met" : "NOT met" } ?? "not judged"
            lines.append("  \(v.target): \(v.measured) — \(status)")
        }
        lines.append("")
        lines.append(
            "each cell: the fastest of \(repeats) run(s) in a child process (wall time; peak RSS from wait4); score runs `partnerkit score --top 10 --workspace DIR --as-of 2026-11-29`"
        )
        return lines.joined(separator: "\n")
    }

    /// The JSON report.
    static func json(_ rows: [SizeRow], pythonAvailable: Bool, repeats: Int) -> [String: Any] {
        func cell(_ c: Cell?) -> Any {
            guard let c else { return NSNull() }
            return [
                "seconds": c.seconds, "cpu_seconds": c.cpuSeconds, "peak_rss_bytes": c.peakRSS,
                "exit": Int(c.status),
            ] as [String: Any]
        }
        let sizes: [[String: Any]] = rows.map { r in
            var d: [String: Any] = [
                "size": sizeName(r.rows), "rows": r.rows, "csv_bytes": r.fileBytes, "workspace": r.directory,
                "wc_l": cell(r.wc), "python_csv": pythonAvailable ? cell(r.python) : "not available",
                "partnerkit_score": cell(r.score),
            ]
            if let s = r.score, let wc = r.wc, wc.seconds > 0 { d["ratio_to_wc_l"] = s.seconds / wc.seconds }
            if let s = r.score, let py = r.python, py.status == 0, py.seconds > 0 {
                d["ratio_to_python"] = s.seconds / py.seconds
            }
            return d
        }
        func slope(_ pick: (SizeRow) -> Cell?) -> Any {
            let pts = rows.compactMap { r in pick(r).map { (x: Double(r.rows), y: $0.seconds) } }
            return logLogSlope(pts).map { $0 as Any } ?? NSNull()
        }
        var memory: [String: Any] = [:]
        if let base = rows.first(where: { $0.rows == 1_000_000 })?.score, base.peakRSS > 0 {
            for r in rows {
                if let s = r.score { memory[sizeName(r.rows)] = Double(s.peakRSS) / Double(base.peakRSS) }
            }
        }
        let targets: [[String: Any]] = verdicts(rows).map {
            ["target": $0.target, "measured": $0.measured, "met": $0.met.map { $0 as Any } ?? NSNull()]
        }
        return [
            "repeats": repeats, "nproc": ProcessInfo.processInfo.activeProcessorCount,
            "python": pythonAvailable ? "available" : "not available", "sizes": sizes,
            "slope": [
                "partnerkit_score": slope { $0.score }, "wc_l": slope { $0.wc },
                "python_csv": pythonAvailable ? slope { $0.python } : "not available",
            ],
            "peak_rss_vs_1m": memory, "targets": targets,
        ]
    }
}

/// A plain left-aligned text grid.
enum TextGrid {
    static func render(header: [String], rows: [[String]]) -> String {
        var widths = header.map(\.count)
        for r in rows {
            for (i, c) in r.enumerated() where i < widths.count { widths[i] = max(widths[i], c.count) }
        }
        func line(_ r: [String]) -> String {
            r.enumerated().map { i, c in
                i < widths.count ? c.padding(toLength: widths[i], withPad: " ", startingAt: 0) : c
            }
            .joined(separator: "  ").trimmingCharacters(in: .whitespaces)
        }
        return ([line(header), line(widths.map { String(repeating: "-", count: $0) })] + rows.map(line))
            .joined(separator: "\n")
    }
}
