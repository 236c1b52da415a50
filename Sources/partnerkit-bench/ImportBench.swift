import Foundation
import PartnerKit

/// `partnerkit-bench import`: times `partnerkit import irs-bmf` on a synthetic master file the
/// size of the national one (1.8 million rows by default), reporting rows per second and peak
/// memory, in process (the streaming reader, then the plan) and end to end (the built binary,
/// `--dry-run`, in a child process whose peak memory wait4 reports).
enum ImportBench {
    /// Writes a synthetic master file of `rows` organizations: the real 28 columns, ZIPs spread
    /// over the country (about 1 in 100 starting 054), NTEE codes from every major group with a
    /// fifth blank, care-of lines, and some negative revenues, as the real files have.
    static func masterFile(rows: Int, seed: UInt64 = 42) -> [UInt8] {
        var rng = seed
        func next() -> UInt64 {
            // SplitMix64: small, seeded, good enough for test data.
            rng &+= 0x9E37_79B9_7F4A_7C15
            var z = rng
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        let words = [
            "COMMUNITY", "LIBRARY", "FRIENDS", "OF", "THE", "VALLEY", "LITERACY", "WORKFORCE", "YOUTH",
            "ARTS",
            "FOOD", "SHELF", "HISTORICAL", "SOCIETY", "FISH", "AND", "GAME", "CLUB", "FOUNDATION", "CENTER",
            "ASSOCIATION", "COUNCIL", "HOUSING", "SENIOR", "VETERANS", "CHURCH", "SCHOOL", "PARENT",
            "TEACHER",
        ]
        let cities = [
            "BURLINGTON", "S BURLINGTON", "SPRINGFIELD", "RIVERSIDE", "FRANKLIN", "GREENVILLE", "SALEM",
        ]
        let letters = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
        var out: [UInt8] = []
        out.reserveCapacity(rows * 190)
        out += Array((MasterFile.columns.joined(separator: ",") + "\n").utf8)
        for k in 0..<rows {
            let r = next()
            var name = ""
            for w in 0..<(2 + Int(r % 4)) {
                if w > 0 { name += " " }
                name += words[Int((r >> (8 * UInt64(w + 1))) % UInt64(words.count))]
            }
            name += " INC"
            let zip =
                (r >> 40) % 100 == 0
                ? "054\(String(format: "%02d", Int(r % 100)))"
                : String(format: "%05d", Int((r >> 20) % 99_999))
            let ntee =
                r % 5 == 0
                ? "" : "\(letters[Int((r >> 12) % 26)])\(String(format: "%02d", Int((r >> 17) % 100)))"
            let revenue = r % 17 == 0 ? "-\(r % 9999)" : "\((r >> 24) % 5_000_000)"
            let ico = r % 3 == 0 ? "% JANE DOE" : ""
            let line =
                "\(String(format: "%09d", k)),\(name),\(ico),\(r % 999) MAIN ST,\(cities[Int(r % UInt64(cities.count))]),VT,\(zip)-0000,0000,03,3,1000,199001,1,15,000000000,1,01,201912,3,3,01,0,12,1000,\(revenue),\(revenue),\(ntee),\n"
            out += Array(line.utf8)
        }
        return out
    }

    static func run(rows: Int, out: String?) -> Int32 {
        let dir = out ?? NSTemporaryDirectory() + "partnerkit-bench-import-\(getpid())"
        let file = dir + "/eo_synthetic.csv"
        let t0 = Measure.now()
        let bytes = masterFile(rows: rows)
        if case .failure(let e) = Files.writeAtomically(bytes, to: file, overwrite: true) {
            FileHandle.standardError.write(Data("partnerkit-bench: error: \(e)\n".utf8))
            return 1
        }
        let size = bytes.count
        print(
            "wrote \(file): \(rows) rows, \(Measure.megabytes(size)) in \(Measure.seconds(Measure.now() - t0))"
        )
        // A tiny workspace to import into.
        let library =
            #"{"id":"lib","name":"Bench Library","priorities":[{"id":"p","label":"P","topics":["reading"]}]}"#
        _ = Files.writeAtomically(Array(library.utf8), to: dir + "/ws/library.json", overwrite: true)
        _ = Files.writeAtomically(Array("id,name\n".utf8), to: dir + "/ws/organizations.csv", overwrite: true)

        // In process: the streaming reader alone (every row read, 1 in 100 kept).
        let before = Measure.peakRSS()
        let (scanTime, scan) = Measure.best(1) { () -> MasterFile.Scan in
            var s = MasterFile.Scan()
            MasterFile.scan(path: file, file: file, filter: MasterFileFilter(zipPrefixes: ["054"]), into: &s)
            return s
        }
        print(
            "scan (in process):  \(scan.rows) rows in \(Measure.seconds(scanTime)) = \(Int(Double(scan.rows) / scanTime)) rows/s, kept \(scan.records.count); peak RSS \(Measure.megabytes(Measure.peakRSS())) (before: \(Measure.megabytes(before)))"
        )
        // End to end: the binary beside this one, --dry-run so the run can be repeated.
        let binary = Measure.executableDirectory() + "/partnerkit"
        guard Files.exists(binary) else {
            print("end to end: skipped (\(binary) not built)")
            return 0
        }
        let argv = [
            binary, "import", "irs-bmf", file, "--zip", "054", "--dry-run", "--workspace", dir + "/ws",
        ]
        guard let child = Measure.spawn(argv), child.status == 0 else {
            FileHandle.standardError.write(
                Data("partnerkit-bench: error: \(argv.joined(separator: " ")) failed\n".utf8))
            return 1
        }
        print(
            "import (end to end): \(rows) rows in \(Measure.seconds(child.seconds)) = \(Int(Double(rows) / child.seconds)) rows/s; peak RSS \(Measure.megabytes(child.peakRSS))"
        )
        if out == nil { try? FileManager.default.removeItem(atPath: dir) }
        return 0
    }
}
