import Foundation
import PartnerKit
import Testing

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Safe output, end to end: a hostile workspace (formula-like names, markup, quotes, leading
/// tabs) through every command and format; CSV cells neutralised, exports escaped and parseable,
/// people's contact details only with --include-contacts, atomic export files, and the same
/// bytes on every run.
@Suite struct SafetyCLITests {
    static let asOf = "2026-11-29"
    static let email = "secret.person@example.org"
    static let phone = "555-0199"
    static let badEmail = "hidden-person-at-example.org"
    static let badPhone = "555-0142"

    /// Names a spreadsheet would run, a browser would render, or a naive writer would break on.
    static let hostileNames = [
        #"=HYPERLINK("http://x")"#, "+1", "-2", "@SUM(A1)", "<script>alert(1)</script>",
        #""quotes" & ampersands"#,
    ]

    static func hostileWorkspace() -> Scratch {
        let s = Scratch()
        s.write(
            "w/library.json",
            """
            { "id": "lib", "name": "<b>Library</b> & \\"Co\\"",
              "priorities": [ { "id": "work", "label": "=Work", "weight": 3, "topics": ["employment"] } ],
              "values": ["equity"], "audiences": [ { "tag": "job-seekers", "weight": 2 } ],
              "offers": ["meeting-space"], "needs": ["financial-expertise"], "dealbreakers": [] }
            """)
        s.write(
            "w/organizations.csv",
            """
            id,name,topics,values,audiences,offers,needs,mission,staff_fte
            =hyper,"=HYPERLINK(""http://x"")",employment,equity,job-seekers,financial-expertise,meeting-space,"=1+1 <i>jobs</i>",4
            plus,+1,employment,equity,job-seekers,financial-expertise,,@mission,2
            -2,-2,employment,,job-seekers,,meeting-space,-mission,
            @sum,@SUM(A1),employment,equity,,financial-expertise,,,1
            xss,<script>alert(1)</script>,employment,equity,job-seekers,financial-expertise,meeting-space,"<script>x</script>",3
            amp,\"""quotes"" & ampersands\",employment,equity,job-seekers,,,"a & b",
            tab,"\t=tab",employment,,,,,,
            lonely,Lonely Org,employment,equity,job-seekers,financial-expertise,meeting-space,,5
            crlf,"Two\r\nLines",employment,equity,,,,,2

            """)
        s.write(
            "w/people.csv",
            """
            id,name,organization,role,email,phone
            secret-person,Secret Person,xss,=Director,\(email),\(phone)
            hidden-person,Hidden Person,amp,Lead,\(badEmail),\(badPhone)

            """)
        s.write(
            "w/relationships.csv",
            """
            source,target,kind,strength,last_contact,note
            lib,=hyper,partnered,4,2026-10-01,"=cmd|' /C calc'!A0"
            lib,plus,knows,3,2026-06-01,
            =hyper,-2,knows,2,2026-01-01,
            plus,@sum,coalition,3,2025-12-01,
            @sum,xss,knows,2,2026-02-01,
            xss,amp,referral,2,2026-03-01,
            amp,tab,knows,1,,
            lib,secret-person,knows,3,2026-09-01,
            hidden-person,-2,knows,2,2026-08-01,

            """)
        s.write(
            "w/partnerships.json",
            """
            { "partnerships": [ { "id": "p1", "title": "<b>=cmd</b> & \\"x\\"", "partners": ["xss"], "status": "active",
              "description": "=HYPERLINK(\\"http://x\\")", "decisions": "shared",
              "goals": [ { "text": "<script>", "priority": "work" } ] } ] }
            """)
        return s
    }

    /// Every command and format that reads a workspace, as argument lists.
    static func invocations(_ w: String) -> [[String]] {
        var all: [[String]] = []
        let common = ["--workspace", w, "--as-of", asOf]
        for f in ["text", "json"] { all.append(["check", "--format", f] + common) }
        for f in ["text", "json", "markdown", "csv"] {
            all.append(["score", "--format", f] + common)
            all.append(["network", "links", "--format", f] + common)
            all.append(["network", "measures", "--format", f] + common)
        }
        for f in ["text", "json", "markdown"] {
            all.append(["vet", "xss", "--format", f] + common)
            all.append(["vet", "amp", "--format", f] + common)
            all.append(["spectrum", "--format", f] + common)
            all.append(["introduce", "--format", f] + common)
            all.append(["path", "secret-person", "--format", f] + common)
            all.append(["path", "tab", "--format", f] + common)
            all.append(["network", "--format", f] + common)
            all.append(["review", "--format", f] + common)
        }
        for t in ["graphml", "dot", "kumu"] { all.append(["network", "export", "--to", t] + common) }
        return all
    }

    // MARK: Contacts

    @Test func contactsNeverAppearWithoutIncludeContacts() {
        let s = Self.hostileWorkspace()
        for args in Self.invocations(s.path + "/w") {
            let r = CLI.run(args)
            #expect(r.status == 0, "\(args.joined(separator: " ")): \(r.stderr)")
            for secret in [Self.email, Self.phone, Self.badEmail, Self.badPhone] {
                #expect(!r.stdout.contains(secret), "\(args.joined(separator: " ")) printed \(secret)")
                #expect(
                    !r.stderr.contains(secret), "\(args.joined(separator: " ")) printed \(secret) on stderr")
            }
        }
    }

    @Test(arguments: ["graphml", "dot", "kumu"])
    func exportsCarryContactsOnlyWithIncludeContacts(format: String) {
        let s = Self.hostileWorkspace()
        let r = CLI.run([
            "network", "export", "--to", format, "--include-contacts", "--workspace", s.path + "/w",
            "--as-of", Self.asOf,
        ])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains(Self.email))
        #expect(r.stdout.contains(Self.phone))
        // To a file as well.
        let out = s.path + "/contacts." + format
        let f = CLI.run([
            "network", "export", "--to", format, "--include-contacts", "--out", out, "--workspace",
            s.path + "/w",
        ])
        #expect(f.status == 0, "\(f.stderr)")
        #expect(s.read("contacts." + format)?.contains(Self.email) == true)
        #expect(!f.stdout.contains(Self.email) && !f.stderr.contains(Self.email))
    }

    // MARK: CSV injection

    /// Every CSV output: no cell a spreadsheet would run. A cell may begin with `-` or `+`
    /// only when it is a number the tool computed, never a hostile name or id.
    @Test func csvOutputsNeutraliseFormulaCells() throws {
        let s = Self.hostileWorkspace()
        let w = s.path + "/w"
        let outputs = [
            ["score", "--format", "csv"], ["score", "--format", "csv", "--rubric", "grant-partner"],
            ["network", "links", "--format", "csv"],
            ["network", "links", "--format", "csv", "--measure", "jaccard"],
            ["network", "measures", "--format", "csv"],
            ["network", "measures", "--format", "csv", "--weighted"],
        ]
        var seen = Set<String>()
        for args in outputs {
            let r = CLI.run(args + ["--workspace", w, "--as-of", Self.asOf])
            #expect(r.status == 0, "\(args): \(r.stderr)")
            let rows = try #require(CSVText.parse(r.stdout), "\(args) is not valid CSV")
            #expect(rows.count > 1)
            let width = rows.first?.count ?? 0
            for row in rows {
                #expect(row.count == width, "\(args): ragged row \(row)")
                for cell in row {
                    seen.insert(cell)
                    guard let first = cell.unicodeScalars.first else { continue }
                    if "=@\t\r".unicodeScalars.contains(first) {
                        Issue.record("\(args): formula cell \(cell.debugDescription)")
                    }
                    if "+-".unicodeScalars.contains(first) && Double(cell) == nil {
                        Issue.record("\(args): formula cell \(cell.debugDescription)")
                    }
                }
                // The hostile "+1" and "-2" would pass as numbers: they must be neutralised.
                #expect(!row.contains("+1") && !row.contains("-2"), "\(args): \(row)")
            }
        }
        // The names and ids did reach the CSV, neutralised.
        for expected in ["'=HYPERLINK(\"http://x\")", "'+1", "'-2", "'@SUM(A1)", "'=hyper", "'@sum"] {
            #expect(seen.contains(expected), "missing \(expected)")
        }
        #expect(seen.contains("<script>alert(1)</script>"))
        #expect(seen.contains("\"quotes\" & ampersands"))
    }

    // MARK: Exports

    @Test func graphMLIsEscapedAndParses() throws {
        let s = Self.hostileWorkspace()
        let r = CLI.run(["network", "export", "--to", "graphml", "--workspace", s.path + "/w"])
        #expect(r.status == 0, "\(r.stderr)")
        let collector = XMLText()
        let parser = XMLParser(data: Data(r.stdout.utf8))
        parser.delegate = collector
        #expect(parser.parse(), "GraphML does not parse: \(String(describing: parser.parserError))")
        #expect(!r.stdout.contains("<script>"))
        for name in Self.hostileNames { #expect(collector.text.contains(name), "\(name) lost in GraphML") }
    }

    @Test func kumuIsEscapedAndParses() throws {
        let s = Self.hostileWorkspace()
        let r = CLI.run(["network", "export", "--to", "kumu", "--workspace", s.path + "/w"])
        #expect(r.status == 0, "\(r.stderr)")
        let root = try #require(CLI.json(r), "Kumu export is not JSON")
        let flat = String(describing: root)
        for name in ["<script>alert(1)</script>", "@SUM(A1)", "+1", "-2"] { #expect(flat.contains(name)) }
    }

    @Test func dotIsEscapedAndBalanced() throws {
        let s = Self.hostileWorkspace()
        let r = CLI.run(["network", "export", "--to", "dot", "--workspace", s.path + "/w"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains(#"\"quotes\" & ampersands"#))
        // Every line has its double quotes balanced once escaped ones are removed, and the
        // braces of the graph close.
        for line in r.stdout.split(separator: "\n") {
            let unescaped = line.replacingOccurrences(of: "\\\\", with: "").replacingOccurrences(
                of: "\\\"", with: "")
            #expect(unescaped.filter { $0 == "\"" }.count % 2 == 0, "unbalanced quotes: \(line)")
        }
        let outside = r.stdout.components(separatedBy: "\"").enumerated().filter { $0.offset % 2 == 0 }.map(
            \.element
        )
        .joined()
        #expect(outside.filter { $0 == "{" }.count == outside.filter { $0 == "}" }.count)
        #expect(r.stdout.hasPrefix("graph") || r.stdout.hasPrefix("strict graph") || r.stdout.hasPrefix("//"))
    }

    // MARK: HTML

    /// The review's HTML page: every user string escaped (no markup from the workspace gets
    /// through), no contact details, and --html never replaces a file without --force.
    @Test func reviewHTMLEscapesUserStringsAndHidesContacts() throws {
        let s = Self.hostileWorkspace()
        let file = s.path + "/review.html"
        let r = CLI.run(["review", "--html", file, "--workspace", s.path + "/w", "--as-of", Self.asOf])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.hasPrefix("wrote \(file): "), "one line, not the review: \(r.stdout)")
        let written = try #require(s.read("review.html"))
        // Exactly one script element, the page's own (the same bytes for every workspace: no
        // src, no URL, no user string); everything else is checked without it.
        #expect(written.components(separatedBy: "<script").count == 2, "one script only")
        #expect(written.contains(ReviewHTML.scriptElement))
        let page = written.replacingOccurrences(of: ReviewHTML.scriptElement, with: "")
        // The workspace's own markup (a library named "<b>Library</b>", a partnership titled
        // "<b>=cmd</b>", a mission with "<i>", an organization named "<script>…") never
        // reaches the page as markup.
        for raw in ["<script", "<b>Library</b>", "<b>=cmd</b>", "<i>jobs</i>"] {
            #expect(!page.contains(raw), "raw \(raw) in the HTML")
        }
        // Hostile names are text in the map and in the cards.
        let map = page.components(separatedBy: "<svg id=\"map-svg\"").last?.components(separatedBy: "</svg>")
            .first
        let cards = page.components(separatedBy: "<section id=\"cards\"").last
        for part in [map, cards] {
            #expect(part?.contains("&lt;script&gt;alert(1)&lt;/script&gt;") == true)
        }
        #expect(cards?.contains("&lt;b&gt;=cmd&lt;/b&gt;") == true)
        #expect(page.contains("&lt;b&gt;") || page.contains("&lt;b>"), "the library's name lost")
        #expect(page.contains("&lt;b&gt;=cmd&lt;/b&gt;"), "the partnership's title lost")
        for secret in [Self.email, Self.phone, Self.badEmail, Self.badPhone] {
            #expect(!page.contains(secret))
        }
        // Every tag in the page is one the report itself writes.
        let allowed: Set<String> = [
            "!DOCTYPE", "html", "head", "meta", "title", "style", "body", "header", "footer", "h1", "h2",
            "h3", "h4", "p",
            "div", "section", "table", "thead", "tbody", "tr", "td", "th", "ul", "ol", "li", "span", "strong",
            "em",
            "small", "svg", "g", "circle", "line", "text", "rect", "path", "polyline", "title", "desc", "a",
            "br",
            "figure", "figcaption", "caption", "details", "summary", "abbr", "code", "b", "i", "tspan",
            "ellipse",
            "main", "nav", "article", "aside", "defs", "marker", "polygon", "dl", "dt", "dd", "hr", "sup",
            "sub",
            // the map's controls, shown by the page's script
            "button", "select", "option", "label", "output",
        ]
        var tags = Set<String>()
        var rest = page[...]
        while let open = rest.firstIndex(of: "<") {
            var after = rest[rest.index(after: open)...]
            if after.first == "/" { after = after.dropFirst() }
            let name = after.prefix { $0.isLetter || $0.isNumber || $0 == "!" || $0 == "-" }
            tags.insert(String(name))
            rest = after
        }
        #expect(tags.subtracting(allowed).isEmpty, "unexpected tags \(tags.subtracting(allowed))")
        // --html refuses to replace the file without --force, and leaves it as it was.
        let again = CLI.run(["review", "--html", file, "--workspace", s.path + "/w", "--as-of", Self.asOf])
        #expect(again.status == 1)
        #expect(s.read("review.html") == written)
    }

    /// A hand-edited snapshot with a count past Int's range once crashed `review`.
    @Test func reviewWithAHostileSnapshotIsAnErrorNotACrash() {
        let s = Self.hostileWorkspace()
        s.write(
            "w/reviews/2026-Q3.json",
            #"{"partnerships":[],"coverage":[{"priority":"work","partnerships":1e300}]}"#)
        let r = CLI.run(["review", "--workspace", s.path + "/w", "--as-of", Self.asOf])
        #expect(r.status == 1, "\(r.stderr)")
        #expect(r.stderr.contains("2026-Q3.json: coverage[0].partnerships: error:"), "\(r.stderr)")
        s.write("w/reviews/2026-Q3.json", String(repeating: "[", count: 100_000))
        let deep = CLI.run(["review", "--workspace", s.path + "/w", "--as-of", Self.asOf])
        #expect(deep.status == 1)
        #expect(deep.stderr.contains("nesting deeper than"), "\(deep.stderr)")
    }

    /// Amounts and cadences past Int64's range once trapped when spectrum formatted money and
    /// review rounded the cadence: huge money is shown, a century-plus cadence is an error.
    @Test func hugeNumbersInPartnershipsNeverCrash() {
        let s = Self.hostileWorkspace()
        s.write(
            "w/partnerships.json",
            #"{ "partnerships": [ { "id": "p1", "title": "T", "partners": ["xss"], "status": "active", "library_pays": 1e300, "partner_pays": 1e18 } ] }"#
        )
        for command in ["spectrum", "review"] {
            let r = CLI.run([command, "--workspace", s.path + "/w", "--as-of", Self.asOf])
            #expect(r.status == 0, "\(command): \(r.stderr)")
        }
        s.write(
            "w/partnerships.json",
            #"{ "partnerships": [ { "id": "p1", "title": "T", "partners": ["xss"], "status": "active", "communication": { "cadence_days": 1e300 } } ] }"#
        )
        for command in ["spectrum", "review", "check"] {
            let r = CLI.run([command, "--workspace", s.path + "/w", "--as-of", Self.asOf])
            #expect(r.status == 1, "\(command): \(r.stderr)")
            #expect(
                r.stderr.contains(
                    "partnerships[0].communication.cadence_days: error: must be at most 36500 days"),
                "\(r.stderr)")
        }
    }

    // MARK: Atomic export files

    @Test func exportOutRefusesToOverwriteWithoutForce() {
        let s = Self.hostileWorkspace()
        s.write("graph.dot", "OLD")
        let r = CLI.run([
            "network", "export", "--to", "dot", "--out", s.path + "/graph.dot", "--workspace", s.path + "/w",
        ])
        #expect(r.status == 1)
        #expect(r.stderr.contains("--force"), "\(r.stderr)")
        #expect(s.read("graph.dot") == "OLD")
        let forced = CLI.run([
            "network", "export", "--to", "dot", "--out", s.path + "/graph.dot", "--force", "--workspace",
            s.path + "/w",
        ])
        #expect(forced.status == 0, "\(forced.stderr)")
        #expect(s.read("graph.dot")?.contains("<script>") == true)
        #expect(forced.stdout.isEmpty)
        // No temporary file is left beside it.
        let left = (try? FileManager.default.contentsOfDirectory(atPath: s.path)) ?? []
        #expect(Set(left) == ["w", "graph.dot"], "\(left)")
    }

    /// Every file the tool writes goes through `Files.writeAtomically`: no other way of
    /// writing a file appears in the library or the command-line tool.
    @Test func onlyTheAtomicHelperWritesFiles() throws {
        let root = CLI.repositoryRoot + "/Sources"
        let forbidden = [
            ".write(to:", ".write(toFile:", "createFile(atPath:", "forWritingAtPath", "forUpdatingAtPath",
            "fopen(",
            "FileHandle(forWritingTo", "O_WRONLY", "O_RDWR", "O_CREAT",
        ]
        let files = FileManager.default.enumerator(atPath: root)?.compactMap { $0 as? String } ?? []
        #expect(files.contains("partnerkit/Commands/Init.swift"))
        // The benchmark harness is a developer tool, not something a user's data goes through.
        for file in files
        where file.hasSuffix(".swift") && file != "PartnerKit/Support/Files.swift"
            && !file.hasPrefix("partnerkit-bench/")
        {
            let text = try String(contentsOfFile: root + "/" + file, encoding: .utf8)
            for f in forbidden {
                #expect(!text.contains(f), "\(file) writes a file with \(f), not Files.writeAtomically")
            }
        }
        let writers = files.filter { f in
            (try? String(contentsOfFile: root + "/" + f, encoding: .utf8))?.contains("Files.writeAtomically")
                == true
        }
        #expect(
            Set(writers).isSuperset(of: [
                "partnerkit/Commands/Init.swift", "partnerkit/Commands/Network.swift",
                "partnerkit/Commands/Review.swift",
            ]))
    }

    /// SIGKILLs `network export --out FILE --force` while it loads, renders and writes a
    /// 6 MB export: half the rounds at a random moment of the whole run, half just after the
    /// writing starts (inside the write, flush and rename, a window of a few milliseconds). The target must always hold the old content or the complete new one,
    /// and nothing but hidden temporary files may be left beside it.
    @Test func killedExportNeverLeavesATornFile() throws {
        let s = Scratch()
        BigWorkspace.write(into: s.path + "/w", organizations: 6_000, people: 3_000)
        let full = s.path + "/full.graphml"
        let start = Date()
        let first = CLI.run([
            "network", "export", "--to", "graphml", "--out", full, "--workspace", s.path + "/w",
        ])
        let elapsed = Date().timeIntervalSince(start)
        #expect(first.status == 0, "\(first.stderr)")
        let complete = try Data(contentsOf: URL(fileURLWithPath: full))
        #expect(complete.count > 1_000_000)
        let old = Data("OLD CONTENT\n".utf8)
        let dir = s.path + "/out"
        let target = dir + "/graph.graphml"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        var sawOld = 0, sawNew = 0
        let args = [
            "network", "export", "--to", "graphml", "--out", target, "--force", "--workspace", s.path + "/w",
        ]
        let tally = try KillHarness.run(
            args, elapsed: elapsed, minimumRounds: 16, maximumRounds: 40,
            prepare: { _ in try old.write(to: URL(fileURLWithPath: target)) },
            writing: {
                // A temporary file appears, or, for a writer that is not atomic, the target changes.
                let size = (try? FileManager.default.attributesOfItem(atPath: target)[.size] as? Int) ?? nil
                return KillHarness.hasTemporaryFile(in: dir) || size != old.count
            },
            inspect: { round in
                let now = try Data(contentsOf: URL(fileURLWithPath: target))
                if now == old {
                    sawOld += 1
                } else if now == complete {
                    sawNew += 1
                } else {
                    Issue.record(
                        "round \(round): torn file of \(now.count) bytes (complete is \(complete.count))")
                }
                var leftover = false
                for e in try FileManager.default.contentsOfDirectory(atPath: dir) where e != "graph.graphml" {
                    #expect(e.hasPrefix(".graph.graphml.tmp"), "a visible leftover \(e)")
                    leftover = true
                    try? FileManager.default.removeItem(atPath: dir + "/" + e)
                }
                return leftover
            })
        let (rounds, killed, midWrite) = (tally.rounds, tally.killed, tally.midWrite)
        #expect(sawOld + sawNew == rounds)
        #expect(killed > 0, "no run was killed: the export finished too fast to test")
        #expect(
            midWrite > 0, "no kill landed while the temporary file existed (killed \(killed) of \(rounds))")
    }

    // MARK: Determinism

    /// The same command on the same workspace prints the same bytes, every command and format.
    @Test(arguments: ["hostile", "sample"])
    func everyCommandIsByteIdenticalTwice(workspace: String) {
        let s = Self.hostileWorkspace()
        let w = workspace == "sample" ? CLI.repositoryRoot + "/Data/sample" : s.path + "/w"
        var commands = Self.invocations(w)
        if workspace == "sample" {
            commands = commands.filter { !$0.contains("xss") && !$0.contains("amp") && !$0.contains("path") }
            commands.append(["vet", "harbor-cu", "--workspace", w, "--as-of", Self.asOf])
            commands.append(["path", "harbor-cu", "--workspace", w, "--as-of", Self.asOf, "--format", "json"])
        }
        for args in commands {
            let a = CLI.run(args), b = CLI.run(args)
            #expect(a.status == b.status)
            #expect(a.stdout == b.stdout, "\(args.joined(separator: " ")) differs between runs")
            #expect(a.stderr == b.stderr, "\(args.joined(separator: " ")) stderr differs between runs")
        }
    }
}

/// A strict RFC 4180 reader for checking the tool's CSV: nil when the text is not valid CSV.
enum CSVText {
    static func parse(_ text: String) -> [[String]]? {
        var rows: [[String]] = []
        var row: [String] = []
        var cell = ""
        var scalars = Array(text.unicodeScalars)[...]
        var quoted = false
        var startOfCell = true
        while let c = scalars.popFirst() {
            if quoted {
                if c == "\"" {
                    if scalars.first == "\"" {
                        scalars.removeFirst()
                        cell.unicodeScalars.append("\"")
                    } else {
                        quoted = false
                    }
                } else {
                    cell.unicodeScalars.append(c)
                }
                continue
            }
            switch c {
            case "\"":
                guard startOfCell else { return nil }
                quoted = true
                startOfCell = false
            case ",":
                row.append(cell)
                cell = ""
                startOfCell = true
            case "\r":
                guard scalars.first == "\n" else { return nil }
            case "\n":
                row.append(cell)
                rows.append(row)
                row = []
                cell = ""
                startOfCell = true
            default:
                cell.unicodeScalars.append(c)
                startOfCell = false
            }
        }
        if quoted { return nil }
        if !row.isEmpty || !cell.isEmpty {
            row.append(cell)
            rows.append(row)
        }
        return rows
    }
}

/// Collects the character data of an XML document (attribute values too).
final class XMLText: NSObject, XMLParserDelegate {
    var text = ""
    func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }
    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
        qualifiedName qName: String?,
        attributes attributeDict: [String: String] = [:]
    ) {
        for v in attributeDict.values { text += v + "\n" }
        text += "\n"
    }
}

