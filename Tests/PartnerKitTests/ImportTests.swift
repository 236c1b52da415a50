import Foundation
import Testing

@testable import PartnerKit

/// Fixtures in the real formats: a small IRS master file, a file that is not one, and two
/// messy spreadsheets (semicolons + BOM + CRLF; Windows-1252 + CRLF + odd headers).
enum ImportFixtures {
    static let folder = repositoryRoot + "/Tests/PartnerKitTests/Fixtures/import"
    static func bytes(_ name: String) -> [UInt8] {
        (try? [UInt8](Data(contentsOf: URL(fileURLWithPath: folder + "/" + name)))) ?? []
    }
    static let vocabulary: Vocabulary = {
        let r = WorkspaceLoader.load(
            files: [
                "library.json": bytes("workspace/library.json"), "organizations.csv": Array("id,name\n".utf8),
            ],
            defaultVocabulary: (try? [UInt8](Data(contentsOf: URL(fileURLWithPath: toolkitVocabulary)))) ?? []
        )
        return r.workspace?.vocabulary ?? Vocabulary()
    }()
    static let crosswalk: NTEECrosswalk = {
        let b =
            (try? [UInt8](Data(contentsOf: URL(fileURLWithPath: repositoryRoot + "/Data/ntee.json")))) ?? []
        return NTEECrosswalk.parse(b, file: "Data/ntee.json", vocabulary: vocabulary).crosswalk
    }()

    static func scan(_ filter: MasterFileFilter = MasterFileFilter(), file: String = "eo_test.csv")
        -> MasterFile.Scan
    {
        var s = MasterFile.Scan()
        MasterFile.scan(bytes(file), file: file, filter: filter, into: &s)
        return s
    }

    /// The fixture workspace's files in memory, with `organizations` replaced when given.
    static func workspace(organizations: [UInt8]? = nil, people: [UInt8]? = nil) -> Workspace? {
        var files: [String: [UInt8]] = [
            "library.json": bytes("workspace/library.json"),
            "organizations.csv": organizations ?? bytes("workspace/organizations.csv"),
        ]
        if let people { files["people.csv"] = people }
        let vocab = (try? [UInt8](Data(contentsOf: URL(fileURLWithPath: toolkitVocabulary)))) ?? []
        return WorkspaceLoader.load(files: files, defaultVocabulary: vocab).workspace
    }
}

@Suite struct TitleCaseTests {
    @Test(arguments: [
        ("THE YWCA OF VERMONT INC", "The YWCA of Vermont Inc"),
        ("VETERANS OF FOREIGN WARS POST 782 VFW", "Veterans of Foreign Wars Post 782 VFW"),
        ("CHITTENDEN COUNTY FISH & GAME CLUB INC", "Chittenden County Fish & Game Club Inc"),
        ("FRIENDS OF THE CARPENTER-CARSE LIBRARY", "Friends of the Carpenter-Carse Library"),
        ("CHILDREN'S LITERACY FOUNDATION", "Children's Literacy Foundation"),
        ("J WARREN & LOIS MCCLURE FOUNDATION", "J Warren & Lois McClure Foundation"),
        ("VT INFO TECHNOLOGY ASSOCIATION", "VT Info Technology Association"),
        ("ST ALBANS FREE LIBRARY", "St Albans Free Library"),
        ("AND THEN THERE WERE NONE", "And Then There Were None"),
        ("Already Typed By Hand of Course", "Already Typed By Hand of Course"),
    ])
    func names(raw: String, expected: String) {
        #expect(OrganizationName.titleCased(raw) == expected)
    }

