import PartnerKit

extension Commands {
    static let spectrum = Command(
        name: "spectrum",
        summary: "Place collaborations on the participation spectrum (IAP2 or the dessert spectrum)",
        usage:
            "partnerkit spectrum [ID…] [--file PROPOSAL.json] [--spectrum NAME|PATH] [--workspace DIR] [--format text|json|markdown]",
        discussion: """
            Places every partnership in partnerships.json (or the IDs given, or a proposal
            file) on the IAP2 Spectrum of Public Participation: a position from 1.0 (inform)
            to 5.0 (empower), the level it rounds to and the one it is edging toward; whether
            it is a partnership, a transaction or promotion; the six criteria of a partnership;
            the readiness of its plan; and concrete next steps.
            --spectrum spectrum-dessert names the levels with the library dessert spectrum.
            """,
        options: [
            .value(
                "--file", "PROPOSAL.json",
                "place a collaboration not yet entered (one partnership, or {\"partnerships\": […]})"),
            .value("--spectrum", "NAME|PATH", "the spectrum rubric (default: spectrum-iap2)"),
        ],
        positionals: 0...Int.max,
        run: { inv in
            guard let workspace = inv.loadWorkspace() else { return Exit.inputError }
            guard let rubric = loadSpectrum(inv) else { return Exit.inputError }

            var chosen: [Partnership] = []
            var unknown: [Diagnostic] = []
            for id in inv.args.positionals {
                let key = id.trimmingWhitespace
                if let p = workspace.partnership(key) {
                    if !chosen.contains(where: { $0.id == p.id }) { chosen.append(p) }
                } else {
                    unknown.append(
                        UnknownID.partnership(
                            key, in: workspace, file: inv.workspaceFile("partnerships.json")))
                }
            }
            if !unknown.isEmpty {
                inv.console.report(unknown)
                return Exit.inputError
            }
            if let file = inv.args.value("--file") {
                switch Files.read(file) {
                case .failure(let e):
                    inv.console.report([.error(file, .file, e.message)])
                    return Exit.inputError
                case .success(let bytes):
                    let (list, diagnostics) = PartnershipReader.readProposal(
                        bytes, file: file, workspace: workspace)
                    inv.console.report(diagnostics)
                    if diagnostics.hasErrors { return Exit.inputError }
                    chosen += list
                }
            } else if inv.args.positionals.isEmpty {
                chosen = workspace.partnerships
            }

            let placements = SpectrumEngine.place(
                chosen, workspace: workspace, rubric: rubric, asOf: inv.asOf)
            switch inv.format {
            case "json":
                inv.emit(SpectrumReport.json(placements, rubric: rubric, asOf: inv.asOf).serialized())
            case "markdown": inv.emit(SpectrumReport.markdown(placements, rubric: rubric))
            default: inv.emit(SpectrumReport.text(placements, rubric: rubric))
            }
            return Exit.success
        })

    /// Finds and reads the `--spectrum` rubric (default spectrum-iap2), printing its problems.
    static func loadSpectrum(_ inv: Invocation) -> SpectrumRubric? {
        guard
            let rubricPath = locateRubric(
                inv, inv.args.value("--spectrum") ?? "spectrum-iap2", spectrum: true)
        else { return nil }
        switch Files.read(rubricPath) {
        case .failure(let e):
            inv.console.report([.error(rubricPath, .file, e.message)])
            return nil
        case .success(let bytes):
            let (r, diagnostics) = SpectrumRubric.read(bytes: bytes, file: rubricPath)
            inv.console.report(diagnostics)
            return r
        }
    }
}
