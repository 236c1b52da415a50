import Dispatch
import Foundation

/// A read-only byte buffer shared by the parallel chunk readers. `@unchecked Sendable` is sound
/// because nobody writes to it while they run.
struct SharedBytes: @unchecked Sendable {
    let buffer: UnsafeBufferPointer<UInt8>
}

/// `organizations.csv` is the one workspace file that can be large (the IRS Business Master
/// File has about 1.8 million rows). It is read in parallel chunks split at record boundaries,
/// each row taking a byte-level fast path when it is plain ASCII that needs no trimming and
/// raises no diagnostic; anything else goes through the same row code as the sequential
/// reader. The result, tag ids and every diagnostic are identical to reading sequentially.
extension WorkspaceLoader {
    /// Bytes of body per chunk below which the file is read sequentially.
    static let defaultChunkBytes = 2 << 20

    /// Where each known column sits in a file.
    struct OrganizationColumns: Sendable {
        /// Per `OrganizationsSchema.Column`: its field position, or -1 when absent.
        var index: [Int]
        /// Per `TagField`: its position in `OrganizationsSchema.Column`.
        var tagColumns: [Int]
        var headerCount: Int
    }

    /// A pointer handed to `concurrentPerform` whose iterations touch disjoint elements only
    /// (each chunk its own organizations and its own slice of the output).
    struct UncheckedSendable<T>: @unchecked Sendable {
        let value: T
        init(_ value: T) { self.value = value }
    }

    /// What one chunk produced, in the chunk's own tag numbering.
    struct OrganizationChunk {
        var organizations: [Organization] = []
        var diagnostics: [Diagnostic] = []
        /// The CSV reader reported a problem: the split may be wrong, read sequentially.
        var csvProblems = false
        var tags = TagTable()
        var unknownTags: [TagCategory: [String: TagUse]] = [:]
        /// Ids of rows that could not be read, with their lines.
        var rejectedIDs: [String: Int] = [:]
    }

    // MARK: - Splitting at record boundaries

    /// Quote, line-feed and lone-CR counts of a range.
    struct ByteCounts {
        var quotes = 0
        var lines = 0
    }

