/// The partners' view (the health survey) in the quarterly review: a one-line note under each
/// partnership, a section of its own in text and Markdown, keys in JSON, and a section of the
/// HTML page. The review's renderers call one function each; everything about the survey is
/// worded here. Parties appear by name, respondents only as counts (never who they are).
enum ReviewSurveyRendering {
    // MARK: - Sentences

    /// Words for a survey's numbers and parties, shared with `partnerkit survey results`.
    static func words(_ s: ReviewSurvey, _ w: Workspace) -> SurveyReport {
        SurveyReport(
            results: SurveyResults(
                asOf: Day(ordinal: 0), rubric: s.rubric.name, partnerships: [], notAsked: []),
            rubric: s.rubric, workspace: w)
    }

    /// The part of an engine's evidence before its detail: "every party benefits".
    static func gist(_ evidence: String) -> String {
        evidence.split(separator: ":", maxSplits: 1).first.map(String.init) ?? evidence
    }

    /// Each finding as a sentence, in the entry's order; a records-against-partner finding
    /// absorbs the library-against-partner one on the same factor and partner.
    static func sentences(_ e: ReviewSurvey.Entry, _ s: ReviewSurvey, _ w: Workspace) -> [String] {
        let words = words(s, w)
        let rubric = s.rubric
        func one(_ d: Double) -> String { SurveyReport.one(d) }
        var out: [String] = []
        var absorbed = Set<String>()
        for f in e.findings {
            if case .recordsDisagree(let r, let party, _, _) = f, r.met {
                absorbed.insert("\(r.factor.rawValue)|\(party)")
            }
        }
        for f in e.findings {
            switch f {
            case .recordsDisagree(let r, let party, let m, let lib):
                let label = rubric.label(r.factor)
                let partner = sentenceCase(words.name(party))
                if r.met {
                    let level =
                        r.factor == .sharedPower || r.factor == .sharedGoals ? " (\(e.levelName))" : ""
                    let library = lib.map { " and the library rates it \(one($0))" } ?? ""
                    out.append(
                        "The records say \(gist(r.evidence))\(level)\(library), but \(partner) rates \(label) \(one(m)): talk about \(rubric.discuss(r.factor))."
                    )
                } else {
                    out.append(
                        "The records say \(gist(r.evidence)), but \(partner) rates \(label) \(one(m)), a strength: if the work has changed, update the record."
                    )
                }
            case .sidesDisagree(let factor, let party, let lib, let m, _):
                if absorbed.contains("\(factor.rawValue)|\(party)") { continue }
                out.append(
                    "\(sentenceCase(words.name(party))) rates \(rubric.label(factor)) \(one(m)), the library \(one(lib)): talk about \(rubric.discuss(factor))."
                )
            case .sharedConcern(let factor, let m):
                let agree = e.records.first { $0.factor == factor && !$0.met }.map {
                    " The records agree: \(gist($0.evidence))."
                }
                out.append(
                    "\(sentenceCase(rubric.label(factor))) is a concern on every side that rated it (\(SurveyReport.shown(m, rubric)) on average): talk about \(rubric.discuss(factor)).\(agree ?? "")"
                )
            case .moved(let factor, let before, let now, let since):
                out.append(
                    "\(sentenceCase(rubric.label(factor))) \(now > before ? "up" : "down") from \(SurveyReport.shown(before, rubric)) to \(SurveyReport.shown(now, rubric)) since \(since)."
                )
            case .caution(let c):
                guard let round = e.survey.current else { continue }
                out.append(words.caution(c, in: round, id: e.id))
            }
        }
        return out
    }

    /// "strengths: trust 4.5, mutual benefit 4.3; borderline: …; concerns: shared power 2.6".
    static func bands(_ round: SurveyRound, _ rubric: SurveyRubric) -> String {
        var parts: [String] = []
        for (band, name) in [
            (SurveyRubric.Band.strength, "strengths"), (.borderline, "borderline"), (.concern, "concerns"),
        ] {
            let list = round.factors.filter { $0.band == band }.compactMap { f in
                f.mean.map { "\(rubric.label(f.factor)) \(SurveyReport.shown($0, rubric))" }
            }
            if !list.isEmpty { parts.append("\(name): " + list.joined(separator: ", ")) }
        }
        let unscored = round.factors.filter { $0.mean == nil }.map { rubric.label($0.factor) }
        if !unscored.isEmpty { parts.append("no score: " + unscored.joined(separator: ", ")) }
        return parts.isEmpty ? "no factor has a score" : parts.joined(separator: "; ")
    }

