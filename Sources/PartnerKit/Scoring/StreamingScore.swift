import Foundation

/// The counts behind the mission words' IDF weights: per query term, how many missions use it,
/// and how many organizations have a mission at all.
struct MissionStatistics: Sendable, Equatable {
    var df: [Int]
    var documents: Int
}

/// `score --top K` without holding the organizations: organizations.csv is read from a
/// `ByteSource` in bounded, record-aligned blocks, each block's rows parsed on all cores and
/// scored straight from their bytes (tags interned by bytes, numbers parsed in place, no
/// `Organization` built), keeping only each part's best K. Then full values are built for just
/// those rows and for the rows the other files refer to, and the ordinary loader and engine
/// score that small workspace, so the output is the full path's, byte for byte.
///
/// One pass over the file, as a rule: it proves every row clean (it would raise no diagnostic
/// at all), finds duplicate ids (by 64-bit hashes of the id bytes), builds the tag table in
/// file order and counts the mission words over all rows. Their IDF is corpus-wide, so no
/// score is final before the end of the file: each row is scored provisionally (mission
/// coverage 0) and kept as a candidate unless K rows are certain to rank before it whatever the
/// IDF (`StreamingScore+Candidates.swift` has the argument); at the end the candidates are
/// scored with the final IDF. When the candidates cannot prove the top K (too many of them),
/// a second pass scores every row again (`Rank`). Anything the fast path cannot prove (a row
/// that would be reported, an unknown tag, a repeated id hash, a malformed record, any error
/// in the other files) returns nil: the caller loads the whole workspace as before, so every
/// message is the full reader's by construction.
///
/// Memory: the block buffer, the candidates (at most `maxCandidates`; a few K in practice),
/// the tag table, 8 bytes per row for the id hashes and the rows referred to by people, ties,
/// partnerships and surveys. Never the file.
public enum StreamingScore {
    /// What the streaming path produced: the scorecard and the workspace's diagnostics
    /// (warnings only: any error sends the caller to the full path).
    public struct Result: Sendable {
        public var scorecard: Scorecard
        public var diagnostics: [Diagnostic]
        /// Passes over organizations.csv: 1, or 2 when the candidates could not prove the top K.
        var passes = 1
    }

    /// Bytes per block read from the source (record-aligned, grown only for a longer record).
    public static let defaultBlockBytes = 16 << 20
    /// Above this `top`, the kept rows would be most of the file: use the full path.
    public static let maxTop = 10_000

    /// Scores the workspace in `directory` reading its organizations.csv from `organizations`
    /// (the caller opens the file); nil when the full path must be taken instead.
    public static func score(
        directory: String, defaultVocabulary: String?, organizations: some ByteSource, rubric: Rubric,
        asOf: Day, top: Int, limits: InputLimits = .default, blockBytes: Int = defaultBlockBytes
    ) -> Result? {
        var source = organizations
        let loader = WorkspaceLoader(directory: directory, limits: limits)
        return try? run(
            loader, defaultVocabulary: defaultVocabulary, source: &source, rubric: rubric, asOf: asOf,
            top: top, blockBytes: blockBytes
        ).get()
    }

    /// As `score(directory:…)` on in-memory files named as in a folder (tests, fuzzing), with
    /// `WorkspaceLoader.load(files:…)`'s conventions.
    static func score(
        files: [String: [UInt8]], directory: String = "mem", defaultVocabulary: [UInt8]? = nil,
        rubric: Rubric, asOf: Day, top: Int, limits: InputLimits = .default, blockBytes: Int,
        maxCandidates: Int = maxCandidates
    ) -> Result? {
        try? outcome(
            files: files, directory: directory, defaultVocabulary: defaultVocabulary, rubric: rubric,
            asOf: asOf, top: top, limits: limits, blockBytes: blockBytes, maxCandidates: maxCandidates
        ).get()
    }

    /// Why the streaming path declined (tests).
    struct Declined: Error, Equatable {
        var reason: String
    }

