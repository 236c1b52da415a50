// Fuzz entry points for every reader of user input. Built by `Fuzz/run.sh` with
// `swiftc -sanitize=fuzzer,address` together with the PartnerKit sources (one binary; the
// target is chosen with the FUZZ_TARGET environment variable). A crash, a hang past
// libFuzzer's timeout, or an address-sanitizer report is a bug: readers must turn any bytes
// into diagnostics.

import Foundation

/// Which reader this run exercises (FUZZ_TARGET): csv, json, workspace, proposal, vocabulary,
/// rubric.
let fuzzTarget: String = ProcessInfo.processInfo.environment["FUZZ_TARGET"] ?? "csv"

/// A small fixed workspace that proposals are read against.
let fuzzWorkspace: Workspace? = {
    let files: [String: [UInt8]] = [
        "library.json": Array(#"{"id":"lib","name":"L","priorities":[{"id":"p","label":"P","topics":["t"]}],"values":["v"]}"#.utf8),
        "organizations.csv": Array("id,name,offers,needs\na,A,x,y\nb,B,y,x\n".utf8),
    ]
    return WorkspaceLoader.load(files: files).workspace
}()

/// Splits fuzz input into workspace files at 0x1E (record separator) so one input can hold
/// library.json, organizations.csv, people.csv, relationships.csv and partnerships.json.
func fuzzFiles(_ bytes: [UInt8]) -> [String: [UInt8]] {
    let names = ["library.json", "organizations.csv", "people.csv", "relationships.csv", "partnerships.json", "vocabulary.json"]
    var files: [String: [UInt8]] = [:]
    var part: [UInt8] = []
    var k = 0
    for b in bytes {
        if b == 0x1E {
            if k < names.count { files[names[k]] = part }
            k += 1
            part = []
        } else {
            part.append(b)
        }
    }
    if k < names.count { files[names[k]] = part }
    return files
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    var limits = InputLimits()
    limits.maxFieldBytes = 4096
    limits.maxRows = 10_000
    switch fuzzTarget {
    case "json":
        _ = JSONParser.parse(bytes)
    case "workspace":
        let result = WorkspaceLoader.load(files: fuzzFiles(bytes), limits: limits)
        // Invariant: a workspace is returned only when there are no errors.
        if result.workspace != nil && result.diagnostics.hasErrors { abort() }
    case "proposal":
        if let w = fuzzWorkspace { _ = PartnershipReader.readProposal(bytes, file: "p.json", workspace: w, limits: limits) }
    case "vocabulary":
        let sink = DiagnosticSink()
        if case .success(let root) = JSONParser.parse(bytes) { _ = VocabularyReader.parse(root, file: "v.json", sink: sink) }
    default:
        let (rows, _) = CSVParser.rows(bytes, file: "f.csv", limits: limits)
        // Invariant: every row starts on a line inside the input.
        let lines = bytes.reduce(1) { $0 + ($1 == 0x0A ? 1 : 0) } + 1
        for r in rows where r.line < 1 || r.line > lines + bytes.count { abort() }
    }
    return 0
}