    static func respondents(_ round: SurveyRound, _ words: SurveyReport) -> String {
        round.respondents.map { "\(words.name($0.party)) \($0.count)" }.joined(separator: ", ")
    }

    static func window(_ s: ReviewSurvey) -> String { "\(s.since) or \(s.quarter)" }

    static func notAskedLine(_ n: ReviewSurvey.NotAsked) -> String {
        "\(n.title) (\(n.id))" + (n.lastAsked.map { ": last asked \($0)" } ?? ": never asked")
    }

    // MARK: - Text and Markdown

    /// The line under a partnership in the review: what its survey says in a few words, or
    /// that it was not asked. Nil without a survey in the workspace (or for a proposal).
    static func note(_ id: String, _ r: PortfolioReview, _ w: Workspace) -> String? {
        guard let s = r.survey else { return nil }
        if let n = s.notAsked.first(where: { $0.id == id }) {
            return
                "health survey: not asked in \(window(s))\(n.lastAsked.map { " (last asked \($0))" } ?? "")"
        }
        guard let e = s.entry(id), let round = e.survey.current else { return nil }
        var parts: [String] = []
        let apart = e.findings.filter(\.isDisagreement).compactMap(\.factor)
        var seen = Set<HealthFactor>()
        let named = apart.filter { seen.insert($0).inserted }.map { s.rubric.label($0) }
        let more = named.count > 3 ? " and \(named.count - 3) more" : ""
        parts.append(
            named.isEmpty
                ? "no disagreement" : "seen differently: " + named.prefix(3).joined(separator: ", ") + more)
        let concerns = round.factors.filter { $0.band == .concern }.map { s.rubric.label($0.factor) }
        if !concerns.isEmpty { parts.append("concern: " + concerns.joined(separator: ", ")) }
        if round.cautions.contains(where: { if case .noAnswers = $0 { true } else { false } }) {
            parts.append("one side only")
        }
        return "health survey \(round.quarter): " + parts.joined(separator: "; ")
    }

    /// The review's section on the partners' view; "" without a survey in the workspace.
    static func section(_ r: PortfolioReview, _ w: Workspace, markdown md: Bool) -> String {
        guard let s = r.survey else { return "" }
        func esc(_ t: String) -> String { md ? Escape.markdown(t) : t }
        let words = words(s, w)
        let title = "What the partners say (health survey, \(s.since) and \(s.quarter))"
        var out = md ? "\n## \(esc(title))\n\n" : "\n\(title.uppercased())\n"
        if s.asked.isEmpty {
            out += (md ? "" : "  ") + "No reviewed partnership was surveyed in \(window(s)).\n"
        }
        for e in s.asked {
            guard let round = e.survey.current else { continue }
            let views =
                "records: \(e.health.rawValue), \(e.levelName) \(String(format: "%.1f", e.position)); survey \(round.quarter), respondents: \(respondents(round, words))"
            let lines = [bands(round, s.rubric)] + sentences(e, s, w)
            if md {
                out += "- **\(esc(e.title))** — \(esc(views))\n"
                for l in lines { out += "  - \(esc(l))\n" }
            } else {
                out += "  \(e.title) — \(views)\n"
                for (k, l) in lines.enumerated() { out += k == 0 ? "    \(l)\n" : "    - \(l)\n" }
            }
        }
        if !s.notAsked.isEmpty {
            let intro =
                "Not asked in \(window(s)) (send the form: `partnerkit survey form ID`, then add the answers to surveys.csv):"
            out += md ? "\n\(esc(intro))\n\n" : "  \(intro)\n"
            for n in s.notAsked { out += md ? "- \(esc(notAskedLine(n)))\n" : "    - \(notAskedLine(n))\n" }
        }
        return out
    }

    // MARK: - JSON

    /// `partnerships[].survey`: the round in the window with its factors (the keys of `survey
    /// results`), what the records say, and the findings; `{ "asked": false }` when not asked;
    /// null without a survey in the workspace.
    static func json(_ id: String, _ r: PortfolioReview, _ w: Workspace) -> JSONOutput {
        guard let s = r.survey else { return .null }
        guard let e = s.entry(id), let round = e.survey.current else {
            let last = s.notAsked.first { $0.id == id }?.lastAsked
            return .object([("asked", .bool(false)), ("last_asked", .optional(last?.description))])
        }
        let texts = sentences(e, s, w)
        return .object(
            [
                ("asked", .bool(true)), ("round", .string(round.quarter.description)),
                ("previous_round", .optional(e.survey.previous?.quarter.description)),
            ] + SurveyReport.roundMembers(round, rubric: s.rubric) + [
                (
                    "trend",
                    .array(
                        e.survey.trend.map { t in
                            .object([
                                ("factor", .string(t.factor.rawValue)), ("previous", .number(t.previous)),
                                ("current", .number(t.current)),
                            ])
                        })
                ),
                (
                    "records",
                    .array(
                        e.records.map { v in
                            .object([
                                ("factor", .string(v.factor.rawValue)), ("met", .bool(v.met)),
                                ("evidence", .string(v.evidence)),
                            ])
                        })
                ),
                ("findings", .array(e.findings.map(json))),
                ("summary", .strings(texts)),
            ])
    }

