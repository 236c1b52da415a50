import Foundation

/// Bytes read in blocks from the start, as often as needed: how a streaming reader takes a
/// file without holding it (the caller opens it; the reader never touches the file system).
public protocol ByteSource {
    /// Goes back to the first byte. False when that is not possible.
    mutating func rewind() -> Bool
    /// Fills the start of `buffer` with the next bytes: how many (0 at the end), nil when reading
    /// failed.
    mutating func read(into buffer: UnsafeMutableBufferPointer<UInt8>) -> Int?
}

/// A `ByteSource` over bytes in memory (tests, fuzzing).
public struct MemoryByteSource: ByteSource {
    let bytes: [UInt8]
    var position = 0

    public init(_ bytes: [UInt8]) { self.bytes = bytes }

    public mutating func rewind() -> Bool {
        position = 0
        return true
    }

    public mutating func read(into buffer: UnsafeMutableBufferPointer<UInt8>) -> Int? {
        let n = min(buffer.count, bytes.count - position)
        guard n > 0, let to = buffer.baseAddress else { return 0 }
        bytes.withUnsafeBufferPointer { from in
            guard let base = from.baseAddress else { return }
            to.update(from: base + position, count: n)
        }
        position += n
        return n
    }
}

/// A `ByteSource` over a regular file, read with `read(2)` into the caller's buffer (no
/// mapping: only the block being read is resident). Closed when released.
public final class FileByteSource: ByteSource {
    private let fd: Int32

    /// Opens `path`; nil when it is not a regular file that can be read.
    public init?(path: String) {
        guard case .success(let opened) = Files.openRegular(path) else { return nil }
        fd = opened.fd
    }

    deinit { close(fd) }

    public func rewind() -> Bool { lseek(fd, 0, SEEK_SET) == 0 }

    public func read(into buffer: UnsafeMutableBufferPointer<UInt8>) -> Int? {
        guard let base = buffer.baseAddress else { return 0 }
        while true {
            let r = Foundation.read(fd, base, buffer.count)
            if r >= 0 { return r }
            if errno != EINTR { return nil }
        }
    }
}
