/// A plain-text table with aligned columns, for terminal output. Width is counted in
/// characters (grapheme clusters), so names in any script line up as well as a terminal allows.
public struct TextTable: Sendable {
    public enum Alignment: Sendable { case left, right }
    public var headers: [String]
    public var alignments: [Alignment]
    public var rows: [[String]] = []

    public init(_ headers: [String], alignments: [Alignment]? = nil) {
        self.headers = headers
        self.alignments = alignments ?? headers.map { _ in .left }
    }

    public mutating func add(_ row: [String]) { rows.append(row) }

    public func render(indent: String = "") -> String {
        let n = headers.count
        var widths = headers.map(\.count)
        for r in rows {
            for i in 0..<min(n, r.count) { widths[i] = max(widths[i], r[i].count) }
        }
        func line(_ cells: [String]) -> String {
            var parts: [String] = []
            for i in 0..<n {
                let c = i < cells.count ? cells[i] : ""
                let pad = String(repeating: " ", count: max(0, widths[i] - c.count))
                let last = i == n - 1
                parts.append(alignments[i] == .right ? pad + c : (last ? c : c + pad))
            }
            return indent + parts.joined(separator: "  ")
        }
        var out = [
            line(headers), indent + widths.map { String(repeating: "─", count: $0) }.joined(separator: "  "),
        ]
        out += rows.map(line)
        return out.joined(separator: "\n") + "\n"
    }
}

/// A horizontal bar of `width` cells for a value in 0…1: `████▌     `.
public func bar(_ value: Double, width: Int = 10) -> String {
    let v = value.isFinite ? min(1, max(0, value)) : 0
    let eighths = Int((v * Double(width) * 8).rounded())
    let full = eighths / 8, rest = eighths % 8
    let partials = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"]
    var s = String(repeating: "█", count: full)
    if full < width { s += partials[rest] }
    let used = full + (rest > 0 && full < width ? 1 : 0)
    return s + String(repeating: " ", count: max(0, width - used))
}
