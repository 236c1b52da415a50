import Foundation
import PartnerKit

/// The commands that keep the workspace current: add, log, done, result, status, history.
/// Each parses its arguments, calls the library's `WorkspaceEditor`, and prints what changed.
extension Commands {
    static let dryRun = OptionSpec.flag(
        "--dry-run", "show the change (the lines before and after) and write nothing")
    static let dateOption = OptionSpec.value(
        "--date", "YYYY-MM-DD", "the date of the event (default: --as-of, else today)")

    /// Opens the workspace, applies `edit`, validates, and writes (or shows, with --dry-run).
    static func runEdit(
        _ inv: Invocation, name: String, _ edit: (inout WorkspaceEditor) throws(EditError) -> Void
    )
        -> Int32
    {
        do throws(EditError) {
            var editor = try WorkspaceEditor.open(
                directory: inv.workspacePath, defaultVocabulary: Resources.defaultVocabulary)
            try edit(&editor)
            let dry = inv.args.has("--dry-run")
            if !dry && !editor.changes.isEmpty { pauseBeforeWritingForTests(inv) }
            let warnings =
                dry || editor.changes.isEmpty
                ? try editor.validate() : try editor.commit(command: commandLine())
            if !warnings.isEmpty { inv.console.report(warnings) }
            let report = EditReport(
                command: name, changes: editor.changes, notes: editor.notes, diffs: dry ? editor.diffs() : [],
                dryRun: dry)
            switch inv.format {
            case "json": inv.emit(report.json.serialized())
            case "markdown": inv.emit(report.markdown)
            default: inv.emit(report.text)
            }
            return Exit.success
        } catch {
            inv.console.report(error.diagnostics)
            inv.console.err("nothing was written\n")
            return Exit.inputError
        }
    }

    /// A test hook, compiled into debug builds only: with `PARTNERKIT_TEST_PAUSE_BEFORE_WRITE`
    /// set, an edit that has read the workspace and made its change says `ready to write` on
    /// stderr and waits for a line on stdin before it writes. A test changes a workspace file
    /// in that pause, then lets the edit go on, and so checks deterministically (no timing)
    /// that a file changed on disk since it was read is not overwritten.
    static func pauseBeforeWritingForTests(_ inv: Invocation) {
        #if DEBUG
            guard ProcessInfo.processInfo.environment["PARTNERKIT_TEST_PAUSE_BEFORE_WRITE"] != nil else {
                return
            }
            inv.console.err("ready to write\n")
            _ = readLine()
        #endif
    }

    /// The command as typed, for history.log (arguments with spaces quoted).
    static func commandLine() -> String {
        (["partnerkit"] + CommandLine.arguments.dropFirst()).map { a in
            a.isEmpty || a.contains(where: { " \t\"'$;&|<>".contains($0) })
                ? "'" + a.split(separator: "'", omittingEmptySubsequences: false).joined(separator: "'\\''")
                    + "'"
                : a
        }.joined(separator: " ")
    }

    static func eventDate(_ inv: Invocation) throws -> Day {
        guard let s = inv.args.value("--date") else { return inv.asOf }
        guard let d = Day(s) else {
            throw UsageError(message: "--date takes a date YYYY-MM-DD, not \"\(s)\"")
        }
        return d
    }

    // MARK: - add

    /// Options of `add`, by kind, as option → column.
    static let organizationOptions: [(String, String, String)] = [
        ("--name", "name", "organization or person: the name (required)"),
        ("--sector", "sector", "nonprofit|business|government|education|faith|grassroots|library|other"),
        ("--mission", "mission", "what it does, in its own words"),
        ("--topics", "topics", "topics it works on, ';'-separated (a;b)"),
        ("--values", "values", "its values, ';'-separated"),
        ("--audiences", "audiences", "whom it serves, ';'-separated"),
        ("--offers", "offers", "what it can offer, ';'-separated"),
        ("--needs", "needs", "what it needs, ';'-separated"),
        (
            "--flags", "flags",
            "practices to match against dealbreakers, ';'-separated (none: checked, nothing found)"
        ),
        ("--staff-fte", "staff_fte", "staff in full-time equivalents"),
        ("--budget", "annual_budget", "annual budget in USD"),
        ("--volunteers", "volunteers", "number of volunteers"),
        ("--reply-days", "reply_days", "typical days to answer"),
        ("--service-area", "service_area", "where it works"),
        ("--website", "website", "its website"),
        ("--ntee", "ntee", "NTEE code (e.g. B70)"),
        ("--ein", "ein", "EIN (12-3456789)"),
    ]
    static let personOptions: [(String, String, String)] = [
        ("--organization", "organization", "the organization id they work at"),
        ("--role", "role", "their role"),
        ("--email", "email", "email (private: never shown without --include-contacts)"),
        ("--phone", "phone", "phone (private)"),
    ]
    static let tieOptions = ["--kind", "--strength", "--last-contact", "--note"]
    static let partnershipOptions = ["--title", "--partners", "--status", "--started", "--description"]

