import Foundation
import PartnerKit

/// One benchmark size: how many organizations, and the relationship graph's node count.
struct Size {
    var name: String
    var organizations: Int
    var graphNodes: Int

    static let all = [
        Size(name: "small", organizations: 10_000, graphNodes: 10_000),
        Size(name: "medium", organizations: 100_000, graphNodes: 100_000),
        Size(name: "large", organizations: 1_000_000, graphNodes: 100_000),
    ]
}

/// One measured row of the report.
struct Row {
    var size: String
    var step: String
    var seconds: Double
    /// Throughput or ratio text, e.g. "412 MB/s".
    var rate: String
    /// Peak memory (bytes) of the process that did the work, 0 when not measured.
    var peakRSS: Int
    var note: String = ""
}

/// Runs every step of the suite for the chosen sizes.
struct Suite {
    var sizes: [Size]
    var repeats: Int
    var quick: Bool
    var rows: [Row] = []
    /// Per size name: load + score seconds in process, for the scaling slope.
    var loadScore: [(size: Size, seconds: Double)] = []
    var log: (String) -> Void

    mutating func run() {
        for size in sizes { measure(size) }
        for (a, b) in zip(loadScore, loadScore.dropFirst()) {
            let orgRatio = Double(b.size.organizations) / Double(a.size.organizations)
            let timeRatio = b.seconds / max(a.seconds, 1e-9)
            let slope = log10(timeRatio) / log10(orgRatio)
            rows.append(
                Row(
                    size: "\(a.size.name)→\(b.size.name)", step: "scaling: load + score", seconds: b.seconds,
                    rate: String(format: "%.1f× orgs → %.2f× time (slope %.2f)", orgRatio, timeRatio, slope),
                    peakRSS: 0,
                    note: timeRatio <= orgRatio * 1.2 ? "linear (target ≤ 1.2× per ×)" : "superlinear"))
        }
    }

    mutating func add(_ r: Row) {
        rows.append(r)
        log(
            String(
                format: "  %-34@ %10@  %@", r.step as NSString, Measure.seconds(r.seconds) as NSString,
                r.rate as NSString))
    }

