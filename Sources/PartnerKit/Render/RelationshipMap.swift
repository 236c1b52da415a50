import Foundation

/// The review's relationship map as geometry: which organizations it shows, where each one
/// sits, which ones carry a permanent label and where that label goes. A pure function of the
/// review and the workspace, so the same input always draws the same picture, and a value, so
/// a test can check the label boxes without a browser.
///
/// The layout is an ellipse around the library. The organizations a manager must be able to
/// read (the library's partners, proposed partners, and the organizations the actions name)
/// sit on its left and right arcs, their labels written horizontally outward from the node and
/// stacked in rows, so labels cannot meet; every other organization the library is tied to
/// sits on a smaller inner ellipse, named on hover or keyboard focus. A placement pass then
/// checks every label against every other label and every node and nudges the rare collision
/// (a long name over the inner ring) outward, growing the canvas rather than overlapping.
public struct RelationshipMap: Sendable {
    public enum Role: String, Sendable, Hashable {
        /// An organization in a reviewed partnership.
        case partner
        /// An organization only in a proposed partnership.
        case proposed
        /// An organization an action names: a candidate for a priority nobody serves, one side
        /// of an introduction, a strong tie gone quiet.
        case named
        /// Any other organization the library is tied to.
        case other
    }

    public struct Box: Sendable, Hashable {
        public var x: Double
        public var y: Double
        public var width: Double
        public var height: Double
        public init(x: Double, y: Double, width: Double, height: Double) {
            self.x = x
            self.y = y
            self.width = width
            self.height = height
        }
        public var maxX: Double { x + width }
        public var maxY: Double { y + height }
        /// True when the two boxes share interior area (touching edges do not count).
        public func overlaps(_ o: Box) -> Bool {
            x < o.maxX && o.x < maxX && y < o.maxY && o.y < maxY
        }
    }

    public struct Node: Sendable, Hashable {
        public var id: String
        public var name: String
        public var role: Role
        /// The worst health among the reviewed partnerships the organization is in.
        public var health: PortfolioReview.Health?
        /// Library priority ids this organization serves or is a candidate for (the filter).
        public var priorities: [String]
        /// Why the map names it ("candidate for Climate resilience", "introduction").
        public var note: String?
        public var x: Double
        public var y: Double
        /// Radius of the marker; its box is the square around it.
        public var radius: Double
        public var box: Box { Box(x: x - radius, y: y - radius, width: 2 * radius, height: 2 * radius) }
    }

    public struct Label: Sendable, Hashable {
        public var node: String
        /// The name, wrapped to at most a few lines; never cut short.
        public var lines: [String]
        /// A smaller second part: the health word or why the organization is on the map.
        public var caption: String?
        /// `start` (text runs right of `x`) or `end` (text ends at `x`).
        public var anchor: String
        public var x: Double
        /// Top of the first line.
        public var y: Double
        public var box: Box
    }

    public struct Edge: Sendable, Hashable {
        public var a: String
        public var b: String
        public var kind: String
        public var strength: Double
        public var lastContact: Day?
        public var quiet: Bool
        /// True for a tie of the library's own.
        public var library: Bool
    }

    public var width: Double
    public var height: Double
    public var center: (x: Double, y: Double)
    public var libraryID: String
    public var libraryName: String
    public var libraryLabel: Label
    public var nodes: [Node]
    public var labels: [Label]
    public var edges: [Edge]

    // MARK: Text metrics, shared by the renderer and the tests

    public static let nameSize = 12.5
    public static let captionSize = 10.5
    public static let lineHeight = 1.25
    /// Names wrap at about this many characters per line.
    public static let wrapAt = 26

