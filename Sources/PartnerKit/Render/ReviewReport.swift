import Foundation

/// The quarterly review as JSON (and, with its version, the snapshot `--save` writes), text
/// and Markdown.
public struct ReviewReport: Sendable {
    public var review: PortfolioReview
    public var workspace: Workspace
    /// Where the comparison came from, for the header ("reviews/2026-Q3.json").
    public var previousFile: String?

    public init(review: PortfolioReview, workspace: Workspace, previousFile: String? = nil) {
        self.review = review
        self.workspace = workspace
        self.previousFile = previousFile
    }

    var r: PortfolioReview { review }

    func partnerNames(_ ids: [String]) -> String {
        ids.map { workspace.displayName($0) }.joined(separator: ", ")
    }

    // MARK: JSON

    /// The keys the next quarter's comparison reads back (`ReviewSnapshot`, which owns the
    /// saved-review format); the other keys are for people and tools reading the review.
    private typealias Saved = ReviewSnapshot.PartnershipKey

    func json(_ h: PortfolioReview.PartnershipHealth) -> JSONOutput {
        .object([
            (Saved.id.rawValue, .string(h.id)), ("title", .string(h.title)),
            ("status", .string(h.status.rawValue)), ("partners", .strings(h.partners)),
            (Saved.health.rawValue, .string(h.health.rawValue)), (Saved.level.rawValue, .string(h.level)),
            (Saved.position.rawValue, .rounded(h.position, 2)), ("edging_toward", .optional(h.edgingToward)),
            ("kind", .string(h.kind.rawValue)),
            ("issues", .strings(h.issues.map(\.text))),
            (
                "issue_details",
                .array(
                    h.issues.map { i in
                        .object([
                            ("code", .string(i.code.rawValue)), ("major", .bool(i.major)),
                            ("text", .string(i.text)),
                            ("fix", .string(i.fix)),
                        ])
                    })
            ),
            (
                "previous",
                h.previous.map { p in
                    .object([
                        ("health", .string(p.health.rawValue)), ("level", .string(p.level)),
                        ("position", .optional(p.position)),
                    ])
                } ?? .null
            ),
            ("movement", .optional(h.movement)),
            (
                "suggestion",
                .object([("kind", .string(h.suggestion.kind.rawValue)), ("text", .string(h.suggestion.text))])
            ),
            ("last_contact", .optional(h.lastContact?.description)),
            ("season", .optional(h.season?.description)), ("season_inferred", .bool(h.seasonInferred)),
            ("in_season", h.inSeason.map { .bool($0) } ?? .null),
            ("drift", .optional(h.drift)),
            ("survey", ReviewSurveyRendering.json(h.id, r, workspace)),
            (
                "goals",
                .array(
                    h.goals.map { g in
                        .object([
                            ("text", .optional(g.text)), ("metric", .optional(g.metric)),
                            ("target", g.target.map { .number($0) } ?? .null),
                            ("achieved", g.achieved.map { .number($0) } ?? .null),
                            ("met", g.met.map { .bool($0) } ?? .null), ("due", .optional(g.due?.description)),
                            ("priority", .optional(g.priority)),
                        ])
                    })
            ),
        ])
    }

    /// One recommendation with its group, urgency, reason and evidence.
    static func json(_ a: Recommendation) -> JSONOutput {
        .object([
            ("group", .string(a.group.rawValue)), ("urgency", .string(a.urgency.rawValue)),
            ("partnership", .optional(a.partnership)), ("subject", .optional(a.subject)),
            ("text", .string(a.text)), ("why", .string(a.why)), ("organizations", .strings(a.organizations)),
            ("evidence", .strings(a.evidence)), ("deadline", .optional(a.deadline?.description)),
        ])
    }

    /// The saved review `review --save` writes (`reviews/YYYY-Qn.json`): the JSON review with
    /// the saved-review format's `version` first (`ReviewSnapshot.version`).
    public var saved: JSONOutput {
        guard case .object(let members) = json else { return json }
        return .object([(ReviewSnapshot.Key.version.rawValue, .int(ReviewSnapshot.version))] + members)
    }

