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
    /// each following block and the line it starts on; `body` returns the physical lines the
    /// block holds, or nil to stop.
    static func read(
        _ source: inout some ByteSource, blockBytes: Int, maxBytes: Int,
        header: (_ header: UnsafeBufferPointer<UInt8>, _ block: UnsafeBufferPointer<UInt8>) -> Bool,
        body: (_ block: UnsafeBufferPointer<UInt8>, _ line: Int) -> Int?
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
            var cut: Int?
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
            } else {
                cut = eof ? filled : lastRecordEnd(view)
                if let c = cut, c > 0 {
                    guard let lines = body(UnsafeBufferPointer(rebasing: view[0..<c]), line) else {
                        return .stopped
                    }
                    line += lines
                }
            }
            guard let c = cut else {
                // No record ends in the buffer: a longer record than it holds. Grow it.
                let bigger = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: buffer.count * 2)
                if let to = bigger.baseAddress, let from = buffer.baseAddress {
                    to.update(from: from, count: filled)
                }
                buffer.deallocate()
                buffer = bigger
                continue
            }
            if let base = buffer.baseAddress, c < filled { base.update(from: base + c, count: filled - c) }
            filled -= c
            if eof && filled == 0 { return .done(bytes: total) }
        }
    }

    /// Just past the last line feed of `b` with an even number of quotes before it; nil when
    /// there is none.
    /// - Complexity: O(b.count), the quote count vectorized.
    static func lastRecordEnd(_ b: UnsafeBufferPointer<UInt8>) -> Int? {
        let quotes = WorkspaceLoader.counts(b, 0..<b.count).quotes
        var after = 0
        var i = b.count - 1
        while i >= 0 {
            let c = b[i]
            if c == 0x22 {
                after += 1
            } else if c == 0x0A && (quotes - after) % 2 == 0 {
                return i + 1
            }
            i -= 1
        }
        return nil
    }
}
