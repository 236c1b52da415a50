import Foundation

/// The saved quarterly reviews of a workspace: `reviews/YYYY-Qn.json`, each the JSON that
/// `partnerkit review --format json` prints. Reading one back gives what the next review
/// compares against.
public enum ReviewArchive {
    /// `reviews/2026-Q4.json` inside the workspace.
    public static func path(for quarter: Quarter, workspace: String) -> String {
        joinPath(joinPath(workspace, "reviews"), "\(quarter).json")
    }

    /// The latest snapshot of a quarter before `quarter`, with any problems reading it. Files
    /// whose names are not a quarter are ignored.
    public static func latest(before quarter: Quarter, workspace: String, limits: InputLimits = .default)
        -> (snapshot: ReviewSnapshot?, diagnostics: [Diagnostic])
    {
        let dir = (path(for: quarter, workspace: workspace) as NSString).deletingLastPathComponent
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: dir) else { return (nil, []) }
        let earlier = names.compactMap { name -> Quarter? in
            guard name.hasSuffix(".json") else { return nil }
            return Quarter(String(name.dropLast(5)))
        }.filter { $0 < quarter }.sorted()
        guard let q = earlier.last else { return (nil, []) }
        let file = "\(dir)/\(q).json"
        switch Files.read(file, limit: limits.maxFileBytes) {
        case .failure(let e): return (nil, [.error(file, .file, e.message)])
        case .success(let bytes): return parse(bytes, file: file, quarter: q, limits: limits)
        }
    }

    /// Reads a saved review. Unknown keys are fine (a snapshot holds the whole review); the
    /// partnerships' `id`, `health` and `level` are what the comparison needs.
    public static func parse(_ bytes: [UInt8], file: String, quarter: Quarter, limits: InputLimits = .default)
        -> (snapshot: ReviewSnapshot?, diagnostics: [Diagnostic])
    {
        let sink = DiagnosticSink()
        guard let root = WorkspaceLoader.parseJSON(bytes, file: file, sink: sink, limits: limits) else {
            return (nil, sink.diagnostics)
        }
        let r = JSONField(root: root, file: file, sink: sink)
        guard r.expectObject() else { return (nil, sink.diagnostics) }
        var entries: [SnapshotEntry] = []
        for item in r.array("partnerships") ?? [] {
            guard item.expectObject(), let id = item.string("id", required: true) else { continue }
            let health = item.enumeration("health", PortfolioReview.Health.self) ?? .green
            let level = item.string("level") ?? ""
            entries.append(
                SnapshotEntry(id: id, health: health, level: level, position: item.number("position")))
        }
        var coverage: [String: Int] = [:]
        for item in r.array("coverage") ?? [] {
            guard let p = item.string("priority") else { continue }
            // Int(Double) traps beyond Int's range: a hand-edited 1e300 must be an error.
            let count = item.number("partnerships") ?? 0
            guard count == count.rounded(), (0...1e9).contains(count) else {
                item.child("partnerships")?.error(
                    "must be a whole number of partnerships, found \(formatNumber(count))")
                continue
            }
            coverage[p] = Int(count)
        }
        let ties = r.child("network")?.stringList("ties").map(Set.init)
        let snapshot = ReviewSnapshot(
            quarter: quarter, partnerships: entries, coverage: coverage, ties: ties, file: file)
        return (sink.hasErrors ? nil : snapshot, sink.diagnostics)
    }
}
