import Foundation
import PartnerKit

// partnerkit-bench: the performance suite (see BENCHMARKS.md).
//   partnerkit-bench run [--sizes small|medium|large|all|a,b] [--quick] [--format text|json]
//   partnerkit-bench generate --organizations N [--graph-nodes M] --out DIR

let usage = """
    usage: partnerkit-bench run [--sizes small|medium|large|all] [--quick] [--format text|json]
           partnerkit-bench generate --organizations N [--graph-nodes M] --out DIR
           partnerkit-bench import [--rows N] [--out DIR]
           partnerkit-bench compare [--sizes 100k,1m,3m] [--quick] [--format text|json]

    run       times loading, scoring, paths, introductions, link prediction and constraint on
              seeded synthetic workspaces (small 10k orgs / 10k-node graph, medium 100k / 100k,
              large 1M / 100k), in process and end to end, with peak memory and scaling slopes.
              --quick: one repetition (default: best of 3). Run from the repository root after
              `swift build -c release --product partnerkit`.
    generate  writes a workspace (library.json, vocabulary.json, organizations.csv and, with
              --graph-nodes M, a relationships.csv Barabási–Albert graph with m = 5) to DIR.
    import    writes a synthetic IRS master file of N rows (default 1,800,000, the national
              file's size) and times reading it (rows/s, peak memory) in process and through
              `partnerkit import irs-bmf --dry-run`; --out DIR keeps the file.
    compare   issue 13's score targets in one run: on the same organizations-only workspaces
              (default 100k, 1m and 3m rows, cached under .build/bench-data/), `wc -l`, Python's
              bare csv.reader parse and `partnerkit score --top 10` end to end, each in a child
              process (wall time, peak RSS from wait4), with the ratios, the fitted scaling slope
              and the memory growth. --quick: one run per cell (default: best of 3).

    """

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("partnerkit-bench: error: \(message)\n\n\(usage)".utf8))
    exit(2)
}

var args = Array(CommandLine.arguments.dropFirst())
if args.first == "_spawn", args.count >= 3 {
    exit(Measure.helper(report: args[1], argv: Array(args.dropFirst(2))))
}
if args.contains("--help") || args.contains("-h") {
    print(usage, terminator: "")
    exit(0)
}
let command = args.first.map { $0.hasPrefix("-") ? "run" : $0 } ?? "run"
if let first = args.first, !first.hasPrefix("-") { args.removeFirst() }

@MainActor func value(_ name: String) -> String? {
    guard let i = args.firstIndex(of: name) else { return nil }
    guard i + 1 < args.count else { fail("\(name) needs a value") }
    return args[i + 1]
}

@MainActor func checkKnown(_ flags: [String], values: [String]) {
    var i = 0
    while i < args.count {
        if values.contains(args[i]) { i += 2; continue }
        if !flags.contains(args[i]) { fail("unknown argument '\(args[i])'") }
        i += 1
    }
}

