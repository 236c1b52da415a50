import PartnerKit

extension Commands {
    static let rubricOption = OptionSpec.value(
        "--rubric", "NAME|PATH",
        "a rubric file, or the name of one in the workspace's rubrics/ or the toolkit's Rubrics/")

    /// Shows the technical names (check ids, flag tags, measure names) beside the plain words.
    static let explainOption = OptionSpec.flag(
        "--explain", "also show the technical names behind the plain words (the names JSON uses)")

    static let score = Command(
        name: "score",
        summary: "Rank organizations against the library's priorities",
        usage:
            "partnerkit score [--rubric NAME|PATH] [--top N] [--workspace DIR] [--format text|json|markdown|csv]",
        discussion: """
            Rates every organization on five dimensions (value alignment, shared audience,
            complementary assets, capacity, relationship), each 0–1, weighted by the rubric
            (default: partner-fit) into a score out of 100. Confidence is the share of rubric
            weight whose inputs are known. Dealbreakers rank last; ties are broken by id.
            """,
        formats: ["text", "json", "markdown", "csv"],
        options: [rubricOption, .value("--top", "N", "show only the best N (default: all)"), explainOption],
        run: { inv in
            let top = try inv.args.int("--top", range: 1...100_000_000)
            guard let rubric = loadRubric(inv, default: "partner-fit") else { return Exit.inputError }
            let card: Scorecard
            // The streaming path (issue 13): nil when it cannot prove the full path's output.
            if let top, let source = FileByteSource(path: inv.workspaceFile("organizations.csv")),
                let streamed = StreamingScore.score(
                    directory: inv.workspacePath, defaultVocabulary: Resources.defaultVocabulary,
                    organizations: source, rubric: rubric, asOf: inv.asOf, top: top)
            {
                inv.noteWarnings(streamed.diagnostics)
                card = streamed.scorecard
            } else {
                guard let workspace = inv.loadWorkspace() else { return Exit.inputError }
                let engine = ScoringEngine.withWarmPaths(workspace: workspace, rubric: rubric, asOf: inv.asOf)
                card = engine.score(top: top)
            }
            switch inv.format {
            case "json": inv.emit(ScoreRendering.json(card).serialized())
            case "markdown": inv.emit(ScoreRendering.markdown(card))
            case "csv": inv.emit(ScoreRendering.csv(card))
            default: inv.emit(ScoreRendering.text(card, explain: inv.args.has("--explain")))
            }
            return Exit.success
        })

    /// Finds and reads `--rubric` (or the default), printing every problem with the rubric's
    /// file and field path. Nil when it cannot be used.
    static func loadRubric(_ inv: Invocation, default name: String) -> Rubric? {
        guard let path = locateRubric(inv, inv.args.value("--rubric") ?? name, spectrum: false) else {
            return nil
        }
        let sink = DiagnosticSink()
        let rubric = RubricReader.load(path: path, sink: sink)
        let diagnostics = sink.diagnostics.sorted()
        if !diagnostics.isEmpty { inv.console.report(diagnostics) }
        if rubric == nil {
            inv.console.err("\(diagnostics.summary): fix the rubric \(path)\n")
        }
        return rubric
    }

    /// Finds a rubric (`--rubric` or `--spectrum`) by path or name, reporting where it looked,
    /// the nearest shipped name and the shipped rubrics of that kind when it is not found.
    static func locateRubric(_ inv: Invocation, _ wanted: String, spectrum: Bool) -> String? {
        let found = Resources.locateRubric(wanted, workspace: inv.workspacePath)
        if let path = found.path { return path }
        let shipped = Resources.shippedRubrics(spectra: spectrum)
        var hint = nearest(wanted, in: shipped).map { "did you mean \"\($0)\"? " } ?? ""
        hint += "looked in: \(found.tried.joined(separator: ", "))"
        if !shipped.isEmpty { hint += "; shipped: \(shipped.joined(separator: ", "))" }
        inv.console.report([
            .error(wanted, .file, spectrum ? "spectrum rubric not found" : "rubric not found", hint: hint)
        ])
        return nil
    }
}