    /// Counts quotes and physical line ends (LF, or CR not followed by LF, as the CSV reader
    /// counts lines) in `range`.
    /// - Complexity: O(range.count).
    static func counts(_ b: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> ByteCounts {
        var quotes = 0, lf = 0, cr = 0, crlf = 0
        var i = range.lowerBound
        // Sixteen bytes at a time: each lane of a count vector adds 1 where its byte matches
        // (a CR followed by LF is matched against the vector one byte on), for at most 255
        // steps (a lane is one byte), then the lanes are summed.
        if let base = b.baseAddress {
            typealias Lanes = SIMD16<UInt8>
            let raw = UnsafeRawPointer(base)
            let zero = Lanes(repeating: 0), one = Lanes(repeating: 1)
            let quote = Lanes(repeating: 0x22), lineFeed = Lanes(repeating: 0x0A)
            let carriageReturn = Lanes(repeating: 0x0D)
            @inline(__always) func total(_ lanes: Lanes) -> Int {
                Int(SIMD16<UInt16>(truncatingIfNeeded: lanes).wrappedSum())
            }
            while i + 17 <= range.upperBound {
                var q = zero, l = zero, c = zero, cl = zero
                var steps = 0
                while steps < 255 && i + 17 <= range.upperBound {
                    let v = raw.loadUnaligned(fromByteOffset: i, as: Lanes.self)
                    let next = raw.loadUnaligned(fromByteOffset: i + 1, as: Lanes.self)
                    let isCR = v .== carriageReturn
                    q &+= zero.replacing(with: one, where: v .== quote)
                    l &+= zero.replacing(with: one, where: v .== lineFeed)
                    c &+= zero.replacing(with: one, where: isCR)
                    cl &+= zero.replacing(with: one, where: isCR .& (next .== lineFeed))
                    i += 16
                    steps += 1
                }
                quotes += total(q)
                lf += total(l)
                cr += total(c)
                crlf += total(cl)
            }
        }
        while i < range.upperBound {
            let c = b[i]
            quotes += c == 0x22 ? 1 : 0
            lf += c == 0x0A ? 1 : 0
            if c == 0x0D {
                cr += 1
                if i + 1 < b.count && b[i + 1] == 0x0A { crlf += 1 }
            }
            i += 1
        }
        return ByteCounts(quotes: quotes, lines: lf + cr - crlf)
    }

    /// The first record start at or after `from`: just past an LF outside quotes, given the
    /// quote parity at `from`. Also the physical lines crossed. Nil when there is none.
    static func nextRecordStart(_ b: UnsafeBufferPointer<UInt8>, from: Int, oddQuotes: Bool) -> (
        offset: Int, lines: Int
    )? {
        var odd = oddQuotes
        var i = from
        let n = b.count
        while i < n {
            let c = b[i]
            if c == 0x22 {
                odd.toggle()
            } else if c == 0x0A && !odd {
                return (i + 1, counts(b, from..<(i + 1)).lines)
            }
            i += 1
        }
        return nil
    }

    /// Record-aligned chunk starts after the header, with the line each begins on. A record
    /// starts after a line feed with an even number of quotes before it; that holds for every
    /// well-formed RFC 4180 file, and a chunk that the CSV reader finds malformed makes the
    /// caller read the whole file sequentially instead, so a wrong split never shows.
    static func chunkStarts(_ b: UnsafeBufferPointer<UInt8>, bodyStart: Int, headerLines: Int, pieces: Int)
        -> (starts: [(offset: Int, line: Int)], lines: Int)
    {
        let n = b.count
        let step = max(1, (n - bodyStart) / pieces)
        let nominal = (0..<pieces).map { bodyStart + $0 * step }
        let ranges = (0..<pieces).map { k in nominal[k]..<(k + 1 < pieces ? nominal[k + 1] : n) }
        let shared = SharedBytes(buffer: b)
        let counted = parallelMap(ranges.indices.map { $0..<($0 + 1) }) { r in
            counts(shared.buffer, ranges[r.lowerBound])
        }
        var starts: [(offset: Int, line: Int)] = [(bodyStart, 1 + headerLines)]
        var quotesBefore = counts(b, 0..<bodyStart).quotes
        var linesBefore = headerLines
        for k in 0..<pieces {
            if k > 0, let next = nextRecordStart(b, from: nominal[k], oddQuotes: quotesBefore % 2 == 1),
                let last = starts.last, next.offset > last.offset, next.offset < n
            {
                starts.append((next.offset, 1 + linesBefore + next.lines))
            }
            quotesBefore += counted[k].quotes
            linesBefore += counted[k].lines
        }
        return (starts, linesBefore)
    }

    // MARK: - Reading

    /// Reads the organizations in parallel chunks. Nil when the file is small or anything
    /// about it (the header, a malformed record, the row limit) calls for the sequential reader,
    /// in which case nothing has been reported yet.
    mutating func readOrganizationsInChunks(_ b: UnsafeBufferPointer<UInt8>, path p: String)
        -> [Organization]?
    {
        let chunkBytes = self.chunkBytes ?? Self.defaultChunkBytes
        // Chunks are split and parsed as comma-separated; a `;` file is read sequentially.
        guard b.count >= 2 * chunkBytes, CSVDialect.detect(b) == CSVDialect(),
            let header = Self.nextRecordStart(b, from: 0, oddQuotes: false)
        else { return nil }
        // The header: plain, well-formed, every required column.
        guard
            let headerFields = Self.plainHeader(
                UnsafeBufferPointer(rebasing: b[0..<header.offset]), file: p, limits: limits)
        else { return nil }
        let headerSink = DiagnosticSink()
        let schema = OrganizationsSchema.schema
        guard
            let map = columns(
                headerFields, file: p, known: schema.names, required: schema.required, into: headerSink)
        else { return nil }
        let cols = OrganizationColumns(
            index: schema.names.map { map[$0] ?? -1 }, tagColumns: OrganizationsSchema.tagColumns,
            headerCount: headerFields.count)

        let cores = max(1, ProcessInfo.processInfo.activeProcessorCount)
        let pieces = max(1, min(4 * cores, (b.count - header.offset) / chunkBytes))
        let (starts, lines) = Self.chunkStarts(
            b, bodyStart: header.offset, headerLines: header.lines, pieces: pieces)
        // Records never outnumber physical lines: under the row limit, no chunk can hit it.
        guard lines < limits.maxRows else { return nil }
        let ends = starts.dropFirst().map(\.offset) + [b.count]
        let shared = SharedBytes(buffer: b)
        let (directory, limits, vocabulary) = (self.directory, self.limits, self.vocabulary)
        var chunks = parallelMap(starts.indices.map { $0..<($0 + 1) }) { r -> OrganizationChunk in
            let k = r.lowerBound
            var local = WorkspaceLoader(directory: directory, limits: limits)
            local.vocabulary = vocabulary
            var chunk = OrganizationChunk()
            chunk.organizations.reserveCapacity((ends[k] - starts[k].offset) / 200)
            var fields: [String] = []
            var scratch: [UInt32] = []
            let slice = UnsafeBufferPointer(rebasing: shared.buffer[starts[k].offset..<ends[k]])
            let problems = CSVParser.parse(slice, file: p, limits: limits, startLine: starts[k].line) {
                record in
                local.organizationRecord(
                    record, cols, path: p, fields: &fields, scratch: &scratch, into: &chunk.organizations)
            }
            chunk.csvProblems = !problems.isEmpty
            chunk.diagnostics = local.sink.diagnostics
            chunk.tags = local.tags
            chunk.unknownTags = local.unknownTags
            chunk.rejectedIDs = local.rejectedIDs
            return chunk
        }
        guard !chunks.contains(where: \.csvProblems) else { return nil }

        // Commit: the header's diagnostics, then each chunk's, interning its tag table into the
        // workspace's in chunk order (so ids are those a sequential read assigns). Few tags:
        // sequential and cheap.
        headerSink.diagnostics.forEach(sink.add)
        var tables: [[UInt32]] = []
        for k in chunks.indices {
            for (id, line) in chunks[k].rejectedIDs where rejectedIDs[id] == nil { rejectedIDs[id] = line }
            tables.append(chunks[k].tags.names.map { tags.intern($0) })
            for (category, uses) in chunks[k].unknownTags {
                for (tag, use) in uses {
                    if unknownTags[category]?[tag] != nil {
                        unknownTags[category]?[tag]?.count += use.count
                    } else {
                        unknownTags[category, default: [:]][tag] = use
                    }
                }
            }
            chunks[k].diagnostics.forEach(sink.add)
        }
        // Then, in parallel per chunk, renumber its tags and move its organizations into their
        // place in one array: moved, not copied, so no string is retained and released again.
        var offsets: [Int] = []
        var total = 0
        for c in chunks {
            offsets.append(total)
            total += c.organizations.count
        }
        let placeholder = Organization(id: "", name: "")
        let tableList = tables
        let offsetList = offsets
        let out = [Organization](unsafeUninitializedCapacity: total) { destination, count in
            chunks.withUnsafeMutableBufferPointer { source in
                let d = UncheckedSendable(destination), s = UncheckedSendable(source)
                DispatchQueue.concurrentPerform(iterations: source.count) { k in
                    let table = tableList[k]
                    let identity = table.enumerated().allSatisfy { UInt32($0.offset) == $0.element }
                    s.value[k].organizations.withUnsafeMutableBufferPointer { orgs in
                        guard let from = orgs.baseAddress, let to = d.value.baseAddress else { return }
                        table.withUnsafeBufferPointer { t in
                            for i in 0..<orgs.count {
                                if !identity { (from + i).pointee.tags.renumber(t) }
                                (to + offsetList[k] + i).initialize(to: (from + i).move())
                                (from + i).initialize(to: placeholder)
                            }
                        }
                    }
                    // Free this chunk's storage now, not after all chunks: the peak stays near
                    // one copy of the organizations.
                    s.value[k].organizations = []
                }
            }
            count = total
        }
        return out
    }

    /// One record of a chunk: the fast path when it applies, else exactly what the sequential
    /// reader does (UTF-8 check, field count, then the row).
    mutating func organizationRecord(
        _ record: borrowing CSVRecord, _ cols: OrganizationColumns, path p: String, fields: inout [String],
        scratch: inout [UInt32], into out: inout [Organization]
    ) {
        if let o = fastOrganization(record, cols, path: p, scratch: &scratch) {
            out.append(o)
            return
        }
        let badUTF8 = !record.trimmedFields(into: &fields)
        if badUTF8 {
            sink.error(p, .line(record.line), "text is not valid UTF-8", hint: "save the file as UTF-8")
        }
        if fields.count != cols.headerCount {
            sink.add(
                Self.fieldCountError(p, line: record.line, expected: cols.headerCount, found: fields.count))
            rejectOrganization(line: record.line, fields: fields, index: cols.index)
            return
        }
        if badUTF8 { rejectOrganization(line: record.line, fields: fields, index: cols.index) }
        if !badUTF8,
            let o = organizationRow(
                line: record.line, fields: fields, index: cols.index, tagColumns: cols.tagColumns, path: p)
        {
            out.append(o)
        }
    }

    /// The byte-level path for a plain row: every field ASCII with nothing to trim, and every
    /// check passing (so there is nothing to report). Nil, having changed nothing, otherwise.
    mutating func fastOrganization(
        _ record: borrowing CSVRecord, _ cols: OrganizationColumns, path p: String, scratch: inout [UInt32]
    ) -> Organization? {
        guard record.count == cols.headerCount else { return nil }
        for k in 0..<record.count {
            let plain = record.withBytes(k) { f -> Bool in
                guard let first = f.first, let last = f.last else { return true }
                guard first > 0x20, first < 0x7F, last > 0x20, last < 0x7F else { return false }
                var acc: UInt8 = 0
                for c in f { acc |= c }
                return acc < 0x80
            }
            if !plain { return nil }
        }
        func text(_ column: Int) -> String {
            let i = cols.index[column]
            return i < 0 ? "" : record.withBytes(i) { String(decoding: $0, as: UTF8.self) }
        }
        typealias Column = OrganizationsSchema.Column
        let id = text(Column.id.rawValue), name = text(Column.name.rawValue)
        guard !id.isEmpty, !name.isEmpty, !id.utf8.contains(UInt8(ascii: ";")) else { return nil }
        var sector: Sector?
        let s = text(Column.sector.rawValue)
        if !s.isEmpty {
            sector = Sector(rawValue: s.lowercased())
            if sector == nil { return nil }
        }
        let ntee = text(Column.ntee.rawValue).uppercased()
        if !ntee.isEmpty && !CellParser.looksLikeNTEE(ntee) { return nil }
        let ein = text(Column.ein.rawValue)
        if !ein.isEmpty && !CellParser.looksLikeEIN(ein) { return nil }
        // The number columns (`OrganizationsSchema.numberColumns`: staff_fte, annual_budget,
        // volunteers, reply_days), plain digits only; anything else takes the sequential path.
        var numbers = [Double?](repeating: nil, count: Column.allCases.count)
        for column in OrganizationsSchema.numberColumns {
            let cell = text(column.rawValue)
            if cell.isEmpty { continue }
            guard let d = CellParser.plainNumber(cell) else { return nil }
            numbers[column.rawValue] = d
        }
        // Nothing to report: intern the tags (the only step that changes state).
        return Organization(
            id: id, name: name, sector: sector, ntee: ntee.isEmpty ? nil : ntee, ein: ein.isEmpty ? nil : ein,
            mission: text(Column.mission.rawValue).nilIfEmpty,
            tags: fastTagLists(record, cols, path: p, scratch: &scratch),
            staffFTE: numbers[Column.staffFTE.rawValue], annualBudget: numbers[Column.annualBudget.rawValue],
            volunteers: numbers[Column.volunteers.rawValue], replyDays: numbers[Column.replyDays.rawValue],
            serviceArea: text(Column.serviceArea.rawValue).nilIfEmpty,
            website: text(Column.website.rawValue).nilIfEmpty,
            line: record.line)
    }

    /// A header's fields, trimmed, when the bytes hold exactly one record that reads without a
    /// diagnostic; nil otherwise (the caller then takes the sequential reader). A lone CR also
    /// ends a record: "id,name\r:\n" is a header and a record, not one three-column header
    /// (found by the `chunked` fuzz target). Shared by the chunked reader and the streaming score.
    static func plainHeader(_ h: UnsafeBufferPointer<UInt8>, file: String, limits: InputLimits) -> [String]? {
        var fields: [String] = []
        var unreadable = false, records = 0
        let diagnostics = CSVParser.parse(h, file: file, limits: limits) { record in
            records += 1
            for k in 0..<record.count {
                if let s = record.string(k) { fields.append(s.trimmingWhitespace) } else { unreadable = true }
            }
        }
        return diagnostics.isEmpty && !unreadable && records == 1 ? fields : nil
    }

    /// Interns a clean record's tags as the fast path does: the six lists, each sorted and
    /// unique. Shared by the chunked reader and the streaming score.
    mutating func fastTagLists(
        _ record: borrowing CSVRecord, _ cols: OrganizationColumns, path p: String, scratch: inout [UInt32]
    ) -> TagLists {
        var storage: [UInt32] = []
        var ends = SIMD8<UInt16>(repeating: 0)
        var knownMask: UInt8 = 0
        for f in TagField.allCases {
            let column = cols.tagColumns[f.rawValue]
            let i = column >= 0 ? cols.index[column] : -1
            if i >= 0 {
                scratch.removeAll(keepingCapacity: true)
                let given = record.withBytes(i) { cell -> Bool in
                    internPieces(cell, field: f, path: p, line: record.line, into: &scratch)
                    return !cell.isEmpty
                }
                if given { knownMask |= 1 << UInt8(f.rawValue) }
                Self.appendSortedUnique(scratch, to: &storage)
            }
            ends[f.rawValue] = UInt16(clamping: storage.count)
        }
        return TagLists(storage: storage, ends: ends, knownMask: knownMask)
    }

    /// Appends `items` to `storage` sorted and without repeats (what is already in `storage`
    /// is left alone). A short list, the usual one to four tags, is inserted in order straight
    /// into `storage`: a general sort costs more at that size.
    static func appendSortedUnique(_ items: [UInt32], to storage: inout [UInt32]) {
        guard items.count > 1 else {
            storage.append(contentsOf: items)
            return
        }
        if items.count <= 16 {
            let base = storage.count
            for t in items {
                var p = storage.count
                while p > base && storage[p - 1] > t { p -= 1 }
                if p > base && storage[p - 1] == t { continue }
                storage.insert(t, at: p)
            }
            return
        }
        var last: UInt32?
        for t in items.sorted() where t != last {
            storage.append(t)
            last = t
        }
    }

    /// `internCell` on bytes: each `;`-separated piece looked up by its bytes, so a repeated
    /// spelling costs no `String`; a new one goes through `internCell`'s own logic.
    mutating func internPieces(
        _ cell: UnsafeBufferPointer<UInt8>, field: TagField, path p: String, line: Int,
        into out: inout [UInt32]
    ) {
        let slot = field.category.slot
        var start = 0
        let n = cell.count
        while start < n {
            var end = start
            while end < n && cell[end] != UInt8(ascii: ";") { end += 1 }
            if end > start {
                let piece = UnsafeBufferPointer(rebasing: cell[start..<end])
                if let hit = pieceCache.find(slot, piece) {
                    let item = pieceItems[hit]
                    out.append(item.id)
                    if let unknown = item.unknown { unknownTags[field.category]?[unknown]?.count += 1 }
                } else {
                    let raw = String(decoding: piece, as: UTF8.self)
                    let ids = internCell(raw, category: field.category, file: p, line: line)
                    out.append(contentsOf: ids)
                    if let cached = internCache[slot][raw] {
                        pieceCache.insert(slot, piece, value: pieceItems.count)
                        pieceItems.append(cached)
                    }
                }
            }
            start = end + 1
        }
    }
}

extension TagCategory {
    /// Position in `allCases`, for per-category tables.
    var slot: Int {
        switch self {
        case .values: 0
        case .audiences: 1
        case .topics: 2
        case .assets: 3
        case .flags: 4
        }
    }
}
