/// `partnerkit survey results` as text, Markdown and JSON. Parties appear by name in words
/// ("Harbor Coast Credit Union rates shared power 2.1, the library 4.0: talk about who
/// decides") and by id in JSON. Only counts of respondents are shown, never who they are.
public struct SurveyReport: Sendable {
    public var results: SurveyResults
    public var rubric: SurveyRubric
    public var workspace: Workspace

    public init(results: SurveyResults, rubric: SurveyRubric, workspace: Workspace) {
        self.results = results
        self.rubric = rubric
        self.workspace = workspace
    }

    /// "the library", or the partner's name.
    func name(_ party: String) -> String {
        workspace.isLibrary(party) ? "the library" : workspace.displayName(party)
    }

    static func one(_ d: Double) -> String {
        let r = (d * 10).rounded() / 10
        return r == r.rounded() ? "\(Int(r)).0" : "\(r)"
    }
    static func one(_ d: Double?) -> String { d.map { one($0) } ?? "–" }

    /// A mean to one decimal, or to two where one would round it onto a band's edge (2.96 is
    /// a concern; "3.0" would read as borderline).
    static func shown(_ mean: Double, _ rubric: SurveyRubric) -> String {
        let short = one(mean)
        guard let back = Double(short), rubric.band(back) != rubric.band(mean) else { return short }
        return String(format: "%.2f", mean)
    }

    // MARK: - Sentences (shared with the review)

    /// The flagged gaps and the concerns of a round, most pressing first, in plain words.
    func findings(_ s: PartnershipSurvey) -> [String] {
        guard let round = s.current else { return [] }
        var out: [String] = []
        for f in round.factors where f.flagged {
            guard let party = f.gapParty, let lib = f.mean(of: LibraryProfile.party),
                let m = f.mean(of: party)
            else {
                continue
            }
            out.append(
                "\(sentenceCase(name(party))) rates \(rubric.label(f.factor)) \(Self.one(m)), the library \(Self.one(lib)): talk about \(rubric.discuss(f.factor))."
            )
        }
        for f in round.factors where !f.flagged && f.band == .concern {
            guard let m = f.mean else { continue }
            let raters = f.byParty.filter { $0.mean != nil }
            let whose =
                raters.count == 1
                ? "for \(name(raters[0].party)) (\(Self.one(m)))"
                : "for \(raters.count == 2 ? "both sides" : "all sides") (\(Self.one(m)) on average)"
            out.append(
                "\(sentenceCase(rubric.label(f.factor))) is a concern \(whose): talk about \(rubric.discuss(f.factor))."
            )
        }
        return out
    }

    /// What must be said beside the numbers.
    func caution(_ c: Caution, in round: SurveyRound, id: String) -> String {
        switch c {
        case .noAnswers(let party):
            if workspace.isLibrary(party) {
                return "The library gave no answers this round: only the partners' side is shown."
            }
            let partnersAnswered = round.respondents.dropFirst().contains { $0.count > 0 }
            return partnersAnswered
                ? "\(sentenceCase(name(party))) gave no answers this round: its view is missing (send the form: `partnerkit survey form \(id)`)."
                : "Only the library answered: \(name(party)) gave no answers this round, so these are one side's ratings (send the form: `partnerkit survey form \(id)`)."
        case .fewRespondents(let party, let count, let minimum):
            let who = count == 1 ? "only one person" : "only \(count) people"
            return
                "\(sentenceCase(who)) answered for \(name(party)) (the survey asks for at least \(minimum)): read it as \(count == 1 ? "one person's view" : "a few people's view"), not the whole organization's."
        case .allDontKnow(let factor):
            return
                "Every answer on \(rubric.label(factor)) was \"don't know\": there is no score; ask what is unclear about it."
        case .partyDontKnow(let party, let factor):
            return
                "\(sentenceCase(name(party))) answered \"don't know\" to every \(rubric.label(factor)) statement: no score from that side."
        }
    }