/// A large, valid workspace written as files, for tests that need a slow writer.
enum BigWorkspace {
    static func write(into dir: String, organizations: Int, people: Int) {
        try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        func put(_ name: String, _ text: String) {
            try? Data(text.utf8).write(to: URL(fileURLWithPath: dir + "/" + name))
        }
        put("library.json", #"{"id":"lib","name":"Big Library","values":["equity"]}"#)
        var orgs = "id,name,mission\n"
        for i in 0..<organizations {
            orgs +=
                "org-\(i),Organization number \(i),\"A long mission statement for organization \(i), with words & <markup>.\"\n"
        }
        put("organizations.csv", orgs)
        var ppl = "id,name,organization,role,email,phone\n"
        for i in 0..<people {
            ppl += "person-\(i),Person \(i),org-\(i % organizations),Role,p\(i)@example.org,555-\(i)\n"
        }
        put("people.csv", ppl)
        var ties = "source,target,kind,strength,last_contact,note\n"
        var x: UInt64 = 12_345
        for i in 0..<organizations {
            for _ in 0..<3 {
                x = x &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                let j = Int((x >> 33) % UInt64(organizations))
                if j != i { ties += "org-\(i),org-\(j),knows,\(1 + Int(x >> 60) % 4),2026-01-01,note \(i)\n" }
            }
        }
        ties += "lib,org-0,partnered,4,2026-01-01,\n"
        put("relationships.csv", ties)
    }
}