    @Test func careOfIsRemovedFromNames() {
        #expect(
            OrganizationName.withoutCareOf("TEAGO FIRE DEPARTMENT INC C/O FRED DOTEN") == (
                "TEAGO FIRE DEPARTMENT INC", true
            ))
        #expect(OrganizationName.withoutCareOf("PLAIN NAME INC") == ("PLAIN NAME INC", false))
    }

    /// Found by the irs-bmf fuzz target in CI: a word whose first letter is its last character
    /// (`...M`, `1234M`) was indexed past the word looking for `Mc`.
    @Test(arguments: [
        ("...M", "...M"), ("1234M", "1234M"), ("03050000M", "03050000M"), ("O'BRIEN", "O'Brien"),
        ("ẞTRASSE", "SStrasse"), ("X-...M", "X-...M"), ("12MCA", "12Mca"),
        ("MCDONALD", "McDonald"),
    ])
    func wordsWithLettersAtTheirEndAreTitleCased(raw: String, expected: String) {
        #expect(OrganizationName.titleCased(raw) == expected)
    }

    /// Upper-casing `ß` gives `SS`: the care-of marker was once found in an upper-cased copy
    /// and its offset used in the original name, cutting it short or trapping past its end.
    @Test func careOfIsCutWhereItIsInNamesThatChangeLengthInCapitals() {
        #expect(OrganizationName.withoutCareOf("ßß C/O X") == ("ßß", true))
        #expect(OrganizationName.withoutCareOf("ßßßßßßßß C/O X") == ("ßßßßßßßß", true))
        #expect(OrganizationName.withoutCareOf("ﬃ Club c/o Jane") == ("ﬃ Club", true))
    }
}

@Suite struct ImportIDTests {
    @Test func slugsDropLegalFormsAndPunctuation() {
        #expect(OrganizationName.slug("The YWCA of Vermont Inc") == "ywca-of-vermont")
        #expect(OrganizationName.slug("Café Solidarité – Food Shelf") == "cafe-solidarite-food-shelf")
        #expect(OrganizationName.slug("Children's Literacy Foundation") == "childrens-literacy-foundation")
        #expect(OrganizationName.slug("!!!") == "")
        #expect(OrganizationName.slug(String(repeating: "word ", count: 40)).count <= 60)
    }

    @Test func collisionsTakeTheCityThenTheEINThenANumber() {
        var ids = IDAllocator(taken: ["american-legion"])
        #expect(
            ids.allocate(name: "American Legion", city: "Readsboro", ein: "036009957")
                == "american-legion-readsboro")
        #expect(
            ids.allocate(name: "American Legion", city: "Readsboro", ein: "036009958")
                == "american-legion-readsboro-9958")
        #expect(ids.allocate(name: "American Legion", city: nil, ein: nil) == "american-legion-2")
        #expect(ids.allocate(name: "???", city: nil, ein: nil) == "organization")
    }

    @Test func idsAreDeterministic() {
        let a = MasterFileImport.plan(
            ImportFixtures.scan(), existing: ExistingRecords(), crosswalk: ImportFixtures.crosswalk)
        let b = MasterFileImport.plan(
            ImportFixtures.scan(), existing: ExistingRecords(), crosswalk: ImportFixtures.crosswalk)
        #expect(a.organizations.map(\.id) == b.organizations.map(\.id))
        #expect(Set(a.organizations.map(\.id)).count == a.organizations.count)
        // Two churches of the same name in one city: the second takes the city.
        #expect(a.organizations.map(\.id).contains("first-baptist-church-burlington"))
    }
}

@Suite struct NTEECrosswalkTests {
    @Test func everyTagIsInTheVocabularyAndEveryGroupIsThere() {
        let b =
            (try? [UInt8](Data(contentsOf: URL(fileURLWithPath: repositoryRoot + "/Data/ntee.json")))) ?? []
        let (crosswalk, diagnostics) = NTEECrosswalk.parse(
            b, file: "Data/ntee.json", vocabulary: ImportFixtures.vocabulary)
        #expect(!ImportFixtures.vocabulary.isEmpty)
        #expect(diagnostics.isEmpty, "\(diagnostics.map(\.formatted))")
        #expect(crosswalk.groups.count == 26)
        #expect(Set(crosswalk.groups.keys) == Set("ABCDEFGHIJKLMNOPQRSTUVWXYZ"))
        // The names match the published list of major groups.
        let list =
            (try? String(contentsOfFile: "/work/shared/data/ntee_major_groups.csv", encoding: .utf8)) ?? ""
        for (_, fields) in CSVParser.rows(Array(list.utf8), file: "groups").rows.dropFirst() {
            guard fields.count == 2, let letter = fields[0].first else { continue }
            #expect(crosswalk.groups[letter]?.name == fields[1])
        }
    }

    @Test func anUnknownTagIsReportedWithASuggestion() {
        let json = #"{ "groups": { "B": { "topics": ["adult-litracy"] } } }"#
        let (c, d) = NTEECrosswalk.parse(
            Array(json.utf8), file: "ntee.json", vocabulary: ImportFixtures.vocabulary)
        #expect(d.count == 1)
        #expect(d.first?.hint == "did you mean \"adult-literacy\"?")
        #expect(c.groups["B"]?.topics == [])
    }

