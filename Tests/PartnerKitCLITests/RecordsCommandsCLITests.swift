import Foundation
import Testing

/// Each editing command end to end on a copy of the sample, case by case: the happy path, a
/// bad id, a bad tag, an ambiguous milestone or goal, `--dry-run`, and a file changed on disk
/// between the edit's read and its write (which must not be overwritten).
@Suite struct RecordsCommandsCLITests {
    static let asOf = RecordsCLITests.asOf

    func run(_ args: [String], _ w: String) -> CLIResult {
        CLI.run(args + ["--workspace", w, "--as-of", Self.asOf])
    }

    static func write(_ text: String, _ path: String) {
        try? Data(text.utf8).write(to: URL(fileURLWithPath: path))
    }

    // MARK: - Happy paths

    /// Each command, its one-line report, and the exact text it adds to its file.
    @Test(arguments: [
        (
            [
                "add", "organization", "tidewater-pantry", "--name", "Tidewater Pantry", "--topics",
                "Food Security", "--flags", "none", "--budget", "350000",
            ],
            "organizations.csv", "tidewater-pantry,Tidewater Pantry,,,,,food-security,,,,,none,,350000",
            "added organization tidewater-pantry (Tidewater Pantry)"
        ),
        (
            [
                "add", "person", "rosa", "--name", "Rosa Delgado", "--organization", "ferries", "--role",
                "Director",
            ],
            "people.csv", "rosa,Rosa Delgado,ferries,Director,,", "added person rosa (Rosa Delgado at"
        ),
        (
            [
                "add", "tie", "hcpl", "shipyards", "--kind", "Knows", "--strength", "2", "--last-contact",
                "2026-11-02",
            ],
            "relationships.csv", "hcpl,shipyards,knows,2,2026-11-02,",
            "added tie hcpl — shipyards (knows, strength 2)"
        ),
        (
            [
                "add", "partnership", "pantry-pop-ups", "--title", "Pantry pop-ups", "--partners",
                "ferries,parks",
            ],
            "partnerships.json",
            "\"title\": \"Pantry pop-ups\",\n      \"partners\": [\"ferries\", \"parks\"],\n      \"status\": \"proposed\"",
            "added partnership pantry-pop-ups (Pantry pop-ups), proposed"
        ),
        (
            ["log", "job-hub", "--date", "2026-11-27", "--note", "mid-point planning"],
            "partnerships.json", #"{"date": "2026-11-27", "note": "mid-point planning"}"#, "added 2026-11-27"
        ),
        (
            ["done", "job-hub", "Mid", "--date", "2026-11-28"], "partnerships.json", #""done": "2026-11-28""#,
            #""Mid-point evaluation" done 2026-11-28"#
        ),
        (
            ["result", "job-hub", "2", "--achieved", "75", "--date", "2026-11-20"], "partnerships.json",
            "\"achieved\": 75,\n          \"achieved_on\": \"2026-11-20\"", "achieved 75 of 120 on 2026-11-20"
        ),
        (
            ["status", "author-talks", "ended", "--outcome", "fizzled", "--reason", "the writers moved on"],
            "partnerships.json", #""ended_reason": "the writers moved on""#, "status paused → ended"
        ),
    ])
    func happyPath(args: [String], file: String, added: String, report: String) {
        let (s, w) = RecordsCLITests.sample()
        _ = s
        let before = RecordsCLITests.snapshot(w)
        #expect(!RecordsCLITests.text(w + "/" + file).contains(added), "the expected text is new")
        let r = run(args, w)
        #expect(r.status == 0, "\(args): \(r.stderr)")
        #expect(r.stdout.contains(report), "\(args): \(r.stdout)")
        let text = RecordsCLITests.text(w + "/" + file)
        #expect(text.contains(added), "\(args): \(file) lacks \(added)")
        let after = RecordsCLITests.snapshot(w)
        for (f, b) in before where f != file && !(args[0] == "log" && f == "relationships.csv") {
            #expect(after[f] == b, "\(args): \(f) changed")
        }
        #expect(run(["check"], w).status == 0, "\(args): the edited workspace must pass check")
        let history = run(["history"], w)
        #expect(history.stdout.contains("partnerkit \(args[0])"), "\(history.stdout)")
        #expect(history.stdout.contains(file), "\(history.stdout)")
    }

