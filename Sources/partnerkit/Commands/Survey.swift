import PartnerKit

extension Commands {
    static let survey = Command(
        name: "survey",
        summary: "The two-sided partnership health survey: a form to send, and the results",
        usage: """
            partnerkit survey form ID [--format markdown|html|csv] [--out FILE [--force]]
                   partnerkit survey results [ID] [--format text|json|markdown]
            """,
        discussion: """
            Both sides of a partnership rate the same statements (Rubrics/health-survey.json, or
            rubrics/health-survey.json in the workspace) on mutual benefit, mutual contribution,
            shared goals, shared power, aligned values, clear roles, communication and trust.
            `form ID` prints a form for partnership ID: Markdown (default), printable HTML, or a
            CSV fragment for surveys.csv with one row per statement and party, pre-filled with
            the partnership, the party, a respondent identifier to change per person and the
            date (--as-of); --out FILE writes it atomically (never over FILE without --force).
            `results` reads surveys.csv: per partnership, the latest round (answers grouped by
            quarter, none after --as-of), per factor the mean with its band (4.0 strength, 3.0
            borderline, below that a concern), respondents per party, each side's mean and the
            gap between the library and a partner (flagged at one point), trust and value per
            party, and the change since the round before. A blank rating is "don't know".
            `partnerkit review` shows the latest round beside the records' view of each partnership.
            """,
        formats: ["text", "json", "markdown", "html", "csv"],
        options: [
            .value("--out", "FILE", "form: write to FILE (atomically) instead of standard output"),
            .flag("--force", "form: let --out replace an existing file"),
        ],
        positionals: 1...2,
        run: { inv in
            let sub = inv.args.positionals[0]
            let id = inv.args.positionals.count > 1 ? inv.args.positionals[1] : nil
            let given = inv.args.value("--format")
            switch sub {
            case "form":
                guard id != nil else { throw UsageError(message: "survey form needs a partnership id") }
                let format = given ?? "markdown"
                guard ["markdown", "html", "csv"].contains(format) else {
                    throw UsageError(message: "survey form takes --format markdown, html or csv")
                }
                return try surveyForm(inv, id: id ?? "", format: format)
            case "results":
                let format = given ?? "text"
                guard ["text", "json", "markdown"].contains(format) else {
                    throw UsageError(message: "survey results takes --format text, json or markdown")
                }
                if inv.args.value("--out") != nil || inv.args.has("--force") {
                    throw UsageError(message: "--out and --force are for `survey form`")
                }
                return surveyResults(inv, id: id, format: format)
            default:
                let near = nearest(sub, in: ["form", "results"], maxDistance: 3).map {
                    " (did you mean '\($0)'?)"
                }
                throw UsageError(
                    message: "unknown survey subcommand '\(sub)'\(near ?? ""); choose form or results")
            }
        })

    /// The rubric the results were checked against, or (for a form, or a workspace without
    /// surveys.csv) the one found by name, its problems printed.
    static func surveyRubric(_ inv: Invocation, _ workspace: Workspace) -> SurveyRubric? {
        if let r = workspace.surveyRubric { return r }
        guard let path = locateRubric(inv, SurveyRubricReader.fileName, spectrum: false) else { return nil }
        let (rubric, diagnostics) = SurveyRubricReader.load(path: path)
        inv.console.report(diagnostics)
        if rubric == nil { inv.console.err("\(diagnostics.summary): fix the rubric \(path)\n") }
        return rubric
    }

    static func unknownPartnership(_ inv: Invocation, _ id: String, _ w: Workspace) {
        inv.reportUnknownID(
            id, what: "partnership", file: "partnerships.json", candidates: w.partnerships.map(\.id),
            lookUp: "`partnerkit spectrum` lists the partnerships with their ids")
    }

    static func surveyForm(_ inv: Invocation, id: String, format: String) throws -> Int32 {
        guard let workspace = inv.loadWorkspace() else { return Exit.inputError }
        guard let p = workspace.partnership(id) else {
            unknownPartnership(inv, id, workspace)
            return Exit.inputError
        }
        guard let rubric = surveyRubric(inv, workspace) else { return Exit.inputError }
        let form = SurveyForm(partnership: p, rubric: rubric, workspace: workspace, date: inv.asOf)
        let text: String
        switch format {
        case "html": text = form.html
        case "csv": text = form.csv
        default: text = form.markdown
        }
        if let out = inv.args.value("--out") {
            switch Files.writeAtomically(Array(text.utf8), to: out, overwrite: inv.args.has("--force")) {
            case .success: inv.console.err("wrote \(out)\n")
            case .failure(let e):
                inv.console.err("\(e)\n")
                return Exit.inputError
            }
            return Exit.success
        }
        inv.emit(text)
        return Exit.success
    }

    static func surveyResults(_ inv: Invocation, id: String?, format: String) -> Int32 {
        guard let workspace = inv.loadWorkspace() else { return Exit.inputError }
        if let id, workspace.partnership(id) == nil {
            unknownPartnership(inv, id, workspace)
            return Exit.inputError
        }
        guard let rubric = surveyRubric(inv, workspace) else { return Exit.inputError }
        let results = SurveyEngine.results(
            workspace: workspace, rubric: rubric, asOf: inv.asOf, only: id.map { [$0] })
        let report = SurveyReport(results: results, rubric: rubric, workspace: workspace)
        switch format {
        case "json": inv.emit(report.json.serialized())
        case "markdown": inv.emit(report.markdown)
        default: inv.emit(report.text)
        }
        return Exit.success
    }
}