    @Test(arguments: [
        ("B70", "Libraries"), ("B70I", "Libraries"), ("b70z", "Libraries"), ("B11", "Education"),
        ("P20Z", "Human Service Organizations"), ("J20", "Employment Preparation & Procurement"),
        ("B60", "Adult Education"), ("P84", "Ethnic & Immigrant Centers"), ("Z99Z", "Unknown"),
        ("X", "Religion-Related"),
    ])
    func codesMapToTheirEntry(code: String, name: String) {
        #expect(ImportFixtures.crosswalk.entry(for: code)?.name == name)
    }

    @Test func finerCodesCarryTheTagsTheyClearlyMean() {
        let c = ImportFixtures.crosswalk
        #expect(c.entry(for: "B70")?.topics.contains("reading") == true)
        #expect(c.entry(for: "J20")?.topics.contains("employment") == true)
        #expect(c.entry(for: "B60")?.audiences.contains("adult-learners") == true)
        #expect(c.entry(for: "P84")?.audiences.contains("immigrants") == true)
        #expect(c.entry(for: "") == nil)
        #expect(c.entry(for: "?9") == nil)
    }

    @Test func nameWordsAddTagsWhenTheCodeIsBlank() {
        let t = ImportFixtures.crosswalk.tags(code: nil, name: "CARPENTER-CARSE LIBRARY")
        #expect(t.topics == ["reading"])
        let f = ImportFixtures.crosswalk.tags(code: nil, name: "BARRE FISH & GAME CLUB")
        #expect(f.topics == ["recreation"])
        #expect(ImportFixtures.crosswalk.tags(code: nil, name: "OM FISHER HOME").topics.isEmpty)
    }
}

@Suite struct MasterFileTests {
    @Test func readsEveryRowOfTheFixture() {
        let s = ImportFixtures.scan()
        #expect(s.diagnostics.isEmpty)
        #expect(s.rows == 14)
        #expect(s.records.count == 14)
        #expect(s.records[0].ein == "030339915")
        #expect(s.records[0].line == 2)
    }

