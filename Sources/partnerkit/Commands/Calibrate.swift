import Foundation
import PartnerKit

extension Commands {
    static let calibrate = Command(
        name: "calibrate",
        summary: "Learn from past partnerships' outcomes how much each scoring factor mattered",
        usage:
            "partnerkit calibrate [--rubric NAME|PATH] [--write NEW.json [--force]] [--workspace DIR] [--format text|json|markdown]",
        discussion: """
            Takes every partnership with an "outcome" in partnerships.json (met-goals, partly,
            fizzled, ended-early, harmful), rates its partners with the rubric (default:
            partner-fit) as of the day it started, and finds which factors went with better
            outcomes. Reports, for each factor, today's weight, a suggested weight and the
            evidence, and how well each set of weights ranks the past partnerships (the
            suggested weights judged on partnerships they were not learned from). With fewer
            than 8 outcomes, or fewer than 2 that went well or poorly, it suggests nothing.
            --write NEW.json saves the suggested rubric as a new file (with a "calibration"
            field saying how it was made) to try with `score --rubric NEW.json`; it never
            writes into the toolkit's Rubrics/ folder, and never replaces a file without --force.
            """,
        options: [
            rubricOption,
            .value("--write", "NEW.json", "save the suggested rubric as a new file"),
            .flag("--force", "let --write replace an existing file"),
        ],
        run: { inv in
            guard let rubric = loadRubric(inv, default: "partner-fit"), let workspace = inv.loadWorkspace()
            else { return Exit.inputError }
            let result = CalibrationEngine.calibrate(workspace: workspace, rubric: rubric, asOf: inv.asOf)
            let report = CalibrationReport(result)
            switch inv.format {
            case "json": inv.emit(report.json.serialized())
            case "markdown": inv.emit(report.markdown)
            default: inv.emit(report.text)
            }
            guard let target = inv.args.value("--write") else { return Exit.success }
            if let dir = Resources.rubricsDirectory, isInside(target, folder: dir) {
                inv.console.report([
                    .error(
                        target, .file, "will not write into the toolkit's own Rubrics/ folder",
                        hint:
                            "write it to the workspace's rubrics/ folder, e.g. rubrics/\(rubric.name)-calibrated.json"
                    )
                ])
                return Exit.inputError
            }
            let name = URL(fileURLWithPath: target).deletingPathExtension().lastPathComponent
            guard let json = report.suggestedRubric(rubric, name: name) else {
                inv.console.report([
                    .error(
                        target, .file, "not written: there is no suggested rubric",
                        hint: report.refusalSentence)
                ])
                return Exit.inputError
            }
            switch Files.writeAtomically(
                Array(json.serialized().utf8), to: target, overwrite: inv.args.has("--force"))
            {
            case .success:
                inv.console.err("wrote \(target): try partnerkit score --rubric \(target)\n")
                return Exit.success
            case .failure(let e):
                inv.console.err("\(e)\n")
                return Exit.inputError
            }
        })

    /// Whether `path` (which may not exist yet) lies in `folder`, after resolving symbolic
    /// links on both: a link into Rubrics/ is refused like the folder itself.
    static func isInside(_ path: String, folder: String) -> Bool {
        func resolved(_ p: String) -> String {
            URL(fileURLWithPath: p).standardizedFileURL.resolvingSymlinksInPath().path
        }
        let dir = resolved(folder)
        let url = URL(fileURLWithPath: path)
        // The file itself when it exists (it may be a link), else its folder.
        let target =
            FileManager.default.fileExists(atPath: path)
            ? resolved(path)
            : resolved(url.deletingLastPathComponent().path) + "/" + url.lastPathComponent
        return target.hasPrefix(dir.hasSuffix("/") ? dir : dir + "/")
    }
}
