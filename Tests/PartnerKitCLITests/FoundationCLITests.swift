import Foundation
import Testing

/// End-to-end runs of the built binary: exit codes, messages, `init` never overwriting.
@Suite struct FoundationCLITests {
    @Test func versionAndHelp() {
        let v = CLI.run(["--version"])
        #expect(v.status == 0)
        #expect(v.stdout.hasPrefix("partnerkit "))
        let h = CLI.run(["--help"])
        #expect(h.status == 0)
        #expect(h.stdout.contains("check"))
        let c = CLI.run(["check", "--help"])
        #expect(c.status == 0)
        #expect(c.stdout.contains("Usage: partnerkit check"))
    }

    @Test func unknownCommandIsUsageError() {
        let r = CLI.run(["chekc"])
        #expect(r.status == 2)
        #expect(r.stderr.contains("did you mean 'check'"))
    }

    @Test func unknownOptionIsUsageError() {
        let r = CLI.run(["check", "--worksapce", "x"])
        #expect(r.status == 2)
        #expect(r.stderr.contains("--worksapce"))
        #expect(r.stderr.contains("Usage:"))
    }

    @Test func badAsOfIsUsageError() {
        let r = CLI.run(["check", "--as-of", "2026-02-30"])
        #expect(r.status == 2)
    }

    @Test func initScaffoldsAValidWorkspaceAndNeverOverwrites() {
        let s = Scratch()
        let ws = s.path + "/new"
        let first = CLI.run(["init", ws])
        #expect(first.status == 0, "\(first.stderr)")
        let check = CLI.run(["check", "--workspace", ws])
        #expect(check.status == 0, "\(check.stderr)")
        #expect(!check.stderr.contains("error:"))

        s.write("new/organizations.csv", "id,name\nmine,My own data\n")
        let second = CLI.run(["init", ws])
        #expect(s.read("new/organizations.csv") == "id,name\nmine,My own data\n", "init must never overwrite")
        #expect(second.stdout.contains("organizations.csv") || second.stderr.contains("organizations.csv"))
    }

    @Test func brokenWorkspaceReportsEveryErrorWithFileAndLineAndExits1() {
        let s = Scratch()
        #expect(CLI.run(["init", s.path + "/w"]).status == 0)
        s.write(
            "w/organizations.csv",
            "id,name,sector,staff_fte\na,A,bank,1\nb,B,nonprofit,lots\na,Dup,nonprofit,2\nc,\"never closed,x,1\n"
        )
        let r = CLI.run(["check", "--workspace", s.path + "/w"])
        #expect(r.status == 1)
        #expect(r.stderr.contains("organizations.csv:2: error: sector:"))
        #expect(r.stderr.contains("organizations.csv:3: error: staff_fte:"))
        #expect(r.stderr.contains("organizations.csv:4: error: duplicate id"))
        #expect(r.stderr.contains("organizations.csv:5: error:"))
        #expect(r.stderr.contains("errors"))
        #expect(!r.stderr.contains("Fatal error"))
    }

    @Test func jsonSyntaxErrorHasLineAndColumn() {
        let s = Scratch()
        #expect(CLI.run(["init", s.path + "/w"]).status == 0)
        s.write("w/library.json", "{\n  \"id\": \"lib\",\n  \"name\": \"X\",,\n}\n")
        let r = CLI.run(["check", "--workspace", s.path + "/w"])
        #expect(r.status == 1)
        #expect(r.stderr.contains("library.json:3:"), "\(r.stderr)")
    }

    @Test func checkJSONReportsCounts() throws {
        let s = Scratch()
        #expect(CLI.run(["init", s.path + "/w"]).status == 0)
        let r = CLI.run(["check", "--workspace", s.path + "/w", "--format", "json"])
        #expect(r.status == 0)
        let obj = try #require(CLI.json(r) as? [String: Any])
        #expect(obj["ok"] as? Bool == true)
        #expect(obj["errors"] as? Int == 0)
    }

    @Test func missingWorkspaceIsInputError() {
        let r = CLI.run(["check", "--workspace", "/nonexistent/nowhere"])
        #expect(r.status == 1)
        #expect(r.stderr.contains("not found"))
    }

    @Test func sampleWorkspaceIsClean() {
        let r = CLI.run(["check", "--workspace", "Data/sample"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(!r.stderr.contains("warning:"), "\(r.stderr)")
    }
}