    @Test func cityFilterIgnoresCaseAndAbbreviations() {
        let s = ImportFixtures.scan(MasterFileFilter(cities: ["south burlington"]))
        #expect(s.records.map(\.ein) == ["030500003", "030500004"])
        #expect(s.filteredOut == 12)
        #expect(
            ImportFixtures.scan(MasterFileFilter(cities: ["S BURLINGTON", "Jericho"])).records.count == 3)
    }

    @Test func zipPrefixesAreRepeatable() {
        #expect(ImportFixtures.scan(MasterFileFilter(zipPrefixes: ["05401"])).records.count == 6)
        #expect(ImportFixtures.scan(MasterFileFilter(zipPrefixes: ["05401", "05465"])).records.count == 7)
        #expect(
            ImportFixtures.scan(MasterFileFilter(zipPrefixes: ["056"])).records.map(\.ein) == ["030500007"])
    }

    @Test func nteeCodesAndGroups() {
        let (p, bad) = MasterFileFilter.parseNTEE("B70, P,j20")
        #expect(p == ["B70", "P", "J20"] && bad == nil)
        #expect(MasterFileFilter.parseNTEE("B70,7x").bad == "7X")
        let s = ImportFixtures.scan(MasterFileFilter(nteePrefixes: ["B70", "P", "J20"]))
        #expect(s.records.map(\.ein) == ["030339915", "043391815", "030214632", "030500006"])
    }

    @Test func minimumRevenueLeavesOutUnknownAndNegative() {
        let s = ImportFixtures.scan(MasterFileFilter(minRevenue: 100_000))
        #expect(s.records.map(\.ein) == ["020498154", "043391815", "030214632", "036009957", "030500003"])
    }

    @Test func aWrongHeaderNamesTheFileAndTheMissingColumns() {
        let s = ImportFixtures.scan(file: "not_bmf.csv")
        #expect(s.records.isEmpty)
        let e = s.diagnostics.first
        #expect(s.diagnostics.count == 1)
        #expect(
            e?.formatted.hasPrefix("not_bmf.csv:1: error: not an IRS exempt-organizations master file")
                == true)
        #expect(e?.message.contains("ICO") == true && e?.message.contains("NTEE_CD") == true)
        #expect(e?.message.contains("NAME,") == false)
    }

    @Test func readingInBlocksGivesTheSameResult() throws {
        let folder = TemporaryFolder()
        let text = String(decoding: ImportFixtures.bytes("eo_test.csv"), as: UTF8.self)
        folder.write("eo.csv", text)
        var blocks = MasterFile.Scan()
        var calls = 0
        MasterFile.scan(
            path: folder.path + "/eo.csv", file: "eo.csv", filter: MasterFileFilter(zipPrefixes: ["054"]),
            blockBytes: 100, into: &blocks
        ) { _ in calls += 1 }
        let whole = ImportFixtures.scan(MasterFileFilter(zipPrefixes: ["054"]), file: "eo_test.csv")
        #expect(blocks.records.map(\.ein) == whole.records.map(\.ein))
        #expect(blocks.records.map(\.line) == whole.records.map(\.line))
        #expect(calls > 5)
    }

    @Test func oddInputNeverStopsTheRead() {
        var s = MasterFile.Scan()
        let header = MasterFile.columns.joined(separator: ",")
        let odd = header + "\n1,\"UNCLOSED\n" + "2,SHORT ROW\n"
        MasterFile.scan(Array(odd.utf8), file: "odd.csv", into: &s)
        #expect(s.diagnostics.hasErrors)
        var empty = MasterFile.Scan()
        MasterFile.scan([], file: "empty.csv", into: &empty)
        #expect(empty.diagnostics.first?.message.contains("empty") == true)
    }

    @Test func sectorsFollowTheIRSCodes() {
        let plan = MasterFileImport.plan(
            ImportFixtures.scan(), existing: ExistingRecords(), crosswalk: ImportFixtures.crosswalk)
        func sector(_ ein: String) -> String? { plan.organizations.first { $0.ein == ein }?.values["sector"] }
        #expect(sector("03-0500001") == "faith")  // foundation 10, a church
        #expect(sector("03-0500003") == "government")  // subsection 01, foundation 14
        #expect(sector("03-0339915") == "nonprofit")
        #expect(sector("03-6009957") == "nonprofit")  // a veterans' post, 501(c)(19)
    }

    @Test func robustnessIsCountedInTheSummary() {
        let plan = MasterFileImport.plan(
            ImportFixtures.scan(), existing: ExistingRecords(), crosswalk: ImportFixtures.crosswalk)
        let s = plan.summary
        #expect(s.imported == 14)
        #expect(s.withoutNTEE == 1)
        #expect(s.careOfRemoved == 1)
        #expect(s.unknownBudget == 4)  // blank, blank, negative, zero
        let happy = plan.organizations.first { $0.ein == "03-0500004" }
        #expect(happy?.name == "Happy Trails Association")
        #expect(happy?.values["annual_budget"] == nil)
        #expect(happy?.values["service_area"] == "South Burlington, VT 05403")
        #expect(plan.organizations.first { $0.ein == "03-0500008" }?.values["ntee"] == "J40")
        #expect(plan.organizations.first { $0.ein == "03-0500006" }?.values["ntee"] == "B70I")
        #expect(s.sentence.hasPrefix("imported 14, 1 without an NTEE code"))
    }
}

@Suite struct ImportPlanTests {
    @Test func theSecondImportOfTheSameFileIsANoOp() throws {
        let scan = ImportFixtures.scan()
        let ws = try #require(ImportFixtures.workspace())
        let first = MasterFileImport.plan(
            scan, existing: ExistingRecords(ws), crosswalk: ImportFixtures.crosswalk)
        #expect(first.summary.imported == 14)
        let out = ImportWriter.apply(
            first, organizations: ImportFixtures.bytes("workspace/organizations.csv"),
            organizationsFile: "organizations.csv", people: nil, peopleFile: "people.csv")
        #expect(out.problems.isEmpty)
        let after = try #require(ImportFixtures.workspace(organizations: out.organizations))
        let second = MasterFileImport.plan(
            scan, existing: ExistingRecords(after), crosswalk: ImportFixtures.crosswalk)
        #expect(second.summary.imported == 0)
        #expect(second.summary.skippedPresent == 14)
        #expect(second.organizations.isEmpty)
        let again = ImportWriter.apply(
            second, organizations: out.organizations, organizationsFile: "organizations.csv", people: nil,
            peopleFile: "people.csv")
        #expect(again.organizations == nil)
    }