    /// The contract's keys (`quarter`, `partnerships`, `coverage`, `recommendations`) and more.
    /// `network.ties` lets the next quarter's review tell which ties are new.
    public var json: JSONOutput {
        .object([
            ("quarter", .string(r.quarter.description)), ("as_of", .string(r.asOf.description)),
            ("library", .string(r.libraryName)), ("spectrum", .string(r.spectrumName)),
            ("compared_with", .optional(r.previousQuarter?.description)),
            (ReviewSnapshot.Key.partnerships.rawValue, .array(r.partnerships.map(json))),
            ("proposed", .array(r.proposed.map(json))),
            (
                "health",
                .object(PortfolioReview.Health.allCases.map { ($0.rawValue, .int(r.healthCounts[$0] ?? 0)) })
            ),
            (
                "levels",
                .array(
                    r.distribution.map {
                        .object([
                            ("level", .string($0.level)), ("name", .string($0.name)),
                            ("partnerships", .int($0.count)),
                        ])
                    })
            ),
            (
                ReviewSnapshot.Key.coverage.rawValue,
                .array(
                    r.coverage.map { c in
                        .object([
                            (ReviewSnapshot.CoverageKey.priority.rawValue, .string(c.priority)),
                            ("label", .string(c.label)), ("weight", .number(c.weight)),
                            (ReviewSnapshot.CoverageKey.partnerships.rawValue, .int(c.partnerships)),
                            ("by_goal", .strings(c.byGoal)),
                            ("by_topic", .strings(c.byTopic)),
                            (
                                "candidates",
                                .array(
                                    c.candidates.map {
                                        .object([
                                            ("id", .string($0.id)), ("name", .string($0.name)),
                                            ("score", .rounded($0.score, 1)),
                                        ])
                                    })
                            ),
                        ])
                    })
            ),
            (
                "audiences",
                .array(
                    r.audiences.map { a in
                        .object([
                            ("tag", .string(a.tag)), ("label", .string(a.label)),
                            ("weight", .number(a.weight)), ("partnerships", .strings(a.partnerships)),
                            ("via_partners", .strings(a.viaPartners)),
                        ])
                    })
            ),
            (
                ReviewSnapshot.Key.network.rawValue,
                .object([
                    (
                        "quiet_ties",
                        .array(
                            r.quietTies.map { t in
                                .object([
                                    ("a", .string(t.a)), ("b", .string(t.b)),
                                    ("strength", .number(t.strength)),
                                    ("last_contact", .optional(t.lastContact?.description)),
                                    ("days_quiet", t.daysQuiet.map { .int($0) } ?? .null),
                                ])
                            })
                    ),
                    (
                        "new_ties",
                        r.newTies.map { list in
                            .array(list.map { .object([("a", .string($0.a)), ("b", .string($0.b))]) })
                        } ?? .null
                    ),
                    (
                        "introductions",
                        .array(
                            r.introductions.map { i in
                                .object([
                                    ("a", .string(i.a)), ("b", .string(i.b)), ("score", .rounded(i.score, 4)),
                                    ("reason", .string(i.reason)),
                                ])
                            })
                    ),
                    (ReviewSnapshot.NetworkKey.ties.rawValue, .strings(r.ties)),
                ])
            ),
            ("movement", .strings(r.movement)),
            ("recommendations", .strings(r.recommendations)),
            ("actions", .array(r.actions.map(Self.json))),
            ("outcomes", OutcomeTally.json(r.outcomes)),
            ("survey", ReviewSurveyRendering.json(r)),
        ])
    }

    // MARK: Text and Markdown

    public var text: String { render(markdown: false) }
    public var markdown: String { render(markdown: true) }

    static func mark(_ h: PortfolioReview.Health) -> String {
        switch h {
        case .green: "green"
        case .amber: "AMBER"
        case .red: "RED"
        }
    }

