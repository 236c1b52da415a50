import Foundation
import Testing

/// `partnerkit import` end to end, on the fixtures in the real formats.
@Suite struct ImportCLITests {
    static let fixtures = CLI.repositoryRoot + "/Tests/PartnerKitTests/Fixtures/import"

    /// A copy of the fixture workspace (a workforce-and-literacy library) in a scratch folder.
    static func workspace() -> Scratch {
        let s = Scratch()
        for f in ["library.json", "organizations.csv"] {
            try? FileManager.default.copyItem(atPath: "\(fixtures)/workspace/\(f)", toPath: "\(s.path)/\(f)")
        }
        return s
    }

    @Test func aLibraryALiteracyGroupAndAWorkforceBoardRankAboveAFishingClub() throws {
        let ws = Self.workspace()
        let r = CLI.run(["import", "irs-bmf", "\(Self.fixtures)/eo_test.csv", "--workspace", ws.path])
        #expect(r.status == 0, "\(r.stderr)")
        let check = CLI.run(["check", "--workspace", ws.path])
        #expect(check.status == 0)
        #expect(check.stdout.contains("0 errors, 0 warnings"), "\(check.stdout) \(check.stderr)")
        let score = CLI.run(["score", "--workspace", ws.path, "--as-of", "2026-11-29", "--format", "json"])
        let json = try #require(CLI.json(score) as? [String: Any])
        let ids = try #require(json["candidates"] as? [[String: Any]]).compactMap { $0["id"] as? String }
        let fish = try #require(ids.firstIndex(of: "chittenden-county-fish-game-club"))
        for id in [
            "jericho-town-library", "green-mountain-literacy-council",
            "northwest-workforce-development-board",
        ] {
            let rank = try #require(ids.firstIndex(of: id), "\(id) missing")
            #expect(rank < fish, "\(id) ranks \(rank + 1), the fishing club \(fish + 1)")
        }
    }

    @Test func theSecondImportChangesNothing() throws {
        let ws = Self.workspace()
        let first = CLI.run([
            "import", "irs-bmf", "\(Self.fixtures)/eo_test.csv", "--workspace", ws.path, "--format", "json",
        ])
        let j1 = try #require(CLI.json(first) as? [String: Any])
        #expect(j1["imported"] as? Int == 14)
        #expect(j1["without_ntee"] as? Int == 1)
        let orgs = try #require(j1["organizations"] as? [[String: Any]])
        #expect(orgs.first?["id"] as? String == "jericho-town-library")
        #expect(orgs.first?["ein"] as? String == "03-0339915")
        #expect(orgs.first?["name"] as? String == "Jericho Town Library")
        let before = try #require(ws.read("organizations.csv"))
        let log = try #require(ws.read("imports.csv"))
        #expect(log.hasPrefix("date,source,file,ein,organization\n"))
        let second = CLI.run([
            "import", "irs-bmf", "\(Self.fixtures)/eo_test.csv", "--workspace", ws.path, "--format", "json",
        ])
        let j2 = try #require(CLI.json(second) as? [String: Any])
        #expect(j2["imported"] as? Int == 0)
        #expect(j2["skipped_present"] as? Int == 14)
        #expect(j2["skipped_filtered"] as? Int == 0)
        #expect(ws.read("organizations.csv") == before)
        #expect(ws.read("imports.csv") == log)
    }

    @Test func vetShowsTheExemptRecordWithItsLimits() throws {
        let ws = Self.workspace()
        _ = CLI.run([
            "import", "irs-bmf", "\(Self.fixtures)/eo_test.csv", "--workspace", ws.path, "--as-of",
            "2026-12-01",
        ])
        let r = CLI.run(["vet", "jericho-town-library", "--workspace", ws.path, "--as-of", "2026-12-01"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("EIN 03-0339915, NTEE B70 (Education: Libraries)"))
        #expect(
            r.stdout.contains("Appears in an imported IRS master file (eo_test.csv, imported 2026-12-01)."))
        #expect(r.stdout.contains("not proof of it today"))
        let j = CLI.run(["vet", "cvpl-friends", "--workspace", ws.path, "--format", "json"])
        let json = try #require(CLI.json(j) as? [String: Any])
        #expect(json["id"] as? String == "cvpl-friends")
        let record = try #require(json["exempt_record"] as? [String: Any])
        #expect(record["in_master_file"] as? Bool == false)
        #expect(record["master_files_imported"] as? Bool == true)
    }

