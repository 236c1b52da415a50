import Foundation
import Testing

/// The health survey in `partnerkit review`, end to end on the sample workspace.
@Suite struct ReviewSurveyCLITests {
    static let sample = ["--workspace", "Data/sample", "--as-of", "2026-11-29"]

    @Test func theTextReviewSetsThePartnersViewBesideTheRecords() {
        let r = CLI.run(["review"] + Self.sample)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("WHAT THE PARTNERS SAY (HEALTH SURVEY, 2026-Q3 AND 2026-Q4)"))
        // The job hub: the records say decisions are shared, the workforce council does not.
        #expect(
            r.stdout.contains(
                "Harbor Job Hub at Central Library — records: amber, Collaborate 4.4; survey 2026-Q4"))
        #expect(
            r.stdout.contains(
                "The records say final decisions are shared (Collaborate) and the library rates it 4.2, but Harbor Region Workforce Development Council rates shared power 1.7: talk about who decides."
            ))
        #expect(r.stdout.contains("health survey 2026-Q4: seen differently: shared power"))
        #expect(
            r.stdout.contains("    - Free tax preparation at three branches (vita-tax-sites): never asked\n"))
        #expect(r.stdout.contains("talk with Harbor Region Workforce Development Council about who decides"))
    }

    @Test func theJSONReviewHasTheSurveyKeys() throws {
        let r = CLI.run(["review", "--format", "json"] + Self.sample)
        #expect(r.status == 0, "\(r.stderr)")
        let root = try #require(CLI.json(r) as? [String: Any])
        let top = try #require(root["survey"] as? [String: Any])
        #expect(top["since"] as? String == "2026-Q3" && top["through"] as? String == "2026-Q4")
        #expect((top["asked"] as? [String])?.contains("job-hub") == true)
        let notAsked = try #require(top["not_asked"] as? [[String: Any]])
        #expect(notAsked.contains { $0["id"] as? String == "vita-tax-sites" && $0["last_asked"] is NSNull })
        let list = try #require(root["partnerships"] as? [[String: Any]])
        let hub = try #require(list.first { $0["id"] as? String == "job-hub" })
        let survey = try #require(hub["survey"] as? [String: Any])
        #expect(survey["asked"] as? Bool == true && survey["round"] as? String == "2026-Q4")
        #expect(survey["respondents"] is [String: Int] && survey["factors"] is [[String: Any]])
        let findings = try #require(survey["findings"] as? [[String: Any]])
        let first = try #require(findings.first)
        #expect(first["kind"] as? String == "records_disagree")
        #expect(first["factor"] as? String == "shared_power" && first["records_met"] as? Bool == true)
        #expect(first["party"] as? String == "workforce-council")
        let records = try #require(survey["records"] as? [[String: Any]])
        #expect(records.contains { $0["factor"] as? String == "shared_power" && $0["met"] as? Bool == true })
        let actions = try #require(root["actions"] as? [[String: Any]])
        #expect(
            actions.contains {
                $0["group"] as? String == "discuss" && $0["partnership"] as? String == "job-hub"
            })
        let vita = try #require(list.first { $0["id"] as? String == "vita-tax-sites" })
        #expect((vita["survey"] as? [String: Any])?["asked"] as? Bool == false)
    }

    @Test func noEmailOrRespondentInAnyReviewFormat() throws {
        let people = try String(
            contentsOfFile: CLI.repositoryRoot + "/Data/sample/people.csv", encoding: .utf8)
        let contacts = people.split(separator: "\n").flatMap { $0.split(separator: ",") }.filter {
            $0.contains("@")
        }
        let surveys = try String(
            contentsOfFile: CLI.repositoryRoot + "/Data/sample/surveys.csv", encoding: .utf8)
        let respondents = Set(
            surveys.split(separator: "\n").dropFirst().compactMap { line in
                line.split(separator: ",", omittingEmptySubsequences: false).dropFirst().first.map(
                    String.init)
            })
        #expect(!contacts.isEmpty && respondents.count > 10)
        let s = Scratch()
        var outputs: [String: String] = [:]
        for f in ["text", "json", "markdown"] {
            outputs[f] = CLI.run(["review", "--format", f] + Self.sample).stdout
        }
        let html = CLI.run(["review", "--html", s.path + "/review.html"] + Self.sample)
        #expect(html.status == 0, "\(html.stderr)")
        outputs["html"] = s.read("review.html")
        for (format, out) in outputs {
            #expect(out.contains("health survey") || out.contains("\"survey\""), "\(format)")
            for e in contacts { #expect(!out.contains(e), "\(e) in the \(format) review") }
            for id in respondents {
                // Respondent ids are like "lib-1" or "wdc-3": never printed, also not in a word.
                #expect(
                    !out.contains("\"\(id)\"") && !out.contains(" \(id) ") && !out.contains(" \(id),"),
                    "respondent \(id) in the \(format) review")
            }
        }
        #expect(outputs["html"]?.contains("<section class=\"survey\">") == true)
        #expect(
            outputs["markdown"]?.contains("## What the partners say (health survey, 2026-Q3 and 2026-Q4)")
                == true)
    }
}
