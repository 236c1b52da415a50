import Foundation

/// `calibrate` in words (text, Markdown), in the CONTRACT's JSON, and as a new rubric file.
///
/// The words are a librarian's: "went well", "weight now", "a hint, not proof". The method's
/// technical names (logistic regression, leave-one-out, concordance) appear only in JSON and in
/// the written rubric's `calibration` field.
public struct CalibrationReport: Sendable {
    public var calibration: Calibration

    public init(_ calibration: Calibration) { self.calibration = calibration }

    // MARK: JSON

    /// The CONTRACT's keys (`rubric`, `examples`, `enough_data`, `factors`, `concordance`) and more.
    public var json: JSONOutput {
        let c = calibration
        let members: [(String, JSONOutput)] = [
            ("rubric", .string(c.rubric)),
            ("as_of", .string(c.asOf.description)),
            ("examples", .int(c.examples.count)),
            ("enough_data", .bool(c.enoughData)),
            ("suggestion", .bool(c.suggestedWeights != nil)),
            ("reason", .optional(refusalSentence)),
            ("went_well", .int(c.wentWell)),
            ("went_poorly", .int(c.wentPoorly)),
            (
                "outcomes",
                .object(
                    Partnership.Outcome.allCases.map { o in
                        (o.rawValue, .int(c.examples.count { $0.outcome == o }))
                    })
            ),
            (
                "factors",
                .array(
                    c.factors.map { f in
                        .object([
                            ("factor", .string(f.dimension.rawValue)),
                            ("current_weight", .rounded(f.currentWeight)),
                            ("suggested_weight", f.suggestedWeight.map { .rounded($0) } ?? .null),
                            ("effect", .rounded(f.effect)),
                            ("standard_error", f.standardError.map { .rounded($0) } ?? .null),
                            ("mean", .rounded(f.mean)),
                            ("spread", .rounded(f.spread)),
                            ("varies", .bool(f.varies)),
                        ])
                    })
            ),
            (
                "concordance",
                .object([
                    ("current", c.currentConcordance.map { .rounded($0) } ?? .null),
                    ("suggested", c.suggestedConcordance.map { .rounded($0) } ?? .null),
                    ("uniform", c.uniformConcordance.map { .rounded($0) } ?? .null),
                    ("cross_validation", .string("leave-one-out")),
                ])
            ),
            ("method", methodJSON),
            (
                "partnerships",
                .array(
                    c.examples.map { e in
                        .object([
                            ("id", .string(e.id)),
                            ("outcome", .string(e.outcome.rawValue)),
                            ("label", .number(e.label)),
                            ("partners", .strings(e.partners)),
                            ("measured_on", .string(e.measuredOn.description)),
                            (
                                "factors",
                                .object(
                                    Dimension.allCases.map { ($0.rawValue, .rounded(e.factors[$0.index])) })
                            ),
                            ("current_score", .rounded(e.currentScore * 100, 2)),
                            ("held_out_score", e.heldOutScore.map { .rounded($0 * 100, 2) } ?? .null),
                        ])
                    })
            ),
            (
                "skipped",
                .array(c.skipped.map { .object([("id", .string($0.id)), ("reason", .string($0.reason))]) })
            ),
        ]
        return .object(members)
    }

    /// How the result was made, in the method's own terms.
    var methodJSON: JSONOutput {
        let s = calibration.settings
        return .object([
            ("model", .string("l2-penalised logistic regression on standardised factors (Newton/IRLS)")),
            ("penalty", .number(s.penalty)),
            (
                "labels",
                .object(
                    Partnership.Outcome.allCases.map { ($0.rawValue, .number(CalibrationEngine.label($0))) })
            ),
            ("effect", .string("change in log-odds of a good outcome per standard deviation of the factor")),
            ("standard_error", .string("square root of the inverse penalised Hessian's diagonal")),
            ("suggested_weight", .string("max(0, effect) / spread, normalised to sum to 1")),
            ("factors_measured", .string("as of each partnership's start; the mean over its partners")),
            ("minimum_examples", .int(s.minimumExamples)),
            ("minimum_per_side", .int(s.minimumPerSide)),
        ])
    }

    // MARK: Words