    func render(markdown md: Bool) -> String {
        func esc(_ s: String) -> String { md ? ScoreRendering.md(s) : s }
        let counts = r.healthCounts
        var s = ""
        let title = "Quarterly partnership review \(r.quarter): \(r.libraryName)"
        s +=
            md
            ? "# \(esc(title))\n\n"
            : title + "\n" + String(repeating: "=", count: min(title.count, 78)) + "\n"
        s += "As of \(r.asOf). "
        if let q = r.previousQuarter {
            s += "Compared with \(q)\(previousFile.map { " (\(esc($0)))" } ?? "").\n"
        } else {
            s += "No earlier snapshot to compare with (save one with `partnerkit review --save`).\n"
        }
        s += "\n\(r.partnerships.count) partnership\(r.partnerships.count == 1 ? "" : "s") reviewed: "
        s += "\(counts[.green] ?? 0) green, \(counts[.amber] ?? 0) amber, \(counts[.red] ?? 0) red"
        s += r.proposed.isEmpty ? ".\n" : "; \(r.proposed.count) proposed.\n"
        if let line = OutcomeTally.sentence(r.outcomes, reviewing: r.quarter) { s += esc(line) + "\n" }

        s += md ? "\n## Partnerships\n\n" : "\nPARTNERSHIPS\n"
        if r.partnerships.isEmpty {
            s +=
                (md ? "" : "  ")
                + "No active or paused partnerships to review (partnerships.json lists them).\n"
        } else if md {
            s += "| health | partnership | partners | level | suggestion |\n| --- | --- | --- | --- | --- |\n"
        }
        for h in r.partnerships.sorted(by: { ($1.health, $0.title) < ($0.health, $1.title) }) {
            let level = SpectrumReport.levelPhrase(
                levelName: h.levelName, position: h.position, edgingToward: h.namedEdging, levels: r.levels,
                digits: 1)
            let kind = h.kind == .partnership ? "" : " (\(h.kind.rawValue))"
            if md {
                let notes =
                    [seasonLine(h), h.drift.map { "⚠ " + $0 }].compactMap { $0 }
                    + h.issues.filter { !$0.bookkeeping }.map { "• " + $0.text }
                    + [goalsLine(h), ReviewSurveyRendering.note(h.id, r, workspace)].compactMap { $0 }
                let issues = notes.map(esc).joined(separator: "<br>")
                s +=
                    "| **\(h.health.rawValue)** | \(esc(h.title))\(kind)\(issues.isEmpty ? "" : "<br>" + issues) | \(esc(partnerNames(h.partners))) | \(esc(level))\(h.movement.map { "<br>" + esc($0) } ?? "") | \(esc(h.suggestion.text)) |\n"
            } else {
                s += "\n[\(Self.mark(h.health))] \(h.title)\(kind) — \(partnerNames(h.partners))\n"
                s += "    \(h.status.rawValue), \(level)\(h.movement.map { "; \($0)" } ?? "")\n"
                if let line = seasonLine(h) { s += "    \(line)\n" }
                if let d = h.drift { s += "    ! \(d)\n" }
                for i in h.issues where !i.bookkeeping { s += "    - \(i.text)\n" }
                if let g = goalsLine(h) { s += "    \(g)\n" }
                if let n = ReviewSurveyRendering.note(h.id, r, workspace) { s += "    \(n)\n" }
                s += "    → \(h.suggestion.text)\n"
            }
        }
        s += ReviewSurveyRendering.section(r, workspace, markdown: md)
        if !r.proposed.isEmpty {
            s += md ? "\n## Proposed\n\n" : "\nPROPOSED (not started)\n"
            for h in r.proposed {
                let gaps = h.issues.filter { !$0.major && !$0.bookkeeping }.count
                let dealbreaker = r.actions.first { $0.group == .dealbreaker && $0.partnership == h.id }
                let line =
                    "\(h.title) — \(partnerNames(h.partners)): "
                    + (dealbreaker.map { "DEALBREAKER: \($0.text)" }
                        ?? "would sit at \(h.levelName) \(String(format: "%.1f", h.position)) of 5 (\(h.kind.rawValue)); \(gaps == 0 ? "plan ready" : "\(gaps) gap\(gaps == 1 ? "" : "s") in the plan")")
                s += md ? "- \(esc(line))\n" : "  - \(line)\n"
            }
        }

        s += md ? "\n## The spectrum\n\n" : "\nTHE SPECTRUM (\(r.spectrumName))\n"
        let maxCount = max(1, r.distribution.map(\.count).max() ?? 1)
        for d in r.distribution {
            if md {
                s += "- \(esc(d.name)): \(d.count)\n"
            } else {
                s +=
                    "  \(d.name.padding(toLength: 12, withPad: " ", startingAt: 0)) \(bar(Double(d.count) / Double(maxCount), width: 20)) \(d.count)\n"
            }
        }

        s += md ? "\n## Priority coverage\n\n" : "\nPRIORITY COVERAGE\n"
        for c in r.coverage {
            var line = "\(c.label) (weight \(formatNumber(c.weight))): "
            if c.partnerships == 0 {
                line += "not served by any active partnership"
                if !c.candidates.isEmpty {
                    line +=
                        "; candidates: "
                        + c.candidates.map {
                            "\(workspace.displayName($0.id)) (fit \(Int($0.score.rounded())) of 100)"
                        }
                        .joined(separator: ", ")
                }
            } else {
                var parts: [String] = []
                if !c.byGoal.isEmpty {
                    parts.append(
                        "goals in "
                            + c.byGoal.map { workspace.partnership($0)?.title ?? $0 }.joined(separator: ", "))
                }
                if !c.byTopic.isEmpty {
                    parts.append(
                        "partners' work in "
                            + c.byTopic.map { workspace.partnership($0)?.title ?? $0 }.joined(separator: ", ")
                    )
                }
                line += "\(c.partnerships) — " + parts.joined(separator: "; ")
            }
            s += md ? "- \(esc(line))\n" : "  - \(line)\n"
        }

        s += md ? "\n## Audiences reached\n\n" : "\nAUDIENCES REACHED\n"
        for a in r.audiences {
            let n = a.partnerships.count
            var line =
                "\(a.label) (weight \(formatNumber(a.weight))): "
                + (n == 0
                    ? "none"
                    : "\(n) — "
                        + a.partnerships.map { workspace.partnership($0)?.title ?? $0 }.joined(
                            separator: ", "))
            if !a.viaPartners.isEmpty {
                line += " (\(a.viaPartners.count) through the partners' own audiences)"
            }
            s += md ? "- \(esc(line))\n" : "  - \(line)\n"
        }

        s += md ? "\n## The network\n\n" : "\nTHE NETWORK\n"
        if let n = r.newTies {
            s +=
                (md ? "- " : "  ")
                + "\(n.count) new tie\(n.count == 1 ? "" : "s") since \(r.previousQuarter.map { "\($0)" } ?? "the last review")\n"
        }
        let quiet = r.quietTies.prefix(8)
        let own = r.quietTies.count { workspace.isLibrary($0.a) || workspace.isLibrary($0.b) }
        s +=
            (md ? "- " : "  ")
            + "Strong ties (strength 3 or more) with no contact for more than 180 days: \(r.quietTies.count), \(own) of them the library's own\(r.quietTies.count > quiet.count ? " (the longest-quiet \(quiet.count) below; `partnerkit network` lists all)" : "")\n"
        for t in quiet {
            let line =
                "\(workspace.displayName(t.a)) — \(workspace.displayName(t.b)) (strength \(formatNumber(t.strength))): "
                + (t.lastContact.map { "last contact \($0), \(counted(t.daysQuiet ?? 0, "day")) ago" }
                    ?? "no contact date")
            s += md ? "  - \(esc(line))\n" : "    - \(line)\n"
        }
        if !r.introductions.isEmpty {
            s += (md ? "- " : "  ") + "Introductions to make this quarter:\n"
            for i in r.introductions {
                let line = "\(workspace.displayName(i.a)) ↔ \(workspace.displayName(i.b)): \(i.reason)"
                s += md ? "  - \(esc(line))\n" : "    - \(line)\n"
            }
        }

        if !r.movement.isEmpty {
            s +=
                md
                ? "\n## What moved since \(r.previousQuarter.map { "\($0)" } ?? "")\n\n"
                : "\nWHAT MOVED SINCE \(r.previousQuarter.map { "\($0)" } ?? "")\n"
            for m in r.movement { s += md ? "- \(esc(m))\n" : "  - \(m)\n" }
        }

        // The same shape as the page's first screen: the first five, most urgent first, then
        // everything else under its group's heading with a count, then the bookkeeping.
        let work = r.actions.filter { $0.group != .bookkeeping }
        let records = r.actions.filter { $0.group == .bookkeeping }
        let first = work.prefix(ReviewHTML.firstScreen)
        let rest = Array(work.dropFirst(ReviewHTML.firstScreen))
        let firstTitle =
            rest.isEmpty ? "What to do this quarter (most urgent first)" : "What to do first this quarter"
        s += md ? "\n## \(firstTitle)\n\n" : "\n\(firstTitle.uppercased())\n"
        if work.isEmpty {
            s += md ? "Nothing to act on this quarter.\n" : "  Nothing to act on this quarter.\n"
        }
        for (k, rec) in first.enumerated() {
            s += md ? "\(k + 1). \(esc(Self.listLine(rec)))\n" : "  \(k + 1). \(Self.listLine(rec))\n"
            if rec.group == .dealbreaker {
                for e in rec.evidence { s += md ? "   - Evidence: \(esc(e))\n" : "     evidence: \(e)\n" }
            } else if !rec.why.isEmpty, !rec.text.hasSuffix(rec.why) {
                // The first five say why, as the page does: the reason a manager would give
                // (unless the line itself ends with it, as an introduction's does: said once).
                s += md ? "   - Why: \(esc(rec.why))\n" : "     why: \(rec.why)\n"
            }
        }
        if !rest.isEmpty {
            let restTitle = "Everything else, by kind (\(rest.count))"
            s += md ? "\n## \(restTitle)\n" : "\n\(restTitle.uppercased())\n"
            for group in Recommendation.Group.allCases {
                let items = rest.filter { $0.group == group }
                guard !items.isEmpty else { continue }
                s +=
                    md
                    ? "\n### \(group.heading) (\(items.count))\n\n" : "  \(group.heading) (\(items.count))\n"
                for rec in items {
                    s += md ? "- \(esc(Self.listLine(rec)))\n" : "    - \(Self.listLine(rec))\n"
                    if rec.group == .dealbreaker {
                        for e in rec.evidence {
                            s += md ? "  - Evidence: \(esc(e))\n" : "      evidence: \(e)\n"
                        }
                    }
                }
            }
        }
        if !records.isEmpty {
            s +=
                md
                ? "\n## Records to complete\n\n"
                : "\nRECORDS TO COMPLETE (bookkeeping: no change to the work)\n"
            for rec in records { s += md ? "- \(esc(Self.listLine(rec)))\n" : "  - \(Self.listLine(rec))\n" }
        }
        return s
    }

