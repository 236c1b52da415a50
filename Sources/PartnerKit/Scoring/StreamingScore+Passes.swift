import Foundation

/// The passes of `StreamingScore` over organizations.csv's blocks, each block split into
/// record-aligned pieces parsed in parallel (`WorkspaceLoader.chunkStarts`), merged in order:
/// `Scan`, which also keeps the candidates (`StreamingScore+Candidates.swift`), and `Rank`, the
/// second pass that runs only when the candidates cannot prove the top K.
extension StreamingScore {
    /// Pieces per block: a few per core so that uneven pieces even out.
    static var piecesPerBlock: Int { 2 * max(1, ProcessInfo.processInfo.activeProcessorCount) }

    /// Splits the buffered bytes (starting on `line`) into record-aligned pieces and runs
    /// `body(piece, slice, line)` on them in parallel: the results in order, and the bytes and
    /// physical lines consumed. Nil when no record ends in the bytes (the buffer grows).
    static func pieces<R>(
        _ block: UnsafeBufferPointer<UInt8>, line: Int, end: Bool,
        _ body: @Sendable (Int, UnsafeBufferPointer<UInt8>, Int) -> R
    ) -> (results: [R], bytes: Int, lines: Int)? {
        guard
            let (starts, cut, lines) = OrganizationBlocks.split(
                block, line: line, end: end, pieces: piecesPerBlock)
        else { return nil }
        let ends = starts.dropFirst().map(\.offset) + [cut]
        let shared = SharedBytes(buffer: block)
        let results = parallelMap(starts.indices.map { $0..<($0 + 1) }) { r -> R in
            let k = r.lowerBound
            return body(
                k, UnsafeBufferPointer(rebasing: shared.buffer[starts[k].offset..<ends[k]]), starts[k].line)
        }
        return (results, cut, lines)
    }

    /// Whether the record has the header's field count and every field reads as itself: valid
    /// UTF-8 with visible ASCII at both ends (so `trimmingWhitespace` keeps it whole). The id
    /// must be ASCII: two ids that differ in bytes but are canonically equivalent are equal
    /// `String`s, a duplicate the byte hashes would not see.
    static func plainFields(_ record: borrowing CSVRecord, count: Int, id: Int) -> Bool {
        guard record.count == count else { return false }
        let ascii = record.isASCII
        for k in 0..<record.count {
            let plain = record.withBytes(k) { f -> Bool in
                guard let first = f.first, let last = f.last else { return true }
                guard first > 0x20, first < 0x7F, last > 0x20, last < 0x7F else { return false }
                if ascii { return true }
                var acc: UInt8 = 0
                for c in f { acc |= c }
                if acc < 0x80 { return true }
                return k != id && String(validating: f, as: UTF8.self) != nil
            }
            if !plain { return false }
        }
        return true
    }

    /// A field's text (empty when the column is absent).
    static func text(
        _ record: borrowing CSVRecord, _ cols: WorkspaceLoader.OrganizationColumns,
        _ c: OrganizationsSchema.Column
    )
        -> String
    {
        let i = cols.index[c.rawValue]
        return i < 0 ? "" : record.withBytes(i) { String(decoding: $0, as: UTF8.self) }
    }

    /// The checks of `WorkspaceLoader.fastOrganization` on a plain record: true when the row
    /// raises nothing (tags aside, checked as they are interned; the number cells are checked
    /// by `numbers`, which parses them once for the score too).
    static func checksPass(_ record: borrowing CSVRecord, _ cols: WorkspaceLoader.OrganizationColumns) -> Bool
    {
        typealias Column = OrganizationsSchema.Column
        // On the bytes (a plain record's field is empty exactly when its text is): the id, the
        // name and the sector of every row; the rarer NTEE code and EIN as text.
        let idIndex = cols.index[Column.id.rawValue], nameIndex = cols.index[Column.name.rawValue]
        guard idIndex >= 0, nameIndex >= 0,
            record.withBytes(idIndex, { !$0.isEmpty && !$0.contains(UInt8(ascii: ";")) }),
            record.withBytes(nameIndex, { !$0.isEmpty })
        else { return false }
        let sectorIndex = cols.index[Column.sector.rawValue]
        if sectorIndex >= 0 && !record.withBytes(sectorIndex, { isSectorOrEmpty($0) }) { return false }
        let ntee = text(record, cols, .ntee).uppercased()
        if !ntee.isEmpty && !CellParser.looksLikeNTEE(ntee) { return false }
        let ein = text(record, cols, .ein)
        if !ein.isEmpty && !CellParser.looksLikeEIN(ein) { return false }
        return true
    }

