import Foundation

/// The relationship map drawn as inline SVG, plus its legend and its text alternative (the
/// table of the ties it shows). Static and readable without JavaScript: the page's small
/// script only adds zoom, pan, the filter and the in-page label check, and every name is
/// escaped text.
extension RelationshipMap {
    static func f(_ d: Double) -> String { d.isFinite ? String(format: "%.1f", d) : "0" }

    /// The `<text>` of one label: the name's lines, then the caption in a smaller size.
    /// Baselines sit one font size below each line's top, so the glyphs stay inside the box
    /// the layout computed (ascent + descent of a sans-serif face is about 1.15 em, the box
    /// allows 1.25 em per line).
    static func text(_ l: Label, cls: String) -> String {
        let f = Self.f
        var s =
            "<text class=\"\(cls)\" x=\"\(f(l.x))\" y=\"\(f(l.y))\" text-anchor=\"\(l.anchor)\" font-size=\"\(f(nameSize))\">"
        var baseline = l.y + nameSize
        for line in l.lines {
            s += "<tspan x=\"\(f(l.x))\" y=\"\(f(baseline))\">\(Escape.html(line))</tspan>"
            baseline += nameSize * lineHeight
        }
        if let c = l.caption {
            baseline += captionSize - nameSize
            s +=
                "<tspan class=\"cap\" x=\"\(f(l.x))\" y=\"\(f(baseline))\" font-size=\"\(f(captionSize))\">\(Escape.html(c))</tspan>"
        }
        return s + "</text>"
    }

    func marker(_ n: Node) -> String {
        switch n.role {
        case .partner:
            return ReviewPalette.marker(n.health, x: n.x, y: n.y, r: n.radius, extra: " class=\"mk\"")
        case .proposed:
            return
                "<circle class=\"mk\" cx=\"\(Self.f(n.x))\" cy=\"\(Self.f(n.y))\" r=\"\(Self.f(n.radius - 1))\" fill=\"\(ReviewPalette.paper)\" stroke=\"\(ReviewPalette.accent)\" stroke-width=\"2.5\"/>"
        case .named:
            let r = n.radius * 1.15
            return
                "<polygon class=\"mk\" points=\"\(Self.f(n.x)),\(Self.f(n.y - r)) \(Self.f(n.x + r)),\(Self.f(n.y)) \(Self.f(n.x)),\(Self.f(n.y + r)) \(Self.f(n.x - r)),\(Self.f(n.y))\" fill=\"\(ReviewPalette.accent)\" stroke=\"\(ReviewPalette.paper)\" stroke-width=\"1.5\"/>"
        case .other:
            return
                "<circle class=\"mk\" cx=\"\(Self.f(n.x))\" cy=\"\(Self.f(n.y))\" r=\"\(Self.f(n.radius))\" fill=\"\(ReviewPalette.neutral)\" stroke=\"\(ReviewPalette.paper)\"/>"
        }
    }

    /// The SVG element. `titleID` names the element that describes the map.
    public func svg(titleID: String) -> String {
        let f = Self.f
        var pos: [String: (Double, Double)] = [libraryID: (center.x, center.y)]
        for n in nodes { pos[n.id] = (n.x, n.y) }
        var s =
            "<svg id=\"map-svg\" data-library=\"\(Escape.html(libraryID))\" viewBox=\"0 0 \(f(width)) \(f(height))\" width=\"100%\" preserveAspectRatio=\"xMidYMid meet\" role=\"group\" aria-labelledby=\"\(titleID)\" tabindex=\"0\">"
        s += "<g id=\"map-view\"><g class=\"ties\">"
        // Ties between organizations first, thin and grey; the library's own on top.
        for e in edges.sorted(by: { ($0.library ? 1 : 0, $0.a, $0.b) < ($1.library ? 1 : 0, $1.a, $1.b) }) {
            guard let a = pos[e.a], let b = pos[e.b] else { continue }
            let style =
                e.library
                ? "stroke=\"\(ReviewPalette.accent)\" stroke-opacity=\"0.7\" stroke-width=\"\(f(0.6 + 0.55 * min(4, max(0, e.strength))))\""
                : "stroke=\"#b8c4ce\" stroke-width=\"1\""
            s +=
                "<line data-a=\"\(Escape.html(e.a))\" data-b=\"\(Escape.html(e.b))\" x1=\"\(f(a.0))\" y1=\"\(f(a.1))\" x2=\"\(f(b.0))\" y2=\"\(f(b.1))\" \(style)\(e.quiet ? " stroke-dasharray=\"5 4\"" : "")/>"
        }
        s += "</g>"
        let labelOf = Dictionary(labels.map { ($0.node, $0) }, uniquingKeysWith: { a, _ in a })
        // Unlabelled nodes first, so the permanent labels are drawn over them; their names
        // show on hover and keyboard focus (CSS, no script needed) and in the tooltip.
        for n in nodes.sorted(by: { ($0.role == .other ? 0 : 1) < ($1.role == .other ? 0 : 1) }) {
            let health = n.health?.rawValue ?? "none"
            let what: String
            switch n.role {
            case .partner: what = "partner, health \(health)"
            case .proposed: what = "proposed partner"
            case .named: what = n.note ?? "named in an action"
            case .other: what = "the library knows them"
            }
            s +=
                "<g class=\"node \(n.role.rawValue)\" tabindex=\"0\" data-id=\"\(Escape.html(n.id))\" data-role=\"\(n.role.rawValue)\" data-health=\"\(health)\" data-priorities=\"\(Escape.html(n.priorities.joined(separator: " ")))\">"
            s += "<title>\(Escape.html("\(n.name): \(what)"))</title>"
            s += marker(n)
            if let l = labelOf[n.id] {
                s += Self.text(l, cls: "map-label")
            } else {
                let right = n.x >= center.x
                let hover = Label(
                    node: n.id, lines: [n.name], caption: nil, anchor: right ? "start" : "end",
                    x: n.x + (right ? 8 : -8), y: n.y - Self.nameSize * 0.6, box: n.box)
                s += Self.text(hover, cls: "hover-label")
            }
            s += "</g>"
        }
        s +=
            "<g class=\"node library\" data-role=\"library\"><title>\(Escape.html(libraryName))</title><circle class=\"mk\" cx=\"\(f(center.x))\" cy=\"\(f(center.y))\" r=\"14\" fill=\"\(ReviewPalette.accent)\"/>"
        s += Self.text(libraryLabel, cls: "map-label lib") + "</g>"
        return s + "</g></svg>"
    }
}