switch command {
case "generate":
    checkKnown([], values: ["--organizations", "--graph-nodes", "--out"])
    guard let o = value("--organizations"), let n = Int(o), n >= 1, n <= 10_000_000 else {
        fail("--organizations N (1…10000000) is required")
    }
    let nodesText = value("--graph-nodes") ?? "0"
    guard let nodes = Int(nodesText), nodes >= 0 else {
        fail("--graph-nodes must be a number, found '\(nodesText)'")
    }
    guard let out = value("--out") else { fail("--out DIR is required") }
    if let e = Generate.write(organizations: n, graphNodes: nodes, to: out) {
        FileHandle.standardError.write(Data("partnerkit-bench: error: \(e)\n".utf8))
        exit(1)
    }
    print(
        "wrote \(out): \(n) organizations, \(min(nodes, n + 1) > 6 ? "\(min(nodes, n + 1))-node graph" : "no graph")"
    )
case "run":
    checkKnown(["--quick"], values: ["--sizes", "--format"])
    let format = value("--format") ?? "text"
    guard format == "text" || format == "json" else {
        fail("--format must be text or json, found '\(format)'")
    }
    let wanted = value("--sizes") ?? "small"
    var sizes: [Size] = []
    for name in wanted.split(separator: ",").map(String.init) {
        if name == "all" { sizes = Size.all; break }
        guard let s = Size.all.first(where: { $0.name == name }) else {
            fail("--sizes: '\(name)' is not small, medium, large or all")
        }
        sizes.append(s)
    }
    let quick = args.contains("--quick")
    var suite = Suite(sizes: sizes, repeats: quick ? 1 : 3, quick: quick) { line in
        if format == "text" {
            FileHandle.standardOutput.write(Data((line + "\n").utf8))
        } else {
            FileHandle.standardError.write(Data((line + "\n").utf8))
        }
    }
    suite.run()
    if format == "json" {
        let rows: [[String: Any]] = suite.rows.map {
            [
                "size": $0.size, "step": $0.step, "seconds": $0.seconds, "rate": $0.rate,
                "peak_rss_bytes": $0.peakRSS, "note": $0.note,
            ]
        }
        let doc: [String: Any] = [
            "quick": quick, "nproc": ProcessInfo.processInfo.activeProcessorCount, "rows": rows,
        ]
        if let data = try? JSONSerialization.data(
            withJSONObject: doc, options: [.prettyPrinted, .sortedKeys])
        {
            print(String(decoding: data, as: UTF8.self))
        }
    } else {
        print("")
        print(Table.render(suite.rows))
    }
case "graph":
    // For Scripts/side_by_side.py: one graph algorithm's time in process, after loading.
    checkKnown([], values: ["--workspace", "--op", "--target"])
    guard let dir = value("--workspace"), let op = value("--op"),
        ["links", "constraint", "path"].contains(op)
    else {
        fail("graph needs --workspace DIR and --op links|constraint|path (path: --target ID)")
    }
    guard let w = WorkspaceLoader.load(directory: dir).workspace else {
        FileHandle.standardError.write(Data("partnerkit-bench: error: \(dir) does not load\n".utf8))
        exit(1)
    }
    let g = RelationshipGraph(workspace: w)
    let target = value("--target").flatMap { g.node($0) }
    if op == "path" && target == nil { fail("graph --op path needs --target ID of a node in the graph") }
    let (t, _) = Measure.best(3) {
        switch op {
        case "links": return g.links(.adamicAdar, top: 100).count
        case "path": return g.warmPaths(from: 0, to: target ?? 0, asOf: Generate.asOf).count
        default: return g.brokerage(weighted: false).count
        }
    }
    print("{\"op\": \"\(op)\", \"seconds\": \(t), \"nodes\": \(g.nodeCount)}")
case "import":
    checkKnown(["--generate-only"], values: ["--rows", "--out"])
    let rowsText = value("--rows") ?? "1800000"
    guard let rows = Int(rowsText), rows >= 1, rows <= 10_000_000 else {
        fail("--rows N (1…10000000), found '\(rowsText)'")
    }
    if args.contains("--generate-only") {
        guard let out = value("--out") else { fail("--generate-only needs --out DIR") }
        exit(ImportBench.generate(rows: rows, dir: out))
    }
    exit(ImportBench.run(rows: rows, out: value("--out")))
case "compare":
    checkKnown(["--quick"], values: ["--sizes", "--format"])
    let format = value("--format") ?? "text"
    guard format == "text" || format == "json" else {
        fail("--format must be text or json, found '\(format)'")
    }
    let parsed = Compare.parseSizes(value("--sizes") ?? "100k,1m,3m")
    if let bad = parsed.bad { fail("--sizes: '\(bad)' is not a row count like 100k, 1m or 250000") }
    let repeats = args.contains("--quick") ? 1 : 3
    let bin = Measure.executableDirectory() + "/partnerkit"
    guard Files.exists(bin) else {
        fail("\(bin) is not built: run `swift build -c release --product partnerkit` first")
    }
    let python = (Measure.spawn(["python3", "-c", "import csv"])?.status ?? 1) == 0
    let rows = Compare.measure(sizes: parsed.sizes, repeats: repeats, binary: bin, pythonAvailable: python) {
        FileHandle.standardError.write(Data(($0 + "\n").utf8))
    }
    if format == "json" {
        let doc = Compare.json(rows, pythonAvailable: python, repeats: repeats)
        if let data = try? JSONSerialization.data(
            withJSONObject: doc, options: [.prettyPrinted, .sortedKeys])
        {
            print(String(decoding: data, as: UTF8.self))
        }
    } else {
        print(Compare.render(rows, pythonAvailable: python, repeats: repeats))
    }
default:
    fail("unknown command '\(command)'")
}