    /// Whether a sector cell is empty or names a `Sector` in any case, as
    /// `Sector(rawValue: text.lowercased())` decides: compared byte for byte (ASCII folded)
    /// when the cell is ASCII, as text otherwise.
    static func isSectorOrEmpty(_ f: UnsafeBufferPointer<UInt8>) -> Bool {
        if f.isEmpty { return true }
        guard f.allSatisfy({ $0 < 0x80 }) else {
            return Sector(rawValue: String(decoding: f, as: UTF8.self).lowercased()) != nil
        }
        names: for name in sectorNames where name.count == f.count {
            for k in 0..<f.count where name[k] != (f[k] >= 65 && f[k] <= 90 ? f[k] | 0x20 : f[k]) {
                continue names
            }
            return true
        }
        return false
    }

    /// Every `Sector`'s name as bytes.
    static let sectorNames: [[UInt8]] = Sector.allCases.map { Array($0.rawValue.utf8) }

    /// The id field's hash.
    static func idHash(_ record: borrowing CSVRecord, _ cols: WorkspaceLoader.OrganizationColumns) -> UInt64 {
        let i = cols.index[OrganizationsSchema.Column.id.rawValue]
        return i < 0 ? 0 : record.withBytes(i) { hash($0) }
    }

    /// Every field as text (a plain record: valid UTF-8).
    static func fields(_ record: borrowing CSVRecord) -> [String] {
        (0..<record.count).map { k in record.withBytes(k) { String(decoding: $0, as: UTF8.self) } }
    }

    /// A loader for one piece: the workspace's vocabulary and tag table so far.
    static func pieceLoader(_ context: PieceContext, tags: TagTable) -> WorkspaceLoader {
        var local = WorkspaceLoader(directory: context.directory, limits: context.limits)
        local.vocabulary = context.vocabulary
        local.tags = tags
        return local
    }

    /// What a piece's loader needs of the workspace's (which is not `Sendable`).
    struct PieceContext: Sendable {
        var directory: String
        var limits: InputLimits
        var vocabulary: Vocabulary

        init(_ loader: WorkspaceLoader) {
            directory = loader.directory
            limits = loader.limits
            vocabulary = loader.vocabulary
        }
    }

    /// Interns the record's tags as the fast path does: the six lists, each sorted and unique.
    static func tagLists(
        _ record: borrowing CSVRecord, _ cols: WorkspaceLoader.OrganizationColumns,
        loader: inout WorkspaceLoader,
        path p: String, scratch: inout [UInt32]
    ) -> TagLists {
        loader.fastTagLists(record, cols, path: p, scratch: &scratch)
    }

    /// A row's four scored numbers, held inline (no array per row).
    struct RowNumbers {
        var staffFTE: Double?
        var annualBudget: Double?
        var volunteers: Double?
        var replyDays: Double?

        subscript(n: Int) -> Double? {
            get {
                switch n {
                case 0: staffFTE
                case 1: annualBudget
                case 2: volunteers
                default: replyDays
                }
            }
            set {
                switch n {
                case 0: staffFTE = newValue
                case 1: annualBudget = newValue
                case 2: volunteers = newValue
                default: replyDays = newValue
                }
            }
        }
    }

    /// A row's four numbers (staff, budget, volunteers, reply days; `columns` in
    /// `OrganizationsSchema.numberColumns` order) parsed in place; nil when a cell that is not
    /// empty is not a plain number (the row needs the full reader).
    static func numbers(_ record: borrowing CSVRecord, _ columns: [Int]) -> RowNumbers? {
        var numbers = RowNumbers()
        // Every number column is checked; the score reads the first four.
        for (n, i) in columns.enumerated() where i >= 0 {
            let parsed = record.withBytes(i) { b -> Double?? in
                if b.isEmpty { return .some(nil) }
                if let whole = wholeNumber(b) { return .some(whole) }
                return CellParser.plainNumber(String(decoding: b, as: UTF8.self)).map { $0 }
            }
            guard let parsed else { return nil }
            if n < 4 { numbers[n] = parsed }
        }
        return numbers
    }

