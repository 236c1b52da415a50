// Fuzz entry points for every reader of user input. Built by `Fuzz/run.sh` with
// `swiftc -sanitize=fuzzer,address` together with the PartnerKit sources (one binary; the
// target is chosen with the FUZZ_TARGET environment variable). A crash, a hang past
// libFuzzer's timeout, or an address-sanitizer report is a bug: readers must turn any bytes
// into diagnostics.

import Foundation

/// Which reader this run exercises (FUZZ_TARGET): csv, json, workspace, proposal, vocabulary,
/// irs-bmf and import-csv (the two import readers, then the plan and the append), survey
/// (surveys.csv, and optionally a health-survey rubric after a 0x1E byte, then the results),
/// rubric (a scoring rubric), spectrum-rubric, chunked (organizations.csv read in parallel
/// chunks against the sequential reader), review-archive (a saved reviews/YYYY-Qn.json, then the
/// review that compares against it, rendered as text, JSON, Markdown and HTML).
let fuzzTarget: String = ProcessInfo.processInfo.environment["FUZZ_TARGET"] ?? "csv"

/// The files of a small fixed workspace that proposals (and survey answers) are read against.
let fuzzWorkspaceFiles: [String: [UInt8]] = {
    let files: [String: [UInt8]] = [
        "library.json": Array(
            #"{"id":"lib","name":"L","priorities":[{"id":"p","label":"P","topics":["t"]}],"values":["v"]}"#
                .utf8),
        "organizations.csv": Array(
            "id,name,values,offers,needs,staff_fte,reply_days\na,A,v,x,y,0,0\nb,B,,y,x,,\nc,C,v;w,,,1e300,\n"
                .utf8),
        "relationships.csv": Array(
            "source,target,strength,last_contact\nlib,a,4,2026-01-01\na,b,0.001,\n".utf8),
        "partnerships.json": Array(
            #"{"partnerships":[{"id":"p1","title":"T","partners":["a"],"status":"active","decisions":"shared","initiated_by":"joint","partner_input":"ongoing","co_designed":true,"partner_pays":5},{"id":"p2","title":"U","partners":["b"],"status":"proposed"}]}"#
                .utf8),
    ]
    return files
}()

/// The fixed workspace itself.
let fuzzWorkspace: Workspace? = WorkspaceLoader.load(files: fuzzWorkspaceFiles).workspace

/// Splits fuzz input into workspace files at 0x1E (record separator) so one input can hold
/// library.json, organizations.csv, people.csv, relationships.csv and partnerships.json.
func fuzzFiles(_ bytes: [UInt8]) -> [String: [UInt8]] {
    let names = WorkspaceFiles.fuzzOrder
    var files: [String: [UInt8]] = [:]
    var part: [UInt8] = []
    var k = 0
    for b in bytes {
        if b == 0x1E {
            if k < names.count { files[names[k]] = part }
            k += 1
            part = []
        } else {
            part.append(b)
        }
    }
    if k < names.count { files[names[k]] = part }
    return files
}

/// The date the fuzz targets evaluate against.
let fuzzDay = Day(ordinal: 740_000)

/// Aborts (a finding) when `x` is NaN or outside `range`.
@inline(__always)
func fuzzCheck(_ x: Double, _ range: ClosedRange<Double>) {
    if x.isNaN || !range.contains(x) { abort() }
}

/// Scoring rubric: any bytes give a rubric or diagnostics; a rubric that loads has finite,
/// non-negative weights summing to 1, and scoring the fixed workspace with it keeps every
/// score in 0–100 and every dimension and confidence in 0–1.
func fuzzRubric(_ bytes: [UInt8], limits: InputLimits) {
    let sink = DiagnosticSink()
    guard let root = JSONDocument.parse(bytes, file: "r.json", sink: sink, limits: limits) else {
        if !sink.diagnostics.hasErrors { abort() }
        return
    }
    guard let rubric = RubricReader.read(root) else {
        if !sink.diagnostics.hasErrors { abort() }
        return
    }
    if sink.diagnostics.hasErrors { abort() }
    var total = 0.0
    for w in rubric.weights {
        fuzzCheck(w, 0...1)
        total += w
    }
    if abs(total - 1) > 1e-9 { abort() }
    guard let w = fuzzWorkspace else { abort() }
    let engine = ScoringEngine(workspace: w, rubric: rubric, asOf: fuzzDay)
    for c in engine.score().candidates {
        fuzzCheck(c.score, 0...100)
        fuzzCheck(c.confidence, 0...1)
        for d in c.dimensions {
            fuzzCheck(d.value, 0...1)
            fuzzCheck(d.known, 0...1)
        }
    }
}

