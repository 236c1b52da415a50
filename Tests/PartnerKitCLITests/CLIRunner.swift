import Foundation

/// Runs the built `partnerkit` binary, as a user would, and captures what it printed.
struct CLIResult {
    var status: Int32
    var stdout: String
    var stderr: String
}

enum CLI {
    static let repositoryRoot: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()

    /// The executable beside the test bundle (`.build/debug/partnerkit`), else the repository's.
    static let binary: String = {
        var candidates: [String] = []
        if let first = CommandLine.arguments.first {
            var dir = URL(fileURLWithPath: first).deletingLastPathComponent()
            for _ in 0..<4 {
                candidates.append(dir.appendingPathComponent("partnerkit").path)
                dir.deleteLastPathComponent()
            }
        }
        candidates.append(
            Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("partnerkit").path)
        candidates.append(repositoryRoot + "/.build/debug/partnerkit")
        return candidates.first {
            FileManager.default.isExecutableFile(atPath: $0) && !$0.hasSuffix(".xctest")
        } ?? candidates.last ?? "partnerkit"
    }()

    static func run(_ arguments: [String], in directory: String? = nil, environment: [String: String] = [:])
        -> CLIResult
    {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = "1"
        for (k, v) in environment { env[k] = v }
        process.environment = env
        process.currentDirectoryURL = URL(fileURLWithPath: directory ?? repositoryRoot)
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        do { try process.run() } catch {
            return CLIResult(status: -1, stdout: "", stderr: "could not run \(binary): \(error)")
        }
        // Read both pipes before waiting, so a large output cannot block the child.
        let group = DispatchGroup()
        nonisolated(unsafe) var outData = Data(), errData = Data()
        group.enter()
        DispatchQueue.global().async {
            outData = out.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        errData = err.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return CLIResult(
            status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData, as: UTF8.self))
    }

    /// Parses stdout as JSON (for `--format json` checks).
    static func json(_ r: CLIResult) -> Any? {
        try? JSONSerialization.jsonObject(with: Data(r.stdout.utf8))
    }
}

/// A scratch folder removed when the value goes away.
final class Scratch {
    let path: String
    init() {
        path = NSTemporaryDirectory() + "partnerkit-cli-" + UUID().uuidString
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }
    deinit { try? FileManager.default.removeItem(atPath: path) }
    func write(_ name: String, _ text: String) {
        let url = URL(fileURLWithPath: path + "/" + name)
        try? FileManager.default.createDirectory(
            at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try? Data(text.utf8).write(to: url)
    }
    func read(_ name: String) -> String? {
        (try? Data(contentsOf: URL(fileURLWithPath: path + "/" + name))).map {
            String(decoding: $0, as: UTF8.self)
        }
    }
}