    @Test func theHandTypedRowsStayAndTheUserIsToldAboutNewColumns() throws {
        let ws = Self.workspace()
        let original = try #require(ws.read("organizations.csv"))
        let r = CLI.run([
            "import", "irs-bmf", "\(Self.fixtures)/eo_test.csv", "--workspace", ws.path, "--zip", "05465",
        ])
        #expect(r.status == 0)
        #expect(
            r.stdout.contains("Added columns ntee, ein, annual_budget, service_area at the end"),
            "\(r.stdout)")
        let after = try #require(ws.read("organizations.csv"))
        let oldLines = original.split(separator: "\n")
        let newLines = after.split(separator: "\n")
        #expect(newLines.count == oldLines.count + 1)
        #expect(newLines[1] == oldLines[1] + ",,,,")
    }

    @Test func filtersAndDryRun() throws {
        let ws = Self.workspace()
        let before = try #require(ws.read("organizations.csv"))
        let r = CLI.run([
            "import", "irs-bmf", "\(Self.fixtures)/eo_test.csv", "--workspace", ws.path, "--city",
            "burlington",
            "--city", "S BURLINGTON", "--ntee", "X,M", "--dry-run", "--format", "json",
        ])
        #expect(r.status == 0, "\(r.stderr)")
        let j = try #require(CLI.json(r) as? [String: Any])
        #expect(j["imported"] as? Int == 3)
        #expect(j["skipped_filtered"] as? Int == 11)
        #expect(j["dry_run"] as? Bool == true)
        #expect(ws.read("organizations.csv") == before)
        let text = CLI.run([
            "import", "irs-bmf", "\(Self.fixtures)/eo_test.csv", "--workspace", ws.path, "--min-revenue",
            "500000", "--dry-run",
        ])
        #expect(text.stdout.contains("Would import 2, 12 left out by the filters"), "\(text.stdout)")
        #expect(text.stdout.contains("Nothing was written (--dry-run)."))
    }

    @Test func aFileThatIsNotAMasterFileIsAnErrorAndNothingIsWritten() throws {
        let ws = Self.workspace()
        let before = try #require(ws.read("organizations.csv"))
        let r = CLI.run([
            "import", "irs-bmf", "\(Self.fixtures)/eo_test.csv", "\(Self.fixtures)/not_bmf.csv",
            "--workspace", ws.path,
        ])
        #expect(r.status == 1)
        #expect(
            r.stderr.contains(
                "not_bmf.csv:1: error: not an IRS exempt-organizations master file: missing columns ICO"))
        #expect(r.stdout.isEmpty)
        #expect(ws.read("organizations.csv") == before)
        let missing = CLI.run(["import", "irs-bmf", "nowhere.csv", "--workspace", ws.path])
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("nowhere.csv: error: file not found"))
    }

    @Test func badUsageExitsTwo() {
        let ws = Self.workspace()
        for args in [
            ["import", "irs-bmf", "x.csv", "--ntee", "7B"], ["import", "irs", "x.csv"],
            ["import", "csv", "x.csv", "--zip", "054"], ["import", "irs-bmf", "x.csv", "--zip", "05A"],
            ["import", "irs-bmf", "x.csv", "--min-revenue", "lots"], ["import", "csv"],
        ] {
            let r = CLI.run(args + ["--workspace", ws.path])
            #expect(r.status == 2, "\(args): \(r.stderr)")
        }
    }

    @Test func aMessySpreadsheetShowsTheMatchAndKeepsContactsPrivate() throws {
        let ws = Self.workspace()
        let r = CLI.run(["import", "csv", "\(Self.fixtures)/partners_semicolon.csv", "--workspace", ws.path])
        #expect(r.status == 0, "\(r.stderr)")
        let match = try #require(r.stdout.range(of: "Columns matched:"))
        let summary = try #require(r.stdout.range(of: "Imported 3, skipped 1 already present"))
        #expect(match.lowerBound < summary.lowerBound)
        #expect(r.stdout.contains("  \"Focus areas\"    → topics\n"))
        #expect(r.stdout.contains("→ email (to people.csv; private)"))
        #expect(r.stderr.contains("did you mean \"financial-literacy\"?"))
        for secret in ["maria@example.org", "802-555-0101", "jobs@example.org"] {
            #expect(!r.stdout.contains(secret) && !r.stderr.contains(secret))
        }
        let people = try #require(ws.read("people.csv"))
        #expect(
            people.contains(
                "maria-gomez,Maria Gómez,champlain-literacy-partners,,maria@example.org,802-555-0101"))
        #expect(CLI.run(["check", "--workspace", ws.path]).status == 0)
        // Again: nothing new.
        let again = CLI.run([
            "import", "csv", "\(Self.fixtures)/partners_semicolon.csv", "--workspace", ws.path, "--format",
            "json",
        ])
        let j = try #require(CLI.json(again) as? [String: Any])
        #expect(j["imported"] as? Int == 0)
        #expect(j["skipped_present"] as? Int == 4)
        #expect(!again.stdout.contains("maria@example.org"))
    }

    @Test func contactsAppearOnlyWithIncludeContacts() {
        let ws = Self.workspace()
        let r = CLI.run([
            "import", "csv", "\(Self.fixtures)/partners_cp1252.csv", "--workspace", ws.path, "--dry-run",
            "--include-contacts",
        ])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("info@cafe.example.org"))
        #expect(r.stdout.contains("Café Solidarité – Food Shelf"))
        #expect(ws.read("people.csv") == nil)
    }

    @Test func aSpreadsheetWithoutANameColumnIsAnError() throws {
        let ws = Self.workspace()
        ws.write("sheet.csv", "Town;Website\r\nBurlington;x\r\n")
        let before = try #require(ws.read("organizations.csv"))
        let r = CLI.run(["import", "csv", "\(ws.path)/sheet.csv", "--workspace", ws.path])
        #expect(r.status == 1)
        #expect(r.stderr.contains("sheet.csv:1: error: no column gives the organization's name"))
        #expect(ws.read("organizations.csv") == before)
    }
}