    static let add = Command(
        name: "add",
        summary: "Add an organization, person, tie or partnership (appends; checks ids and tags)",
        usage: """
            partnerkit add organization ID --name NAME [--sector S] [--topics a;b] [--audiences …] [--offers …] [--needs …] [--flags …] [--staff-fte N] [--budget N] …
                   partnerkit add person ID --name NAME [--organization ORG] [--role R] [--email E] [--phone P]
                   partnerkit add tie SOURCE TARGET --kind K --strength 1-4 [--last-contact DATE] [--note TEXT]
                   partnerkit add partnership ID --title TITLE --partners a,b [--status proposed|active] [--started DATE] [--description TEXT]
            """,
        discussion: """
            Appends one row to organizations.csv, people.csv or relationships.csv, or one
            partnership to partnerships.json, keeping every other byte of the file as it was
            (line ends, separator, quoting, column order, columns PartnerKit does not know).
            An id already taken is an error; tags are checked against the vocabulary with a
            "did you mean" (--new-tags keeps unknown ones). The edited workspace is read again
            exactly as `check` reads it, and nothing is written if that finds an error or a file
            changed on disk meanwhile. Each change is logged in history.log.
            --set COLUMN=VALUE fills any other column (also one PartnerKit does not know);
            --add-columns adds a column the file lacks (one more field on every line).
            """,
        options: organizationOptions.map { OptionSpec.value($0.0, $0.1.uppercased(), $0.2) }
            + personOptions.map { OptionSpec.value($0.0, $0.1.uppercased(), $0.2) } + [
                .value("--kind", "KIND", "tie: knows, partnered, coalition, board, funder, referral…"),
                .value(
                    "--strength", "1-4", "tie: 1 acquainted, 2 working contact, 3 trusted, 4 close partner"),
                .value("--last-contact", "YYYY-MM-DD", "tie: the last contact"),
                .value("--note", "TEXT", "tie: a note"),
                .value("--title", "TITLE", "partnership: its title (required)"),
                .value("--partners", "a,b", "partnership: partner organization ids, ','-separated"),
                .value("--status", "STATUS", "partnership: proposed (default), active, paused"),
                .value("--started", "YYYY-MM-DD", "partnership: when it started"),
                .value("--description", "TEXT", "partnership: what it is"),
                .value("--set", "COLUMN=VALUE", "any other column of the row", repeatable: true),
                .flag(
                    "--new-tags", "keep tags the vocabulary does not know (default: refuse with a suggestion)"
                ),
                .flag("--add-columns", "add a column the file lacks instead of refusing"),
                dryRun,
            ],
        positionals: 2...3,
        run: { inv in
            let p = inv.args.positionals
            let kind = p[0]
            let given = Set(inv.args.values.keys)
            func only(_ allowed: [String]) throws {
                let common: Set<String> = ["--workspace", "--format", "--as-of", "--set"]
                for o in given.sorted() where !allowed.contains(o) && !common.contains(o) {
                    throw UsageError(message: "\(o) is not an option of `add \(kind)`")
                }
            }
            func setColumns() throws -> [String: String] {
                var out: [String: String] = [:]
                for s in inv.args.values["--set"] ?? [] {
                    guard let eq = s.firstIndex(of: "="), eq != s.startIndex else {
                        throw UsageError(message: "--set takes COLUMN=VALUE, not \"\(s)\"")
                    }
                    out[String(s[..<eq])] = String(s[s.index(after: eq)...])
                }
                return out
            }
            switch kind {
            case "organization", "org":
                guard p.count == 2 else { throw UsageError(message: "add organization takes one ID") }
                try only(organizationOptions.map(\.0))
                var fields = try setColumns()
                for (option, column, _) in organizationOptions {
                    if let v = inv.args.value(option) { fields[column] = v }
                }
                return runEdit(inv, name: "add organization") {
                    (e: inout WorkspaceEditor) throws(EditError) in
                    try e.addOrganization(
                        id: p[1].trimmingWhitespace, fields: fields, allowNewTags: inv.args.has("--new-tags"),
                        addColumns: inv.args.has("--add-columns"))
                }
            case "person":
                guard p.count == 2 else { throw UsageError(message: "add person takes one ID") }
                try only(["--name"] + personOptions.map(\.0))
                var fields = try setColumns()
                if let n = inv.args.value("--name") { fields["name"] = n }
                for (option, column, _) in personOptions {
                    if let v = inv.args.value(option) { fields[column] = v }
                }
                return runEdit(inv, name: "add person") { (e: inout WorkspaceEditor) throws(EditError) in
                    try e.addPerson(
                        id: p[1].trimmingWhitespace, fields: fields, addColumns: inv.args.has("--add-columns")
                    )
                }
            case "tie":
                guard p.count == 3 else { throw UsageError(message: "add tie takes SOURCE and TARGET") }
                try only(tieOptions)
                guard let kindValue = inv.args.value("--kind") else {
                    throw UsageError(message: "add tie needs --kind")
                }
                if let word = inv.args.value("--strength"), Double(word) == nil {
                    let meant =
                        RelationshipsSchema.strength(word: word).map { ": \"\(word)\" is \($0)" } ?? ""
                    throw UsageError(
                        message:
                            "--strength takes a number: write 1–4 (\(RelationshipsSchema.strengthScale)), not \"\(word)\"\(meant)"
                    )
                }
                guard let strength = try inv.args.number("--strength", range: 1...4) else {
                    throw UsageError(
                        message: "add tie needs --strength 1-4 (\(RelationshipsSchema.strengthScale))")
                }
                var last: Day?
                if let s = inv.args.value("--last-contact") {
                    guard let d = Day(s) else {
                        throw UsageError(message: "--last-contact takes a date YYYY-MM-DD, not \"\(s)\"")
                    }
                    last = d
                }
                let note = inv.args.value("--note")
                return runEdit(inv, name: "add tie") { (e: inout WorkspaceEditor) throws(EditError) in
                    try e.addTie(
                        source: p[1].trimmingWhitespace, target: p[2].trimmingWhitespace, kind: kindValue,
                        strength: strength, lastContact: last, note: note)
                }
            case "partnership":
                guard p.count == 2 else { throw UsageError(message: "add partnership takes one ID") }
                try only(partnershipOptions)
                guard inv.args.values["--set"] == nil else {
                    throw UsageError(message: "--set is for rows of a CSV file, not partnerships")
                }
                guard let title = inv.args.value("--title") else {
                    throw UsageError(message: "add partnership needs --title")
                }
                let partners = (inv.args.value("--partners") ?? "").split(separator: ",").map {
                    $0.trimmingWhitespace
                }.filter { !$0.isEmpty }
                if partners.isEmpty { throw UsageError(message: "add partnership needs --partners a,b") }
                var status = Partnership.Status.proposed
                if let s = inv.args.value("--status") {
                    guard let st = Partnership.Status(rawValue: s.lowercased()) else {
                        throw UsageError(
                            message:
                                "--status takes \(Partnership.Status.allCases.map(\.rawValue).joined(separator: "|")), not \"\(s)\""
                        )
                    }
                    status = st
                }
                var started: Day?
                if let s = inv.args.value("--started") {
                    guard let d = Day(s) else {
                        throw UsageError(message: "--started takes a date YYYY-MM-DD, not \"\(s)\"")
                    }
                    started = d
                }
                let description = inv.args.value("--description")
                return runEdit(inv, name: "add partnership") { (e: inout WorkspaceEditor) throws(EditError) in
                    try e.addPartnership(
                        id: p[1].trimmingWhitespace, title: title, partners: partners, status: status,
                        started: started,
                        description: description)
                }
            default:
                throw UsageError(
                    message: "add what? organization, person, tie or partnership, not \"\(kind)\"")
            }
        })

