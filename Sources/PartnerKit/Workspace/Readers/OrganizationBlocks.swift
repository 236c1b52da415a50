/// `organizations.csv` read from a `ByteSource` in record-aligned blocks of bounded size, for
/// the streaming path (`StreamingScore`): one reused buffer, so memory does not grow with the
/// file. A block ends after the last line feed with an even number of quotes before it (a
/// record boundary in any well-formed file, as the chunked reader splits); a record longer
/// than the buffer grows it. Quote parity is counted from the start of each block, which is
/// always a record start.
enum OrganizationBlocks {
    /// What reading the blocks ended with.
    enum Outcome {
        case done(bytes: Int)
        /// The source failed, the file is over the size limit, or a callback said stop.
        case stopped
    }

    /// Calls `header` with the bytes of the header record (the first line outside quotes,
    /// byte order mark included) and the first block (for dialect detection), then `body` with
    /// the buffered bytes after it, the line they start on and whether they end the file.
    /// `body` returns how many bytes it consumed (whole records; 0 when no record ends in them,
    /// which grows the buffer) and the physical lines in them, or nil to stop.
    static func read(
        _ source: inout some ByteSource, blockBytes: Int, maxBytes: Int,
        header: (_ header: UnsafeBufferPointer<UInt8>, _ block: UnsafeBufferPointer<UInt8>) -> Bool,
        body: (_ block: UnsafeBufferPointer<UInt8>, _ line: Int, _ end: Bool) -> (bytes: Int, lines: Int)?
    ) -> Outcome {
        guard source.rewind() else { return .stopped }
        var buffer = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: max(16, blockBytes))
        defer { buffer.deallocate() }
        var filled = 0, total = 0, line = 1
        var eof = false, headerDone = false
        while true {
            while !eof && filled < buffer.count {
                guard let r = source.read(into: UnsafeMutableBufferPointer(rebasing: buffer[filled...]))
                else {
                    return .stopped
                }
                if r == 0 {
                    eof = true
                } else {
                    filled += r
                    total += r
                    if total > maxBytes { return .stopped }
                }
            }
            let view = UnsafeBufferPointer(rebasing: buffer[0..<filled])
            var cut = 0
            if !headerDone {
                if let h = WorkspaceLoader.nextRecordStart(view, from: 0, oddQuotes: false) {
                    guard header(UnsafeBufferPointer(rebasing: view[0..<h.offset]), view) else {
                        return .stopped
                    }
                    headerDone = true
                    line = 1 + h.lines
                    cut = h.offset
                } else if eof {
                    return .stopped
                }
            } else if filled > 0 {
                guard let (bytes, lines) = body(view, line, eof) else { return .stopped }
                cut = bytes
                line += lines
            }
            if cut == 0 && !eof && filled == buffer.count {
                // No record ends in the buffer: a longer record than it holds. Grow it.
                let bigger = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: buffer.count * 2)
                if let to = bigger.baseAddress, let from = buffer.baseAddress {
                    to.update(from: from, count: filled)
                }
                buffer.deallocate()
                buffer = bigger
                continue
            }
            if let base = buffer.baseAddress, cut < filled {
                base.update(from: base + cut, count: filled - cut)
            }
            filled -= cut
            if eof && (filled == 0 || (headerDone && cut == 0)) {
                return filled == 0 ? .done(bytes: total) : .stopped
            }
        }
    }

    /// Splits `b` (starting on `line`, at a record start) into up to `pieces` record-aligned
    /// pieces ending at the last record end (`b`'s end when `end`): one parallel pass counting
    /// quotes and lines, a short scan back from the end, and a short scan forward from each
    /// nominal split. Nil when no record ends in `b`.
    static func split(_ b: UnsafeBufferPointer<UInt8>, line: Int, end: Bool, pieces: Int) -> (
        starts: [(offset: Int, line: Int)], cut: Int, lines: Int
    )? {
        let n = b.count
        let p = max(1, min(pieces, n))
        let step = max(1, n / p)
        let ranges = (0..<p).map { k in (k * step)..<(k + 1 < p ? (k + 1) * step : n) }
        let shared = SharedBytes(buffer: b)
        let counted = parallelMap(ranges.indices.map { $0..<($0 + 1) }) { r in
            WorkspaceLoader.counts(shared.buffer, ranges[r.lowerBound])
        }
        let quotes = counted.reduce(0) { $0 + $1.quotes }
        let allLines = counted.reduce(0) { $0 + $1.lines }
        var cut = end ? n : 0
        if !end {
            var after = 0
            var i = n - 1
            while i >= 0 {
                let c = b[i]
                if c == 0x22 {
                    after += 1
                } else if c == 0x0A && (quotes - after) % 2 == 0 {
                    cut = i + 1
                    break
                }
                i -= 1
            }
            if cut == 0 { return nil }
        }
        var starts: [(offset: Int, line: Int)] = [(0, line)]
        var quotesBefore = 0, linesBefore = 0
        for k in 1..<max(1, p) {
            quotesBefore += counted[k - 1].quotes
            linesBefore += counted[k - 1].lines
            guard ranges[k].lowerBound < cut,
                let next = WorkspaceLoader.nextRecordStart(
                    b, from: ranges[k].lowerBound, oddQuotes: quotesBefore % 2 == 1),
                let last = starts.last, next.offset > last.offset, next.offset < cut
            else { continue }
            starts.append((next.offset, line + linesBefore + next.lines))
        }
        let lines = allLines - (cut < n ? WorkspaceLoader.counts(b, cut..<n).lines : 0)
        return (starts, cut, lines)
    }
}