    public var text: String { render(markdown: false) }
    public var markdown: String { render(markdown: true) }

    /// Why nothing is suggested, in a sentence; nil when something is.
    public var refusalSentence: String? {
        let c = calibration
        switch c.refusal {
        case nil: return nil
        case .tooFew(let n, let needed):
            let have =
                n == 0
                ? "No past partnership has an outcome recorded yet"
                : "Only \(count(n, "past partnership")) \(n == 1 ? "has" : "have") an outcome"
            return
                "\(have); calibrate needs at least \(needed) before it suggests weights, and would rather say nothing than guess."
        case .oneSided(let good, let poor, let needed):
            if poor == 0 {
                return
                    "All \(count(good, "recorded outcome")) went well: with nothing that went poorly to compare them with, there is no way to tell which factors made the difference."
            }
            if good == 0 {
                return
                    "All \(count(poor, "recorded outcome")) went poorly: with nothing that went well to compare them with, there is no way to tell which factors made the difference."
            }
            let few = good < needed ? "went well" : "went poorly"
            return
                "Only \(min(good, poor)) of \(c.examples.count) \(few): calibrate needs at least \(needed) that went well and \(needed) that went poorly to compare."
        case .noVariation:
            return
                "Every past partnership has the same value of every factor, so none of them can explain the outcomes."
        case .noPositiveEffect:
            return
                "No factor went with better outcomes in these \(count(c.examples.count, "partnership")), so there is no weighting to suggest; today's weights stay as they are."
        }
    }

    /// How much to trust a suggestion, by the number of examples.
    var caution: String {
        let n = calibration.examples.count
        if n < 30 {
            return
                "With \(n) past partnerships this is a hint, not proof: a few more outcomes could change it. Weigh it against what you know of each partnership."
        }
        if n < 100 {
            return
                "With \(n) past partnerships this is useful evidence, not proof. Weigh it against what you know of each partnership."
        }
        return
            "With \(n) past partnerships this is a reasonable basis for a change, still to be checked against your own judgement."
    }

    /// The evidence for one factor, in words, with the number after it.
    static func evidence(_ f: Calibration.Factor) -> String {
        guard f.varies else { return "every partnership has the same value: nothing to learn" }
        guard let signal = f.signal, let se = f.standardError else { return "not estimated" }
        let sign = f.effect >= 0 ? "+" : "−"
        let number =
            "(\(sign)\(formatNumber(abs(f.effect), maxFractionDigits: 2)) ± \(formatNumber(se, maxFractionDigits: 2)))"
        let words: String
        switch signal {
        case 2...: words = "clear sign: more of it went with better outcomes"
        case 1..<2: words = "some sign: more of it went with better outcomes"
        case -1..<1: words = "no clear sign either way"
        case -2 ..< -1: words = "some sign: more of it went with worse outcomes"
        default: words = "clear sign: more of it went with worse outcomes"
        }
        return "\(words) \(number)"
    }