    // MARK: - log, done, result, status

    static let log = Command(
        name: "log",
        summary: "Record a contact with a partnership's partners (communication log, last contact)",
        usage: "partnerkit log PARTNERSHIP [--date YYYY-MM-DD] [--note TEXT] [--dry-run]",
        discussion: """
            Adds the date to the partnership's communication log in partnerships.json (in date
            order; with --note as { "date", "note" }) and brings last_contact on the library's tie
            with each partner in relationships.csv up to it. Only those values change; every other
            byte of both files stays. The change is logged in history.log.
            """,
        options: [dateOption, .value("--note", "TEXT", "what the contact was about"), dryRun],
        positionals: 1...1,
        run: { inv in
            let date = try eventDate(inv)
            let note = inv.args.value("--note")
            return runEdit(inv, name: "log") { (e: inout WorkspaceEditor) throws(EditError) in
                try e.logContact(
                    partnership: inv.args.positionals[0].trimmingWhitespace, date: date, note: note)
            }
        })

    static let done = Command(
        name: "done",
        summary: "Mark a partnership's milestone done",
        usage: "partnerkit done PARTNERSHIP MILESTONE [--date YYYY-MM-DD] [--dry-run]",
        discussion: """
            MILESTONE is its number (1 is the first) or the start of its title, enough to name
            one; an ambiguous name lists the choices. Sets the milestone's "done" date.
            """,
        options: [dateOption, dryRun],
        positionals: 2...2,
        run: { inv in
            let date = try eventDate(inv)
            let p = inv.args.positionals
            return runEdit(inv, name: "done") { (e: inout WorkspaceEditor) throws(EditError) in
                try e.markDone(partnership: p[0].trimmingWhitespace, milestone: p[1], date: date)
            }
        })

