import Foundation
import Testing

/// The editing commands end to end, on copies of the sample: each changes only what it says,
/// refuses bad ids, tags and ambiguous names with the reader's kind of message, and writes
/// nothing when it refuses.
@Suite struct RecordsCLITests {
    static let asOf = "2026-11-29"

    /// A copy of the sample workspace in a scratch folder.
    static func sample() -> (Scratch, String) {
        let s = Scratch()
        let w = s.path + "/w"
        try? FileManager.default.copyItem(atPath: CLI.repositoryRoot + "/Data/sample", toPath: w)
        return (s, w)
    }

    static func bytes(_ path: String) -> [UInt8] {
        (try? Data(contentsOf: URL(fileURLWithPath: path))).map { [UInt8]($0) } ?? []
    }

    static func text(_ path: String) -> String { String(decoding: bytes(path), as: UTF8.self) }

    /// Every file of a workspace (but history.log), for "nothing else changed".
    static func snapshot(_ w: String) -> [String: [UInt8]] {
        var out: [String: [UInt8]] = [:]
        for f in (try? FileManager.default.contentsOfDirectory(atPath: w)) ?? [] where f != "history.log" {
            out[f] = bytes(w + "/" + f)
        }
        return out
    }

    func run(_ args: [String], _ w: String) -> CLIResult {
        CLI.run(args + ["--workspace", w, "--as-of", Self.asOf])
    }

    /// Runs an edit that must be refused: exit 1, `message` on stderr, "nothing was written",
    /// and every file of the workspace as it was.
    static func expectRefused(_ args: [String], _ message: String, in w: String) {
        let before = snapshot(w)
        let r = CLI.run(args + ["--workspace", w, "--as-of", asOf])
        #expect(r.status == 1, "\(args): \(r.stdout) \(r.stderr)")
        #expect(r.stderr.contains(message), "\(args): \(r.stderr)")
        #expect(r.stderr.contains("nothing was written"))
        #expect(snapshot(w) == before, "\(args) wrote something")
    }

    // MARK: - Byte-level

    @Test func logOnTheSampleAddsOnlyTheNewDate() throws {
        let (s, w) = Self.sample()
        _ = s
        let before = Self.snapshot(w)
        let r = run(["log", "money-clinic"], w)
        #expect(r.status == 0, "\(r.stderr)")
        let after = Self.snapshot(w)
        let old = String(decoding: before["partnerships.json"] ?? [], as: UTF8.self)
        let anchor = #""2026-10-14", "2026-11-12"]"#
        #expect(old.components(separatedBy: anchor).count == 2, "the anchor must be unique in the sample")
        let expected = old.replacingOccurrences(
            of: anchor, with: #""2026-10-14", "2026-11-12", "2026-11-29"]"#)
        #expect(String(decoding: after["partnerships.json"] ?? [], as: UTF8.self) == expected)
        // The library's tie with the credit union: its last contact, and nothing else.
        let ties = String(decoding: before["relationships.csv"] ?? [], as: UTF8.self)
        let row = "hcpl,harbor-cu,partnered,4,2026-11-12,"
        #expect(ties.contains(row))
        #expect(
            String(decoding: after["relationships.csv"] ?? [], as: UTF8.self)
                == ties.replacingOccurrences(of: row, with: "hcpl,harbor-cu,partnered,4,2026-11-29,"))
        for (f, b) in before where f != "partnerships.json" && f != "relationships.csv" {
            #expect(after[f] == b, "\(f) changed")
        }
        #expect(Self.text(w + "/history.log").contains("log money-clinic"))
        // Logging the same day again changes nothing.
        let again = run(["log", "money-clinic"], w)
        #expect(again.status == 0)
        #expect(again.stdout.contains("already logged"))
        #expect(Self.snapshot(w) == after)
    }

