import PartnerKit

extension Commands {
    static let vet = Command(
        name: "vet",
        summary: "One organization in depth: scorecard, reasons, flags, relationship, grant readiness",
        usage: "partnerkit vet ORG [--rubric NAME|PATH] [--workspace DIR] [--format text|json|markdown]",
        discussion: """
            Shows every dimension with its reasons and a Wilder-style band (strength, borderline,
            concern; thresholds in the rubric), the organization's ties with the library (people
            by name and role), and a grant-readiness checklist: minimums met, an existing
            relationship, a shared priority, mutual benefit, and the data still missing.
            Default rubric: grant-partner.
            """,
        options: [rubricOption, explainOption],
        positionals: 1...1,
        run: { inv in
            let id = inv.args.positionals[0].trimmingWhitespace
            guard let rubric = loadRubric(inv, default: "grant-partner"), let workspace = inv.loadWorkspace()
            else {
                return Exit.inputError
            }
            let engine = ScoringEngine.withWarmPaths(workspace: workspace, rubric: rubric, asOf: inv.asOf)
            guard let vetting = engine.vetWithWarmPaths(id) else {
                inv.console.report([
                    UnknownID.organization(id, in: workspace, file: inv.workspaceFile("organizations.csv"))
                ])
                return Exit.inputError
            }
            // The exempt-organization record (import, #11): a separate block after the scorecard.
            let record = workspace.organization(id).map { exemptRecord($0, inv: inv, workspace: workspace) }
            switch inv.format {
            case "json":
                var json = ScoreRendering.json(vetting, rubric: rubric.name, asOf: inv.asOf)
                if case .object(var members) = json, let record {
                    members.append(("exempt_record", ExemptRecordReport.json(record)))
                    json = .object(members)
                }
                inv.emit(json.serialized())
            case "markdown":
                inv.emit(
                    ScoreRendering.markdown(vetting, rubric: rubric.name, asOf: inv.asOf)
                        + (record.flatMap { ExemptRecordReport.text($0, markdown: true) } ?? ""))
            default:
                inv.emit(
                    ScoreRendering.text(
                        vetting, rubric: rubric.name, asOf: inv.asOf, explain: inv.args.has("--explain"))
                        + (record.flatMap { ExemptRecordReport.text($0) } ?? ""))
            }
            return Exit.success
        })
}