    func trendSentence(_ s: PartnershipSurvey) -> String? {
        guard let before = s.previous else { return nil }
        let moved = s.trend.filter { abs($0.change) >= 0.25 }
        if s.trend.isEmpty { return "Since \(before.quarter): no factor was rated in both rounds." }
        if moved.isEmpty { return "Since \(before.quarter): no factor moved by a quarter point or more." }
        let parts = moved.map { t in
            "\(rubric.label(t.factor)) \(t.change > 0 ? "up" : "down") from \(Self.shown(t.previous, rubric)) to \(Self.shown(t.current, rubric))"
        }
        return "Since \(before.quarter): \(parts.joined(separator: "; "))."
    }

    func summarySentence(_ round: SurveyRound) -> String? {
        guard !round.summaries.isEmpty else { return nil }
        let trust = round.summaries.map { "\(name($0.party)) \(Self.one($0.trust))" }.joined(separator: ", ")
        let value = round.summaries.map { "\(name($0.party)) \(Self.one($0.value))" }.joined(separator: ", ")
        // Not the "trust" row above: each is several factors taken together, and says which,
        // so that two different trust numbers never stand side by side unexplained.
        func together(_ factors: [HealthFactor]) -> String {
            factors.isEmpty ? "" : " (" + joinedAnd(factors.map { rubric.label($0) }) + " together)"
        }
        return
            "Trust overall\(together(rubric.trustFactors)): \(trust). Value overall\(together(rubric.valueFactors)): \(value)."
    }

    // MARK: - Text and Markdown

    public var text: String { render(markdown: false) }
    public var markdown: String { render(markdown: true) }

    func render(markdown md: Bool) -> String {
        func esc(_ s: String) -> String { md ? Escape.markdown(s) : s }
        var out =
            md
            ? "# Partnership health survey\n\nAs of \(results.asOf), rubric \(esc(rubric.name)).\n"
            : "Partnership health survey, as of \(results.asOf) (rubric \(rubric.name))\n"
        if results.partnerships.isEmpty {
            out +=
                "\nNo answers yet. Send a form with `partnerkit survey form ID` and add the answers to surveys.csv.\n"
        }
        for s in results.partnerships {
            guard let round = s.current else { continue }
            let heading = "\(s.title) (\(s.id)), \(round.quarter)"
            out += md ? "\n## \(esc(heading))\n\n" : "\n\(heading)\n"
            let dates =
                round.firstDate == round.lastDate
                ? "answered \(round.firstDate)" : "answered \(round.firstDate) to \(round.lastDate)"
            let who = round.respondents.map { "\(name($0.party)) \($0.count)" }.joined(separator: ", ")
            out += md ? "Respondents: \(esc(who)); \(dates).\n\n" : "  Respondents: \(who); \(dates).\n\n"
            out += table(s, round, markdown: md)
            var lines: [String] = []
            lines += findings(s)
            lines += round.cautions.map { caution($0, in: round, id: s.id) }
            if let t = trendSentence(s) {
                lines.append(t)
            } else {
                lines.append("First round: no trend yet.")
            }
            if let sm = summarySentence(round) { lines.append(sm) }
            out += "\n"
            for l in lines { out += md ? "- \(esc(l))\n" : "  - \(l)\n" }
        }
        if !results.notAsked.isEmpty {
            let names = results.notAsked.map { id in
                workspace.partnership(id).map { "\($0.title) (\(id))" } ?? id
            }
            out += md ? "\n## Not asked\n\n" : "\nNot asked yet:\n"
            for n in names { out += md ? "- \(esc(n))\n" : "  - \(n)\n" }
        }
        return out
    }

    func table(_ s: PartnershipSurvey, _ round: SurveyRound, markdown md: Bool) -> String {
        let partyHeads = s.parties.map { p in
            let n = name(p)
            return shortened(n, to: 22)
        }
        let headers = ["factor", "mean", "band"] + partyHeads + ["gap", ""]
        var rows: [[String]] = []
        for f in round.factors {
            var row = [
                rubric.label(f.factor), f.mean.map { Self.shown($0, rubric) } ?? "–",
                f.band?.rawValue ?? "no score",
            ]
            row += f.byParty.map { Self.one($0.mean) }
            row += [f.gap.map { Self.one($0) } ?? "–", f.flagged ? "flagged" : ""]
            rows.append(row)
        }
        if md {
            var out = "| " + headers.map(Escape.markdown).joined(separator: " | ") + " |\n"
            out +=
                "|"
                + headers.enumerated().map { $0.offset == 0 || $0.offset == 2 ? " --- |" : " ---: |" }
                .joined() + "\n"
            for r in rows { out += "| " + r.map(Escape.markdown).joined(separator: " | ") + " |\n" }
            return out
        }
        var t = TextTable(
            headers,
            alignments: [.left, .right, .left] + s.parties.map { _ in .right } + [.right, .left])
        for r in rows { t.add(r) }
        // The unlabelled last column leaves spaces at the ends of lines: trim them.
        return t.render(indent: "  ").split(separator: "\n", omittingEmptySubsequences: false).map { line in
            var l = Substring(line)
            while l.last == " " { l.removeLast() }
            return String(l)
        }.joined(separator: "\n")
    }

