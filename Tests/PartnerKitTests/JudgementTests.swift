import Foundation
import Testing

@testable import PartnerKit

/// One test per bullet of issue 15 ("Judgement a manager can trust"), each on a small fixture
/// and asserting on data (groups, codes, bands, counts) where the principle allows.
@Suite struct JudgementTests {
    static let asOf = SpectrumFixture.asOf
    static let quarter = Quarter(year: 2026, number: 4)

    static func grantPartner() -> Rubric? {
        RubricReader.load(path: repositoryRoot + "/Rubrics/grant-partner.json", sink: DiagnosticSink())
    }

    static func mini(_ overrides: [String: String?] = [:]) -> (Workspace?, TemporaryFolder) {
        let (result, folder) = MiniWorkspace.load(overrides)
        return (result.workspace, folder)
    }

    // MARK: Risk first

    @Test func aDealbreakerPlacementHasExactlyOneNextStep() {
        var p = Partnership(id: "s", title: "Sponsorship", partners: ["broker"], status: .proposed)
        p.partnerPays = 5000
        p.contributions = [.init(party: "library", kind: .promotion), .init(party: "broker", kind: .funding)]
        let placement = SpectrumFixture.place(p)
        #expect(placement.nextSteps.count == 1)
        #expect(placement.nextSteps.first?.hasPrefix("Resolve the dealbreaker or decline") == true)
        #expect(placement.dealbreakerPartners == ["broker"])
        // No direction up the spectrum is named beside "resolve or decline".
        let text = SpectrumReport.text([placement], rubric: SpectrumFixture.rubric("spectrum-iap2"))
        #expect(placement.edgingToward == nil || !text.contains("edging toward"))
        // The same plan with a clean partner gets the ordinary list of fixes.
        p.partners = ["vendor"]
        p.contributions[1].party = "vendor"
        #expect(SpectrumFixture.place(p).nextSteps.count > 1)
    }

    /// Two organizations alike but for `flags`: "cu" checked and clean (`none`), "wf" not
    /// checked (empty), vetted against the grant-partner rubric.
    static func checkedAndUnchecked() throws -> (engine: ScoringEngine, rubric: Rubric) {
        let orgs = """
            id,name,topics,audiences,offers,needs,flags,staff_fte,annual_budget
            cu,Harbor Credit Union,employment,job-seekers,financial-expertise,meeting-space,none,40,1200000
            wf,Workforce Council,employment,job-seekers,financial-expertise,meeting-space,,40,1200000
            """
        let (w, _) = Self.mini(["organizations.csv": orgs])
        let workspace = try #require(w)
        let rubric = try #require(Self.grantPartner())
        return (ScoringEngine(workspace: workspace, rubric: rubric, asOf: Self.asOf), rubric)
    }

    @Test func flagsNoneMeansCheckedAndCleanAndEmptyMeansNotChecked() throws {
        let (engine, _) = try Self.checkedAndUnchecked()
        let checked = try #require(engine.vet("cu"))
        let unchecked = try #require(engine.vet("wf"))
        func ok(_ v: Vetting, _ check: Vetting.Check.Code) -> Bool? {
            v.readiness.first { $0.check == check }?.ok
        }
        #expect(ok(checked, .noDealbreaker) == true)
        #expect(ok(unchecked, .noDealbreaker) == false)
        // Completeness and confidence tell the same story as the dealbreaker check.
        #expect(!checked.missing.contains { $0.contains("dealbreaker") })
        #expect(unchecked.missing.contains { $0.contains("dealbreaker") })
        #expect(ok(unchecked, .dataComplete) == false)
        #expect(checked.candidate.confidence >= unchecked.candidate.confidence)
    }

    // MARK: No contradictions