    /// A cell of 1 to 15 ASCII digits as its exact value (what `CellParser.plainNumber` gives:
    /// every such integer is a `Double` exactly), without a `String`; nil for anything else.
    @inline(__always)
    static func wholeNumber(_ b: UnsafeBufferPointer<UInt8>) -> Double? {
        guard !b.isEmpty, b.count <= 15 else { return nil }
        var v = 0
        for c in b {
            let d = Int(c) &- 48
            guard d >= 0, d <= 9 else { return nil }
            v = v &* 10 &+ d
        }
        return Double(v)
    }

    // MARK: - The scan

    /// What the scan learns about the whole file, and the rows that may be in the top K.
    struct Scan {
        let base: WorkspaceLoader
        let file: String
        let wanted: Set<UInt64>
        let query: MissionQuery
        let scansMissions: Bool
        /// Scores rows with mission coverage 0 (the IDF is not known yet).
        let provisional: ScoringEngine
        /// `provisional.missionSwing`: the most a mission can add to a score.
        let swing: Double
        var tags: TagTable
        var cols: WorkspaceLoader.OrganizationColumns?
        var headerBytes: [UInt8] = []
        var rows = 0
        /// The id hashes, one sorted run per piece, each exactly its rows' size (8 bytes a row and
        /// no growth slack; no sort of them all, which would need half as much again).
        var hashRuns: [[UInt64]] = []
        /// The rows not named elsewhere that may be in the top K.
        var candidates: Bucket
        /// Per term, missions using it; [64]: missions at all.
        var df = [Int](repeating: 0, count: 65)
        var wantedRows: [Row] = []
        /// Rows per piece of each block, for pass 2's ordinals.
        var pieceRows: [[Int]] = []
        /// Why the pass stopped (tests).
        var problem = ""

        init(
            loader: WorkspaceLoader, file: String, wanted: Set<UInt64>, query: MissionQuery, rubric: Rubric,
            provisional: ScoringEngine, top: Int, maxCandidates: Int
        ) {
            base = loader
            self.file = file
            self.wanted = wanted
            self.query = query
            scansMissions = ScoringEngine.scansMissions(query, rubric)
            self.provisional = provisional
            swing = scansMissions ? provisional.missionSwing : 0
            tags = loader.tags
            candidates = Bucket(top: top, limit: maxCandidates)
        }

        struct Piece {
            var clean = true
            var rows = 0
            var hashes: [UInt64] = []
            var df = [Int](repeating: 0, count: 65)
            var wanted: [(local: Int, line: Int, fields: [String])] = []
            var newTags: ArraySlice<String> = []
            var candidates: Bucket
            var problem = ""
        }

        mutating func run(_ source: inout some ByteSource, blockBytes: Int) -> Bool {
            let outcome = OrganizationBlocks.read(
                &source, blockBytes: blockBytes, maxBytes: base.limits.maxFileBytes,
                header: { header, block in self.header(header, block) },
                body: { block, line, end in self.block(block, line: line, end: end) })
            if case .done = outcome { return true }
            return false
        }

        /// The header: plain, well-formed, comma-separated, every required column; its warnings
        /// (unknown columns) come again from the loader that reads the kept rows.
        mutating func header(_ h: UnsafeBufferPointer<UInt8>, _ block: UnsafeBufferPointer<UInt8>) -> Bool {
            problem = "the header"
            guard CSVDialect.detect(block) == CSVDialect() else { return false }
            guard let fields = WorkspaceLoader.plainHeader(h, file: file, limits: base.limits) else {
                return false
            }
            let schema = OrganizationsSchema.schema
            guard
                let map = base.columns(
                    fields, file: file, known: schema.names, required: schema.required, into: DiagnosticSink()
                )
            else { return false }
            cols = WorkspaceLoader.OrganizationColumns(
                index: schema.names.map { map[$0] ?? -1 }, tagColumns: OrganizationsSchema.tagColumns,
                headerCount: fields.count)
            headerBytes = Array(h)
            problem = ""
            return true
        }