    @Test func logWithANoteReadsBackAndCounts() throws {
        let (s, w) = Self.sample()
        _ = s
        let r = run(["log", "vita-tax-sites", "--date", "2026-11-20", "--note", "agreed \"2027\" dates"], w)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(
            Self.text(w + "/partnerships.json").contains(
                #"{"date": "2026-11-20", "note": "agreed \"2027\" dates"}"#))
        let check = run(["check"], w)
        #expect(check.status == 0, "\(check.stderr)")
        let review = run(["review"], w)
        #expect(!review.stdout.contains("last logged contact 2026-04-18"))
    }

    @Test func dryRunShowsTheChangeAndWritesNothing() {
        let (s, w) = Self.sample()
        _ = s
        let before = Self.snapshot(w)
        let r = run(["log", "money-clinic", "--dry-run"], w)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("dry run"))
        #expect(r.stdout.contains(#"+         "log": ["2026-06-10""#))
        #expect(r.stdout.contains("+ hcpl,harbor-cu,partnered,4,2026-11-29"))
        #expect(Self.snapshot(w) == before)
        #expect(!FileManager.default.fileExists(atPath: w + "/history.log"))
        let json = run(["log", "money-clinic", "--dry-run", "--format", "json"], w)
        let obj = CLI.json(json) as? [String: Any]
        #expect(obj?["dry_run"] as? Bool == true)
        #expect((obj?["diff"] as? [Any])?.count == 2)
    }

    // MARK: - Refusals

    @Test(arguments: [
        (["log", "money-clinc"], "did you mean \"money-clinic\""),
        (["done", "vita-tax-site", "1"], "did you mean \"vita-tax-sites\""),
        (["result", "ferry-bok-club", "1", "--achieved", "3"], "did you mean \"ferry-book-club\""),
        (["status", "job-hubb", "paused"], "did you mean \"job-hub\""),
        (
            ["add", "person", "new-person", "--name", "N", "--organization", "harbor-c"],
            "did you mean \"harbor-cu\""
        ),
        (["add", "tie", "hcpl", "ferris", "--kind", "knows", "--strength", "2"], "did you mean \"ferries\""),
        (
            ["add", "partnership", "p-new", "--title", "T", "--partners", "ferris"],
            "did you mean \"ferries\""
        ),
        (["add", "organization", "harbor-cu", "--name", "Again"], "already taken (organizations.csv:2)"),
        (["add", "person", "hcpl", "--name", "Library"], "already taken (library.json)"),
        (["add", "partnership", "job-hub", "--title", "T", "--partners", "ferries"], "already taken"),
        (["add", "tie", "hcpl", "harbor-cu", "--kind", "knows", "--strength", "2"], "already tied"),
        (
            ["add", "organization", "new-org", "--name", "New", "--topics", "food-securty"],
            "did you mean \"food-security\""
        ),
        (
            ["add", "organization", "new-org", "--name", "New", "--audiences", "familes"],
            "did you mean \"families\""
        ),
        (["done", "vita-tax-sites", "s"], "matches 2 milestones"),
        (["done", "vita-tax-sites", "9"], "has no milestone 9"),
        (["result", "ferry-book-club", "zzz", "--achieved", "3"], "has no goal starting \"zzz\""),
        // The reader's own check of the result: a number that is not one, at its line.
        (
            ["add", "organization", "new-org", "--name", "New", "--staff-fte", "lots"],
            "organizations.csv:60: error: staff_fte"
        ),
    ])
    func refusedWithAReasonAndNothingWritten(args: [String], message: String) {
        let (s, w) = Self.sample()
        _ = s
        Self.expectRefused(args, message, in: w)
        #expect(!FileManager.default.fileExists(atPath: w + "/history.log"))
    }

    @Test func ambiguousMilestoneListsTheChoices() {
        let (s, w) = Self.sample()
        _ = s
        let r = run(["done", "vita-tax-sites", "S"], w)
        #expect(r.status == 1)
        #expect(r.stderr.contains(#"1 "Site agreements signed", 2 "Season closes""#), "\(r.stderr)")
        #expect(r.stderr.contains("name one by its number"))
    }

    @Test(arguments: [
        ["status", "job-hub", "finished"], ["status", "job-hub", "paused", "--outcome", "fizzled"],
        ["status", "job-hub", "ended", "--outcome", "great"], ["result", "job-hub", "1"],
        ["add", "tie", "hcpl", "ferries", "--kind", "knows", "--strength", "7"],
        ["add", "organization", "x", "--name", "X", "--title", "T"], ["add", "widget", "x"],
        ["log", "job-hub", "--date", "2026-13-01"],
    ])
    func badUsageExitsTwo(args: [String]) {
        let (s, w) = Self.sample()
        _ = s
        let r = run(args, w)
        #expect(r.status == 2, "\(args): \(r.stderr)")
    }

    /// Each command's help: its usage, its own options, and the common ones.
    @Test(arguments: [
        (
            "add",
            [
                "add person", "add tie", "add partnership", "--name", "--kind", "--strength", "--partners",
                "--set",
            ]
        ),
        ("log", ["--date", "--note", "last_contact"]), ("done", ["MILESTONE", "--date"]),
        ("result", ["--achieved", "--date", "achieved_on"]),
        ("status", ["--outcome", "--reason", "ended_reason"]),
        ("history", ["--since", "history.log"]),
    ])
    func everyCommandHasHelp(command: String, mentions: [String]) {
        let r = CLI.run([command, "--help"])
        #expect(r.status == 0)
        #expect(r.stdout.contains("Usage: partnerkit \(command)"))
        #expect(r.stdout.contains("--workspace"))
        if command != "history" { #expect(r.stdout.contains("--dry-run")) }
        for m in mentions { #expect(r.stdout.contains(m), "\(command) --help does not mention \(m)") }
    }

    // MARK: - CSV files as spreadsheets save them

    @Test func addKeepsCRLFQuotingAndUnknownColumns() {
        let (s, w) = Self.sample()
        _ = s
        let csv =
            "id,name,Favourite Biscuit,topics,mission\r\nharbor-cu,Harbor Coast Credit Union,shortbread,housing,\"Loans, savings\"\r\n"
        try? Data(csv.utf8).write(to: URL(fileURLWithPath: w + "/organizations.csv"))
        // The rest of the sample refers to organizations this file no longer has: keep only
        // what it needs.
        try? Data("source,target,kind,strength,last_contact,note\n".utf8).write(
            to: URL(fileURLWithPath: w + "/relationships.csv"))
        try? FileManager.default.removeItem(atPath: w + "/partnerships.json")
        try? FileManager.default.removeItem(atPath: w + "/surveys.csv")  // answers about those partnerships
        try? FileManager.default.removeItem(atPath: w + "/people.csv")
        let r = run(
            [
                "add", "organization", "pantry", "--name", "Tidewater Pantry, Inc.", "--topics",
                "Food Security;housing",
                "--set", "favourite_biscuit=ginger",
            ], w)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(
            Self.text(w + "/organizations.csv")
                == csv + "pantry,\"Tidewater Pantry, Inc.\",ginger,food-security;housing,\r\n")
        #expect(run(["check"], w).status == 0)
    }

    @Test func semicolonWorkspaceIsReadAndAppendedInKind() {
        let (s, w) = Self.sample()
        _ = s
        try? Data("source;target;kind;strength\n".utf8).write(
            to: URL(fileURLWithPath: w + "/relationships.csv"))
        try? FileManager.default.removeItem(atPath: w + "/partnerships.json")
        try? FileManager.default.removeItem(atPath: w + "/surveys.csv")  // answers about those partnerships
        try? FileManager.default.removeItem(atPath: w + "/people.csv")
        let bad =
            "id;name;sector;topics\r\nharbor-cu;Harbor Coast Credit Union;nonprofit;\"housing;employment\"\r\n"
        try? Data(bad.utf8).write(to: URL(fileURLWithPath: w + "/organizations.csv"))
        let check = run(["check", "--format", "json"], w)
        #expect(check.status == 0, "\(check.stderr)")
        let r = run(
            ["add", "organization", "pantry", "--name", "Pantry; Co", "--topics", "housing;employment"], w)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(
            Self.text(w + "/organizations.csv") == bad + "pantry;\"Pantry; Co\";;\"housing;employment\"\r\n")
        let tie = run(["add", "tie", "hcpl", "pantry", "--kind", "knows", "--strength", "2"], w)
        #expect(tie.status == 0, "\(tie.stderr)")
        #expect(Self.text(w + "/relationships.csv") == "source;target;kind;strength\nhcpl;pantry;knows;2\n")
        let vet = run(["vet", "pantry", "--format", "json"], w)
        #expect(vet.status == 0, "\(vet.stderr)")
    }

    @Test func ambiguousSeparatorSaysHowToFixIt() {
        let (s, w) = Self.sample()
        _ = s
        try? Data("id,name;topics\nx,y\n".utf8).write(to: URL(fileURLWithPath: w + "/people.csv"))
        let r = run(["check"], w)
        #expect(r.status == 1)
        #expect(r.stderr.contains("people.csv:1: error: the header line has both ',' and ';'"), "\(r.stderr)")
        #expect(r.stderr.contains("CSV UTF-8"))
    }

    // MARK: - History

    @Test func historyListsEveryEditAndFiltersByDay() {
        let (s, w) = Self.sample()
        _ = s
        #expect(run(["history"], w).stdout.contains("No changes recorded yet"))
        #expect(run(["log", "money-clinic"], w).status == 0)
        #expect(run(["done", "vita-tax-sites", "2027"], w).status == 0)
        let h = run(["history"], w)
        #expect(h.status == 0)
        #expect(h.stdout.contains("partnerkit log money-clinic"))
        #expect(
            h.stdout.contains(
                #"partnerships[14].milestones[2].done: "2027 season dates agreed" done 2026-11-29"#))
        let json = CLI.json(run(["history", "--format", "json"], w)) as? [String: Any]
        #expect((json?["entries"] as? [Any])?.count == 2)
        // Entries carry the real time of the edit, so a day in the future has none of them.
        let future = run(["history", "--since", "2999-01-01", "--format", "json"], w)
        #expect(((CLI.json(future) as? [String: Any])?["entries"] as? [Any])?.count == 0)
        let past = run(["history", "--since", "2000-01-01", "--format", "json"], w)
        #expect(((CLI.json(past) as? [String: Any])?["entries"] as? [Any])?.count == 2)
    }

    // MARK: - A whole quarter from the command line

    /// A manager's quarter, by command only: a new partner with a tie and a partnership, three
    /// contacts, a milestone done, a goal result, a partnership ended with its outcome. Then the
    /// review reflects each change.
    @Test func aWholeQuarterFromTheCommandLine() throws {
        let (s, w) = Self.sample()
        _ = s
        let steps: [[String]] = [
            [
                "add", "organization", "tidewater-pantry", "--name", "Tidewater Community Pantry", "--sector",
                "nonprofit",
                "--topics", "food-security", "--audiences", "families;low-income-households", "--offers",
                "volunteers",
                "--needs", "meeting-space", "--flags", "none", "--staff-fte", "4", "--budget", "350000",
            ],
            [
                "add", "person", "rosa-pantry", "--name", "Rosa Delgado", "--organization",
                "tidewater-pantry", "--role", "Director",
            ],
            [
                "add", "tie", "hcpl", "tidewater-pantry", "--kind", "partnered", "--strength", "2",
                "--last-contact", "2026-10-01",
            ],
            [
                "add", "partnership", "pantry-pop-ups", "--title", "Pantry pop-ups at Eastside", "--partners",
                "tidewater-pantry", "--status", "active", "--started", "2026-10-01",
            ],
            ["log", "vita-tax-sites", "--date", "2026-10-06"],
            ["log", "vita-tax-sites", "--date", "2026-11-03", "--note", "dates for the 2027 season"],
            ["log", "vita-tax-sites", "--date", "2026-11-26"],
            ["done", "vita-tax-sites", "2027 season", "--date", "2026-11-26"],
            ["result", "ferry-book-club", "Sign up", "--achieved", "312"],
            [
                "status", "senior-tech-tutors", "ended", "--outcome", "fizzled", "--reason",
                "no volunteer tutors",
            ],
        ]
        for args in steps {
            let r = run(args, w)
            #expect(r.status == 0, "\(args): \(r.stderr)")
        }
        #expect(run(["check"], w).status == 0)
        let history = run(["history", "--format", "json"], w)
        #expect(((CLI.json(history) as? [String: Any])?["entries"] as? [Any])?.count == steps.count)

        let review = run(["review", "--format", "json"], w)
        #expect(review.status == 0, "\(review.stderr)")
        let json = try #require(CLI.json(review) as? [String: Any])
        let list = try #require(json["partnerships"] as? [[String: Any]])
        func entry(_ id: String) -> [String: Any]? { list.first { $0["id"] as? String == id } }
        // The new partnership is reviewed.
        #expect(entry("pantry-pop-ups") != nil)
        // Three contacts and the milestone: the tax sites are no longer overdue on either.
        let vita = try #require(entry("vita-tax-sites"))
        let issues = (vita["issues"] as? [String]) ?? []
        #expect(!issues.contains { $0.contains("contact is overdue") }, "\(issues)")
        #expect(!issues.contains { $0.contains("2027 season dates agreed") }, "\(issues)")
        #expect(vita["health"] as? String != "red")
        // The ended partnership is reviewed as ended this quarter.
        let tutors = try #require(entry("senior-tech-tutors"))
        #expect(tutors["status"] as? String == "ended")
        // The goal result: in the file as `achieved`, once, and in the review's goals.
        let partnerships = Self.text(w + "/partnerships.json")
        #expect(partnerships.contains(#""achieved": 312"#))
        #expect(!partnerships.contains(#""result": 312"#))
        let goals = try #require(entry("ferry-book-club")?["goals"] as? [[String: Any]])
        #expect(goals.contains { ($0["achieved"] as? Double) == 312 }, "\(goals)")
        // The new tie and partner show in the text review's network too.
        let text = run(["vet", "tidewater-pantry"], w)
        #expect(text.status == 0, "\(text.stderr)")
        #expect(text.stdout.contains("Tidewater Community Pantry"))
    }

    // MARK: - Killed mid-edit

    /// SIGKILLs `add organization` on a 6 MB organizations.csv at random moments and just
    /// after its writing starts: the file is always the old one or the old one plus the new
    /// row, and history.log is never a torn line.
    @Test func killedEditNeverLeavesATornFile() throws {
        let s = Scratch()
        let w = s.path + "/w"
        BigWorkspace.write(into: w, organizations: 40_000, people: 10)
        let path = w + "/organizations.csv"
        let old = Self.bytes(path)
        let row = Array("new-org,A new organization,\n".utf8)
        let start = Date()
        let args = ["add", "organization", "new-org", "--name", "A new organization", "--workspace", w]
        let first = CLI.run(args)
        let elapsed = Date().timeIntervalSince(start)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(Self.bytes(path) == old + row)
        let tally = try KillHarness.run(
            args, elapsed: elapsed, minimumRounds: 12, maximumRounds: 30,
            prepare: { _ in
                try Data(old).write(to: URL(fileURLWithPath: path))
                try? FileManager.default.removeItem(atPath: w + "/history.log")
            },
            writing: { KillHarness.hasTemporaryFile(in: w, prefix: ".organizations.csv") },
            inspect: { round in
                let now = Self.bytes(path)
                #expect(
                    now == old || now == old + row,
                    "round \(round): torn organizations.csv of \(now.count) bytes")
                let log = Self.bytes(w + "/history.log")
                #expect(log.isEmpty || log.last == 0x0A, "round \(round): torn history.log")
                var leftover = false
                for e in try FileManager.default.contentsOfDirectory(atPath: w) where e.hasPrefix(".") {
                    #expect(e.contains(".tmp-"), "a leftover \(e)")
                    leftover = true
                    try? FileManager.default.removeItem(atPath: w + "/" + e)
                }
                return leftover
            })
        let (rounds, killed, midWrite) = (tally.rounds, tally.killed, tally.midWrite)
        #expect(killed > 0, "no run was killed: the edit finished too fast to test")
        #expect(
            midWrite > 0, "no kill landed while the temporary file existed (killed \(killed) of \(rounds))")
    }
}
