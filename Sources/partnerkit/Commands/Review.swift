import PartnerKit

extension Commands {
    static let review = Command(
        name: "review",
        summary: "The quarterly portfolio review: health, coverage, movement, recommendations, HTML report",
        usage:
            "partnerkit review [--quarter YYYY-Qn] [--html FILE] [--save [--force]] [--workspace DIR] [--format text|json|markdown]",
        discussion: """
            Reviews every active and paused partnership (proposed ones apart; ended ones if they
            ended this quarter): health green/amber/red with its issues (overdue milestones,
            overdue contact, goals due without a result, plan gaps, a party contributing
            nothing), its place on the spectrum and movement since the last saved review, and a
            suggestion (deepen, repair, pause or end gracefully). Then the portfolio: levels,
            coverage of each library priority (with candidates for uncovered ones), audiences
            reached, quiet strong ties and introductions to make. With a surveys.csv, the
            partners' view from the health survey sits beside each partnership's health: where
            the records or the two sides disagree, and who was not asked in the last two quarters.
            --quarter defaults to the quarter containing --as-of. --html FILE writes a
            self-contained page to read and print (never overwriting FILE without --force) and
            prints one line ("wrote FILE: 5 actions, 13 partnerships") instead of the review;
            add --format to have the review printed as well.
            --save writes reviews/YYYY-Qn.json, the snapshot the next review compares with; it
            refuses to replace an existing one without --force.
            """,
        options: [
            .value("--quarter", "YYYY-Qn", "the quarter to review (default: the one containing --as-of)"),
            .value("--html", "FILE", "also write the report as one self-contained HTML file"),
            .flag("--save", "save this review as reviews/YYYY-Qn.json in the workspace"),
            .flag("--force", "let --save and --html replace an existing file"),
            .value("--spectrum", "NAME|PATH", "the spectrum rubric (default: spectrum-iap2)"),
            rubricOption,
        ],
        run: { inv in
            var quarter = inv.asOf.quarter
            if let q = inv.args.value("--quarter") {
                guard let parsed = Quarter(q) else {
                    throw UsageError(message: "--quarter takes YYYY-Qn (e.g. 2026-Q4), not \"\(q)\"")
                }
                quarter = parsed
            }
            let asOf = quarter.reviewDay(asOf: inv.asOf, asOfGiven: inv.args.value("--as-of") != nil)
            guard let spectrum = loadSpectrum(inv), let scoring = loadRubric(inv, default: "partner-fit"),
                let workspace = inv.loadWorkspace()
            else { return Exit.inputError }

            let (saved, readProblems) = ReviewArchive.latest(before: quarter, workspace: inv.workspacePath)
            let (previous, formatProblems) =
                saved.map { ReviewSnapshot.read($0.bytes, file: $0.path, quarter: $0.quarter) } ?? (nil, [])
            let archiveProblems = readProblems + formatProblems
            if !archiveProblems.isEmpty {
                inv.console.report(archiveProblems)
                if archiveProblems.hasErrors { return Exit.inputError }
            }
            let review = ReviewEngine.fullReview(
                workspace: workspace, spectrum: spectrum, scoring: scoring, quarter: quarter, asOf: asOf,
                previous: previous)
            let report = ReviewReport(review: review, workspace: workspace, previousFile: previous?.file)

            let force = inv.args.has("--force")
            var wrote: String?
            if let html = inv.args.value("--html") {
                let page = ReviewHTML(report: report)
                switch Files.writeAtomically(Array(page.page.utf8), to: html, overwrite: force) {
                case .success: wrote = page.summary(file: html)
                case .failure(let e):
                    inv.console.err("\(e)\n")
                    return Exit.inputError
                }
            }
            if inv.args.has("--save") {
                let path = ReviewArchive.path(for: quarter, workspace: inv.workspacePath)
                switch Files.writeAtomically(
                    Array((report.saved.serialized() + "\n").utf8), to: path, overwrite: force)
                {
                case .success: inv.console.err("saved \(path)\n")
                case .failure(let e):
                    inv.console.err("\(e)\n")
                    return Exit.inputError
                }
            }
            // With --html the page is the report: one line says where it went, unless a
            // --format asks for the review on the terminal as well.
            if let wrote, inv.args.value("--format") == nil {
                inv.emit(wrote)
                return Exit.success
            }
            if let wrote { inv.console.err(wrote + "\n") }
            switch inv.format {
            case "json": inv.emit(report.json.serialized())
            case "markdown": inv.emit(report.markdown)
            default: inv.emit(report.text)
            }
            return Exit.success
        })
}