    /// An estimate of a line's rendered width in a sans-serif face, per character by class
    /// (Arial/Helvetica advance widths rounded up), so a real browser draws it no wider.
    /// Wide scripts (CJK, emoji) count a full em.
    public static func textWidth(_ s: String, fontSize: Double) -> Double {
        var em = 0.0
        for u in s.unicodeScalars {
            let v = u.value
            switch u {
            case "W", "M", "m", "w", "@", "%": em += 0.95
            case "i", "l", "j", "I", "'", ".", ",", ":", ";", "!", "|", " ": em += 0.32
            case "f", "t", "r", "(", ")", "[", "]", "-": em += 0.42
            default:
                if v >= 0x1100
                    && (v <= 0x115F || (0x2E80...0xA4CF).contains(v) || (0xAC00...0xD7A3).contains(v)
                        || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v)
                        || (0xFF00...0xFF60).contains(v)
                        || (0x1F000...0x1FAFF).contains(v) || (0x20000...0x3FFFD).contains(v))
                {
                    em += 1.0
                } else if u.properties.isUppercase {
                    em += 0.74
                } else if (0x0300...0x036F).contains(v) || (0x200B...0x200F).contains(v) {
                    em += 0  // combining marks and zero-width characters
                } else {
                    em += 0.6
                }
            }
        }
        return em * fontSize
    }

    /// Greedy word wrap at `wrapAt` characters; a word longer than a line gets a line alone.
    public static func wrap(_ s: String, at n: Int = wrapAt) -> [String] {
        let flat = s.map { $0.isNewline || $0 == "\t" ? " " : $0 }
        var lines: [String] = []
        var line = ""
        for word in String(flat).split(separator: " ", omittingEmptySubsequences: true) {
            if line.isEmpty {
                line = String(word)
            } else if line.count + 1 + word.count <= n {
                line += " " + word
            } else {
                lines.append(line)
                line = String(word)
            }
        }
        if !line.isEmpty { lines.append(line) }
        return lines.isEmpty ? [" "] : lines
    }

    /// The size of a label's text block.
    static func blockSize(lines: [String], caption: String?) -> (width: Double, height: Double) {
        var w = lines.map { textWidth($0, fontSize: nameSize) }.max() ?? 0
        var h = Double(lines.count) * nameSize * lineHeight
        if let caption {
            w = max(w, textWidth(caption, fontSize: captionSize))
            h += captionSize * lineHeight
        }
        return (w, h)
    }

    // MARK: Layout

    /// Lays out the map of `review`. `named` are the organizations the actions name, with why.
    public static func layout(
        review r: PortfolioReview, workspace w: Workspace, named: [(id: String, note: String)] = []
    ) -> RelationshipMap {
        let lib = w.library.id
        var worst: [String: PortfolioReview.Health] = [:]
        for p in r.partnerships { for o in p.partners { worst[o] = max(worst[o] ?? .green, p.health) } }
        var priorities: [String: Set<String>] = [:]
        let partnersOf = Dictionary(
            (r.partnerships + r.proposed).map { ($0.id, $0.partners) }, uniquingKeysWith: { a, _ in a })
        for c in r.coverage {
            for pid in c.byGoal + c.byTopic {
                for o in partnersOf[pid] ?? [] { priorities[o, default: []].insert(c.priority) }
            }
            for cand in c.candidates { priorities[cand.id, default: []].insert(c.priority) }
        }

        // Who is on the map, and in which role. Ties of people count as ties of their
        // organization (a person is tied to their organization implicitly).
        func orgOf(_ id: String) -> String? {
            if id == lib { return lib }
            if w.organization(id) != nil { return id }
            if let o = w.person(id)?.organization, w.organization(o) != nil { return o }
            return nil
        }
        var role: [String: Role] = [:]
        var note: [String: String] = [:]
        for id in worst.keys where w.organization(id) != nil { role[id] = .partner }
        for p in r.proposed {
            for o in p.partners where role[o] == nil && w.organization(o) != nil { role[o] = .proposed }
        }
        for n in named {
            guard let o = orgOf(n.id), o != lib else { continue }
            if role[o] == nil { role[o] = .named }
            if note[o] == nil { note[o] = n.note }
        }
        let quietKeys = Set(
            r.quietTies.compactMap { t -> String? in
                guard let a = orgOf(t.a), let b = orgOf(t.b), a != b else { return nil }
                return a < b ? "\(a)|\(b)" : "\(b)|\(a)"
            })
        var edgeByKey: [String: Edge] = [:]
        for t in w.ties {
            guard let a = orgOf(t.source), let b = orgOf(t.target), a != b else { continue }
            if a == lib || b == lib {
                let other = a == lib ? b : a
                if role[other] == nil { role[other] = .other }
            }
            let (x, y) = a < b ? (a, b) : (b, a)
            let key = "\(x)|\(y)"
            let e = Edge(
                a: x, b: y, kind: t.kind, strength: t.strength, lastContact: t.lastContact,
                quiet: quietKeys.contains(key), library: x == lib || y == lib)
            if let old = edgeByKey[key] {
                if (e.strength, old.kind) > (old.strength, e.kind) { edgeByKey[key] = e }
            } else {
                edgeByKey[key] = e
            }
        }

        // The labelled organizations in reading order: partners worst health first, then
        // proposed partners, then the organizations the actions name; each group by name.
        let rank: [Role: Int] = [.partner: 0, .proposed: 1, .named: 2, .other: 3]
        let ordered = role.keys.sorted { a, b in
            let ka = (rank[role[a] ?? .other] ?? 3, -(worst[a]?.rank ?? 0), w.displayName(a), a)
            let kb = (rank[role[b] ?? .other] ?? 3, -(worst[b]?.rank ?? 0), w.displayName(b), b)
            return ka < kb
        }
        let labelled = ordered.filter { role[$0] != .other }
        let others = ordered.filter { role[$0] == .other }

        func caption(_ id: String) -> String? {
            switch role[id] ?? .other {
            case .partner: return worst[id].map { "partner · \($0.rawValue)" }
            case .proposed: return "proposed partner"
            case .named: return note[id]
            case .other: return nil
            }
        }

        // Two columns of rows: the first half on the right arc, top to bottom, the rest on the
        // left arc. Row height is the label's height plus a gap.
        let half = (labelled.count + 1) / 2
        let right = Array(labelled.prefix(half)), left = Array(labelled.dropFirst(half))
        let gap = 6.0
        struct Row {
            var id: String
            var lines: [String]
            var caption: String?
            var size: (width: Double, height: Double)
        }
        func rows(_ ids: [String]) -> [Row] {
            ids.map { id in
                let lines = wrap(w.displayName(id))
                let c = caption(id)
                return Row(id: id, lines: lines, caption: c, size: blockSize(lines: lines, caption: c))
            }
        }
        let rightRows = rows(right), leftRows = rows(left)
        func stackHeight(_ rs: [Row]) -> Double { rs.reduce(0) { $0 + $1.size.height + gap } }
        let stack = max(stackHeight(rightRows), stackHeight(leftRows), 260)
        let maxLabel = (rightRows + leftRows).map(\.size.width).max() ?? 0
        let ry = stack / 2 + 24
        let rx = max(170, min(260, ry * 0.75))
        let margin = 16.0, nodeGap = 11.0
        let width = 2 * (rx + nodeGap + maxLabel + margin)
        let top = 30.0  // room for the library's inner ring labels on hover
        let cx = width / 2, cy = top + ry
        var nodes: [Node] = []
        var labels: [Label] = []

        func place(_ rs: [Row], side: Double) {
            var y = cy - stackHeight(rs) / 2
            for row in rs {
                let mid = y + row.size.height / 2
                let dy = max(-1, min(1, (mid - cy) / ry))
                let x = cx + side * rx * (1 - dy * dy).squareRoot()
                let radius = role[row.id] == .partner ? 7.0 : 6.0
                nodes.append(
                    Node(
                        id: row.id, name: w.displayName(row.id), role: role[row.id] ?? .other,
                        health: worst[row.id], priorities: (priorities[row.id] ?? []).sorted(),
                        note: note[row.id],
                        x: x, y: mid, radius: radius))
                let lx = x + side * nodeGap
                let box = Box(
                    x: side > 0 ? lx : lx - row.size.width, y: y, width: row.size.width,
                    height: row.size.height)
                labels.append(
                    Label(
                        node: row.id, lines: row.lines, caption: row.caption,
                        anchor: side > 0 ? "start" : "end",
                        x: lx, y: y, box: box))
                y += row.size.height + gap
            }
        }
        place(rightRows, side: 1)
        place(leftRows, side: -1)

        // The other organizations on an inner ellipse, in id order from the top.
        let irx = rx * 0.58, iry = ry * 0.62
        for (k, id) in others.enumerated() {
            let a = -Double.pi / 2 + 2 * Double.pi * Double(k) / Double(max(1, others.count))
            nodes.append(
                Node(
                    id: id, name: w.displayName(id), role: .other, health: nil,
                    priorities: (priorities[id] ?? []).sorted(), note: nil,
                    x: cx + irx * cos(a), y: cy + iry * sin(a), radius: 4.5))
        }

        // The library's own label, under its node, wrapped.
        let libLines = wrap(w.library.name, at: 22)
        let libSize = blockSize(lines: libLines, caption: nil)
        let libBox = Box(x: cx - libSize.width / 2, y: cy + 18, width: libSize.width, height: libSize.height)
        let libraryLabel = Label(
            node: lib, lines: libLines, caption: nil, anchor: "middle", x: cx, y: cy + 18, box: libBox)

        var map = RelationshipMap(
            width: width, height: cy + ry + top, center: (cx, cy), libraryID: lib,
            libraryName: w.library.name,
            libraryLabel: libraryLabel, nodes: nodes, labels: labels,
            edges: edgeByKey.values
                .filter { (role[$0.a] != nil || $0.a == lib) && (role[$0.b] != nil || $0.b == lib) }
                .sorted { ($0.a, $0.b) < ($1.a, $1.b) })
        map.resolveCollisions()
        return map
    }

    /// Every box that a label must keep clear of: the other labels, every node marker and
    /// the library's own label and node.
    public var obstacles: [(owner: String, box: Box)] {
        var all: [(String, Box)] = labels.map { ($0.node, $0.box) }
        all += nodes.map { ($0.id, $0.box) }
        all.append((libraryID, libraryLabel.box))
        all.append((libraryID, Box(x: center.x - 14, y: center.y - 14, width: 28, height: 28)))
        return all
    }

    /// The pairs that overlap: a label against another label, a node marker (other than its
    /// own) or the library. Empty for a good layout; a test asserts that.
    public var overlaps: [(String, String)] {
        var found: [(String, String)] = []
        let labelBoxes = labels.map { ($0.node, $0.box) } + [(libraryID, libraryLabel.box)]
        let markers =
            nodes.map { ($0.id, $0.box) } + [
                (libraryID, Box(x: center.x - 14, y: center.y - 14, width: 28, height: 28))
            ]
        for (i, l) in labelBoxes.enumerated() {
            for o in labelBoxes[(i + 1)...] where l.1.overlaps(o.1) { found.append((l.0, o.0)) }
            for m in markers where m.0 != l.0 && l.1.overlaps(m.1) { found.append((l.0, m.0)) }
        }
        return found
    }

    /// The placement pass: an inner-ring node under a label moves inward along its radius
    /// until it is clear; a label that still meets something moves outward. Bounded, and
    /// deterministic because it visits labels and nodes in order.
    mutating func resolveCollisions() {
        for _ in 0..<40 {
            var moved = false
            for (k, n) in nodes.enumerated() where n.role == .other {
                let hits = labels.contains { $0.box.overlaps(n.box) } || libraryLabel.box.overlaps(n.box)
                guard hits else { continue }
                nodes[k].x = center.x + (n.x - center.x) * 0.9
                nodes[k].y = center.y + (n.y - center.y) * 0.9
                if libraryLabel.box.overlaps(nodes[k].box) { nodes[k].y += libraryLabel.box.height + 12 }
                moved = true
            }
            for (k, l) in labels.enumerated() {
                let hit = obstacles.contains { $0.owner != l.node && $0.box.overlaps(l.box) }
                guard hit else { continue }
                let dx = l.anchor == "end" ? -8.0 : 8.0
                labels[k].x += dx
                labels[k].box.x += dx
                moved = true
            }
            if !moved { break }
        }
        // Keep everything on the canvas.
        let minX = min(0, (labels.map(\.box.x) + nodes.map { $0.x - $0.radius }).min() ?? 0)
        let maxX = max(width, (labels.map(\.box.maxX) + nodes.map { $0.x + $0.radius }).max() ?? width)
        if minX < 0 || maxX > width {
            let shift = -minX + 4
            for k in labels.indices {
                labels[k].x += shift
                labels[k].box.x += shift
            }
            for k in nodes.indices { nodes[k].x += shift }
            libraryLabel.x += shift
            libraryLabel.box.x += shift
            center.x += shift
            width = maxX - minX + 8
        }
    }
}