        mutating func block(_ block: UnsafeBufferPointer<UInt8>, line: Int, end: Bool) -> (
            bytes: Int, lines: Int
        )? {
            guard let cols else { return nil }
            let (context, file, wanted, query, scans, tags) = (
                PieceContext(base), file, wanted, query, scansMissions, tags
            )
            let (provisional, swing) = (provisional, swing)
            let (top, limit, cutoffs) = (candidates.top, candidates.limit, candidates.cutoffs)
            let missionColumn = cols.index[OrganizationsSchema.Column.mission.rawValue]
            let numberColumns = OrganizationsSchema.numberColumns.map { cols.index[$0.rawValue] }
            guard
                let (results, bytes, lines) = StreamingScore.pieces(
                    block, line: line, end: end,
                    { _, slice, start -> Piece in
                        var piece = Piece(candidates: Bucket(top: top, limit: limit, cutoffs: cutoffs))
                        var local = StreamingScore.pieceLoader(context, tags: tags)
                        var scratch: [UInt32] = []
                        let problems = CSVParser.parse(
                            slice, file: file, limits: context.limits, startLine: start,
                            delimiter: UInt8(ascii: ",")
                        ) { record in
                            guard piece.clean else { return }
                            guard
                                StreamingScore.plainFields(
                                    record, count: cols.headerCount,
                                    id: cols.index[OrganizationsSchema.Column.id.rawValue]),
                                StreamingScore.checksPass(record, cols),
                                let numbers = StreamingScore.numbers(record, numberColumns)
                            else {
                                piece.clean = false
                                piece.problem = "line \(record.line) needs the full reader"
                                return
                            }
                            let tagLists = StreamingScore.tagLists(
                                record, cols, loader: &local, path: file, scratch: &scratch)
                            let h = StreamingScore.idHash(record, cols)
                            piece.hashes.append(h)
                            let hasMission =
                                missionColumn >= 0 && record.withBytes(missionColumn) { !$0.isEmpty }
                            var mask: UInt64 = 0
                            if scans && hasMission {
                                mask = record.withBytes(missionColumn) { query.matches($0) }
                                piece.df[64] += 1
                                var rest = mask
                                while rest != 0 {
                                    piece.df[rest.trailingZeroBitCount] += 1
                                    rest &= rest - 1
                                }
                            }
                            if wanted.contains(h) {
                                piece.wanted.append((piece.rows, record.line, StreamingScore.fields(record)))
                            } else {
                                let e = provisional.evaluate(
                                    tags: tagLists, hasMission: hasMission, missionMask: 0,
                                    staffFTE: numbers[0], annualBudget: numbers[1], volunteers: numbers[2],
                                    replyDays: numbers[3], index: nil)
                                let bound = hasMission ? swing * provisional.missionCoverageBound(mask) : 0
                                if piece.candidates.admits(
                                    provisional: e.score, bound: bound, dealbreaker: e.dealbreaker)
                                {
                                    piece.candidates.insert(
                                        Candidate(
                                            ordinal: piece.rows, line: record.line,
                                            id: StreamingScore.text(record, cols, .id),
                                            fields: StreamingScore.fields(record), provisional: e.score,
                                            bound: bound, key: ScoreKey(e),
                                            group: Group(
                                                mask: mask, hasMission: hasMission, dealbreaker: e.dealbreaker
                                            ),
                                            tags: tagLists, numbers: numbers))
                                }
                            }
                            piece.rows += 1
                        }
                        if !problems.isEmpty || !local.unknownTags.isEmpty {
                            piece.clean = false
                            piece.problem = problems.isEmpty ? "an unknown tag" : "a malformed record"
                        }
                        piece.hashes.sort()
                        piece.hashes = [UInt64](unsafeUninitializedCapacity: piece.hashes.count) { b, n in
                            n = b.initialize(from: piece.hashes).1
                        }
                        piece.newTags = local.tags.names[tags.count...]
                        return piece
                    })
            else { return (0, 0) }
            var counts: [Int] = []
            for piece in results {
                guard piece.clean else {
                    problem = piece.problem
                    return nil
                }
                for name in piece.newTags { _ = self.tags.intern(name) }
                for w in piece.wanted {
                    wantedRows.append(Row(ordinal: rows + w.local, line: w.line, fields: w.fields))
                }
                hashRuns.append(piece.hashes)
                candidates.merge(piece.candidates, ordinalBase: rows)
                for t in 0..<65 { df[t] += piece.df[t] }
                rows += piece.rows
                counts.append(piece.rows)
            }
            pieceRows.append(counts)
            return (bytes, lines)
        }

