import Foundation
import Testing

/// `partnerkit survey` end to end, on the sample workspace and on scratch copies of it.
@Suite struct SurveyCLITests {
    static let sample = ["--workspace", "Data/sample", "--as-of", "2026-11-29"]

    /// A copy of the sample workspace (with its surveys.csv replaced when `surveys` is given).
    static func sampleCopy(surveys: String? = nil) -> Scratch {
        let s = Scratch()
        let dir = CLI.repositoryRoot + "/Data/sample"
        for f in (try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? [] where !f.hasPrefix(".") {
            if let text = try? String(contentsOfFile: dir + "/" + f, encoding: .utf8) {
                s.write("w/" + f, text)
            }
        }
        if let surveys { s.write("w/surveys.csv", surveys) }
        return s
    }

    @Test func resultsJSONOnTheSampleHasTheContractKeys() throws {
        let r = CLI.run(["survey", "results", "--format", "json"] + Self.sample)
        #expect(r.status == 0, "\(r.stderr)")
        let root = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let list = try #require(root["partnerships"] as? [[String: Any]])
        #expect(list.count >= 4)
        for p in list {
            #expect(p["id"] is String)
            #expect(p["respondents"] is [String: Int])
            #expect(p["trend"] is [[String: Any]])
            for f in try #require(p["factors"] as? [[String: Any]]) {
                #expect(f["factor"] is String && f["by_party"] is [String: Any] && f["flagged"] is Bool)
                #expect(f.keys.contains("mean") && f.keys.contains("band") && f.keys.contains("gap"))
            }
        }
        // The partnership where the partner sees things very differently is flagged on shared power.
        let hub = try #require(list.first { $0["id"] as? String == "job-hub" })
        let power = try #require(
            (hub["factors"] as? [[String: Any]])?.first { $0["factor"] as? String == "shared_power" })
        #expect(power["flagged"] as? Bool == true)
        #expect((power["gap"] as? Double ?? 0) >= 2)
        // Two rounds: a trend.
        #expect((hub["trend"] as? [Any])?.isEmpty == false)
        #expect((root["not_asked"] as? [String])?.contains("vita-tax-sites") == true)
    }

    @Test func resultsTextSpeaksPlainly() {
        let r = CLI.run(["survey", "results", "job-hub"] + Self.sample)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("Harbor Region Workforce Development Council rates shared power"))
        #expect(r.stdout.contains("talk about who decides"))
        #expect(r.stdout.contains("Since 2026-Q3:"))
        #expect(r.stdout.contains("Only one person answered for Bayview Community College"))
        #expect(!r.stdout.contains("senior-tech-tutors"))
    }

    @Test func noEmailOrRespondentInAnySurveyOutput() throws {
        let people = try String(
            contentsOfFile: CLI.repositoryRoot + "/Data/sample/people.csv", encoding: .utf8)
        let emails = people.split(separator: "\n").flatMap { $0.split(separator: ",") }.filter {
            $0.contains("@")
        }
        #expect(!emails.isEmpty)
        var outputs: [String] = []
        for f in ["text", "json", "markdown"] {
            outputs.append(CLI.run(["survey", "results", "--format", f] + Self.sample).stdout)
        }
        for f in ["markdown", "html", "csv"] {
            outputs.append(CLI.run(["survey", "form", "money-clinic", "--format", f] + Self.sample).stdout)
        }
        for out in outputs {
            #expect(!out.isEmpty)
            for e in emails { #expect(!out.contains(e)) }
            for id in ["lib-1", "cu-2", "wdc-3", "sd-1"] {
                #expect(!out.contains(id), "respondent \(id) printed")
            }
        }
    }

    @Test func formCSVPastedIntoSurveysIsClean() {
        let form = CLI.run(["survey", "form", "money-clinic", "--format", "csv"] + Self.sample)
        #expect(form.status == 0)
        let rows = form.stdout.split(separator: "\r\n").map(String.init)
        #expect(rows.count == 1 + 2 * 20)
        let filled = rows.enumerated().map {
            $0.offset == 0 ? $0.element : $0.element.replacingOccurrences(of: ",,", with: ",4,")
        }
        let s = Self.sampleCopy(surveys: filled.joined(separator: "\n") + "\n")
        let check = CLI.run(["check", "--workspace", s.path + "/w"])
        #expect(check.status == 0, "\(check.stderr)")
        let results = CLI.run([
            "survey", "results", "money-clinic", "--workspace", s.path + "/w", "--as-of", "2026-11-29",
        ])
        #expect(results.stdout.contains("First round: no trend yet."))
    }

    @Test func badAnswersFailCheckWithEveryLine() {
        let s = Self.sampleCopy(
            surveys: """
                partnership,respondent,party,item,rating,date
                money-clinc,lib-1,library,power-together,4,2026-10-01
                money-clinic,lib-1,ferries,power-together,4,2026-10-01
                money-clinic,lib-1,library,power-togeter,4,2026-10-01
                money-clinic,lib-1,library,power-together,7,2026-10-01
                money-clinic,lib-1,library,power-together,4,2026-10-01
                money-clinic,lib-1,library,power-together,5,2026-10-09

                """)
        let r = CLI.run(["check", "--workspace", s.path + "/w"])
        #expect(r.status == 1)
        let w = s.path + "/w/surveys.csv"
        #expect(
            r.stderr.contains("\(w):2: error: partnership: \"money-clinc\" is not an id in partnerships.json")
        )
        #expect(r.stderr.contains("hint: did you mean \"money-clinic\"?"))
        #expect(r.stderr.contains("\(w):3: error: party: \"ferries\" is not a party to money-clinic"))
        #expect(r.stderr.contains("\(w):4: error: item: \"power-togeter\""))
        #expect(r.stderr.contains("hint: did you mean \"power-together\"?"))
        #expect(r.stderr.contains("\(w):5: error: rating: 7 is outside the scale 1 to 5"))
        #expect(r.stderr.contains("\(w):7: error: duplicate answer"))
        // Every other command refuses the broken workspace too.
        let results = CLI.run(["survey", "results", "--workspace", s.path + "/w"])
        #expect(results.status == 1)
    }

    @Test func formHTMLIsAPage() {
        let r = CLI.run(["survey", "form", "job-hub", "--format", "html"] + Self.sample)
        #expect(r.status == 0)
        #expect(r.stdout.hasPrefix("<!DOCTYPE html>"))
        #expect(r.stdout.contains("Harbor Region Workforce Development Council"))
        #expect(r.stdout.contains("Important decisions are made together"))
        #expect(!r.stdout.contains("<script"))
    }

    @Test func formOutNeverOverwritesWithoutForce() {
        let s = Scratch()
        let out = s.path + "/form.html"
        let args = ["survey", "form", "money-clinic", "--format", "html", "--out", out] + Self.sample
        #expect(CLI.run(args).status == 0)
        #expect(s.read("form.html")?.hasPrefix("<!DOCTYPE html>") == true)
        s.write("form.html", "mine")
        #expect(CLI.run(args).status == 1)
        #expect(s.read("form.html") == "mine")
        #expect(CLI.run(args + ["--force"]).status == 0)
        #expect(s.read("form.html")?.hasPrefix("<!DOCTYPE html>") == true)
    }

    @Test(
        arguments: [
            (["survey"], 2), (["survey", "forms"], 2), (["survey", "form"], 2),
            (["survey", "form", "money-clinic", "--format", "json"], 2),
            (["survey", "results", "--format", "html"], 2), (["survey", "results", "--out", "x"], 2),
            (["survey", "form", "no-such"], 1), (["survey", "results", "money-clinik"], 1),
        ] as [([String], Int32)])
    func misuseAndUnknownIDs(args: [String], status: Int32) {
        let r = CLI.run(args + Self.sample)
        #expect(r.status == status, "\(args): \(r.stderr)")
        #expect(!r.stderr.isEmpty)
        if args.contains("money-clinik") { #expect(r.stderr.contains("did you mean \"money-clinic\"?")) }
    }
}