    // MARK: - JSON

    public var json: JSONOutput {
        .object([
            ("as_of", .string(results.asOf.description)), ("rubric", .string(rubric.name)),
            ("partnerships", .array(results.partnerships.map(json))),
            ("not_asked", .strings(results.notAsked)),
        ])
    }

    func json(_ s: PartnershipSurvey) -> JSONOutput {
        guard let round = s.current else { return .object([("id", .string(s.id))]) }
        return .object(
            [
                ("id", .string(s.id)), ("title", .string(s.title)),
                ("round", .string(round.quarter.description)),
                ("rounds", .strings(s.rounds.map(\.quarter.description))),
                ("previous_round", .optional(s.previous?.quarter.description)),
                ("first_date", .string(round.firstDate.description)),
                ("last_date", .string(round.lastDate.description)),
            ] + Self.roundMembers(round, rubric: rubric) + [
                (
                    "trend",
                    .array(
                        s.trend.map { t in
                            .object([
                                ("factor", .string(t.factor.rawValue)), ("previous", .number(t.previous)),
                                ("current", .number(t.current)),
                                ("change", .number(SurveyEngine.rounded(t.change))),
                                ("previous_round", .string(t.previousQuarter.description)),
                            ])
                        })
                ),
                (
                    "cautions",
                    .array(
                        round.cautions.map { c in
                            var m: [(String, JSONOutput)] = [("kind", .string(c.kind))]
                            switch c {
                            case .noAnswers(let party): m.append(("party", .string(party)))
                            case .fewRespondents(let party, let count, let minimum):
                                m += [
                                    ("party", .string(party)), ("count", .int(count)),
                                    ("minimum", .int(minimum)),
                                ]
                            case .allDontKnow(let f): m.append(("factor", .string(f.rawValue)))
                            case .partyDontKnow(let party, let f):
                                m += [("party", .string(party)), ("factor", .string(f.rawValue))]
                            }
                            m.append(("text", .string(caution(c, in: round, id: s.id))))
                            return .object(m)
                        })
                ),
                ("findings", .strings(findings(s))),
            ])
    }

    /// `respondents`, `factors` and `summaries` of a round, as the contract names them.
    static func roundMembers(_ round: SurveyRound, rubric: SurveyRubric) -> [(String, JSONOutput)] {
        [
            ("respondents", .object(round.respondents.map { ($0.party, .int($0.count)) })),
            (
                "factors",
                .array(
                    round.factors.map { f in
                        .object([
                            ("factor", .string(f.factor.rawValue)), ("mean", .optional(f.mean)),
                            ("band", .optional(f.band?.rawValue)),
                            ("by_party", .object(f.byParty.map { ($0.party, .optional($0.mean)) })),
                            ("gap", .optional(f.gap)), ("gap_party", .optional(f.gapParty)),
                            ("flagged", .bool(f.flagged)), ("ratings", .int(f.ratings)),
                            ("dont_know", .int(f.dontKnow)),
                        ])
                    })
            ),
            (
                "summaries",
                .array(
                    round.summaries.map {
                        .object([
                            ("party", .string($0.party)), ("trust", .optional($0.trust)),
                            ("value", .optional($0.value)),
                        ])
                    })
            ),
        ]
    }
}

func sentenceCase(_ s: String) -> String {
    guard let f = s.first else { return s }
    return f.uppercased() + s.dropFirst()
}

/// "a", "a and b", "a, b and c".
private func joinedAnd(_ items: [String]) -> String {
    items.count <= 1
        ? items.joined() : items.dropLast().joined(separator: ", ") + " and " + (items.last ?? "")
}