/// Spectrum rubric: a rubric that loads has levels in increasing position on the 1–5 scale,
/// and placing the fixed workspace's partnerships with it keeps positions in 1–5 and
/// confidence in 0–1, on one of the rubric's own levels.
func fuzzSpectrumRubric(_ bytes: [UInt8]) {
    let (rubric, diagnostics) = SpectrumRubric.read(bytes: bytes, file: "s.json")
    guard let rubric else {
        if !diagnostics.hasErrors { abort() }
        return
    }
    if diagnostics.hasErrors || rubric.levels.isEmpty { abort() }
    for l in rubric.levels { fuzzCheck(l.position, 1...5) }
    guard let w = fuzzWorkspace else { abort() }
    for p in SpectrumEngine.place(w.partnerships, workspace: w, rubric: rubric, asOf: fuzzDay) {
        fuzzCheck(p.position, 1...5)
        fuzzCheck(p.confidence, 0...1)
        if rubric.level(p.level) == nil { abort() }
    }
}

/// Differential: organizations.csv read in small parallel chunks must give exactly what the
/// sequential reader gives (organizations, their lines and tags, and every diagnostic).
func fuzzChunked(_ bytes: [UInt8], limits: InputLimits) {
    let files: [String: [UInt8]] = [
        "library.json": Array(#"{"id":"lib","name":"L","values":["v"]}"#.utf8), "organizations.csv": bytes,
    ]
    let sequential = WorkspaceLoader.load(files: files, limits: limits, chunkBytes: 1 << 40)
    let chunked = WorkspaceLoader.load(files: files, limits: limits, chunkBytes: 16)
    if chunked.diagnostics != sequential.diagnostics { abort() }
    if (chunked.workspace == nil) != (sequential.workspace == nil) { abort() }
    let a = chunked.workspace?.organizations ?? [], b = sequential.workspace?.organizations ?? []
    if a.count != b.count { abort() }
    for (x, y) in zip(a, b) {
        if x.id != y.id || x.name != y.name || x.line != y.line || x.tags != y.tags || x.mission != y.mission
        {
            abort()
        }
        if x.staffFTE != y.staffFTE || x.annualBudget != y.annualBudget || x.replyDays != y.replyDays {
            abort()
        }
    }
    if chunked.workspace?.tags.names != sequential.workspace?.tags.names { abort() }
    fuzzStreamingScore(files, limits: limits)
    // Again with priorities, audiences and assets, so mission words, topics and assets score.
    var rich = files
    rich["library.json"] = Array(
        #"{"id":"lib","name":"L","priorities":[{"id":"p","label":"Early literacy","topics":["reading"]}],"values":["v"],"audiences":["families"],"needs":["space"],"offers":["books"],"dealbreakers":["x"]}"#
            .utf8)
    fuzzStreamingScore(rich, limits: limits)
}

/// Differential: `score --top K` on the streaming path (tiny blocks) must equal the full path
/// (every rendering and every diagnostic), or decline; it never scores a workspace the full
/// path refuses.
func fuzzStreamingScore(_ files: [String: [UInt8]], limits: InputLimits) {
    let full = WorkspaceLoader.load(files: files, limits: limits)
    for top in [1, 4] {
        for block in [16, 1 << 12] {
            guard
                let s = StreamingScore.score(
                    files: files, rubric: .partnerFit, asOf: fuzzDay, top: top, limits: limits,
                    blockBytes: block)
            else { continue }
            guard let w = full.workspace else { abort() }
            if s.diagnostics != full.diagnostics { abort() }
            let card = ScoringEngine.withWarmPaths(workspace: w, rubric: .partnerFit, asOf: fuzzDay).score(
                top: top)
            if ScoreRendering.text(card, explain: true) != ScoreRendering.text(s.scorecard, explain: true) {
                abort()
            }
            if ScoreRendering.json(card).serialized() != ScoreRendering.json(s.scorecard).serialized() {
                abort()
            }
            if ScoreRendering.csv(card) != ScoreRendering.csv(s.scorecard) { abort() }
        }
    }
}

/// The shipped IAP2 spectrum, read once from Rubrics/ (run.sh runs from the repository root).
let fuzzSpectrum: SpectrumRubric? = {
    guard case .success(let bytes) = Files.read("Rubrics/spectrum-iap2.json") else { return nil }
    return SpectrumRubric.read(bytes: bytes, file: "spectrum-iap2.json").rubric
}()

/// A saved review: any bytes give a snapshot or diagnostics; a snapshot that loads is compared
/// against by the next quarter's review, whose every rendering must complete.
func fuzzReviewArchive(_ bytes: [UInt8], limits: InputLimits) {
    let q3 = Quarter(year: 2026, number: 3)
    let (snapshot, diagnostics) = ReviewSnapshot.read(
        bytes, file: "reviews/2026-Q3.json", quarter: q3, limits: limits)
    guard let snapshot else {
        if !diagnostics.hasErrors { abort() }
        return
    }
    guard let w = fuzzWorkspace, let spectrum = fuzzSpectrum else { abort() }
    let review = ReviewEngine.fullReview(
        workspace: w, spectrum: spectrum, scoring: Rubric.partnerFit, quarter: q3.next, asOf: fuzzDay,
        previous: snapshot)
    let report = ReviewReport(review: review, workspace: w, previousFile: snapshot.file)
    _ = report.text
    _ = report.markdown
    _ = report.json.serialized()
    _ = ReviewHTML(report: report).page
}

/// Every engine over what a reader accepted: scoring, spectrum placement, the quarterly
/// review, introductions, warm paths and the network summary, with their ranges checked and
/// every rendering completed. A value a reader lets through must never crash an engine.
func fuzzEngines(_ workspace: Workspace, partnerships: [Partnership]) {
    var w = workspace
    w.partnerships = partnerships
    let engine = ScoringEngine(workspace: w, rubric: Rubric.partnerFit, asOf: fuzzDay)
    for c in engine.score().candidates {
        fuzzCheck(c.score, 0...100)
        fuzzCheck(c.confidence, 0...1)
    }
    guard let spectrum = fuzzSpectrum else { abort() }
    let placements = SpectrumEngine.place(partnerships, workspace: w, rubric: spectrum, asOf: fuzzDay)
    for p in placements { fuzzCheck(p.position, 1...5) }
    _ = SpectrumReport.text(placements, rubric: spectrum)
    _ = SpectrumReport.json(placements, rubric: spectrum, asOf: fuzzDay).serialized()
    let review = ReviewEngine.fullReview(
        workspace: w, spectrum: spectrum, scoring: Rubric.partnerFit, quarter: fuzzDay.quarter, asOf: fuzzDay,
        previous: nil)
    let report = ReviewReport(review: review, workspace: w)
    _ = report.text
    _ = report.json.serialized()
    _ = ReviewHTML(report: report).page
    for i in Introductions.suggest(w) where !i.score.isFinite { abort() }
    let g = RelationshipGraph(workspace: w)
    for t in 1..<max(1, min(g.nodeCount, 8)) {
        for p in g.warmPaths(from: 0, to: t, asOf: fuzzDay) {
            fuzzCheck(p.strength, Double.leastNonzeroMagnitude...1)
        }
    }
    _ = NetworkSummary(workspace: w, asOf: fuzzDay)
    fuzzCalibration(w)
}

/// Calibration over whatever outcomes a reader accepted: weights, effects and concordances in
/// range, and every rendering (and the suggested rubric) completed.
func fuzzCalibration(_ w: Workspace) {
    let c = CalibrationEngine.calibrate(workspace: w, rubric: Rubric.partnerFit, asOf: fuzzDay)
    for f in c.factors {
        if let s = f.suggestedWeight { fuzzCheck(s, 0...1) }
        if !f.effect.isFinite { abort() }
    }
    for v in [c.currentConcordance, c.suggestedConcordance, c.uniformConcordance] {
        if let v { fuzzCheck(v, 0...1) }
    }
    let report = CalibrationReport(c)
    _ = report.text
    _ = report.markdown
    _ = report.json.serialized()
    _ = report.suggestedRubric(Rubric.partnerFit, name: "fuzz")?.serialized()
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    var limits = InputLimits()
    limits.maxFieldBytes = 4096
    limits.maxRows = 10_000
    switch fuzzTarget {
    case "json":
        _ = JSONParser.parse(bytes)
    case "workspace":
        let result = WorkspaceLoader.load(files: fuzzFiles(bytes), limits: limits)
        // Invariant: a workspace is returned only when there are no errors.
        if result.workspace != nil && result.diagnostics.hasErrors { abort() }
        if let w = result.workspace { fuzzEngines(w, partnerships: w.partnerships) }
    case "proposal":
        guard let w = fuzzWorkspace else { abort() }
        let (list, diagnostics) = PartnershipReader.readProposal(
            bytes, file: "p.json", workspace: w, limits: limits)
        if !diagnostics.hasErrors { fuzzEngines(w, partnerships: list) }
    case "rubric":
        fuzzRubric(bytes, limits: limits)
    case "spectrum-rubric":
        fuzzSpectrumRubric(bytes)
    case "review-archive":
        fuzzReviewArchive(bytes, limits: limits)
    case "chunked":
        fuzzChunked(bytes, limits: limits)
    case "irs-bmf":
        fuzzImport(bytes, limits: limits, masterFile: true)
    case "import-csv":
        fuzzImport(bytes, limits: limits, masterFile: false)
    case "survey":
        fuzzSurvey(bytes, limits: limits)
    case "vocabulary":
        let sink = DiagnosticSink()
        if case .success(let root) = JSONParser.parse(bytes) {
            _ = VocabularyReader.parse(root, file: "v.json", sink: sink)
        }
    default:
        let (rows, _) = CSVParser.rows(bytes, file: "f.csv", limits: limits)
        // Invariant: every row starts on a line inside the input.
        let lines = bytes.reduce(1) { $0 + ($1 == 0x0A ? 1 : 0) } + 1
        for r in rows where r.line < 1 || r.line > lines + bytes.count { abort() }
    }
    return 0
}

/// The import readers (an IRS master file, or a spreadsheet), then the plan against the fixed
/// workspace and the append. Half the inputs get a valid master-file header first, so the body
/// reader is reached. Invariants: the counts agree with the rows planned, every new id is
/// unique and new, and the appended file keeps the original bytes as its prefix unless columns
/// had to be added.
func fuzzImport(_ bytes: [UInt8], limits: InputLimits, masterFile: Bool) {
    guard let w = fuzzWorkspace else { abort() }
    let existing = ExistingRecords(w)
    var plan: ImportPlan
    if masterFile {
        var input = bytes
        if let first = bytes.first, first & 1 == 1 {
            input = Array((MasterFile.columns.joined(separator: ",") + "\n").utf8) + bytes.dropFirst()
        }
        var scan = MasterFile.Scan()
        MasterFile.scan(input, file: "eo.csv", limits: limits, into: &scan)
        if scan.records.count + scan.filteredOut > scan.rows { abort() }
        let crosswalk = NTEECrosswalk(
            groups: ["B": NTEEEntry(name: "Education", topics: ["t"])],
            codes: ["B70": NTEEEntry(name: "Libraries", topics: ["t"], audiences: ["a"])],
            nameWords: ["library": NTEEEntry(name: "library", topics: ["t"])])
        plan = MasterFileImport.plan(scan, existing: existing, crosswalk: crosswalk)
    } else {
        let reading = Spreadsheet.read(bytes, file: "sheet.csv", vocabulary: w.vocabulary, limits: limits)
        plan = ImportPlan()
        ImportPlanner.plan(reading.candidates, existing: existing, into: &plan)
    }
    if plan.summary.imported != plan.organizations.count { abort() }
    var ids = existing.ids
    for o in plan.organizations where !ids.insert(o.id).inserted { abort() }
    for p in plan.people where !ids.insert(p.id).inserted { abort() }
    let original = Array(
        "id,name,ntee,ein,topics,audiences,offers,sector,annual_budget,service_area\na,A,,,,,,,,\n".utf8)
    let out = ImportWriter.apply(
        plan, organizations: original, organizationsFile: "organizations.csv", people: nil,
        peopleFile: "people.csv")
    if let o = out.organizations, out.addedColumns.isEmpty, !o.starts(with: original) { abort() }
    _ = ImportReport(
        plan: plan, addedColumns: out.addedColumns, dryRun: true, organizationsFile: "o", peopleFile: "p"
    )
    .text()
}

/// Survey answers: `surveys.csv` bytes, optionally followed by 0x1E and a workspace
/// `rubrics/health-survey.json`, loaded with the fixed workspace. A workspace comes back only
/// without errors; then every mean is on the rubric's scale, every gap within its width and
/// flagged exactly when it reaches the threshold, the results and forms render, and so does
/// the review with the partners' view.
func fuzzSurvey(_ bytes: [UInt8], limits: InputLimits) {
    var files = fuzzWorkspaceFiles
    if let cut = bytes.firstIndex(of: 0x1E) {
        files["surveys.csv"] = Array(bytes[..<cut])
        files["rubrics/health-survey.json"] = Array(bytes[(cut + 1)...])
    } else {
        files["surveys.csv"] = bytes
    }
    let result = WorkspaceLoader.load(files: files, limits: limits)
    if result.workspace != nil && result.diagnostics.hasErrors { abort() }
    guard let w = result.workspace, let rubric = w.surveyRubric else { return }
    let scale = Double(rubric.scaleMin)...Double(rubric.scaleMax)
    let results = SurveyEngine.results(workspace: w, rubric: rubric, asOf: fuzzDay)
    for s in results.partnerships {
        for round in s.rounds {
            for f in round.factors {
                if let m = f.mean { fuzzCheck(m, scale) }
                for pm in f.byParty { if let m = pm.mean { fuzzCheck(m, scale) } }
                if let g = f.gap {
                    fuzzCheck(g, 0...(scale.upperBound - scale.lowerBound))
                    if f.flagged != (g >= rubric.gapFlag - 1e-9) { abort() }
                } else if f.flagged {
                    abort()
                }
            }
        }
    }
    let report = SurveyReport(results: results, rubric: rubric, workspace: w)
    _ = report.text
    _ = report.markdown
    _ = report.json.serialized()
    for p in w.partnerships {
        let form = SurveyForm(partnership: p, rubric: rubric, workspace: w, date: fuzzDay)
        _ = form.csv
        _ = form.html
        _ = form.markdown
    }
    // The review with the partners' view: every asked round in the window, every partner's
    // mean in a finding on the scale, and every format renders.
    guard let spectrum = fuzzSpectrum else { abort() }
    let review = ReviewEngine.fullReview(
        workspace: w, spectrum: spectrum, scoring: Rubric.partnerFit, quarter: fuzzDay.quarter, asOf: fuzzDay,
        previous: nil)
    guard let survey = review.survey else { abort() }
    for e in survey.asked {
        guard let q = e.survey.current?.quarter, !(q < survey.since), !(survey.quarter < q) else { abort() }
        for f in e.findings {
            switch f {
            case .recordsDisagree(_, _, let m, _), .sidesDisagree(_, _, _, let m, _): fuzzCheck(m, scale)
            default: break
            }
        }
    }
    let reviewReport = ReviewReport(review: review, workspace: w)
    _ = reviewReport.text
    _ = reviewReport.markdown
    _ = reviewReport.json.serialized()
    _ = ReviewHTML(report: reviewReport).page
}