    @Test func existingRowsStayByteForByteAndMissingColumnsAreAdded() throws {
        let original = Array("id,name,topics\r\nhand,\"Hand-Typed, Org\",reading\r\n".utf8)
        let plan = MasterFileImport.plan(
            ImportFixtures.scan(MasterFileFilter(nteePrefixes: ["B70"])), existing: ExistingRecords(),
            crosswalk: ImportFixtures.crosswalk)
        let out = ImportWriter.apply(
            plan, organizations: original, organizationsFile: "organizations.csv", people: nil,
            peopleFile: "people.csv")
        let text = String(decoding: try #require(out.organizations), as: UTF8.self)
        let lines = text.components(separatedBy: "\r\n")
        #expect(out.addedColumns.contains("ein") && out.addedColumns.contains("ntee"))
        #expect(out.addedColumns.contains("service_area"))
        // The hand-typed row gained empty cells at its end, and nothing else.
        #expect(
            lines[1] == "hand,\"Hand-Typed, Org\",reading"
                + String(repeating: ",", count: out.addedColumns.count))
        #expect(lines.count == 5)  // header, hand, two libraries, final line end
        #expect(lines[2].hasPrefix("jericho-town-library,Jericho Town Library,reading;"))
    }

    @Test func aRowWithAllColumnsIsNeverTouched() throws {
        let original = ImportFixtures.bytes("workspace/organizations.csv")
        let ws = try #require(ImportFixtures.workspace())
        let plan = MasterFileImport.plan(
            ImportFixtures.scan(), existing: ExistingRecords(ws), crosswalk: ImportFixtures.crosswalk)
        var withAll = Array((WorkspaceLoader.organizationColumns.joined(separator: ",") + "\n").utf8)
        withAll += Array("x,X Org,,,,,,,,,,,,,,,,\n".utf8)
        let out = ImportWriter.apply(
            plan, organizations: withAll, organizationsFile: "organizations.csv", people: nil,
            peopleFile: "p.csv")
        let bytes = try #require(out.organizations)
        #expect(out.addedColumns.isEmpty)
        #expect(Array(bytes.prefix(withAll.count)) == withAll)
        #expect(!original.isEmpty)
    }

    @Test func anEINAlreadyPresentIsNeverDuplicated() throws {
        let csv = Array("id,name,ein\nmy-library,Our Friends Group,03-0339915\n".utf8)
        let ws = try #require(ImportFixtures.workspace(organizations: csv))
        let plan = MasterFileImport.plan(
            ImportFixtures.scan(), existing: ExistingRecords(ws), crosswalk: ImportFixtures.crosswalk)
        #expect(plan.summary.skippedPresent == 1)
        let skip = try #require(plan.skips.first)
        #expect(skip.reason == .alreadyPresent(existing: "my-library", match: "EIN"))
        #expect(!plan.organizations.contains { $0.ein == "03-0339915" })
    }

    @Test func theWorkspaceIsCheckedAfterTheImportBeforeAnythingIsWritten() {
        var plan = ImportPlan()
        plan.organizations = [
            PlannedOrganization(
                id: "bad", name: "Bad", ein: nil, values: ["id": "bad", "name": "Bad", "staff_fte": "-3"],
                file: "x.csv", line: 2)
        ]
        let out = ImportWriter.apply(
            plan, organizations: ImportFixtures.bytes("workspace/organizations.csv"),
            organizationsFile: "organizations.csv", people: nil, peopleFile: "people.csv")
        let files: [String: [UInt8]] = [
            "library.json": ImportFixtures.bytes("workspace/library.json"),
            "organizations.csv": out.organizations ?? [],
        ]
        let errors = ImportWriter.validate(files: files, directory: "w", defaultVocabulary: nil)
        #expect(errors.hasErrors)
    }
}