        /// No id hash repeats (a repeat may be a duplicate id, which the full reader reports).
        mutating func uniqueIDs() -> Bool {
            StreamingScore.noRepeats(in: hashRuns)
        }
    }

    /// Whether no value appears twice in `runs` (each sorted ascending): a merge of the runs
    /// through a heap of their heads, comparing each value with the one before.
    /// - Complexity: O(n log k) for n values in k runs; O(k) extra memory.
    static func noRepeats(in runs: [[UInt64]]) -> Bool {
        var position = [Int](repeating: 0, count: runs.count)
        var heap = runs.indices.filter { !runs[$0].isEmpty }
        func head(_ h: Int) -> UInt64 { runs[heap[h]][position[heap[h]]] }
        func siftDown(_ start: Int) {
            var i = start
            while true {
                let l = 2 * i + 1, r = l + 1
                var m = i
                if l < heap.count && head(l) < head(m) { m = l }
                if r < heap.count && head(r) < head(m) { m = r }
                if m == i { return }
                heap.swapAt(i, m)
                i = m
            }
        }
        for i in stride(from: heap.count / 2 - 1, through: 0, by: -1) { siftDown(i) }
        var last: UInt64?
        while !heap.isEmpty {
            let v = head(0)
            if v == last { return false }
            last = v
            let run = heap[0]
            position[run] += 1
            if position[run] == runs[run].count {
                heap.swapAt(0, heap.count - 1)
                heap.removeLast()
            }
            siftDown(0)
        }
        return true
    }

    // MARK: - The second pass

    /// A row kept by a part's heap.
    struct Kept {
        var score: Double
        var dealbreaker: Bool
        var id: String
        var ordinal: Int
        var line: Int
        var fields: [String]
    }

    /// The CONTRACT ranking (`ranksBefore`): no dealbreaker first, score descending, id.
    static func before(_ a: Kept, _ b: Kept) -> Bool {
        ranksBefore(
            dealbreakerA: a.dealbreaker, scoreA: a.score, idA: a.id, dealbreakerB: b.dealbreaker,
            scoreB: b.score,
            idB: b.id)
    }

    /// The second pass, when the scan's candidates cannot prove the top K: every row scored
    /// from its bytes (its mission matched again), the best `top` of each part kept.
    struct Rank {
        let base: WorkspaceLoader
        let tags: TagTable
        let file: String
        let wanted: Set<UInt64>
        let engine: ScoringEngine
        let cols: WorkspaceLoader.OrganizationColumns
        let top: Int
        let pieceRows: [[Int]]
        let scansMissions: Bool
        var lanes: [TopK<Kept>]
        var rows = 0
        var blockIndex = 0

        init(
            loader: WorkspaceLoader, tags: TagTable, file: String, wanted: Set<UInt64>, engine: ScoringEngine,
            cols: WorkspaceLoader.OrganizationColumns, top: Int, pieceRows: [[Int]], scansMissions: Bool
        ) {
            base = loader
            self.tags = tags
            self.file = file
            self.wanted = wanted
            self.engine = engine
            self.cols = cols
            self.top = top
            self.pieceRows = pieceRows
            self.scansMissions = scansMissions
            lanes = (0..<StreamingScore.piecesPerBlock).map { _ in TopK(top, by: StreamingScore.before) }
        }

