/// `partnerkit spectrum` output: JSON with the contract keys, readable text with a position
/// bar on the IAP2 1–5 scale, and Markdown.
public enum SpectrumReport {
    /// `{ "spectrum", "placements": [ { "id", "kind", "level", "position", "edging_toward",
    /// "criteria", "readiness", "next_steps", … } ] }` — the contract keys, plus reasons.
    public static func json(_ placements: [Placement], rubric: SpectrumRubric, asOf: Day) -> JSONOutput {
        .object([
            ("spectrum", .string(rubric.name)),
            ("as_of", .string(asOf.description)),
            ("placements", .array(placements.map(json))),
        ])
    }

    public static func json(_ p: Placement) -> JSONOutput {
        .object([
            ("id", .string(p.id)),
            ("title", .string(p.title)),
            ("kind", .string(p.kind.rawValue)),
            ("level", .string(p.level)),
            ("position", .rounded(p.position, 2)),
            ("edging_toward", .optional(p.edgingToward)),
            ("edging_direction", .optional(p.edgingDirection)),
            ("confidence", .rounded(p.confidence, 2)),
            ("criteria", .object(p.criteria.all.map { ($0.key, .bool($0.criterion.met)) })),
            ("evidence", .object(p.criteria.all.map { ($0.key, .string($0.criterion.evidence)) })),
            (
                "readiness",
                .array(
                    p.readiness.map { r in
                        .object([
                            ("check", .string(r.check.rawValue)), ("ok", .bool(r.ok)),
                            ("detail", .string(r.detail)),
                        ])
                    })
            ),
            ("next_steps", .strings(p.nextSteps)),
            ("dealbreaker_partners", .strings(p.dealbreakerPartners)),
            ("kind_reasons", .strings(p.kindReasons)),
            ("reasons", .strings(p.reasons)),
        ])
    }

    /// The scale with a marker at the position:
    /// `inform · consult ━━━●━━ involve · collaborate · empower`.
    public static func scale(_ position: Double, rubric: SpectrumRubric) -> String {
        let levels = rubric.levels
        guard let first = levels.first else { return "" }
        var out = first.id
        for (a, b) in zip(levels, levels.dropFirst()) {
            if position >= a.position && position <= b.position
                && !(position == b.position && b.id != levels.last?.id)
            {
                let width = 7
                let f = (position - a.position) / (b.position - a.position)
                let at = Int((f * Double(width - 1)).rounded())
                var cells = Array(repeating: "━", count: width)
                cells[min(width - 1, max(0, at))] = "●"
                out += " " + cells.joined() + " " + b.id
            } else {
                out += " · " + b.id
            }
        }
        return out
    }

    /// "Involve at 2.60 of 5, edging toward Collaborate" when the position leans up; when it
    /// leans down, "Involve at 2.60 of 5, in the lower part of Involve, near Consult": the
    /// direction named then never contradicts next steps that move it up.
    public static func levelPhrase(
        levelName: String, position: Double, edgingToward: String?, levels: [(id: String, name: String)],
        digits: Int = 2
    ) -> String {
        var s =
            "\(levelName) at \(digits == 2 ? formatPosition(position) : String(format: "%.1f", position)) of 5"
        guard let e = edgingToward, let k = levels.firstIndex(where: { $0.id == e }) else { return s }
        let here = levels.firstIndex { $0.name == levelName } ?? k
        s +=
            k > here
            ? ", edging toward \(levels[k].name)"
            : ", in the lower part of \(levelName), near \(levels[k].name)"
        return s
    }

    public static func text(_ placements: [Placement], rubric: SpectrumRubric) -> String {
        var out = "Spectrum: \(rubric.name) (\(rubric.levels.map(\.id).joined(separator: ", ")))\n"
        if placements.isEmpty { out += "\nNo partnerships to place.\n" }
        for p in placements {
            out += "\n\(p.title) [\(p.id)]\n"
            out += "  \(scale(p.position, rubric: rubric))\n"
            let levels = rubric.levels.map { (id: $0.id, name: $0.name) }
            out +=
                "  \(levelPhrase(levelName: p.levelName, position: p.position, edgingToward: p.namedEdging, levels: levels))"
                + " · \(p.kind.rawValue) · confidence \(percent(p.confidence))\n"
            if let l = rubric.level(p.level) {
                out +=
                    "  \(l.metaphor.map { "“\($0)” " } ?? "")What the library promises the partner: \(l.promiseToPartner)\n"
            }
            out += "  Kind: \(p.kindReasons.joined(separator: "; "))\n"
            out += "  Criteria:\n"
            for (key, c) in p.criteria.all {
                out += "    \(c.met ? "✓" : "✗") \(key.replacingUnderscores): \(c.evidence)\n"
            }
            out += "  Readiness:\n"
            for r in p.readiness {
                out += "    \(mark(r)) \(r.name): \(r.detail)\n"
            }
            if !p.nextSteps.isEmpty {
                out += "  Next steps:\n"
                for (i, s) in p.nextSteps.enumerated() { out += "    \(i + 1). \(s)\n" }
            }
        }
        return out
    }

    public static func markdown(_ placements: [Placement], rubric: SpectrumRubric) -> String {
        var out = "# Participation spectrum: \(rubric.name)\n"
        for p in placements {
            out += "\n## \(escape(p.title)) (`\(p.id)`)\n\n"
            let levels = rubric.levels.map { (id: $0.id, name: $0.name) }
            let line = levelPhrase(
                levelName: p.levelName, position: p.position, edgingToward: p.namedEdging, levels: levels)
            out +=
                escape(line)
                + " on the IAP2 scale — \(p.kind.rawValue), confidence \(percent(p.confidence)).\n\n"
            if let l = rubric.level(p.level) {
                out += "What the library promises the partner: \(escape(l.promiseToPartner))\n\n"
            }
            out += "`\(scale(p.position, rubric: rubric))`\n\n"
            out += "Kind: \(escape(p.kindReasons.joined(separator: "; "))).\n\n"
            out += "| criterion | met | evidence |\n| --- | --- | --- |\n"
            for (key, c) in p.criteria.all {
                out += "| \(key.replacingUnderscores) | \(c.met ? "✓" : "✗") | \(escape(c.evidence)) |\n"
            }
            out += "\n| readiness | ok | detail |\n| --- | --- | --- |\n"
            for r in p.readiness {
                out += "| \(r.name) | \(mark(r)) | \(escape(r.detail)) |\n"
            }
            if !p.nextSteps.isEmpty {
                out += "\n**Next steps**\n\n"
                for (i, s) in p.nextSteps.enumerated() { out += "\(i + 1). \(escape(s))\n" }
            }
        }
        return out
    }

    static func formatPosition(_ d: Double) -> String {
        let r = (d * 100).rounded() / 100
        let s = formatNumber(r)
        if !s.contains(".") { return s + ".00" }
        let decimals = s.split(separator: ".").last?.count ?? 2
        return decimals == 1 ? s + "0" : s
    }

    static func escape(_ s: String) -> String { Escape.markdown(s) }

    /// ✓ in place, ✗ missing, and "!" for a check that is in place on paper but needs action
    /// now (a contact plan whose last contact is overdue): never a tick beside "overdue".
    static func mark(_ r: ReadinessCheck) -> String {
        r.ok ? (r.overdue ? "!" : "✓") : "✗"
    }
}
