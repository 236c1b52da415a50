import Foundation

/// Where a workspace keeps its saved quarterly reviews (`reviews/YYYY-Qn.json`), and the
/// reading of their bytes. The format belongs to Review (`ReviewSnapshot.read`, its
/// `version` and keys); this only finds the files and reads them.
public enum ReviewArchive {
    /// A saved review's bytes, with the quarter its name says and its path.
    public struct SavedFile: Sendable {
        public var quarter: Quarter
        public var path: String
        public var bytes: [UInt8]
    }

    /// `reviews/2026-Q4.json` inside the workspace.
    public static func path(for quarter: Quarter, workspace: String) -> String {
        joinPath(joinPath(workspace, "reviews"), "\(quarter).json")
    }

    /// The latest saved review of a quarter before `quarter`, or the problem reading it. Files
    /// whose names are not a quarter are ignored; no folder, or no earlier quarter, is nil.
    public static func latest(before quarter: Quarter, workspace: String, limits: InputLimits = .default)
        -> (file: SavedFile?, diagnostics: [Diagnostic])
    {
        let dir = (path(for: quarter, workspace: workspace) as NSString).deletingLastPathComponent
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: dir) else { return (nil, []) }
        let earlier = names.compactMap { name -> Quarter? in
            guard name.hasSuffix(".json") else { return nil }
            return Quarter(String(name.dropLast(5)))
        }.filter { $0 < quarter }.sorted()
        guard let q = earlier.last else { return (nil, []) }
        let file = "\(dir)/\(q).json"
        switch Files.read(file, limit: limits.maxFileBytes) {
        case .failure(let e): return (nil, [.error(file, .file, e.message)])
        case .success(let bytes): return (SavedFile(quarter: q, path: file, bytes: bytes), [])
        }
    }
}
