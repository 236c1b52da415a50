import Foundation

/// Reading and writing files: the only file input/output in the library. Engines never call
/// these; the workspace reader and the command-line tool do.
public enum Files {
    public enum ReadError: Error, Sendable, Equatable {
        case missing
        case isDirectory
        /// A device, FIFO or socket (named by kind): refused before any byte is read, since
        /// reading one may never end (`/dev/zero`) or never start (a FIFO with no writer).
        case notRegular(kind: String)
        /// A symbolic link that leads, through other links, back to itself.
        case symlinkLoop
        case tooLarge(limit: Int)
        case unreadable(String)

        public var message: String {
            switch self {
            case .missing: "file not found"
            case .isDirectory: "is a folder, not a file"
            case .notRegular(let kind): "is not a regular file but a \(kind): name an ordinary file"
            case .symlinkLoop:
                "is a symbolic link that leads back to itself (a loop of links): point it at a real file"
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

    /// What is at `path`, following symbolic links (`lstat` semantics only to tell a dangling
    /// link or a loop from a missing file).
    public enum Kind: Sendable, Equatable {
        case missing
        case folder
        case regular
        case symlinkLoop
        /// A device, FIFO or socket.
        case special(String)
    }

    public static func kind(_ path: String) -> Kind {
        var st = stat()
        guard stat(path, &st) == 0 else { return errno == ELOOP ? .symlinkLoop : .missing }
        return kind(mode: st.st_mode)
    }

    static func kind(mode: mode_t) -> Kind {
        switch mode & S_IFMT {
        case S_IFDIR: .folder
        case S_IFREG: .regular
        case S_IFIFO: .special("FIFO (named pipe)")
        case S_IFCHR: .special("character device")
        case S_IFBLK: .special("block device")
        case S_IFSOCK: .special("socket")
        default: .special("special file")
        }
    }

    /// Opens `path` for reading only if it is a regular file (a symbolic link to one is fine).
    /// The open is non-blocking so that a FIFO without a writer cannot hang it; the kind is then
    /// checked with `fstat` on the open descriptor (no window between checking and reading),
    /// and blocking mode restored. Returns the descriptor and the size `fstat` saw.
    public static func openRegular(_ path: String) -> Result<(fd: Int32, size: Int), ReadError> {
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        if fd < 0 {
            let e = errno
            switch e {
            case ENOENT, ENOTDIR: return .failure(.missing)
            case ELOOP: return .failure(.symlinkLoop)
            case EACCES, EPERM: return .failure(.unreadable("permission denied"))
            case EISDIR: return .failure(.isDirectory)
            default:
                // A socket (ENXIO) or a device without a driver cannot be opened at all.
                if case .special(let what) = kind(path) { return .failure(.notRegular(kind: what)) }
                return .failure(.unreadable(String(cString: strerror(e))))
            }
        }
        var st = stat()
        guard fstat(fd, &st) == 0 else {
            let why = String(cString: strerror(errno))
            close(fd)
            return .failure(.unreadable(why))
        }
        switch kind(mode: st.st_mode) {
        case .regular: break
        case .folder:
            close(fd)
            return .failure(.isDirectory)
        case .special(let what):
            close(fd)
            return .failure(.notRegular(kind: what))
        case .missing, .symlinkLoop:
            close(fd)
            return .failure(.missing)
        }
        let flags = fcntl(fd, F_GETFL)
        if flags >= 0 { _ = fcntl(fd, F_SETFL, flags & ~O_NONBLOCK) }
        return .success((fd, Int(clamping: st.st_size)))
    }

    /// The whole file as bytes, refusing files over `limit` and anything but a regular file.
    /// The read itself stops at `limit + 1` bytes, so a file that grows while it is read (or a
    /// `/proc` file whose size says 0) costs at most `limit` bytes of memory, never more.
    public static func read(_ path: String, limit: Int = InputLimits.default.maxFileBytes) -> Result<
        [UInt8], ReadError
    > {
        let fd: Int32
        let size: Int
        switch openRegular(path) {
        case .failure(let e): return .failure(e)
        case .success(let opened): (fd, size) = opened
        }
        defer { close(fd) }
        if size > limit { return .failure(.tooLarge(limit: limit)) }
        return read(fd, sizeHint: size, limit: limit)
    }

    /// Reads `fd` to its end, never holding more than `limit + 64 KiB` bytes.
    static func read(_ fd: Int32, sizeHint: Int, limit: Int) -> Result<[UInt8], ReadError> {
        // Straight into the array (no `Data` copy): a 400 MB file costs 400 MB, not 800. One
        // byte more than the size seen, to notice a file that grew.
        let first = min(max(sizeHint, 0), limit) + 1
        var failed: Int32 = 0
        var bytes = [UInt8](unsafeUninitializedCapacity: first) { buf, count in
            count = 0
            guard let base = buf.baseAddress else { return }
            while count < first {
                let r = Foundation.read(fd, base + count, first - count)
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
        if bytes.count < first { return .success(bytes) }
        // Longer than it said: go on block by block, stopping as soon as the limit is passed.
        var block = [UInt8](repeating: 0, count: 64 << 10)
        while bytes.count <= limit {
            let r = block.withUnsafeMutableBytes { raw -> Int in
                guard let base = raw.baseAddress else { return 0 }
                return Foundation.read(fd, base, raw.count)
            }
            if r < 0 {
                if errno == EINTR { continue }
                return .failure(.unreadable(String(cString: strerror(errno))))
            }
            if r == 0 { return .success(bytes) }
            bytes.append(contentsOf: block[0..<r])
        }
        return .failure(.tooLarge(limit: limit))
    }

    public enum WriteError: Error, Sendable, Equatable, CustomStringConvertible {
        case exists(String)
        case isFolder(String)
        case failed(String, String)
        public var description: String {
            switch self {
            case .exists(let p): "\(p): error: file exists; add --force to overwrite it"
            case .isFolder(let p):
                "\(p): error: is a folder, not a file: give the name of the file to write in it (\(p)/NAME)"
            case .failed(let p, let why): "\(p): error: cannot write: \(why)"
            }
        }
    }

    /// Writes `bytes` to `path` atomically: a temporary file in the same folder is written,
    /// flushed to disk and renamed over the target, so a process killed at any moment leaves
    /// either the old file or the complete new one, never a torn one. Refuses to replace an
    /// existing file unless `overwrite`, and a folder always. Creates missing parent folders.
    /// A SIGTERM, SIGINT or SIGHUP during the write removes the temporary file (see
    /// `TemporaryFiles`); after a SIGKILL the next write to the same target removes it.
    public static func writeAtomically(
        _ bytes: some Collection<UInt8>, to path: String, overwrite: Bool = false
    )
        -> Result<Void, WriteError>
    {
        let url = URL(fileURLWithPath: path)
        let dir = url.deletingLastPathComponent().path
        if kind(path) == .folder { return .failure(.isFolder(path)) }
        do {
            try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        } catch {
            return .failure(.failed(path, "cannot create folder \(dir)"))
        }
        if !overwrite && FileManager.default.fileExists(atPath: path) { return .failure(.exists(path)) }
        removeAbandonedTemporaries(of: url.lastPathComponent, in: dir)
        let temp = "\(dir)/.\(url.lastPathComponent).tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        // Registered before it exists, so no signal can fall between creating and registering.
        let slot = TemporaryFiles.register(temp)
        defer { TemporaryFiles.unregister(slot) }
        let fd = open(temp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
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