@Suite struct SpreadsheetImportTests {
    @Test func semicolonsBOMAndCRLFWithOddHeaders() throws {
        let r = Spreadsheet.read(
            ImportFixtures.bytes("partners_semicolon.csv"), file: "p.csv",
            vocabulary: ImportFixtures.vocabulary)
        #expect(r.encoding == .utf8BOM)
        #expect(r.delimiter == CSVDialect.semicolon)
        #expect(!r.diagnostics.hasErrors)
        let fields = Dictionary(
            uniqueKeysWithValues: r.columns.compactMap { m in m.field.map { (m.header, $0) } })
        #expect(fields["Org Name"] == .name)
        #expect(fields["Focus areas"] == .topics)
        #expect(fields["Contact email"] == .email)
        #expect(fields["Who they serve"] == .audiences)
        #expect(fields["Notes"] == nil)
        #expect(r.candidates.count == 4)
        let first = r.candidates[0]
        #expect(first.name == "Champlain Literacy Partners")
        #expect(first.values["topics"] == "adult-literacy;english-language;homework-help")
        #expect(first.values["audiences"] == "adult-learners")
        #expect(first.values["annual_budget"] == "120000")
        #expect(first.values["sector"] == "nonprofit")
        #expect(
            first.contacts == [
                ImportContact(name: "Maria Gómez", email: "maria@example.org", phone: "802-555-0101")
            ])
        #expect(r.candidates[1].name == "Vermont \"Works\" Collective")
        #expect(r.candidates[1].values["topics"] == "employment;career-training")
    }

    @Test func unknownWordsAreReportedWithDidYouMean() {
        let r = Spreadsheet.read(
            ImportFixtures.bytes("partners_semicolon.csv"), file: "p.csv",
            vocabulary: ImportFixtures.vocabulary)
        let w = r.diagnostics.filter { $0.location == .line(5) }
        #expect(
            w.contains {
                $0.message.contains("Finacial literacy") && $0.hint?.contains("financial-literacy") == true
            })
        #expect(w.contains { $0.message.contains("woodworking") })
        // "makers" is an audience synonym (artists).
        #expect(r.candidates[3].values["audiences"] == "artists")
    }

    @Test func windows1252IsReadAsSuch() {
        let r = Spreadsheet.read(
            ImportFixtures.bytes("partners_cp1252.csv"), file: "p.csv", vocabulary: ImportFixtures.vocabulary)
        #expect(r.encoding == .windows1252)
        #expect(r.candidates.map(\.name) == ["Café Solidarité – Food Shelf", "Niños Reading Club"])
        #expect(r.candidates[1].values["topics"] == "reading;early-literacy")
        #expect(r.columns.map(\.field) == [.name, .email, .topics])
    }

    @Test func aMapOverridesTheMatch() throws {
        let (map, d) = Spreadsheet.parseMap(ImportFixtures.bytes("map.json"), file: "map.json")
        #expect(d.isEmpty)
        let r = Spreadsheet.read(
            ImportFixtures.bytes("partners_semicolon.csv"), file: "p.csv", map: map,
            vocabulary: ImportFixtures.vocabulary)
        let town = try #require(r.columns.first { $0.header == "Town" })
        #expect(town.field == .serviceArea && town.how == .map)
        #expect(r.columns.first { $0.header == "Notes" }?.how == .ignored)
        let bad = Spreadsheet.parseMap(Array(#"{"columns": {"Org": "nmae"}}"#.utf8), file: "m.json")
        #expect(bad.diagnostics.first?.hint == "did you mean \"name\"?")
        #expect(Spreadsheet.parseMap(Array("[]".utf8), file: "m.json").diagnostics.hasErrors)
    }

    @Test func aSheetWithoutANameColumnIsAnError() {
        let r = Spreadsheet.read(
            Array("Town,Website\nX,y\n".utf8), file: "p.csv", vocabulary: ImportFixtures.vocabulary)
        #expect(
            r.diagnostics.first?.formatted.hasPrefix(
                "p.csv:1: error: no column gives the organization's name") == true)
    }

    @Test func dedupByNormalisedNameAndCity() throws {
        let ws = try #require(ImportFixtures.workspace())
        let r = Spreadsheet.read(
            ImportFixtures.bytes("partners_semicolon.csv"), file: "p.csv",
            vocabulary: ImportFixtures.vocabulary)
        var plan = ImportPlan()
        ImportPlanner.plan(r.candidates, existing: ExistingRecords(ws), into: &plan)
        #expect(plan.summary.imported == 3)
        #expect(plan.summary.skippedPresent == 1)
        #expect(plan.skips.first?.reason == .alreadyPresent(existing: "cvpl-friends", match: "name and city"))
        #expect(plan.people.count == 3)
        #expect(plan.people.allSatisfy { p in plan.organizations.contains { $0.id == p.organization } })
    }
}