    func render(markdown md: Bool) -> String {
        let c = calibration
        func esc(_ s: String) -> String { md ? Escape.markdown(s) : s }
        var out = ""
        let title = "Calibrating the \(c.rubric) rubric on the library's past partnerships"
        out += md ? "# \(esc(title))\n\n" : "\(title)\n"
        out += "As of \(c.asOf). "
        if c.examples.isEmpty {
            out += "No past partnership has an outcome yet.\n"
        } else {
            let well = c.outcomeCounts.filter { CalibrationEngine.label($0.outcome) >= 0.5 }
            let poorly = c.outcomeCounts.filter { CalibrationEngine.label($0.outcome) < 0.5 }
            func list(_ l: [(outcome: Partnership.Outcome, count: Int)]) -> String {
                l.map { "\($0.count) \(Self.counted($0.outcome))" }.joined(separator: ", ")
            }
            out += "\(count(c.examples.count, "past partnership")) with an outcome: "
            out += "\(c.wentWell) went well" + (well.isEmpty ? "" : " (\(list(well)))")
            out += ", \(c.wentPoorly) went poorly" + (poorly.isEmpty ? "" : " (\(list(poorly)))") + ".\n"
        }
        out += "\n"
        if let why = refusalSentence {
            out += (md ? "**Nothing to suggest.** " : "Nothing to suggest. ") + esc(why) + "\n"
            if !c.enoughData {
                out +=
                    "\nRecord how each partnership turned out as it ends (and at reviews while it runs): "
                    + (md ? "`\"outcome\"`" : "\"outcome\"")
                    + " in partnerships.json, one of met-goals, partly, fizzled, ended-early, harmful.\n"
            }
        } else {
            out += esc(caution) + "\n"
        }

        // The factors.
        out += md ? "\n## Factors\n\n" : "\n"
        let showEvidence = c.enoughData
        if md {
            out +=
                "| factor | weight now | suggested |" + (showEvidence ? " what the record shows |" : "")
                + "\n"
            out += "|---|---:|---:|" + (showEvidence ? "---|" : "") + "\n"
            for f in c.factors {
                out +=
                    "| \(f.dimension.label) | \(weight(f.currentWeight)) | \(f.suggestedWeight.map(weight) ?? "—") |"
                out += showEvidence ? " \(esc(Self.evidence(f))) |\n" : "\n"
            }
        } else {
            var table = TextTable(
                ["Factor", "Weight now", "Suggested"] + (showEvidence ? ["What the record shows"] : []),
                alignments: [.left, .right, .right] + (showEvidence ? [.left] : []))
            for f in c.factors {
                table.add(
                    [f.dimension.label, weight(f.currentWeight), f.suggestedWeight.map(weight) ?? "—"]
                        + (showEvidence ? [Self.evidence(f)] : []))
            }
            out += table.render()
        }

        // How well each set of weights ranks the past partnerships.
        if let current = c.currentConcordance {
            out += md ? "\n## How well the weights rank these partnerships\n\n" : "\n"
            out +=
                "How often each set of weights scored the partnership that did better above the one that did worse (1.00 always, 0.50 no better than a coin toss):\n"
            var rows: [(String, String, String)] = [("weights now", number(current), "")]
            if let s = c.suggestedConcordance {
                rows.append(
                    (
                        "suggested weights", number(s),
                        "each past partnership scored by weights learned without it"
                    ))
            }
            if let u = c.uniformConcordance { rows.append(("equal weights", number(u), "")) }
            if md {
                out += "\n| weights | ranking | how |\n|---|---:|---|\n"
                for r in rows { out += "| \(r.0) | \(r.1) | \(r.2) |\n" }
            } else {
                out += "\n"
                for r in rows {
                    let pad = String(repeating: " ", count: max(1, 19 - r.0.count))
                    out += "  \(r.0)\(pad)\(r.1)" + (r.2.isEmpty ? "" : "  (\(r.2))") + "\n"
                }
            }
            if let s = c.suggestedConcordance {
                out += "\n"
                if s >= current + 0.05 {
                    out +=
                        "The suggested weights ranked partnerships they had not seen better than today's weights do.\n"
                } else if s > current - 0.05 {
                    out +=
                        "The suggested weights ranked partnerships they had not seen about as well as today's weights: too small a difference to act on alone.\n"
                } else {
                    out +=
                        "The suggested weights ranked partnerships they had not seen worse than today's weights: keep today's weights, and look again when more outcomes are in.\n"
                }
            }
            if c.factors.contains(where: { $0.suggestedWeight == 0 }) {
                out +=
                    "A suggested weight of 0 means these outcomes gave no reason to count that factor, not that it does not matter.\n"
            }
        }

        if !c.examples.isEmpty {
            out += md ? "\n## Past partnerships used\n\n" : "\nPast partnerships used:\n"
            if md {
                out += "| partnership | outcome | measured as of | score now | score, suggested weights |\n"
                out += "|---|---|---|---:|---:|\n"
                for e in c.examples {
                    out += "| \(esc(e.title)) (`\(esc(e.id))`) | \(e.outcome.label) | \(e.measuredOn) | "
                    out += "\(formatNumber(e.currentScore * 100, maxFractionDigits: 1)) | "
                    out += "\(e.heldOutScore.map { formatNumber($0 * 100, maxFractionDigits: 1) } ?? "—") |\n"
                }
            } else {
                var table = TextTable(
                    ["Partnership", "Outcome", "As of", "Score now", "Suggested"],
                    alignments: [.left, .left, .left, .right, .right])
                for e in c.examples {
                    table.add([
                        "\(e.title) (\(e.id))", e.outcome.label, e.measuredOn.description,
                        formatNumber(e.currentScore * 100, maxFractionDigits: 1),
                        e.heldOutScore.map { formatNumber($0 * 100, maxFractionDigits: 1) } ?? "—",
                    ])
                }
                out += table.render(indent: "  ")
            }
        }
        if !c.skipped.isEmpty {
            out += md ? "\n## Not used\n\n" : "\nNot used:\n"
            for s in c.skipped { out += (md ? "- `\(esc(s.id))`: " : "  \(s.id): ") + esc(s.reason) + "\n" }
        }
        if c.suggestedWeights != nil {
            let file = "rubrics/\(c.rubric)-calibrated.json"
            out += "\n"
            out +=
                md
                ? "To try it: `partnerkit calibrate --write \(esc(file))`, then `partnerkit score --rubric \(esc(file))` and compare with today's ranking.\n"
                : "To try it: partnerkit calibrate --write \(file), then partnerkit score --rubric \(file) and compare with today's ranking.\n"
        }
        return out
    }

