/// Renders `score` and `vet` results: JSON with the CONTRACT keys, text with a bar per
/// dimension, Markdown and CSV. Pure functions of the result values: the same result always
/// gives the same bytes.
public enum ScoreRendering {
    // MARK: JSON

    /// The CONTRACT candidate object, plus `unknown` (inputs not recorded) and `known` per
    /// dimension, which the CONTRACT allows as additions.
    public static func json(_ c: Candidate) -> JSONOutput {
        .object([
            ("id", .string(c.id)), ("name", .string(c.name)), ("score", .rounded(c.score, 2)),
            ("confidence", .rounded(c.confidence, 4)),
            ("dimensions", .object(c.dimensions.map { ($0.dimension.rawValue, .rounded($0.value, 4)) })),
            ("flags", .strings(c.flags)), ("reasons", .strings(c.reasons)),
            ("known", .object(c.dimensions.map { ($0.dimension.rawValue, .rounded($0.known, 4)) })),
            (
                "dimension_reasons",
                .object(c.dimensions.map { ($0.dimension.rawValue, .strings($0.reasons)) })
            ),
        ])
    }

    public static func json(_ s: Scorecard) -> JSONOutput {
        .object([
            ("rubric", .string(s.rubric)), ("as_of", .string(s.asOf.description)),
            ("considered", .int(s.considered)), ("candidates", .array(s.candidates.map(json))),
        ])
    }

    public static func json(_ v: Vetting, rubric: String, asOf: Day) -> JSONOutput {
        guard case .object(var members) = json(v.candidate) else { return .null }
        members.insert(("rubric", .string(rubric)), at: 0)
        members.insert(("as_of", .string(asOf.description)), at: 1)
        members.append(
            (
                "bands",
                .object(
                    zip(v.candidate.dimensions, v.bands).map { ($0.dimension.rawValue, .string($1.rawValue)) }
                )
            ))
        members.append(
            (
                "relationship",
                .object([
                    (
                        "ties",
                        .array(
                            v.ties.map { t in
                                .object([
                                    ("from", .string(t.from)), ("from_name", .string(t.fromName)),
                                    ("to", .string(t.to)),
                                    ("to_name", .string(t.toName)), ("kind", .string(t.kind)),
                                    ("strength", .number(t.strength)),
                                    ("last_contact", .optional(t.lastContact?.description)),
                                    ("days_since", t.daysSince.map { .int($0) } ?? .null),
                                    ("credit", .rounded(t.credit, 4)),
                                ])
                            })
                    )
                ])
            ))
        members.append(
            (
                "readiness",
                .array(
                    v.readiness.map {
                        .object([
                            ("check", .string($0.check)), ("ok", .bool($0.ok)),
                            ("detail", .string($0.detail)),
                        ])
                    })
            ))
        members.append(("missing", .strings(v.missing)))
        members.append(("warm_path", v.warmPath ?? .null))
        return .object(members)
    }

    // MARK: Text

    static let short: [Dimension: String] = [
        .valueAlignment: "values", .sharedAudience: "audience", .complementaryAssets: "assets",
        .capacity: "capacity",
        .relationship: "relation",
    ]

    public static func text(_ s: Scorecard) -> String {
        var out =
            "Ranked against rubric \(s.rubric), as of \(s.asOf): \(s.candidates.count) of \(s.considered) organizations\n\n"
        var t = TextTable(
            ["#", "organization", "score", "conf"] + Dimension.allCases.map { short[$0] ?? $0.rawValue } + [
                "flags"
            ],
            alignments: [.right, .left, .right, .right] + Dimension.allCases.map { _ in .left } + [.left])
        for (k, c) in s.candidates.enumerated() {
            t.add(
                [
                    "\(k + 1)", "\(c.name) (\(c.id))", formatNumber(c.score, maxFractionDigits: 1),
                    percent(c.confidence),
                ]
                    + c.dimensions.map { bar($0.value, width: 8) } + [c.flags.joined(separator: " ")])
        }
        out += t.render()
        if let best = s.candidates.first {
            out += "\nWhy \(best.name) ranks first:\n"
            for r in best.reasons { out += "  - \(r)\n" }
        }
        out += "\nDetail for one organization: partnerkit vet ID\n"
        return out
    }