    static func outcome(
        files: [String: [UInt8]], directory: String = "mem", defaultVocabulary: [UInt8]? = nil,
        rubric: Rubric, asOf: Day, top: Int, limits: InputLimits = .default, blockBytes: Int,
        maxCandidates: Int = maxCandidates
    ) -> Swift.Result<Result, Declined> {
        var memory = files
        if let v = defaultVocabulary, memory["vocabulary.json"] == nil { memory["vocabulary.json"] = v }
        guard let bytes = memory[OrganizationsSchema.schema.file] else {
            return .failure(Declined(reason: "no file"))
        }
        var source = MemoryByteSource(bytes)
        let loader = WorkspaceLoader(directory: directory, limits: limits, memory: memory)
        return run(
            loader, defaultVocabulary: nil, source: &source, rubric: rubric, asOf: asOf, top: top,
            blockBytes: blockBytes, maxCandidates: maxCandidates)
    }

    static func run(
        _ base: WorkspaceLoader, defaultVocabulary: String?, source: inout some ByteSource, rubric: Rubric,
        asOf: Day, top: Int, blockBytes: Int, maxCandidates: Int = maxCandidates
    ) -> Swift.Result<Result, Declined> {
        func decline(_ why: String) -> Swift.Result<Result, Declined> { .failure(Declined(reason: why)) }
        guard top >= 1, top <= maxTop else { return decline("top") }
        var base = base
        guard base.memory != nil || Files.isDirectory(base.directory) else { return decline("folder") }
        base.readVocabulary(defaultVocabulary: defaultVocabulary)
        guard let library = base.readLibrary() else { return decline("library") }
        let file = base.path(OrganizationsSchema.schema.file)
        let wanted = referencedIDs(base)

        // The scan: clean rows, unique ids, the tag table in file order, mission statistics,
        // and the candidates, scored with mission coverage 0 (no IDF yet). The library's tags
        // are all in `base.tags`: the rows' new tags are none of its, so they score the same.
        let provisional = ScoringEngine(
            workspace: Workspace(
                library: library, organizations: [], vocabulary: base.vocabulary, tags: base.tags),
            rubric: rubric, asOf: asOf, warmPathStrength: nil,
            missions: MissionStatistics(df: [Int](repeating: 0, count: 64), documents: 0))
        var scan = Scan(
            loader: base, file: file, wanted: wanted,
            query: MissionQuery(library: library, tags: base.tags), rubric: rubric, provisional: provisional,
            top: top, maxCandidates: maxCandidates)
        guard scan.run(&source, blockBytes: blockBytes), let cols = scan.cols else {
            return decline("pass 1: \(scan.problem)")
        }
        guard scan.rows + 1 < base.limits.maxRows else { return decline("rows") }
        guard scan.uniqueIDs() else { return decline("a repeated id") }
        scan.hashRuns = []
        let missions = MissionStatistics(df: Array(scan.df.prefix(64)), documents: scan.df[64])

        // The candidates scored with the final IDF; when they cannot prove the top K, a second
        // pass scores every row not referred to elsewhere and keeps each part's best `top`.
        let scoring = ScoringEngine(
            workspace: Workspace(
                library: library, organizations: [], vocabulary: base.vocabulary, tags: scan.tags),
            rubric: rubric, asOf: asOf, warmPathStrength: nil, missions: missions)
        var passes = 1
        var best: [Row]
        if let rows = finalists(scan.candidates, engine: scoring, scansMissions: scan.scansMissions) {
            best = rows
        } else {
            scan.candidates = Bucket(top: top, limit: 0)
            var rank = Rank(
                loader: base, tags: scan.tags, file: file, wanted: wanted, engine: scoring, cols: cols,
                top: top,
                pieceRows: scan.pieceRows, scansMissions: scan.scansMissions)
            guard rank.run(&source, blockBytes: blockBytes), rank.rows == scan.rows else {
                return decline("pass 2")
            }
            best = rank.lanes.flatMap(\.heap).map {
                Row(ordinal: $0.ordinal, line: $0.line, fields: $0.fields)
            }
            passes = 2
        }

        // The rows needed in full, in file order, as a small organizations.csv with the same
        // lines, read by the ordinary loader with the file's tag table.
        var needed = scan.wantedRows + best
        needed.sort { $0.line < $1.line }
        var loader = WorkspaceLoader(directory: base.directory, limits: base.limits, memory: base.memory)
        loader.overlay[OrganizationsSchema.schema.file] = subsetFile(header: scan.headerBytes, rows: needed)
        loader.tags = scan.tags
        let loaded = loader.run(defaultVocabulary: defaultVocabulary)
        guard let workspace = loaded.workspace, !loaded.diagnostics.hasErrors,
            workspace.organizations.count == needed.count
        else { return decline("the kept rows did not load cleanly") }
        let engine = ScoringEngine.withWarmPaths(
            workspace: workspace, rubric: rubric, asOf: asOf, options: WarmPathOptions(), missions: missions)
        let candidates = engine.rank(top: top).map { i in
            var c = engine.explain(i)
            c.organizationIndex = needed[i].ordinal
            return c
        }
        return .success(
            Result(
                scorecard: Scorecard(
                    rubric: rubric.name, asOf: asOf, considered: scan.rows, candidates: candidates),
                diagnostics: loaded.diagnostics, passes: passes))
    }