    mutating func measure(_ size: Size) {
        log("== \(size.name): \(size.organizations) organizations, \(size.graphNodes)-node graph")
        let t0 = Measure.now()
        let (dir, error) = Generate.cached(organizations: size.organizations, graphNodes: size.graphNodes)
        if let error {
            log("  cannot generate: \(error)")
            return
        }
        log(String(format: "  workspace %@ (ready in %.1f s)", dir, Measure.now() - t0))
        let orgPath = dir + "/organizations.csv"
        let orgBytes = (try? FileManager.default.attributesOfItem(atPath: orgPath)[.size] as? Int) ?? 0
        var totalBytes = 0
        for f in ["library.json", "vocabulary.json", "organizations.csv", "relationships.csv"] {
            totalBytes +=
                (try? FileManager.default.attributesOfItem(atPath: joinPath(dir, f))[.size] as? Int) ?? 0
        }
        let s = size.name

        // In process: load, score, and each network engine beyond loading.
        let (loadTime, loaded) = Measure.best(repeats) { WorkspaceLoader.load(directory: dir) }
        guard let w = loaded.workspace else {
            log("  the generated workspace did not load: \(loaded.diagnostics.summary)")
            return
        }
        add(
            Row(
                size: s, step: "load workspace", seconds: loadTime,
                rate: String(
                    format: "%.0f MB/s (%@)", Double(totalBytes) / 1e6 / loadTime,
                    Measure.megabytes(totalBytes)),
                peakRSS: Measure.peakRSS()))
        let sink = DiagnosticSink()
        guard
            let rubric = Resources.locateRubric("partner-fit", workspace: dir).path.flatMap({
                RubricReader.load(path: $0, sink: sink)
            })
        else {
            log("  the partner-fit rubric was not found (run from the repository)")
            return
        }
        let asOf = Generate.asOf
        let (scoreTime, card) = Measure.best(repeats) {
            ScoringEngine.withWarmPaths(workspace: w, rubric: rubric, asOf: asOf).score(top: 10)
        }
        add(
            Row(
                size: s, step: "score --top 10 (after load)", seconds: scoreTime,
                rate: String(format: "%.2f M orgs/s", Double(w.organizations.count) / scoreTime / 1e6),
                peakRSS: Measure.peakRSS(),
                note: "best \(card.candidates.first?.id ?? "-")"))
        loadScore.append((size, loadTime + scoreTime))

        let (graphTime, g) = Measure.best(repeats) { RelationshipGraph(workspace: w) }
        add(
            Row(
                size: s, step: "build graph", seconds: graphTime,
                rate: "\(g.nodeCount) nodes, \(w.ties.count) ties", peakRSS: Measure.peakRSS()))
        let targetID = "org-\(max(0, min(size.graphNodes, size.organizations + 1) - 2))"
        let target = g.node(targetID) ?? (g.nodeCount - 1)
        let (pathTime, paths) = Measure.best(repeats) { g.warmPaths(from: 0, to: target, asOf: asOf) }
        add(
            Row(
                size: s, step: "path (3 paths, after load)", seconds: pathTime, rate: "\(paths.count) paths",
                peakRSS: Measure.peakRSS()))
        let (introTime, intros) = Measure.best(repeats) {
            Introductions.suggest(w, options: IntroductionOptions(top: 20))
        }
        add(
            Row(
                size: s, step: "introduce --top 20 (after load)", seconds: introTime,
                rate: "\(intros.count) introductions",
                peakRSS: Measure.peakRSS()))
        let (linkTime, links) = Measure.best(repeats) { g.links(.adamicAdar, top: 100) }
        add(
            Row(
                size: s, step: "links adamic-adar top 100", seconds: linkTime, rate: "\(links.count) pairs",
                peakRSS: Measure.peakRSS()))
        let (constraintTime, brokers) = Measure.best(repeats) { g.brokerage(weighted: false) }
        add(
            Row(
                size: s, step: "constraint, every node", seconds: constraintTime,
                rate: String(format: "%.2f M nodes/s", Double(brokers.count) / constraintTime / 1e6),
                peakRSS: Measure.peakRSS()))

        // End to end: the real binary, against reading the same file with wc -l and Python.
        let bin = Measure.executableDirectory() + "/partnerkit"
        guard Files.exists(bin) else {
            log(
                "  \(bin) is not built: `swift build -c release --product partnerkit` for the end-to-end rows"
            )
            return
        }
        let common = ["--workspace", dir, "--as-of", "2026-11-29"]
        let wc = Measure.spawnMeasured(repeats, ["wc", "-l", orgPath])
        let score = Measure.spawnMeasured(repeats, [bin, "score", "--top", "10"] + common)
        if let score {
            var rate = String(
                format: "%.1f MB/s of organizations.csv", Double(orgBytes) / 1e6 / score.seconds)
            if let wc {
                rate += String(
                    format: "; %.1f× wc -l (%@)", score.seconds / wc.seconds, Measure.seconds(wc.seconds))
            }
            add(
                Row(
                    size: s, step: "partnerkit score --top 10", seconds: score.seconds, rate: rate,
                    peakRSS: score.peakRSS,
                    note: score.status == 0 ? "" : "exit \(score.status)"))
        }
        if !quick || size.organizations <= 100_000 {
            let script =
                "import csv,sys\nn=0\nwith open(sys.argv[1],newline='',encoding='utf-8') as f:\n    for r in csv.reader(f): n+=1\n"
            if let py = Measure.spawnMeasured(quick ? 1 : repeats, ["python3", "-c", script, orgPath]),
                py.status == 0, let score
            {
                add(
                    Row(
                        size: s, step: "python3 csv.reader (parse only)", seconds: py.seconds,
                        rate: py.seconds >= score.seconds
                            ? String(format: "partnerkit score is %.2f× faster", py.seconds / score.seconds)
                            : String(format: "partnerkit score is %.2f× slower", score.seconds / py.seconds),
                        peakRSS: py.peakRSS))
            }
        }
        let ends = [
            ("partnerkit introduce --top 20", ["introduce", "--top", "20"]),
            ("partnerkit path (3 paths)", ["path", targetID]),
            (
                "partnerkit network links aa 100",
                ["network", "links", "--measure", "adamic-adar", "--top", "100"]
            ),
            ("partnerkit network measures", ["network", "measures", "--format", "json"]),
        ]
        for (label, args) in ends {
            if let c = Measure.spawnMeasured(repeats, [bin] + args + common) {
                add(
                    Row(
                        size: s, step: label, seconds: c.seconds, rate: "end to end", peakRSS: c.peakRSS,
                        note: c.status == 0 ? "" : "exit \(c.status)"))
            }
        }
        if Files.exists("Sources/partnerkit/Commands/Review.swift") || reviewExists(bin) {
            if let c = Measure.spawnMeasured(repeats, [bin, "review"] + common) {
                add(
                    Row(
                        size: s, step: "partnerkit review", seconds: c.seconds, rate: "end to end",
                        peakRSS: c.peakRSS,
                        note: c.status == 0 ? "" : "exit \(c.status)"))
            }
        }
    }

    func reviewExists(_ bin: String) -> Bool {
        (Measure.spawnMeasured(1, [bin, "review", "--help"])?.status ?? 1) == 0
    }
}