        mutating func run(_ source: inout some ByteSource, blockBytes: Int) -> Bool {
            let outcome = OrganizationBlocks.read(
                &source, blockBytes: blockBytes, maxBytes: base.limits.maxFileBytes,
                header: { _, _ in true },
                body: { block, line, end in self.block(block, line: line, end: end) })
            if case .done = outcome { return true }
            return false
        }

        struct Piece {
            var rows = 0
            var sameTags = true
        }

        mutating func block(_ block: UnsafeBufferPointer<UInt8>, line: Int, end: Bool) -> (
            bytes: Int, lines: Int
        )? {
            guard blockIndex < pieceRows.count else { return nil }
            let counts = pieceRows[blockIndex]
            var firsts: [Int] = []
            var total = rows
            for c in counts {
                firsts.append(total)
                total += c
            }
            let (context, file, wanted, engine, cols, tags, scans) = (
                PieceContext(base), file, wanted, engine, cols, tags, scansMissions
            )
            let starts = firsts
            let missionColumn = cols.index[OrganizationsSchema.Column.mission.rawValue]
            let numberColumns = OrganizationsSchema.numberColumns.map { cols.index[$0.rawValue] }
            let split = lanes.withUnsafeMutableBufferPointer { lanePointer in
                let laneBuffer = WorkspaceLoader.UncheckedSendable(lanePointer)
                return StreamingScore.pieces(block, line: line, end: end) { k, slice, start -> Piece in
                    var piece = Piece()
                    guard k < counts.count, k < laneBuffer.value.count else {
                        piece.sameTags = false
                        return piece
                    }
                    var lane = laneBuffer.value[k]
                    var local = StreamingScore.pieceLoader(context, tags: tags)
                    var scratch: [UInt32] = []
                    _ = CSVParser.parse(
                        slice, file: file, limits: context.limits, startLine: start,
                        delimiter: UInt8(ascii: ",")
                    ) { record in
                        let ordinal = starts[k] + piece.rows
                        piece.rows += 1
                        guard record.count == cols.headerCount else {
                            piece.sameTags = false
                            return
                        }
                        let tagLists = StreamingScore.tagLists(
                            record, cols, loader: &local, path: file, scratch: &scratch)
                        let h = StreamingScore.idHash(record, cols)
                        if wanted.contains(h) { return }
                        guard let numbers = StreamingScore.numbers(record, numberColumns) else {
                            piece.sameTags = false  // proved plain by the scan: a changed file
                            return
                        }
                        let hasMission = missionColumn >= 0 && record.withBytes(missionColumn) { !$0.isEmpty }
                        let mask =
                            scans && hasMission
                            ? record.withBytes(missionColumn) { engine.query.matches($0) } : 0
                        let e = engine.evaluate(
                            tags: tagLists, hasMission: hasMission, missionMask: mask, staffFTE: numbers[0],
                            annualBudget: numbers[1], volunteers: numbers[2], replyDays: numbers[3],
                            index: nil)
                        if lane.isFull, let w = lane.worst {
                            if e.dealbreaker != w.dealbreaker {
                                if e.dealbreaker { return }
                            } else if e.score != w.score {
                                if e.score < w.score { return }
                            } else {
                                let idColumn = cols.index[OrganizationsSchema.Column.id.rawValue]
                                let lower = record.withBytes(idColumn) { b in
                                    b.lexicographicallyPrecedes(w.id.utf8)
                                }
                                if !lower { return }
                            }
                        }
                        lane.insert(
                            Kept(
                                score: e.score, dealbreaker: e.dealbreaker,
                                id: StreamingScore.text(record, cols, .id), ordinal: ordinal,
                                line: record.line,
                                fields: StreamingScore.fields(record)))
                    }
                    if local.tags.count != tags.count { piece.sameTags = false }
                    laneBuffer.value[k] = lane
                    return piece
                }
            }
            guard let (results, bytes, lines) = split else { return (0, 0) }
            blockIndex += 1
            for (k, piece) in results.enumerated() {
                guard piece.sameTags, k < counts.count, piece.rows == counts[k] else { return nil }
                rows += piece.rows
            }
            guard results.count == counts.count else { return nil }
            return (bytes, lines)
        }
    }
}