    /// An action as a line of the lists: "Subject: advice". The amber lead-in "the one thing
    /// to fix first" is left out there (a list of what to do first says it once, by its title;
    /// it read five times over), while "repair first" (red) and a deepen step's "healthy and
    /// edging toward …" stay: they say something the list does not. The partnership's own
    /// line and the JSON keep the lead-in.
    static func listLine(_ rec: Recommendation) -> String {
        let text = rec.leadIn == .fixFirst ? rec.advice : rec.text
        return rec.subject.map { "\($0): \(text)" } ?? text
    }

    /// "in season (01-20 to 04-15)" or "between seasons: the next starts 2027-01-20".
    func seasonLine(_ h: PortfolioReview.PartnershipHealth) -> String? {
        guard let season = h.season else { return nil }
        let read = h.seasonInferred ? ", read from the dates of its work" : ""
        if h.inSeason == true { return "seasonal (\(season.description)\(read)): in season now" }
        let next = season.nextStart(after: r.asOf).map { ": the next season starts \($0)" } ?? ""
        // Quiet is expected between seasons, unless the work has drifted (the drift line says why).
        let quiet = h.drift == nil ? "; quiet now is expected" : ""
        return "seasonal (\(season.description)\(read)): between seasons\(next)\(quiet)"
    }

    /// "goals: 1012 of 900 returns filed, met" — achieved against target, for every goal with
    /// a recorded result.
    func goalsLine(_ h: PortfolioReview.PartnershipHealth) -> String? {
        let missed = h.issues.filter { $0.code == .goalMissed }.map(\.text)
        let parts = h.goals.compactMap { g -> String? in
            guard let a = g.achieved else { return nil }
            // A missed goal of the quarter is already an issue above.
            if let text = g.text, missed.contains(where: { $0.contains(shortened(text)) }) {
                return nil
            }
            let what = g.text.map { "\"\(shortened($0))\" " } ?? ""
            guard let t = g.target else { return "\(what)\(formatNumber(a)) reached" }
            return
                "\(what)\(formatNumber(a)) of \(formatNumber(t))\(g.metric.map { " \($0)" } ?? ""), \(a >= t ? "met" : (g.due.map { $0 > r.asOf } ?? false) ? "not met yet (due \(g.due.map { "\($0)" } ?? ""))" : "not met")"
        }
        return parts.isEmpty ? nil : "goal results: " + parts.joined(separator: "; ")
    }
}
