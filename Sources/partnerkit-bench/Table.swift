import Foundation

/// The plain-text results table.
enum Table {
    static func render(_ rows: [Row]) -> String {
        let header = ["size", "step", "time", "peak RSS", "rate / ratio", "note"]
        let cells = rows.map {
            [
                $0.size, $0.step, Measure.seconds($0.seconds),
                $0.peakRSS > 0 ? Measure.megabytes($0.peakRSS) : "", $0.rate, $0.note,
            ]
        }
        var widths = header.map(\.count)
        for r in cells { for (i, c) in r.enumerated() { widths[i] = max(widths[i], c.count) } }
        func line(_ r: [String]) -> String {
            r.enumerated().map { i, c in c.padding(toLength: widths[i], withPad: " ", startingAt: 0) }.joined(
                separator: "  "
            )
            .trimmingCharacters(in: .whitespaces)
        }
        return ([line(header), line(widths.map { String(repeating: "-", count: $0) })] + cells.map(line))
            .joined(separator: "\n")
    }
}