    /// An outcome after a count: "5 met their goals", "2 fizzled out".
    static func counted(_ o: Partnership.Outcome) -> String {
        switch o {
        case .metGoals: "met their goals"
        case .partly: "partly"
        case .fizzled: "fizzled out"
        case .endedEarly: "ended early"
        case .harmful: "did harm"
        }
    }

    func weight(_ w: Double) -> String { String(format: "%.2f", w) }
    func number(_ v: Double) -> String { String(format: "%.2f", v) }
    func count(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }

    // MARK: The suggested rubric

    /// The rubric `--write` saves: the calibrated rubric's parameters and minimums unchanged,
    /// the suggested weights, and a `calibration` field saying how they were made. Nil when
    /// nothing is suggested.
    public func suggestedRubric(_ rubric: Rubric, name: String) -> JSONOutput? {
        let c = calibration
        guard let weights = c.suggestedWeights else { return nil }
        let dims = Dimension.allCases
        let notes: [(String, JSONOutput)] = c.factors.map { f in
            (
                f.dimension.rawValue,
                .string(
                    "Was \(weight(f.currentWeight)) in \(c.rubric); suggested \(weight(weights[f.dimension.index])) by calibrate: \(Self.evidence(f))."
                )
            )
        }
        let parameters: [(String, JSONOutput)] = RubricReader.parameterSpecs.map {
            ($0.key, .number(rubric.parameters[keyPath: $0.keyPath]))
        }
        let minimums: [(String, JSONOutput)] = dims.compactMap { d in
            rubric.minimums[d].map { (d.rawValue, .number($0)) }
        }
        return .object([
            ("name", .string(name)),
            (
                "description",
                .string(
                    "\(c.rubric) with weights suggested by `partnerkit calibrate` from \(count(c.examples.count, "past partnership")) as of \(c.asOf). \(caution) Compare `score --rubric` with this file and with \(c.rubric)."
                )
            ),
            ("weights", .object(dims.map { ($0.rawValue, .rounded(weights[$0.index])) })),
            ("weight_notes", .object(notes)),
            ("parameters", .object(parameters)),
            ("minimums", .object(minimums)),
            (
                "calibration",
                .object([
                    ("examples", .int(c.examples.count)),
                    ("date", .string(c.asOf.description)),
                    ("from_rubric", .string(c.rubric)),
                    (
                        "method",
                        .string(
                            "L2-penalised logistic regression (penalty \(formatNumber(c.settings.penalty))) on standardised factors; suggested weight = max(0, effect) / spread, normalised; concordance by leave-one-out cross-validation"
                        )
                    ),
                    (
                        "concordance",
                        .object([
                            ("current", c.currentConcordance.map { .rounded($0) } ?? .null),
                            ("suggested", c.suggestedConcordance.map { .rounded($0) } ?? .null),
                            ("uniform", c.uniformConcordance.map { .rounded($0) } ?? .null),
                        ])
                    ),
                    ("went_well", .int(c.wentWell)),
                    ("went_poorly", .int(c.wentPoorly)),
                ])
            ),
        ])
    }
}
