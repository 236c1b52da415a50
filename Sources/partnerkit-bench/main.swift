import Foundation
import PartnerKit

// Temporary driver: generate and time the workspace load (the full suite follows).
let n = Int(CommandLine.arguments.dropFirst().first ?? "100000") ?? 100000
let dir = "/tmp/pk-bench-\(n)"
try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
let asOf = Day("2026-11-29") ?? Day(ordinal: 0)
var t0 = Date()
let files = Synthetic.workspace(organizations: n, asOf: asOf)
print("generate", Date().timeIntervalSince(t0))
for (name, bytes) in files { _ = Files.writeAtomically(bytes, to: dir + "/" + name, overwrite: true) }
t0 = Date()
let r = WorkspaceLoader.load(directory: dir)
let dt = Date().timeIntervalSince(t0)
let mb = Double(files.values.map(\.count).reduce(0, +)) / 1e6
print("load", dt, "s", mb / dt, "MB/s", r.diagnostics.summary, r.workspace?.organizations.count ?? -1)
if let bytes = files["organizations.csv"] {
    t0 = Date()
    var count = 0
    let d = bytes.withUnsafeBufferPointer { buf in CSVParser.parse(buf, file: "o") { rec in count += rec.count } }
    print("csv parse only", Date().timeIntervalSince(t0), count, d.count)
    t0 = Date()
    let rows = CSVParser.rows(bytes, file: "o")
    print("csv rows", Date().timeIntervalSince(t0), rows.rows.count)
}
if let bytes = files["relationships.csv"] {
    t0 = Date()
    let rows = CSVParser.rows(bytes, file: "o")
    print("rel rows", Date().timeIntervalSince(t0), rows.rows.count, bytes.count)
}