    public static func text(_ v: Vetting, rubric: String, asOf: Day) -> String {
        let c = v.candidate
        var out = "\(c.name) (\(c.id)) — vetted against rubric \(rubric), as of \(asOf)\n"
        out +=
            "score \(formatNumber(c.score, maxFractionDigits: 1)) of 100, confidence \(percent(c.confidence))"
        out += c.flags.isEmpty ? "\n" : ", flags: \(c.flags.joined(separator: ", "))\n"
        out += "\n"
        for (d, band) in zip(c.dimensions, v.bands) {
            out +=
                "\(d.dimension.label.padding(22))\(bar(d.value)) \(formatNumber(d.value, maxFractionDigits: 2).padding(5)) \(band.rawValue)\n"
            for r in d.reasons { out += "    \(r)\n" }
        }
        out += "\nRelationship:\n"
        if v.ties.isEmpty { out += "  no recorded tie with the library or its people\n" }
        for t in v.ties { out += "  - \(t.description)\n" }
        if v.warmPathLines.isEmpty {
            out +=
                "  warm path: none within 3 intermediaries (`partnerkit path \(c.id) --max-intermediaries 5` looks further)\n"
        } else {
            out += "  warm paths (most trusted first):\n"
            for line in v.warmPathLines { out += "    \(line)\n" }
        }
        out += "\nGrant readiness:\n"
        for r in v.readiness { out += "  [\(r.ok ? "x" : " ")] \(r.check): \(r.detail)\n" }
        return out
    }

    // MARK: Markdown

    public static func markdown(_ s: Scorecard) -> String {
        var out =
            "# Candidate partners\n\nRubric `\(md(s.rubric))`, as of \(s.asOf); \(s.candidates.count) of \(s.considered) organizations.\n\n"
        out +=
            "| # | organization | score | confidence | "
            + Dimension.allCases.map { short[$0] ?? $0.rawValue }.joined(separator: " | ") + " | flags |\n"
        out += "|---:|---|---:|---:|" + Dimension.allCases.map { _ in "---:|" }.joined() + "---|\n"
        for (k, c) in s.candidates.enumerated() {
            out +=
                "| \(k + 1) | \(md(c.name)) (`\(md(c.id))`) | \(formatNumber(c.score, maxFractionDigits: 1)) | \(percent(c.confidence)) | "
            out += c.dimensions.map { formatNumber($0.value, maxFractionDigits: 2) }.joined(separator: " | ")
            out += " | \(md(c.flags.joined(separator: ", "))) |\n"
        }
        out += "\n## Reasons\n"
        for c in s.candidates {
            out += "\n### \(md(c.name))\n\n"
            for r in c.reasons { out += "- \(md(r))\n" }
        }
        return out
    }

    public static func markdown(_ v: Vetting, rubric: String, asOf: Day) -> String {
        let c = v.candidate
        var out = "# Vetting: \(md(c.name)) (`\(md(c.id))`)\n\nRubric `\(md(rubric))`, as of \(asOf). "
        out +=
            "Score **\(formatNumber(c.score, maxFractionDigits: 1))** of 100, confidence \(percent(c.confidence)).\n"
        if !c.flags.isEmpty { out += "\nFlags: \(c.flags.map { "`\(md($0))`" }.joined(separator: ", "))\n" }
        out += "\n| dimension | value | band | why |\n|---|---:|---|---|\n"
        for (d, band) in zip(c.dimensions, v.bands) {
            out +=
                "| \(d.dimension.label) | \(formatNumber(d.value, maxFractionDigits: 2)) | \(band.rawValue) | \(md(d.reasons.joined(separator: "; "))) |\n"
        }
        out += "\n## Relationship\n\n"
        if v.ties.isEmpty { out += "- no recorded tie with the library or its people\n" }
        for t in v.ties { out += "- \(md(t.description))\n" }
        for line in v.warmPathLines { out += "- warm path: \(md(line))\n" }
        out += "\n## Grant readiness\n\n"
        for r in v.readiness { out += "- [\(r.ok ? "x" : " ")] **\(r.check)**: \(md(r.detail))\n" }
        return out
    }

    /// Escapes the characters that would break a Markdown table cell or start markup.
    static func md(_ s: String) -> String { Escape.markdown(s) }

    // MARK: CSV

    /// RFC 4180 CSV, one row per candidate. A cell starting with `=`, `+`, `-` or `@` is
    /// prefixed with `'` so that a spreadsheet does not run it as a formula (CSV injection).
    public static func csv(_ s: Scorecard) -> String {
        var out =
            (["rank", "id", "name", "score", "confidence"] + Dimension.allCases.map(\.rawValue) + [
                "flags", "reasons",
            ])
            .joined(separator: ",") + "\r\n"
        for (k, c) in s.candidates.enumerated() {
            var cells = [
                "\(k + 1)", c.id, c.name, formatNumber(c.score, maxFractionDigits: 2),
                formatNumber(c.confidence, maxFractionDigits: 4),
            ]
            cells += c.dimensions.map { formatNumber($0.value, maxFractionDigits: 4) }
            cells += [c.flags.joined(separator: ";"), c.reasons.joined(separator: " | ")]
            out += cells.map(csvCell).joined(separator: ",") + "\r\n"
        }
        return out
    }

    /// A CSV cell, neutralised and quoted when needed. Numbers we format ourselves never start
    /// with `-` (scores are non-negative), so only text can be prefixed.
    public static func csvCell(_ raw: String) -> String { Escape.csvCell(raw) }
}

extension String {
    fileprivate func padding(_ width: Int) -> String {
        count >= width ? self + " " : self + String(repeating: " ", count: width - count)
    }
}
