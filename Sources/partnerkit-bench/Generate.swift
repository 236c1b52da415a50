import Foundation
import PartnerKit
import PartnerKitSynthetic

/// Writes benchmark workspaces with the seeded generator, so every run (and the side-by-side
/// script) reads exactly the same bytes.
enum Generate {
    static let asOf = Day("2026-11-29") ?? Day(ordinal: 0)

    /// The files of a workspace: `organizations` organizations and, when `graphNodes` > 1, a
    /// Barabási–Albert relationship graph (m = 5) over the library and the first
    /// `graphNodes − 1` organizations.
    static func files(organizations: Int, graphNodes: Int) -> [String: [UInt8]] {
        var files = Synthetic.workspace(organizations: organizations, ties: false, asOf: asOf)
        let nodes = min(graphNodes, organizations + 1)
        if nodes > 5 + 1 {
            files["relationships.csv"] = Synthetic.relationshipsCSV(
                organizations: nodes - 1, m: 5, asOf: asOf, seed: 43)
        }
        return files
    }

    /// Writes the workspace into `directory` (each file atomically). Returns an error message
    /// or nil.
    static func write(organizations: Int, graphNodes: Int, to directory: String) -> String? {
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            return "cannot create \(directory): \(error.localizedDescription)"
        }
        for (name, bytes) in files(organizations: organizations, graphNodes: graphNodes).sorted(by: {
            $0.key < $1.key
        }) {
            if case .failure(let e) = Files.writeAtomically(
                bytes, to: joinPath(directory, name), overwrite: true)
            {
                return "\(directory)/\(name): \(e)"
            }
        }
        return nil
    }

    /// A cached workspace under `.build/bench-data`, generated once per shape.
    static func cached(organizations: Int, graphNodes: Int) -> (directory: String, error: String?) {
        let dir = ".build/bench-data/o\(organizations)-g\(graphNodes)"
        let stamp = dir + "/.complete"
        if Files.exists(stamp) { return (dir, nil) }
        if let e = write(organizations: organizations, graphNodes: graphNodes, to: dir) { return (dir, e) }
        _ = Files.writeAtomically(Array("generator seed 42/43\n".utf8), to: stamp, overwrite: true)
        return (dir, nil)
    }
}