    @Test func meetingTheMinimumsNeverHidesAWeakDimension() throws {
        let rubric = try #require(Self.grantPartner())
        let w = try #require(HeldOutJudgement.workspace())
        let engine = ScoringEngine(workspace: w, rubric: rubric, asOf: Self.asOf)
        var seen = 0
        for o in w.organizations {
            let v = try #require(engine.vet(o.id))
            guard let minimums = v.readiness.first(where: { $0.check == .minimumsMet }), minimums.ok else {
                continue
            }
            for (d, band) in zip(v.candidate.dimensions, v.bands) where band == .concern {
                seen += 1
                #expect(
                    minimums.detail.contains(d.dimension.label.lowercased()), "\(o.id): \(minimums.detail)")
            }
        }
        #expect(seen > 0, "the fixture has an organization that meets the minimums with a weak dimension")
    }

    @Test func noDirectTieButAWarmPathSaysTheWarmPath() throws {
        let (w, _) = Self.mini()
        let workspace = try #require(w)
        let rubric = try #require(Self.grantPartner())
        let engine = ScoringEngine.withWarmPaths(workspace: workspace, rubric: rubric, asOf: Self.asOf)
        let v = try #require(engine.vetWithWarmPaths("wf"))
        #expect(v.ties.isEmpty)
        #expect(v.warmPathVia.contains("Harbor Credit Union"))
        let text = ScoreRendering.text(v, rubric: rubric.name, asOf: Self.asOf)
        #expect(!text.contains("no recorded tie"))
        #expect(text.contains("warm path through Harbor Credit Union"))
    }

    @Test func unknownCapacityLowersConfidenceNotTheBand() throws {
        let orgs = """
            id,name,topics,audiences,offers,needs,flags,staff_fte,annual_budget,volunteers,reply_days
            cu,Big Shipyard,employment,job-seekers,financial-expertise,meeting-space,none,700,,,
            wf,Nothing Recorded,employment,job-seekers,financial-expertise,meeting-space,none,,,,
            """
        let (w, _) = Self.mini(["organizations.csv": orgs])
        let workspace = try #require(w)
        let rubric = try #require(Self.grantPartner())
        let engine = ScoringEngine(workspace: workspace, rubric: rubric, asOf: Self.asOf)
        let big = try #require(engine.vet("cu"))
        let none = try #require(engine.vet("wf"))
        let k = Dimension.capacity.index
        #expect(big.bands[k] != .concern)
        #expect(big.candidate.dimensions[k].known < 1)
        #expect(none.bands[k] == .unknown)
        // An unknown dimension is not listed as weak beside the minimums.
        let detail = none.readiness.first { $0.check == .minimumsMet }?.detail ?? ""
        #expect(!detail.contains("capacity ("))
    }

    @Test func theReviewCountsQuietTiesOnceByTheNetworksRule() throws {
        let w = try #require(HeldOutJudgement.workspace())
        let r = HeldOutJudgement.review(w)
        let stale = RelationshipGraph(workspace: w).staleTies(
            asOf: Self.asOf, days: 180, strongStrength: 3, logged: w.loggedContacts())
        #expect(r.quietTies.count == stale.count)
        #expect(r.quietTies.count == 2)
        // The sample's renew advice counts the library's own quiet ties and the network's,
        // each once, by the network's rule.
        let (sample, sw) = try Self.sampleReview()
        let own = sample.quietTies.count { $0.a == sw.library.id || $0.b == sw.library.id }
        let renew = try #require(sample.actions.first { $0.group == .renewTie })
        #expect(
            renew.text.contains(
                "library's own \(own) strong ties gone quiet; \(sample.quietTies.count) across"))
    }

    /// One tie, one way of saying how strong it is: the text says the scale's words, and the
    /// numbers (the tie's 3 of 4, its worth after the recency discount, the path's 0.75 of 1)
    /// are behind --explain, where each is named for what it is.
    @Test func vetSaysTieStrengthInWordsAndTheNumbersOnlyWhenAsked() throws {
        let result = WorkspaceLoader.load(
            directory: repositoryRoot + "/Data/sample", defaultVocabulary: toolkitVocabulary)
        let w = try #require(result.workspace)
        let rubric = try #require(Self.grantPartner())
        let engine = ScoringEngine.withWarmPaths(workspace: w, rubric: rubric, asOf: Self.asOf)
        let v = try #require(engine.vetWithWarmPaths("seaside-seniors"))
        let plain = ScoreRendering.text(v, rubric: rubric.name, asOf: Self.asOf)
        let explained = ScoreRendering.text(v, rubric: rubric.name, asOf: Self.asOf, explain: true)
        let relationship = try #require(plain.components(separatedBy: "\nRelationship:\n").last)
        #expect(
            relationship.contains(
                "trusted tie (partnered) between Harbor City Public Library and Seaside Senior Center"))
        #expect(
            relationship.contains("Harbor City Public Library → Seaside Senior Center (direct: trusted)"),
            "\(relationship)")
        for number in ["of 4", "of a full relationship", "of 1:"] {
            #expect(!plain.contains(number), "\(number) in \(plain)")
            #expect(explained.contains(number), "\(number) missing from \(explained)")
        }
        #expect(explained.contains("strength 3 of 4, worth 0.4"))
        #expect(
            explained.contains("strength 0.75 of 1: Harbor City Public Library → Seaside Senior Center\n"))
    }

    /// One last contact per partner: the sample's tie with Seaside Senior Center says
    /// 2026-04-10, the tutoring partnership's log says 2026-05-12. The review's quiet ties, the
    /// network's nudge list and the partnership's own line all use the later date.
    @Test func aQuietTieCountsContactLoggedInAPartnership() throws {
        let (sample, w) = try Self.sampleReview()
        let tutors = try #require(sample.partnerships.first { $0.id == "senior-tech-tutors" })
        #expect(tutors.lastContact == Day("2026-05-12"))
        let tie = try #require(
            sample.quietTies.first { $0.a == "seaside-seniors" || $0.b == "seaside-seniors" })
        #expect(tie.lastContact == Day("2026-05-12"))
        let summary = NetworkSummary(workspace: w, asOf: Self.asOf)
        let nudge = try #require(
            summary.staleTies.first { $0.source == "seaside-seniors" || $0.target == "seaside-seniors" })
        #expect(nudge.lastContact == Day("2026-05-12"))
        // Without the logs the tie's own date stands: the rule is what moved it.
        let bare = RelationshipGraph(workspace: w).staleTies(asOf: Self.asOf, days: 180)
        #expect(
            bare.first { $0.source == "seaside-seniors" || $0.target == "seaside-seniors" }?.lastContact
                == Day("2026-04-10"))
        #expect(w.loggedContacts()[TiePair("seaside-seniors", w.library.id)] == Day("2026-05-12"))
        // The lunch partnership had two partners: its log says nothing about which one, so the
        // library's tie with the food bank keeps its own date.
        #expect(w.loggedContacts()[TiePair("tidewater-food-bank", w.library.id)] == nil)
        #expect(
            sample.quietTies.contains {
                TiePair($0.a, $0.b) == TiePair("hcpl", "tidewater-food-bank")
                    && $0.lastContact == Day("2025-08-29")
            })
    }

    /// One thing, said once: a partner a repair already says to get in touch with (the
    /// tutoring lab, 273 days quiet) is not also the "contact to renew" among the first five;
    /// nor is a seasonal partner between seasons, whose quiet the review calls expected.
    @Test func aPartnerAlreadyToldToGetInTouchIsNotAlsoAContactToRenew() throws {
        let w = try #require(HeldOutJudgement.workspace())
        let r = HeldOutJudgement.review(w)
        #expect(
            r.actions.contains { $0.partnership == "tutoring-lab" && $0.advice.hasPrefix("Get in touch") })
        for a in r.actions where a.group == .renewTie {
            #expect(!a.organizations.contains("tutors"), "\(a.text)")
            #expect(!a.organizations.contains("taxaid"), "\(a.text)")
        }
        // On the sample, the longest-quiet tie (Tidewater Food Bank) is no partner's repair: kept.
        let (sample, _) = try Self.sampleReview()
        #expect(sample.actions.first { $0.group == .renewTie }?.organizations == ["tidewater-food-bank"])
    }

    /// Between seasons, quiet is expected, unless the work has drifted: then the review never
    /// says both "quiet now is expected" and "drifted", and the drift says why (the work due
    /// before the next season is not done).
    @Test func aDriftBetweenSeasonsNeverAlsoSaysQuietIsExpected() throws {
        let (r, w) = try Self.sampleReview()
        let tax = try #require(r.partnerships.first { $0.id == "vita-tax-sites" })
        let drift = try #require(tax.drift)
        #expect(!drift.contains("expected"))
        #expect(drift.contains("work due before the next season is not done"))
        let text = ReviewReport(review: r, workspace: w).text
        let block =
            text.components(separatedBy: "\n\n").first {
                $0.contains("Free tax preparation at three branches —")
            } ?? ""
        #expect(block.contains("drifted"))
        #expect(!block.contains("expected"))
    }

    @Test func theDirectionNamedAgreesWithTheStepsGiven() {
        let levels = SpectrumFixture.rubric("spectrum-iap2").levels
        let named = levels.map { (id: $0.id, name: $0.name) }
        var checked = 0
        for decisions in [Partnership.Decisions.library, .shared, .partner] {
            for input in [Partnership.PartnerInput.none, .feedback, .ongoing] {
                for co in [false, true] {
                    let p = SpectrumFixture.place(
                        SpectrumFixture.signals(decisions: decisions, input: input, coDesigned: co))
                    let phrase = SpectrumReport.levelPhrase(
                        levelName: p.levelName, position: p.position, edgingToward: p.edgingToward,
                        levels: named)
                    for l in levels where phrase.contains("edging toward \(l.name)") {
                        #expect(l.position > p.position, "\(phrase)")
                        checked += 1
                    }
                    for step in p.nextSteps {
                        for l in levels where step.contains("toward \(l.name)") {
                            #expect(l.position > p.position, "\(p.levelName) \(p.position): \(step)")
                        }
                    }
                }
            }
        }
        #expect(checked > 0)
    }

    // MARK: Advice that fits the work

    /// A seasonal partnership, red last quarter, quiet since its season ended.
    static func seasonal(season: Bool) -> Partnership {
        var p = SpectrumFixture.completePlan()
        if season { p.season = .init(from: (1, 15), to: (4, 30)) }
        p.communication = .init(
            cadenceDays: 14, log: [Day("2026-02-01"), Day("2026-04-20")].compactMap { $0 })
        p.milestones = [.init(title: "Season closes", due: Day("2026-04-30"), done: Day("2026-04-30"))]
        return p
    }

    @Test func aQuietOffSeasonIsNeverToldToPause() throws {
        let previous = ReviewSnapshot(
            quarter: Quarter(year: 2026, number: 3),
            partnerships: [.init(id: "clinic", health: .red, level: "collaborate", position: 4.4)],
            coverage: [:],
            ties: nil, file: "reviews/2026-Q3.json")
        let off = try #require(
            ReviewTests.review([Self.seasonal(season: true)], previous: previous).partnerships.first)
        #expect(off.inSeason == false)
        #expect(off.suggestion.kind != .pause && off.suggestion.kind != .end)
        #expect(off.health != .red)
        #expect(!off.issues.contains { $0.code == .communicationOverdue })
        // Without a season the same silence is real, and red two quarters running pauses it.
        let plain = try #require(
            ReviewTests.review([Self.seasonal(season: false)], previous: previous).partnerships.first)
        #expect(plain.suggestion.kind == .pause)
    }

    @Test func aHighPlacementLongQuietSaysDrift() throws {
        var quiet = SpectrumFixture.completePlan()
        quiet.communication = .init(cadenceDays: 30, log: [Day("2026-03-01")].compactMap { $0 })
        let h = try #require(ReviewTests.health(quiet))
        #expect(h.position >= 3.5)
        #expect(h.drift != nil)
        #expect(h.suggestion.kind == .repair)
        let recent = try #require(ReviewTests.health(SpectrumFixture.completePlan()))
        #expect(recent.drift == nil)
    }

    @Test func theOneThingToFixFirstIsNeverBookkeepingWhileTheWorkNeedsAFix() throws {
        var p = SpectrumFixture.completePlan()
        p.goals[0].priority = nil
        p.exitPlan = nil
        p.roles = []
        let r = ReviewTests.review([p])
        let h = try #require(r.partnerships.first)
        #expect(h.health == .amber)
        #expect(h.issues.contains { $0.code == .readiness(.priorityLink) && $0.bookkeeping })
        let repair = try #require(r.actions.first { $0.group == .repair })
        #expect(!repair.text.lowercased().contains("priority"))
        #expect(r.actions.contains { $0.group == .bookkeeping && $0.partnership == "clinic" })
    }

    @Test func aGoalWithMetricTargetAndDateButNoPriorityIsSmartButUnlinked() {
        var p = SpectrumFixture.completePlan()
        p.goals[0].priority = nil
        let placement = SpectrumFixture.place(p)
        #expect(placement.readiness.first { $0.check == .smartGoals }?.ok == true)
        #expect(placement.readiness.first { $0.check == .priorityLink }?.ok == false)
    }

    @Test func aMetGoalIsCreditedInTheReviewAndTheSpectrum() throws {
        var p = SpectrumFixture.completePlan()
        p.goals[0].due = Day("2026-11-01")
        p.goals[0].achieved = 120
        let h = try #require(ReviewTests.health(p))
        #expect(h.goals.first?.met == true)
        #expect(!h.issues.contains { $0.code == .goalMissed || $0.code == .goalUnreported })
        #expect(SpectrumFixture.place(p).readiness.first { $0.check == .goalResults }?.ok == true)
        p.goals[0].achieved = 80
        let missed = try #require(ReviewTests.health(p))
        #expect(missed.issues.contains { $0.code == .goalMissed })
        #expect(SpectrumFixture.place(p).readiness.first { $0.check == .goalResults }?.ok == false)
    }

    @Test func prioritiesAndAudiencesAreCountedByTheSameRule() throws {
        let partnerships = """
            { "partnerships": [
              { "id": "a", "title": "Shared work, nothing declared", "partners": ["wf"], "status": "active",
                "contributions": [ { "party": "lib", "kind": "space" }, { "party": "wf", "kind": "staff" } ] },
              { "id": "b", "title": "Newsletter swap", "partners": ["wf"], "status": "active",
                "contributions": [ { "party": "lib", "kind": "promotion" }, { "party": "wf", "kind": "promotion" } ] },
              { "id": "c", "title": "Declared", "partners": ["cu"], "status": "active",
                "goals": [ { "text": "x", "priority": "work" } ], "audiences": ["families"],
                "contributions": [ { "party": "lib", "kind": "space" }, { "party": "cu", "kind": "staff" } ] } ] }
            """
        let (w, _) = Self.mini(["partnerships.json": partnerships])
        let workspace = try #require(w)
        let r = ReviewEngine.review(
            workspace: workspace, spectrum: SpectrumFixture.rubric("spectrum-iap2"), quarter: Self.quarter,
            asOf: Self.asOf, previous: nil)
        let work = try #require(r.coverage.first { $0.priority == "work" })
        #expect(work.byGoal == ["c"])
        #expect(work.byTopic == ["a"])
        let seekers = try #require(r.audiences.first { $0.tag == "job-seekers" })
        #expect(seekers.partnerships == ["a"])
        #expect(seekers.viaPartners == ["a"])
    }

    @Test func aFundersSupportIsPartOfItsExplanation() throws {
        let w = try #require(HeldOutJudgement.workspace())
        let rubric = try #require(Self.grantPartner())
        let engine = ScoringEngine(workspace: w, rubric: rubric, asOf: Self.asOf)
        let v = try #require(engine.vet("fund"))
        let support = try #require(v.candidate.support)
        #expect(support.funderTieStrength == 4)
        #expect(v.candidate.reasons.contains { $0.hasPrefix(ScoringEngine.funderPrefix) })
        let text = ScoreRendering.text(v, rubric: rubric.name, asOf: Self.asOf)
        #expect(text.contains("Already supports the library: a funder of the library"))
        #expect(text.contains("not the value of its support"))
        // An organization that gives nothing carries no support note.
        #expect(try #require(engine.vet("readers")).candidate.support == nil)
    }

    @Test func datedAdviceIsRankedByItsDateWithinItsUrgency() {
        let d1 = Day("2026-12-01"), d2 = Day("2027-01-15")
        let list = [
            Recommendation(group: .repair, text: "undated repair", why: "", urgency: .soon),
            Recommendation(group: .repair, text: "later date", why: "", urgency: .soon, deadline: d2),
            Recommendation(group: .uncoveredPriority, text: "priority", why: "", urgency: .soon),
            Recommendation(group: .repair, text: "earlier date", why: "", urgency: .soon, deadline: d1),
            Recommendation(group: .repair, text: "red", why: "", urgency: .now, deadline: d2),
            Recommendation(group: .dealbreaker, text: "dealbreaker", why: "", urgency: .now),
        ]
        #expect(
            Recommendation.ordered(list).map(\.text) == [
                "dealbreaker", "red", "earlier date", "later date", "undated repair", "priority",
            ])
    }

    @Test func anOffSeasonRepairIsDatedByTheNextSeason() throws {
        var p = Self.seasonal(season: true)
        p.exitPlan = nil
        p.roles = []
        let h = try #require(ReviewTests.health(p))
        #expect(h.suggestion.kind == .repair)
        #expect(h.suggestion.deadline == Day("2027-01-15"))
    }

    // MARK: Plain words

    @Test func labelsReadNaturallyInsideASentence() {
        #expect(midSentence("Sells or brokers personal data") == "sells or brokers personal data")
        #expect(midSentence("LGBTQ+ people") == "LGBTQ+ people")
        #expect(midSentence("STEM") == "STEM")
        #expect(midSentence("Spanish speakers") == "Spanish speakers")
        #expect(midSentence("already lower") == "already lower")
    }

    @Test func countsAgreeWithTheirNoun() {
        #expect(counted(1, "organization") == "1 organization")
        #expect(counted(2, "organization") == "2 organizations")
        #expect(counted(0, "day") == "0 days")
        let card = Scorecard(rubric: "partner-fit", asOf: Self.asOf, considered: 1, candidates: [])
        #expect(ScoreRendering.markdown(card).contains("0 of 1 organization."))
    }

    // MARK: Titles quoted in a line

    /// A title cut to fit a line is cut between words, never leaving a fragment of a word; one
    /// that fits is unchanged; a single long word (no space to cut at) is cut at a character;
    /// accents and emoji count as one character each and are never split.
    @Test(arguments: [
        ("90% of kindergartners hold an active card by October", "90% of kindergartners hold an active…"),
        ("Help seniors use their phones and tablets with confidence", "Help seniors use their phones and…"),
        ("12,000 photographs online with descriptions", "12,000 photographs online with…"),
        // Exactly at the limit, and one under: unchanged.
        (String(repeating: "a", count: 40), String(repeating: "a", count: 40)),
        ("Four talks a year", "Four talks a year"),
        // The cut falls on a space: the whole last word stays.
        ("10 adults reading with a partner every week", "10 adults reading with a partner every…"),
        // Punctuation before the cut is dropped, not left dangling before "…".
        ("Phase 2: museum glass plates, photographs, maps", "Phase 2: museum glass plates…"),
        // No space at all: a character cut is the only one possible.
        (String(repeating: "x", count: 50), String(repeating: "x", count: 39) + "…"),
        // Non-ASCII: grapheme clusters, cut between words.
        ("Niños y familias leen juntos en la biblioteca cada sábado", "Niños y familias leen juntos en la…"),
        ("港湾市立図書館友の会と地域学習支援センター協議会の共同事業による多言語読書会の開催", "港湾市立図書館友の会と地域学習支援センター協議会の共同事業による多言語読書会の…"),
        ("Read 👩🏽‍🏫 together: 👨‍👩‍👧‍👦 family nights for every branch", "Read 👩🏽‍🏫 together: 👨‍👩‍👧‍👦 family nights for…"),
    ])
    func titlesAreCutBetweenWords(_ title: String, _ expected: String) {
        let cut = shortened(title)
        #expect(cut == expected)
        #expect(cut.count <= 40)
        if cut != title {
            // What is kept is the title's beginning, ending at a word's end (or the limit).
            let kept = String(cut.dropLast())
            #expect(title.hasPrefix(kept))
            let after = title.dropFirst(kept.count).first
            #expect(after.map { $0.isWhitespace || $0.isPunctuation } ?? true || !title.contains(" "))
        }
    }

    @Test func theSampleQuotesNoTitleCutInsideAWord() throws {
        let r = try Self.sampleReview()
        let lines = ReviewReport(review: r.review, workspace: r.workspace).text
        for fragment in ["active ca…", "four circl…", "every …", "phones and table…", "with descript…"] {
            #expect(!lines.contains(fragment), "\(fragment)")
        }
        #expect(lines.contains("\"90% of kindergartners hold an active…\""))
        // The spectrum quotes titles with the same helper.
        let spectrum = SpectrumReport.text(
            r.workspace.partnerships.map {
                SpectrumEngine.place(
                    $0, workspace: r.workspace, rubric: SpectrumFixture.rubric("spectrum-iap2"),
                    asOf: Self.asOf)
            }, rubric: SpectrumFixture.rubric("spectrum-iap2"))
        #expect(spectrum.contains("(\"Help seniors use their phones and…\")"))
        #expect(!spectrum.contains("table…") && !spectrum.contains("descript…"))
    }

    // MARK: The why of an action

    static func sampleReview() throws -> (review: PortfolioReview, workspace: Workspace) {
        let result = WorkspaceLoader.load(
            directory: repositoryRoot + "/Data/sample", defaultVocabulary: toolkitVocabulary)
        let w = try #require(result.workspace)
        let scoring = try #require(
            RubricReader.load(path: repositoryRoot + "/Rubrics/partner-fit.json", sink: DiagnosticSink()))
        let r = ReviewEngine.fullReview(
            workspace: w, spectrum: SpectrumFixture.rubric("spectrum-iap2"), scoring: scoring,
            quarter: Self.quarter, asOf: Self.asOf, previous: nil)
        return (r, w)
    }

    /// The rule, checked on any review: a repair's why begins with the problem its advice
    /// mends, and lists no lesser gap in the plan (a readiness gap that is not the one fixed).
    static func expectWhyMatchesTheStep(_ r: PortfolioReview) {
        let health = Dictionary(
            (r.partnerships + r.proposed).map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        for a in r.actions where a.group == .repair && a.leadIn != nil {
            guard let id = a.partnership, let h = health[id] else { continue }
            let mended = h.issues.first { !$0.fix.isEmpty && a.advice.hasPrefix($0.fix) }
            #expect(mended != nil, "\(id): no issue's fix begins \"\(a.advice)\"")
            guard let mended else { continue }
            #expect(
                a.why.hasPrefix(mended.text), "\(id): why \"\(a.why)\" does not begin with \"\(mended.text)\""
            )
            for lesser in h.issues where !lesser.major && lesser != mended {
                #expect(!a.why.contains(lesser.text), "\(id): why lists the lesser gap \"\(lesser.text)\"")
            }
        }
    }

    /// Seaside Senior Center: the step is "get in touch", so the why is the 201-day silence;
    /// the tax coalition: the late season dates, not "no exit plan" beside them.
    @Test func theWhyOfAnActionIsTheReasonForThatStepFirst() throws {
        let (r, _) = try Self.sampleReview()
        Self.expectWhyMatchesTheStep(r)
        let seaside = try #require(r.actions.first { $0.partnership == "senior-tech-tutors" })
        #expect(seaside.advice.hasPrefix("Get in touch with Seaside Senior Center"))
        #expect(seaside.why.hasPrefix("contact is overdue: agreed every 30 days"))
        #expect(seaside.why.contains("201 days ago"))
        let tax = try #require(r.actions.first { $0.partnership == "vita-tax-sites" })
        #expect(tax.why.hasPrefix("\"2027 season dates agreed\" was due"))
        #expect(!tax.why.contains("exit plan"))
    }

    // MARK: Lead-ins are data

    /// The advice carries its lead-in ("repair first", "the one thing to fix first") as data:
    /// text and JSON show "lead-in: advice"; the page shows the advice alone, and never cuts a
    /// sentence at a colon that is part of the advice (a goal titled "Phase 2: Glass plates",
    /// a partner's survey rating).
    @Test func leadInsAreDataAndThePageShowsTheAdviceWhole() throws {
        let (r, w) = try Self.sampleReview()
        let seaside = try #require(r.partnerships.first { $0.id == "senior-tech-tutors" })
        #expect(seaside.suggestion.leadIn == .repairFirst)
        #expect(seaside.suggestion.text == "repair first: " + seaside.suggestion.advice)
        let tax = try #require(r.partnerships.first { $0.id == "vita-tax-sites" })
        #expect(tax.suggestion.leadIn == .fixFirst)
        for a in r.actions {
            #expect(a.text == (a.leadIn.map { "\($0.words): \(a.advice)" } ?? a.advice))
        }
        let page = ReviewHTML(report: ReviewReport(review: r, workspace: w)).page
        #expect(page.contains("Get in touch with Seaside Senior Center this week and log it."))
        #expect(!page.contains("</b>: Repair first:") && !page.contains("</b>: The one thing to fix first:"))
        // The conversations say what to do, not only the ratings after the colon.
        #expect(
            page.contains(
                "</b>: Talk with Harbor City Unified School District about the values behind the work"))
        let records = ReviewHTML.headline(
            "complete the records: link goal 1 (\"Phase 2: Glass plates\") to the library priority it serves."
        )
        #expect(records.head.hasPrefix("complete the records: link goal 1"))
    }

    // MARK: The biggest risk first, in spectrum's next steps

    /// A placement in trouble repairs before it moves up: the overdue contact first (talking
    /// comes first), then the overdue work, then "share the final decisions"; and a contact
    /// plan whose last contact is overdue is never shown with a tick.
    @Test func aPlacementInTroubleRepairsBeforeItMovesUp() throws {
        let (r, w) = try Self.sampleReview()
        _ = r
        let rubric = SpectrumFixture.rubric("spectrum-iap2")
        func place(_ id: String) throws -> Placement {
            let p = try #require(w.partnership(id))
            return SpectrumEngine.place(p, workspace: w, rubric: rubric, asOf: Self.asOf)
        }
        let seaside = try place("senior-tech-tutors")
        #expect(seaside.nextSteps.first?.hasPrefix("Get in touch with Seaside Senior Center") == true)
        #expect(
            seaside.nextSteps.dropFirst().first?.hasPrefix("Get \"Recruit two volunteer tutors\" done")
                == true)
        let jobHub = try place("job-hub")
        #expect(jobHub.nextSteps.first?.hasPrefix("Get \"Evening hours for commuters\" done") == true)
        // A healthy placement still leads with the step up.
        let clinic = try place("money-clinic")
        #expect(clinic.nextSteps.first?.hasPrefix("Hand over the lead") == true)
        // The number says its unit: "every 30 days", not "every 30".
        #expect(seaside.nextSteps.first?.hasSuffix("the plan is every 30 days") == true)
        let text = SpectrumReport.text([seaside], rubric: rubric)
        #expect(text.contains("    ! communication plan: contact every 30 days"))
        #expect(!text.contains("✓ communication plan: contact every 30 days; last contact 2026-05-12"))
    }

    /// Two commands, one story: a paused partnership whose milestones are late is "overdue" in
    /// spectrum as in the review (the archive's "Phase 2: museum glass plates"), never
    /// "none overdue", and spectrum's first step is the review's advice: decide whether to
    /// resume it or end it. Neither finishing the late work nor a step up comes before (both
    /// presume it resumes).
    @Test func spectrumAndReviewAgreeOnAPausedPartnershipsLateWork() throws {
        let (r, w) = try Self.sampleReview()
        let archive = try #require(r.partnerships.first { $0.id == "maritime-archive" })
        #expect(archive.issues.contains { $0.code == .milestoneOverdue })
        let p = try #require(w.partnership("maritime-archive"))
        let placement = SpectrumEngine.place(
            p, workspace: w, rubric: SpectrumFixture.rubric("spectrum-iap2"), asOf: Self.asOf)
        let milestones = try #require(placement.readiness.first { $0.check == .milestones })
        #expect(!milestones.ok)
        #expect(milestones.detail.contains("\"Phase 2: museum glass plates\""))
        let decide =
            "Decide with Harbor City Historical Society, Harbor Maritime Museum whether to resume it (and re-plan what is overdue) or end it gracefully"
        #expect(placement.nextSteps.first == decide, "\(placement.nextSteps)")
        #expect(
            archive.suggestion.text.lowercased().contains(decide.lowercased()), "\(archive.suggestion.text)")
        #expect(
            !placement.nextSteps.contains { $0.hasPrefix("Get \"") || $0.contains(" toward ") },
            "\(placement.nextSteps)")
        // No direction is named in words for it, in either command (the JSON keeps the fact).
        #expect(archive.edgingToward != nil && archive.namedEdging == nil)
        let spectrumText = SpectrumReport.text([placement], rubric: SpectrumFixture.rubric("spectrum-iap2"))
        #expect(!spectrumText.contains("edging toward"), "\(spectrumText)")
        // Nothing overdue: still the decision, without the re-planning.
        var quiet = p
        quiet.milestones = quiet.milestones.map {
            var m = $0; m.done = m.done ?? m.due; return m
        }
        let calm = SpectrumEngine.place(
            quiet, workspace: w, rubric: SpectrumFixture.rubric("spectrum-iap2"), asOf: Self.asOf)
        #expect(
            calm.nextSteps.first
                == "Decide with Harbor City Historical Society, Harbor Maritime Museum when to resume it, or end it gracefully",
            "\(calm.nextSteps)")
        // An active plan with the same late work gets the work done before any step up.
        var active = p
        active.status = .active
        let live = SpectrumEngine.place(
            active, workspace: w, rubric: SpectrumFixture.rubric("spectrum-iap2"), asOf: Self.asOf)
        let work = live.nextSteps.firstIndex { $0.hasPrefix("Get \"Phase 2: museum glass plates\" done") }
        let up = live.nextSteps.firstIndex { $0.contains(" toward ") }
        #expect(try #require(work) < #require(up), "\(live.nextSteps)")
    }
}
