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
            (
                "support",
                c.support.map { s in
                    .object([
                        ("funder_tie_strength", s.funderTieStrength.map { .number($0) } ?? .null),
                        ("funder_tie_note", .optional(s.funderTieNote)), ("funds", .strings(s.funds)),
                    ])
                } ?? .null
            ),
        ])
    }

    /// For an organization that already supports the library: what it gives, and why the
    /// score (a programme partner's fit) can still be low, in words a manager accepts.
    static func supportLines(_ v: Vetting) -> [String] {
        guard let s = v.candidate.support else { return [] }
        let note = String(ScoringEngine.funderNote(s).dropFirst(ScoringEngine.funderPrefix.count))
        let facts = note.components(separatedBy: "; this rubric").first ?? note
        let weak = zip(v.candidate.dimensions, v.bands).filter { $0.1 == .concern }.map { d, _ in
            "\(d.dimension.label.lowercased()) \(formatNumber(d.value, maxFractionDigits: 2)) of 1"
        }
        var lines = ["Already supports the library: \(facts)."]
        lines.append(
            "This score rates it as a partner for a programme, not the value of its support"
                + (weak.isEmpty
                    ? "."
                    : "; it is lower than the relationship suggests because of \(joinAnd(weak)). Keep the funding relationship apart from this ranking.")
        )
        return lines
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
                            ("check", .string($0.check.rawValue)), ("ok", .bool($0.ok)),
                            ("detail", .string($0.detail)),
                        ])
                    })
            ))
        members.append(("missing", .strings(v.missing)))
        members.append(("warm_path", v.warmPaths?.json ?? .null))
        return .object(members)
    }

    // MARK: Text

    static let short: [Dimension: String] = [
        .valueAlignment: "values", .sharedAudience: "audience", .complementaryAssets: "assets",
        .capacity: "capacity",
        .relationship: "relation",
    ]

    /// A readiness check's name in plain words (the JSON keeps `check`).
    public static func checkName(_ check: Vetting.Check.Code) -> String {
        switch check {
        case .noDealbreaker: "No dealbreaker"
        case .minimumsMet: "Meets the minimums"
        case .existingRelationship: "Existing relationship"
        case .sharedPriority: "Serves a library priority"
        case .mutualBenefit: "Benefit both ways"
        case .dataComplete: "Complete information"
        }
    }

    /// A candidate's flags in plain words: "dealbreaker: sells personal data", "one-way".
    public static func plainFlags(_ flags: [String]) -> String {
        var dealbreakers: [String] = []
        var below: [String] = []
        var other: [String] = []
        for f in flags {
            if f.hasPrefix("dealbreaker:") {
                dealbreakers.append(String(f.dropFirst("dealbreaker:".count)).replacingHyphens)
            } else if f.hasPrefix("below-minimum:") {
                below.append(String(f.dropFirst("below-minimum:".count)).replacingUnderscores)
            } else {
                other.append(f)
            }
        }
        var parts: [String] = []
        if !dealbreakers.isEmpty { parts.append("dealbreaker: " + dealbreakers.joined(separator: ", ")) }
        if !below.isEmpty { parts.append("below minimum: " + below.joined(separator: ", ")) }
        return (parts + other).joined(separator: "; ")
    }

    static let flagLegend =
        "one-way: benefit flows one way only (it offers what the library needs but needs nothing the library offers, or the reverse): a service or a gift so far, not yet a partnership."

    public static func text(_ s: Scorecard, explain: Bool = false) -> String {
        var out =
            "Ranked against rubric \(s.rubric), as of \(s.asOf): \(s.candidates.count) of \(s.considered) organization\(s.considered == 1 ? "" : "s")\n"
        out +=
            "Score out of 100; each bar shows a dimension from 0 to 1; confidence is how much of what the rubric uses is recorded.\n\n"
        var t = TextTable(
            ["#", "organization", "score", "confidence"] + Dimension.allCases.map { short[$0] ?? $0.rawValue }
                + [
                    "flags"
                ],
            alignments: [.right, .left, .right, .right] + Dimension.allCases.map { _ in .left } + [.left])
        for (k, c) in s.candidates.enumerated() {
            t.add(
                [
                    "\(k + 1)", "\(c.name) (\(c.id))", formatNumber(c.score, maxFractionDigits: 1),
                    percent(c.confidence),
                ]
                    + c.dimensions.map { bar($0.value, width: 8) } + [
                        explain ? c.flags.joined(separator: " ") : plainFlags(c.flags)
                    ])
        }
        out += t.render()
        if s.candidates.contains(where: { $0.flags.contains("one-way") }) { out += "\n" + flagLegend + "\n" }
        if let best = s.candidates.first {
            out += "\nWhy \(best.name) ranks first:\n"
            for r in best.reasons { out += "  - \(r)\n" }
        }
        let funders = s.candidates.enumerated().compactMap { k, c in
            c.reasons.first { $0.hasPrefix(ScoringEngine.funderPrefix) }.map { (k + 1, c, $0) }
        }
        if !funders.isEmpty {
            out +=
                "\nThe library's funders and the partners who put money into its work (ranked on fit as programme partners, not on their support):\n"
            for (rank, c, note) in funders {
                let facts = note.dropFirst(ScoringEngine.funderPrefix.count).components(
                    separatedBy: "; this rubric")
                out +=
                    "  - #\(rank) \(c.name), \(formatNumber(c.score, maxFractionDigits: 0)) of 100: \(facts.first ?? "")\n"
            }
        }
        out += "\nDetail for one organization: partnerkit vet ID\n"
        return out
    }

    public static func text(_ v: Vetting, rubric: String, asOf: Day, explain: Bool = false) -> String {
        let c = v.candidate
        var out = "\(c.name) (\(c.id)) — vetted against rubric \(rubric), as of \(asOf)\n"
        out +=
            "score \(formatNumber(c.score, maxFractionDigits: 1)) of 100, confidence \(percent(c.confidence))"
        out +=
            c.flags.isEmpty
            ? "\n" : ", flags: \(explain ? c.flags.joined(separator: ", ") : plainFlags(c.flags))\n"
        if c.flags.contains("one-way") { out += flagLegend + "\n" }
        for line in supportLines(v) { out += line + "\n" }
        out += "\n"
        for (d, band) in zip(c.dimensions, v.bands) {
            out +=
                "\(d.dimension.label.padding(22))\(bar(d.value)) \((formatNumber(d.value, maxFractionDigits: 2) + " of 1").padding(9)) \(band.rawValue)\n"
            for r in d.reasons { out += "    \(r)\n" }
        }
        out += "\nRelationship:\n"
        if v.ties.isEmpty {
            out +=
                v.warmPathVia.isEmpty
                ? "  no direct tie with the library or its people\n"
                : "  no direct tie with the library or its people, but a warm path through \(v.warmPathVia.joined(separator: " and "))\n"
        }
        for t in v.ties {
            // The numbers behind the words, for whoever checks the arithmetic.
            let numbers =
                explain
                ? "; strength \(formatNumber(t.strength)) of 4, worth \(formatNumber(t.credit, maxFractionDigits: 2)) of a full relationship after the recency discount"
                : ""
            out += "  - \(t.description)\(numbers)\n"
        }
        if (v.warmPaths?.lines ?? []).isEmpty {
            out +=
                "  warm path: none within 3 intermediaries (`partnerkit path \(c.id) --max-intermediaries 5` looks further)\n"
        } else {
            out += "  warm paths (most trusted first):\n"
            for line in (explain ? v.warmPaths?.explainedLines : v.warmPaths?.lines) ?? [] {
                out += "    \(line)\n"
            }
        }
        out += "\nGrant readiness:\n"
        for r in v.readiness {
            out += "  [\(r.ok ? "x" : " ")] \(explain ? r.check.rawValue : checkName(r.check)): \(r.detail)\n"
        }
        return out
    }

    // MARK: Markdown

    public static func markdown(_ s: Scorecard) -> String {
        var out =
            "# Candidate partners\n\nRubric `\(md(s.rubric))`, as of \(s.asOf); \(s.candidates.count) of \(counted(s.considered, "organization")).\n\n"
        out +=
            "| # | organization | score (of 100) | confidence | "
            + Dimension.allCases.map { short[$0] ?? $0.rawValue }.joined(separator: " | ") + " | flags |\n"
        out += "|---:|---|---:|---:|" + Dimension.allCases.map { _ in "---:|" }.joined() + "---|\n"
        for (k, c) in s.candidates.enumerated() {
            out +=
                "| \(k + 1) | \(md(c.name)) (`\(md(c.id))`) | \(formatNumber(c.score, maxFractionDigits: 1)) | \(percent(c.confidence)) | "
            out += c.dimensions.map { formatNumber($0.value, maxFractionDigits: 2) }.joined(separator: " | ")
            out += " | \(md(plainFlags(c.flags))) |\n"
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
        if !c.flags.isEmpty { out += "\nFlags: \(md(plainFlags(c.flags)))\n" }
        if c.flags.contains("one-way") { out += "\n\(md(flagLegend))\n" }
        let support = supportLines(v)
        if !support.isEmpty { out += "\n" + support.map(md).joined(separator: " ") + "\n" }
        out += "\n| dimension | value (of 1) | band | why |\n|---|---:|---|---|\n"
        for (d, band) in zip(c.dimensions, v.bands) {
            out +=
                "| \(d.dimension.label) | \(formatNumber(d.value, maxFractionDigits: 2)) | \(band.rawValue) | \(md(d.reasons.joined(separator: "; "))) |\n"
        }
        out += "\n## Relationship\n\n"
        if v.ties.isEmpty {
            out +=
                v.warmPathVia.isEmpty
                ? "- no direct tie with the library or its people\n"
                : "- no direct tie with the library or its people, but a warm path through \(md(v.warmPathVia.joined(separator: " and ")))\n"
        }
        for t in v.ties { out += "- \(md(t.description))\n" }
        for line in v.warmPaths?.lines ?? [] { out += "- warm path: \(md(line))\n" }
        out += "\n## Grant readiness\n\n"
        for r in v.readiness { out += "- [\(r.ok ? "x" : " ")] **\(checkName(r.check))**: \(md(r.detail))\n" }
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
    fileprivate var replacingHyphens: String { String(map { $0 == "-" ? " " : $0 }) }
    fileprivate var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
    fileprivate func trimmingPrefix(_ p: String) -> String {
        hasPrefix(p) ? String(dropFirst(p.count)) : self
    }
    fileprivate func padding(_ width: Int) -> String {
        count >= width ? self + " " : self + String(repeating: " ", count: width - count)
    }
}