    /// `result --date` is stored as the goal's `achieved_on`, read back by the workspace reader
    /// without a warning, and shown in history as the day of the result.
    @Test func resultDateIsStoredAsAchievedOn() throws {
        let (s, w) = RecordsCLITests.sample()
        _ = s
        let r = run(["result", "money-clinic", "Counsel", "--achieved", "160", "--date", "2026-10-31"], w)
        #expect(r.status == 0, "\(r.stderr)")
        let json = try #require(
            try JSONSerialization.jsonObject(
                with: Data(contentsOf: URL(fileURLWithPath: w + "/partnerships.json")))
                as? [String: Any])
        let list = try #require(json["partnerships"] as? [[String: Any]])
        let goal = try #require(
            (list.first { $0["id"] as? String == "money-clinic" }?["goals"] as? [[String: Any]])?.first)
        #expect(goal["achieved"] as? Double == 160)
        #expect(goal["achieved_on"] as? String == "2026-10-31")
        let check = run(["check"], w)
        #expect(check.status == 0)
        #expect(!check.stderr.contains("achieved_on"), "\(check.stderr)")
        // A second result replaces both, and says what they were.
        let again = run(["result", "money-clinic", "1", "--achieved", "171", "--date", "2026-11-29"], w)
        #expect(again.stdout.contains("(was 160 on 2026-10-31)"), "\(again.stdout)")
        #expect(
            RecordsCLITests.text(w + "/partnerships.json").contains(
                "\"achieved\": 171,\n          \"achieved_on\": \"2026-11-29\""))
        // A date that is not one in the file is the reader's error, with its field.
        Self.write(
            RecordsCLITests.text(w + "/partnerships.json").replacingOccurrences(
                of: "\"2026-11-29\"", with: "\"11/29/2026\""),
            w + "/partnerships.json")
        let bad = run(["check"], w)
        #expect(bad.status == 1)
        #expect(bad.stderr.contains(".achieved_on"), "\(bad.stderr)")
    }

    // MARK: - Refusals

    /// Bad tags (and the enumerations beside them), each with the vocabulary's suggestion.
    @Test(arguments: [
        (["add", "organization", "n", "--name", "N", "--values", "equty"], "did you mean \"equity\""),
        (
            ["add", "organization", "n", "--name", "N", "--offers", "meeting-spase"],
            "did you mean \"meeting-space\""
        ),
        (["add", "organization", "n", "--name", "N", "--needs", "fundng"], "did you mean \"funding\""),
        (
            ["add", "organization", "n", "--name", "N", "--flags", "sells-personal-dta"],
            "did you mean \"sells-personal-data\""
        ),
        (["add", "organization", "n", "--name", "N", "--sector", "nonprofti"], "did you mean \"nonprofit\""),
    ])
    func badTagIsRefusedWithASuggestion(args: [String], message: String) {
        let (s, w) = RecordsCLITests.sample()
        _ = s
        RecordsCLITests.expectRefused(args, message, in: w)
        // With --new-tags the same tag is kept as written.
        if !args.contains("--sector") {
            let kept = run(args + ["--new-tags"], w)
            #expect(kept.status == 0, "\(args): \(kept.stderr)")
        }
    }

    /// A strength in words says which number it is on the scale, and writes nothing.
    @Test func strengthInWordsSaysWhichNumber() {
        let (s, w) = RecordsCLITests.sample()
        _ = s
        let before = RecordsCLITests.snapshot(w)
        let r = run(["add", "tie", "hcpl", "shipyards", "--kind", "knows", "--strength", "close"], w)
        #expect(r.status == 2, "\(r.stderr)")
        #expect(r.stderr.contains("write 1–4 (1 acquainted"), "\(r.stderr)")
        #expect(r.stderr.contains("\"close\" is 4"), "\(r.stderr)")
        #expect(RecordsCLITests.snapshot(w) == before)
    }

    @Test func misspeltOutcomeIsBadUsageWithASuggestion() {
        let (s, w) = RecordsCLITests.sample()
        _ = s
        let r = run(["status", "job-hub", "ended", "--outcome", "fizzeld"], w)
        #expect(r.status == 2)
        #expect(r.stderr.contains("did you mean fizzled"), "\(r.stderr)")
    }

    /// Two goals starting alike: the name lists both, and a number picks one.
    @Test func ambiguousGoalListsTheChoices() {
        let (s, w) = RecordsCLITests.sample()
        _ = s
        let path = w + "/partnerships.json"
        Self.write(
            RecordsCLITests.text(path).replacingOccurrences(
                of: "Help more people get online", with: "Train residents to get online"), path)
        #expect(run(["check"], w).status == 0)
        let before = RecordsCLITests.snapshot(w)
        let r = run(["result", "digital-navigators", "train", "--achieved", "4"], w)
        #expect(r.status == 1)
        #expect(
            r.stderr.contains(#""train" matches 2 goals of digital-navigators: 1 "Train residents"#),
            "\(r.stderr)")
        #expect(r.stderr.contains(#"2 "Train volunteer navigators"#), "\(r.stderr)")
        #expect(r.stderr.contains("name one by its number"))
        #expect(RecordsCLITests.snapshot(w) == before)
        #expect(run(["result", "digital-navigators", "2", "--achieved", "4"], w).status == 0)
        #expect(run(["result", "digital-navigators", "Train v", "--achieved", "5"], w).status == 0)
    }

    // MARK: - --dry-run for every kind of add

    @Test(arguments: [
        (
            ["add", "organization", "n-org", "--name", "New Org", "--topics", "housing"],
            "+ n-org,New Org,,,,,housing,"
        ),
        (
            ["add", "person", "n-person", "--name", "New Person", "--organization", "parks"],
            "+ n-person,New Person,parks"
        ),
        (
            ["add", "tie", "hcpl", "shipyards", "--kind", "knows", "--strength", "1"],
            "+ hcpl,shipyards,knows,1"
        ),
        (
            ["add", "partnership", "n-p", "--title", "New", "--partners", "parks"],
            #"+       "id": "n-p","#
        ),
    ])
    func addDryRunShowsTheChangeAndWritesNothing(args: [String], line: String) {
        let (s, w) = RecordsCLITests.sample()
        _ = s
        let before = RecordsCLITests.snapshot(w)
        let r = run(args + ["--dry-run"], w)
        #expect(r.status == 0, "\(args): \(r.stderr)")
        #expect(r.stdout.contains("dry run"), "\(r.stdout)")
        #expect(r.stdout.contains(line), "\(args): \(r.stdout)")
        #expect(RecordsCLITests.snapshot(w) == before)
        #expect(!FileManager.default.fileExists(atPath: w + "/history.log"))
    }

    // MARK: - A file changed on disk between the read and the write

    /// Runs `args` with the debug build's pause (`PARTNERKIT_TEST_PAUSE_BEFORE_WRITE`): when
    /// the edit has read the workspace and made its change it says so and waits; `meanwhile`
    /// then changes a file, as another person saving the spreadsheet would, and the edit goes
    /// on. The order is fixed by the handshake, not by timing.
    static func runWithAConcurrentChange(_ args: [String], meanwhile: () -> Void) -> (CLIResult, paused: Bool)
    {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: CLI.binary)
        p.arguments = args
        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = "1"
        env["PARTNERKIT_TEST_PAUSE_BEFORE_WRITE"] = "1"
        p.environment = env
        let input = Pipe(), out = Pipe(), err = Pipe()
        p.standardInput = input
        p.standardOutput = out
        p.standardError = err
        do { try p.run() } catch { return (CLIResult(status: -1, stdout: "", stderr: "\(error)"), false) }
        var errData = Data()
        var paused = false
        while true {
            let chunk = err.fileHandleForReading.availableData
            if chunk.isEmpty { break }  // the end: it finished without pausing
            errData += chunk
            if String(decoding: errData, as: UTF8.self).contains("ready to write\n") {
                paused = true
                break
            }
        }
        if paused { meanwhile() }
        input.fileHandleForWriting.write(Data("\n".utf8))
        try? input.fileHandleForWriting.close()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        errData += err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (
            CLIResult(
                status: p.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                stderr: String(decoding: errData, as: UTF8.self)), paused
        )
    }

    /// Every command, with the file another writer changes meanwhile.
    @Test(arguments: [
        (["add", "organization", "n-org", "--name", "New Org"], "organizations.csv"),
        (["add", "person", "n-person", "--name", "New Person"], "people.csv"),
        (["add", "tie", "hcpl", "shipyards", "--kind", "knows", "--strength", "1"], "relationships.csv"),
        (["add", "partnership", "n-p", "--title", "New", "--partners", "parks"], "partnerships.json"),
        (["log", "money-clinic"], "partnerships.json"),
        // log edits two files: a change to the second one stops both.
        (["log", "money-clinic"], "relationships.csv"),
        (["done", "vita-tax-sites", "2027"], "partnerships.json"),
        (["result", "ferry-book-club", "2", "--achieved", "312"], "partnerships.json"),
        (["status", "job-hub", "paused"], "partnerships.json"),
    ])
    func aFileChangedOnDiskIsNotOverwritten(args: [String], changed: String) {
        let (s, w) = RecordsCLITests.sample()
        _ = s
        let before = RecordsCLITests.snapshot(w)
        let path = w + "/" + changed
        // What the other person saved: the same file with an empty line more at the end.
        let theirs = RecordsCLITests.bytes(path) + Array("\n".utf8)
        let (r, paused) = Self.runWithAConcurrentChange(args + ["--workspace", w, "--as-of", Self.asOf]) {
            try? Data(theirs).write(to: URL(fileURLWithPath: path))
        }
        #expect(paused, "\(args): the edit never paused (is this a debug build?) \(r.stderr)")
        #expect(r.status == 1, "\(args): \(r.stdout) \(r.stderr)")
        #expect(
            r.stderr.contains(
                "\(changed): error: changed on disk since partnerkit read it; nothing was written"),
            "\(args): \(r.stderr)")
        #expect(r.stderr.contains("run the command again"))
        // Their version stands, and nothing else was written.
        #expect(RecordsCLITests.bytes(path) == theirs)
        for (f, b) in before where f != changed {
            #expect(RecordsCLITests.bytes(w + "/" + f) == b, "\(args): \(f) was written")
        }
        #expect(!FileManager.default.fileExists(atPath: w + "/history.log"))
        // Without a change meanwhile, the paused edit goes through.
        try? Data(before[changed] ?? []).write(to: URL(fileURLWithPath: path))
        let (ok, _) = Self.runWithAConcurrentChange(args + ["--workspace", w, "--as-of", Self.asOf]) {}
        #expect(ok.status == 0, "\(args): \(ok.stderr)")
    }

    /// A file created by someone else meanwhile (relationships.csv did not exist) is not replaced.
    @Test func aFileCreatedMeanwhileIsNotReplaced() {
        let (s, w) = RecordsCLITests.sample()
        _ = s
        try? FileManager.default.removeItem(atPath: w + "/relationships.csv")
        #expect(run(["check"], w).status == 0)
        let theirs = "source,target,kind,strength,last_contact,note\nhcpl,parks,knows,2,,\n"
        let (r, paused) = Self.runWithAConcurrentChange(
            ["add", "tie", "hcpl", "ferries", "--kind", "knows", "--strength", "2", "--workspace", w]
        ) { Self.write(theirs, w + "/relationships.csv") }
        #expect(paused, "\(r.stderr)")
        #expect(r.status == 1, "\(r.stderr)")
        #expect(r.stderr.contains("relationships.csv: error: changed on disk"), "\(r.stderr)")
        #expect(RecordsCLITests.text(w + "/relationships.csv") == theirs)
    }

    // MARK: - European spreadsheets

    /// A workspace saved by a European Excel: `;` between fields and decimal commas. `check`
    /// reads it, `vet` shows the numbers as meant, and an ambiguous number says how to fix it.
    @Test func aSemicolonWorkspaceWithDecimalCommas() throws {
        let (s, w) = RecordsCLITests.sample()
        _ = s
        let o = w + "/organizations.csv"
        let rows = RecordsCLITests.text(o).split(separator: "\n").map(String.init)
        // The first two organizations, as Excel in Germany saves them.
        let header = rows[0].split(separator: ",", omittingEmptySubsequences: false)
        let staff = try #require(header.firstIndex(of: "staff_fte")),
            budget = try #require(header.firstIndex(of: "annual_budget"))
        func semicolons(_ row: String, fte: String, money: String) -> String {
            var fields = CSVText.parse(row + "\n")?.first ?? []
            fields[staff] = fte
            fields[budget] = money
            return fields.map {
                $0.contains(";") || $0.contains("\"")
                    ? "\"" + $0.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : $0
            }
            .joined(separator: ";")
        }
        let sheet = [
            rows[0].replacingOccurrences(of: ",", with: ";"),
            semicolons(rows[1], fte: "48,5", money: "9.200.000,75"),
        ]
        Self.write(sheet.joined(separator: "\r\n") + "\r\n", o)
        // Only these organizations are left: the rest of the sample goes with the others.
        for f in ["relationships.csv", "partnerships.json", "surveys.csv", "people.csv"] {
            try? FileManager.default.removeItem(atPath: w + "/" + f)
        }
        let check = run(["check"], w)
        #expect(check.status == 0, "\(check.stderr)")
        let id = String(rows[1].prefix { $0 != "," })
        let vet = run(["vet", id], w)
        #expect(vet.stdout.contains("48.5 staff FTE, annual budget $9.2M"), "\(vet.stdout)")
        // `add` keeps the file's separator, and its numbers read back.
        let add = run(["add", "organization", "pantry", "--name", "Pantry", "--staff-fte", "2,5"], w)
        #expect(add.status == 0, "\(add.stderr)")
        #expect(
            RecordsCLITests.text(o).hasSuffix(
                "\r\npantry;Pantry;" + String(repeating: ";", count: staff - 2) + "2,5"
                    + String(repeating: ";", count: header.count - staff - 1) + "\r\n"))
        // An ambiguous one: refused with both readings and the fix.
        Self.write(sheet[0] + "\r\n" + semicolons(rows[1], fte: "48", money: "350.000") + "\r\n", o)
        let bad = run(["check"], w)
        #expect(bad.status == 1)
        #expect(
            bad.stderr.contains(
                #"organizations.csv:2: error: annual_budget: "350.000" could be 350000 or 350"#),
            "\(bad.stderr)")
        #expect(
            bad.stderr.contains("write it as 350000 (no separator) or as 350, whichever you mean"),
            "\(bad.stderr)"
        )
    }

    /// `import csv` of a European spreadsheet: decimal commas read as meant; an ambiguous
    /// number is left out with the fix; an unclear separator is an error saying how to fix it.
    @Test func importCSVReadsDecimalCommasAndSaysWhatIsUnclear() throws {
        let (s, w) = RecordsCLITests.sample()
        _ = s
        let sheet = s.path + "/partners.csv"
        Self.write(
            "Name;Budget;Staff;Volunteers\r\nEastside Pantry;1.234,5;0,5;12\r\nHarbor Choir;350.000;2;40\r\n",
            sheet)
        let r = run(["import", "csv", sheet], w)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(
            r.stderr.contains(#"partners.csv:3: warning: annual_budget: "350.000" could be 350000 or 350"#),
            "\(r.stderr)")
        #expect(r.stderr.contains("write it as 350000 (no separator) or as 350"), "\(r.stderr)")
        let rows = CSVText.parse(RecordsCLITests.text(w + "/organizations.csv")) ?? []
        let header = try #require(rows.first)
        let budget = try #require(header.firstIndex(of: "annual_budget")),
            staff = try #require(header.firstIndex(of: "staff_fte"))
        let pantry = try #require(rows.first { $0.contains("Eastside Pantry") })
        #expect(pantry[budget] == "1234.5")
        #expect(pantry[staff] == "0.5")
        let choir = try #require(rows.first { $0.contains("Harbor Choir") })
        #expect(choir[budget] == "")
        #expect(run(["check"], w).status == 0)

        Self.write("Name,Budget;Staff\nEastside Pantry,1;2\n", sheet)
        let unclear = run(["import", "csv", sheet, "--dry-run"], w)
        #expect(unclear.status == 1)
        #expect(
            unclear.stderr.contains("partners.csv:1: error: the header line has both ',' and ';'"),
            "\(unclear.stderr)")
        #expect(unclear.stderr.contains("CSV UTF-8"))
    }
}