    // MARK: - The ids other files refer to

    /// 64-bit FNV-1a of bytes: the id hashes (a collision only costs the full path).
    @inline(__always)
    static func hash(_ b: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for c in b { h = (h ^ UInt64(c)) &* 0x100_0000_01b3 }
        return h
    }

    static func hash(_ s: String) -> UInt64 {
        var s = s
        return s.withUTF8 { hash($0) }
    }

    /// Hashes of every string in the files that can name an organization (every cell of
    /// people.csv, relationships.csv and surveys.csv, raw and trimmed; every string and key of
    /// library.json and partnerships.json): a superset of the ids they refer to, so that every
    /// row they could name is read in full.
    static func referencedIDs(_ loader: WorkspaceLoader) -> Set<UInt64> {
        var out = Set<UInt64>()
        for name in [PeopleSchema.schema.file, RelationshipsSchema.schema.file, SurveyReader.fileName] {
            guard case .success(let bytes) = loader.readFile(loader.path(name)) else { continue }
            _ = bytes.withUnsafeBufferPointer { b in
                CSVParser.parse(b, file: name, limits: loader.limits) { record in
                    for k in 0..<record.count {
                        out.insert(record.withBytes(k) { hash($0) })
                        if let s = record.string(k) { out.insert(hash(s.trimmingWhitespace)) }
                    }
                }
            }
        }
        func walk(_ node: JSONNode) {
            switch node.value {
            case .string(let s):
                out.insert(hash(s))
                out.insert(hash(s.trimmingWhitespace))
            case .array(let items): items.forEach(walk)
            case .object(let members):
                for m in members {
                    out.insert(hash(m.key))
                    walk(m.value)
                }
            default: break
            }
        }
        for name in [LibrarySchema.file, PartnershipsSchema.schema.file] {
            guard case .success(let bytes) = loader.readFile(loader.path(name)),
                let root = WorkspaceLoader.parseJSON(
                    bytes, file: name, sink: DiagnosticSink(), limits: loader.limits)
            else { continue }
            walk(root)
        }
        return out
    }

    // MARK: - Rows kept in full

    /// A row read in full: its place in the file and its fields as text.
    struct Row {
        var ordinal: Int
        var line: Int
        var fields: [String]
    }

    /// An organizations.csv of `rows` only (every field quoted), each on its own line number:
    /// blank lines, which are not records, fill the gaps.
    static func subsetFile(header: [UInt8], rows: [Row]) -> [UInt8] {
        var out = header
        var line = 1 + header.withUnsafeBufferPointer { WorkspaceLoader.counts($0, 0..<$0.count).lines }
        for row in rows {
            if row.line > line { out.append(contentsOf: repeatElement(0x0A, count: row.line - line)) }
            let start = out.count
            for (k, field) in row.fields.enumerated() {
                if k > 0 { out.append(UInt8(ascii: ",")) }
                out.append(0x22)
                for c in field.utf8 {
                    out.append(c)
                    if c == 0x22 { out.append(0x22) }
                }
                out.append(0x22)
            }
            out.append(0x0A)
            line =
                row.line + out.withUnsafeBufferPointer { WorkspaceLoader.counts($0, start..<$0.count).lines }
        }
        return out
    }
}
