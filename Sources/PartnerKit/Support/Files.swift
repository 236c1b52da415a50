import Foundation

/// Reading and writing files: the only file input/output in the library. Engines never call
/// these; the workspace reader and the command-line tool do.
public enum Files {
    public enum ReadError: Error, Sendable, Equatable {
        case missing
        case isDirectory
        case tooLarge(limit: Int)
        case unreadable(String)

        public var message: String {
            switch self {
            case .missing: "file not found"
            case .isDirectory: "is a folder, not a file"
            case .tooLarge(let limit): "file is larger than the limit of \(limit) bytes"
            case .unreadable(let why): "cannot read the file: \(why)"
            }
        }
    }

    public static func exists(_ path: String) -> Bool { FileManager.default.fileExists(atPath: path) }

    public static func isDirectory(_ path: String) -> Bool {
        var dir: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &dir) && dir.boolValue
    }

    /// The whole file as bytes, refusing files over `limit`.
    public static func read(_ path: String, limit: Int = InputLimits.default.maxFileBytes) -> Result<
        [UInt8], ReadError
    > {
        var dir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &dir) else {
            return .failure(.missing)
        }
        if dir.boolValue { return .failure(.isDirectory) }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            return .failure(.unreadable("permission denied"))
        }
        defer { try? handle.close() }
        do {
            let size = try handle.seekToEnd()
            if size > UInt64(limit) { return .failure(.tooLarge(limit: limit)) }
            try handle.seek(toOffset: 0)
            // Straight into the array (no `Data` copy): a 400 MB file costs 400 MB, not 800.
            let fd = handle.fileDescriptor
            var failed: Int32 = 0
            let capacity = Int(size) + 1
            let bytes = [UInt8](unsafeUninitializedCapacity: capacity) { buf, count in
                count = 0
                while count < capacity, let base = buf.baseAddress {
                    let r = Foundation.read(fd, base + count, capacity - count)
                    if r < 0 {
                        if errno == EINTR { continue }
                        failed = errno
                        return
                    }
                    if r == 0 { return }
                    count += r
                }
            }
            if failed != 0 { return .failure(.unreadable(String(cString: strerror(failed)))) }
            if bytes.count >= capacity {
                // The file grew while being read: take the rest the slow way.
                let data = try handle.readToEnd() ?? Data()
                let all = bytes + [UInt8](data)
                return all.count > limit ? .failure(.tooLarge(limit: limit)) : .success(all)
            }
            if bytes.count > limit { return .failure(.tooLarge(limit: limit)) }
            return .success(bytes)
        } catch {
            return .failure(.unreadable(error.localizedDescription))
        }
    }

    public enum WriteError: Error, Sendable, Equatable, CustomStringConvertible {
        case exists(String)
        case failed(String, String)
        public var description: String {
            switch self {
            case .exists(let p): "\(p): error: file exists; add --force to overwrite it"
            case .failed(let p, let why): "\(p): error: cannot write: \(why)"
            }
        }
    }

    /// Writes `bytes` to `path` atomically: a temporary file in the same folder is written,
    /// flushed to disk and renamed over the target, so a process killed at any moment leaves
    /// either the old file or the complete new one, never a torn one. Refuses to replace an
    /// existing file unless `overwrite`. Creates missing parent folders.
    public static func writeAtomically(
        _ bytes: some Collection<UInt8>, to path: String, overwrite: Bool = false
    )
        -> Result<Void, WriteError>
    {
        let url = URL(fileURLWithPath: path)
        let dir = url.deletingLastPathComponent().path
        do {
            try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        } catch {
            return .failure(.failed(path, "cannot create folder \(dir)"))
        }
        if !overwrite && FileManager.default.fileExists(atPath: path) { return .failure(.exists(path)) }
        removeAbandonedTemporaries(of: url.lastPathComponent, in: dir)
        let temp = "\(dir)/.\(url.lastPathComponent).tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let fd = open(temp, O_WRONLY | O_CREAT | O_EXCL, 0o644)
        guard fd >= 0 else { return .failure(.failed(path, String(cString: strerror(errno)))) }
        let data = Array(bytes)
        var written = 0
        let ok: Bool = data.withUnsafeBytes { raw in
            guard let base = raw.baseAddress else { return true }
            while written < raw.count {
                let r = Foundation.write(fd, base + written, raw.count - written)
                if r < 0 {
                    if errno == EINTR { continue }
                    return false
                }
                written += r
            }
            return true
        }
        let synced = fsync(fd) == 0
        close(fd)
        guard ok && synced else {
            unlink(temp)
            return .failure(.failed(path, String(cString: strerror(errno))))
        }
        if !overwrite {
            // link(2) fails if the target appeared meanwhile: no race can overwrite it.
            if link(temp, path) != 0 {
                let why = errno == EEXIST ? nil : String(cString: strerror(errno))
                unlink(temp)
                return .failure(why.map { .failed(path, $0) } ?? .exists(path))
            }
            unlink(temp)
        } else if rename(temp, path) != 0 {
            let why = String(cString: strerror(errno))
            unlink(temp)
            return .failure(.failed(path, why))
        }
        // Make the rename itself durable.
        let dfd = open(dir, O_RDONLY)
        if dfd >= 0 {
            fsync(dfd)
            close(dfd)
        }
        return .success(())
    }

    /// Removes temporary files a killed writer of the same target left behind
    /// (`.NAME.tmp-PID-RANDOM` whose process no longer exists). A live writer's file is kept.
    static func removeAbandonedTemporaries(of name: String, in dir: String) {
        let prefix = ".\(name).tmp-"
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: dir) else { return }
        for entry in entries where entry.hasPrefix(prefix) {
            let rest = entry.dropFirst(prefix.count)
            guard let pidText = rest.split(separator: "-").first, let pid = Int32(pidText), pid > 0 else {
                continue
            }
            if pid == getpid() { continue }
            if kill(pid, 0) == 0 || errno == EPERM { continue }  // still running (or not ours to ask)
            unlink("\(dir)/\(entry)")
        }
    }
}