    static func json(_ f: ReviewSurveyFinding) -> JSONOutput {
        var m: [(String, JSONOutput)] = [("kind", .string(f.kind))]
        if let factor = f.factor { m.append(("factor", .string(factor.rawValue))) }
        switch f {
        case .recordsDisagree(let r, let party, let pm, let lib):
            m += [
                ("party", .string(party)), ("records_met", .bool(r.met)), ("records", .string(r.evidence)),
                ("partner_mean", .number(pm)), ("library_mean", .optional(lib)),
            ]
        case .sidesDisagree(_, let party, let lib, let pm, let gap):
            m += [
                ("party", .string(party)), ("library_mean", .number(lib)), ("partner_mean", .number(pm)),
                ("gap", .number(gap)),
            ]
        case .sharedConcern(_, let mean): m.append(("mean", .number(mean)))
        case .moved(_, let before, let now, let since):
            m += [
                ("previous", .number(before)), ("current", .number(now)),
                ("previous_round", .string(since.description)),
            ]
        case .caution(let c):
            switch c {
            case .noAnswers(let party), .partyDontKnow(let party, _): m.append(("party", .string(party)))
            case .fewRespondents(let party, let count, let minimum):
                m += [("party", .string(party)), ("count", .int(count)), ("minimum", .int(minimum))]
            case .allDontKnow: break
            }
        }
        return .object(m)
    }

    /// The top-level `survey` key: the rubric, the window, who was asked and who was not.
    static func json(_ r: PortfolioReview) -> JSONOutput {
        guard let s = r.survey else { return .null }
        return .object([
            ("rubric", .string(s.rubric.name)), ("since", .string(s.since.description)),
            ("through", .string(s.quarter.description)), ("asked", .strings(s.asked.map(\.id))),
            (
                "not_asked",
                .array(
                    s.notAsked.map { n in
                        .object([
                            ("id", .string(n.id)), ("title", .string(n.title)),
                            ("last_asked", .optional(n.lastAsked?.description)),
                        ])
                    })
            ),
        ])
    }

    // MARK: - HTML

    /// The page's section on the partners' view; "" without a survey in the workspace. Every
    /// string from the workspace goes through `Escape.html`.
    static func html(_ report: ReviewReport) -> String {
        let r = report.review, w = report.workspace
        guard let s = r.survey else { return "" }
        func h(_ t: String) -> String { Escape.html(t) }
        let words = words(s, w)
        var out =
            "<section class=\"survey\">\n<h2>\(h("What the partners say (health survey, \(s.since) and \(s.quarter))"))</h2>\n"
        if s.asked.isEmpty {
            out += "<p class=\"muted\">\(h("No reviewed partnership was surveyed in \(window(s))."))</p>"
        } else {
            out +=
                "<table><thead><tr><th>Partnership</th><th>Records</th><th>Partners' survey</th><th>Where the views part</th></tr></thead><tbody>"
            for e in s.asked {
                guard let round = e.survey.current else { continue }
                let findings = sentences(e, s, w)
                out += "<tr><td><b>\(h(e.title))</b></td>"
                out +=
                    "<td><span class=\"badge \(e.health.rawValue)\">\(e.health.rawValue)</span><br>\(h(e.levelName)) \(String(format: "%.1f", e.position))</td>"
                out +=
                    "<td>\(h("\(round.quarter): \(bands(round, s.rubric))"))<br><span class=\"muted\">\(h("respondents: \(respondents(round, words))"))</span></td>"
                out +=
                    findings.isEmpty
                    ? "<td><span class=\"muted\">the views agree</span></td></tr>"
                    : "<td><ul class=\"issues\">" + findings.map { "<li>\(h($0))</li>" }.joined()
                        + "</ul></td></tr>"
            }
            out += "</tbody></table>"
        }
        if !s.notAsked.isEmpty {
            out += "<p>\(h("Not asked in \(window(s)) (send the form: partnerkit survey form ID):"))</p><ul>"
            out += s.notAsked.map { "<li>\(h(notAskedLine($0)))</li>" }.joined() + "</ul>"
        }
        return out + "\n</section>\n"
    }
}
