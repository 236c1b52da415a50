import Foundation

/// Finds the toolkit's own files — `Rubrics/*.json` and `Data/vocabulary.json` — which are the
/// single source of truth (no copy compiled into the code), also when the built binary runs
/// from another folder.
///
/// Searched in order: the folder named by `PARTNERKIT_HOME`; the folders above the running
/// executable (a `.build/…/partnerkit` sits inside the repository); the folders above this
/// source file at build time (a binary copied elsewhere on the machine that built it).
public enum Resources {
    public static func toolkitRoot(executable: String? = nil) -> String? {
        var candidates: [String] = []
        if let home = ProcessInfo.processInfo.environment["PARTNERKIT_HOME"], !home.isEmpty {
            candidates.append(home)
        }
        let exe = executable ?? Self.executablePath()
        if let exe {
            var dir = URL(fileURLWithPath: exe).resolvingSymlinksInPath().deletingLastPathComponent()
            for _ in 0..<8 {
                candidates.append(dir.path)
                dir = dir.deletingLastPathComponent()
            }
        }
        var src = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        for _ in 0..<5 {
            candidates.append(src.path)
            src = src.deletingLastPathComponent()
        }
        return candidates.first {
            Files.isDirectory("\($0)/Rubrics") && Files.exists("\($0)/Data/vocabulary.json")
        }
            ?? candidates.first {
                Files.isDirectory("\($0)/Rubrics") || Files.exists("\($0)/Data/vocabulary.json")
            }
    }

    static func executablePath() -> String? {
        if let p = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") { return p }
        return CommandLine.arguments.first
    }

    public static var rubricsDirectory: String? { toolkitRoot().map { "\($0)/Rubrics" } }

    public static var defaultVocabulary: String? {
        toolkitRoot().map { "\($0)/Data/vocabulary.json" }.flatMap { Files.exists($0) ? $0 : nil }
    }

    /// Resolves `--rubric NAME|PATH`: a path if one exists there, else `rubrics/NAME.json` in
    /// the workspace, else the toolkit's `Rubrics/NAME.json`. Returns nil and the places tried.
    public static func locateRubric(_ nameOrPath: String, workspace: String) -> (
        path: String?, tried: [String]
    ) {
        var tried: [String] = []
        if nameOrPath.hasSuffix(".json") || nameOrPath.contains("/") {
            tried.append(nameOrPath)
            if Files.exists(nameOrPath) && !Files.isDirectory(nameOrPath) { return (nameOrPath, tried) }
        }
        let file = nameOrPath.hasSuffix(".json") ? nameOrPath : "\(nameOrPath).json"
        let inWorkspace = (workspace == "." ? "" : workspace + "/") + "rubrics/\(file)"
        tried.append(inWorkspace)
        if Files.exists(inWorkspace) { return (inWorkspace, tried) }
        if let dir = rubricsDirectory {
            let shipped = "\(dir)/\(file)"
            tried.append(shipped)
            if Files.exists(shipped) { return (shipped, tried) }
        }
        return (nil, tried)
    }

    /// The names of the rubrics the toolkit ships.
    /// The shipped rubrics of one kind: spectra are the ones named `spectrum-…`.
    public static func shippedRubrics(spectra: Bool) -> [String] {
        shippedRubrics().filter { $0.hasPrefix("spectrum") == spectra }
    }

    public static func shippedRubrics() -> [String] {
        guard let dir = rubricsDirectory,
            let files = try? FileManager.default.contentsOfDirectory(atPath: dir)
        else { return [] }
        return files.filter { $0.hasSuffix(".json") }.map { String($0.dropLast(5)) }.sorted()
    }
}