    static let result = Command(
        name: "result",
        summary: "Record what a partnership's goal achieved",
        usage: "partnerkit result PARTNERSHIP GOAL --achieved N [--date YYYY-MM-DD] [--dry-run]",
        discussion: """
            GOAL is its number (1 is the first) or the start of its text; an ambiguous name lists
            the choices. Writes "achieved": N on the goal (the review compares it with the target)
            and "achieved_on": the --date, the day of the result.
            """,
        options: [
            .value("--achieved", "N", "the result, in the goal's metric (e.g. 12 regular attendees)"),
            dateOption,
            dryRun,
        ],
        positionals: 2...2,
        run: { inv in
            let date = try eventDate(inv)
            guard let achieved = try inv.args.number("--achieved", range: -1e15...1e15) else {
                throw UsageError(message: "result needs --achieved N")
            }
            let p = inv.args.positionals
            return runEdit(inv, name: "result") { (e: inout WorkspaceEditor) throws(EditError) in
                try e.recordResult(
                    partnership: p[0].trimmingWhitespace, goal: p[1], achieved: achieved, date: date)
            }
        })

    static let outcomes = ["met-goals", "partly", "fizzled", "ended-early", "harmful"]

    static let status = Command(
        name: "status",
        summary: "Set a partnership's status: active, paused or ended (with its outcome)",
        usage:
            "partnerkit status PARTNERSHIP active|paused|ended [--outcome met-goals|partly|fizzled|ended-early|harmful] [--reason TEXT] [--date YYYY-MM-DD] [--dry-run]",
        discussion: """
            Ending a partnership sets "ends" to --date (unless it already ended by then) and
            records --outcome and --reason (ended_reason), what calibration learns from.
            Activating one without a start date sets "started". Ending a project is not ending
            the relationship: the ties stay.
            """,
        options: [
            .value("--outcome", "OUTCOME", "how it ended: \(outcomes.joined(separator: "|"))"),
            .value("--reason", "TEXT", "why it ended (ended_reason)"), dateOption, dryRun,
        ],
        positionals: 2...2,
        run: { inv in
            let date = try eventDate(inv)
            let p = inv.args.positionals
            let allowed: [Partnership.Status] = [.active, .paused, .ended, .proposed]
            guard let st = Partnership.Status(rawValue: p[1].lowercased()), allowed.contains(st) else {
                throw UsageError(message: "status takes active, paused, ended (or proposed), not \"\(p[1])\"")
            }
            let outcome = inv.args.value("--outcome")
            if let outcome {
                guard outcomes.contains(outcome) else {
                    let near = nearest(outcome, in: outcomes).map { " (did you mean \($0)?)" } ?? ""
                    throw UsageError(
                        message:
                            "--outcome takes \(outcomes.joined(separator: "|")), not \"\(outcome)\"\(near)")
                }
                guard st == .ended else { throw UsageError(message: "--outcome goes with `ended`") }
            }
            let reason = inv.args.value("--reason")
            if reason != nil && st != .ended { throw UsageError(message: "--reason goes with `ended`") }
            return runEdit(inv, name: "status") { (e: inout WorkspaceEditor) throws(EditError) in
                try e.setStatus(
                    partnership: p[0].trimmingWhitespace, status: st, outcome: outcome, reason: reason,
                    date: date)
            }
        })

    static let history = Command(
        name: "history",
        summary: "What the editing commands changed, when and by whom (history.log)",
        usage: "partnerkit history [--since YYYY-MM-DD] [--workspace DIR] [--format text|json|markdown]",
        discussion: """
            Every add, log, done, result and status appends one line to history.log in the
            workspace: the time (UTC), the user, the command, and each change with its file and
            line or field, so a change can be found and undone by hand.
            """,
        options: [.value("--since", "YYYY-MM-DD", "only changes made on or after this day")],
        run: { inv in
            var since: Day?
            if let s = inv.args.value("--since") {
                guard let d = Day(s) else {
                    throw UsageError(message: "--since takes a date YYYY-MM-DD, not \"\(s)\"")
                }
                since = d
            }
            guard Files.isDirectory(inv.workspacePath) else {
                inv.console.report([.error(inv.workspacePath, .file, "workspace folder not found")])
                return Exit.inputError
            }
            let (entries, problems) = HistoryLog.read(directory: inv.workspacePath, since: since)
            if !problems.isEmpty { inv.console.report(problems) }
            if problems.hasErrors { return Exit.inputError }
            let report = HistoryReport(entries: entries, since: since)
            switch inv.format {
            case "json": inv.emit(report.json.serialized())
            case "markdown": inv.emit(report.markdown)
            default: inv.emit(report.text)
            }
            return Exit.success
        })
}
