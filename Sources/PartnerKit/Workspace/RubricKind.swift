/// The three kinds of rubric file PartnerKit reads, told apart by the one key only that kind
/// has. A file of one kind given where another is wanted (a scoring rubric to `--spectrum`, a
/// spectrum as the health survey) gets one error that says so, instead of a list of unknown
/// keys and missing fields. The scoring, spectrum and survey readers share this check.
enum RubricKind: CaseIterable {
    case scoring, spectrum, survey

    /// The key that marks the kind.
    var marker: String {
        switch self {
        case .scoring: "weights"
        case .spectrum: "levels"
        case .survey: "items"
        }
    }

    /// "a scoring rubric".
    var name: String {
        switch self {
        case .scoring: "a scoring rubric"
        case .spectrum: "a spectrum rubric"
        case .survey: "a health survey"
        }
    }

    /// Where a file of this kind goes.
    var use: String {
        switch self {
        case .scoring: "a scoring rubric goes with --rubric (score, vet, review, calibrate)"
        case .spectrum: "a spectrum rubric goes with --spectrum (spectrum, review)"
        case .survey: "a health survey is read as rubrics/health-survey.json (survey, review)"
        }
    }

    /// What is wanted where this kind is expected.
    var wanted: String {
        switch self {
        case .scoring: "score and vet take partner-fit, grant-partner or your own"
        case .spectrum: "--spectrum takes spectrum-iap2, spectrum-dessert or your own"
        case .survey:
            "the survey reads rubrics/health-survey.json, or the toolkit's Rubrics/health-survey.json"
        }
    }

    /// When `root` lacks `expected`'s marker and has another kind's, reports one error at the
    /// root ("this is a scoring rubric (it has "weights"), not a spectrum rubric") with a hint
    /// saying where each goes, and returns true: the caller reads no further.
    static func reportOther(_ root: JSONField, expected: RubricKind) -> Bool {
        guard root.child(expected.marker) == nil,
            let found = allCases.first(where: { $0 != expected && root.child($0.marker) != nil })
        else { return false }
        root.error(
            "this is \(found.name) (it has \"\(found.marker)\"), not \(expected.name)",
            hint: "\(found.use); \(expected.wanted)")
        return true
    }

    /// What every rubric starts with, read the same way for the scoring, spectrum and survey rubrics:
    /// an object of this kind (`reportOther`), no unknown top-level keys, a `name` (required)
    /// and a `description` (a warning without one). Nil when the caller should read no further.
    static func readHeader(_ r: JSONField, expected: RubricKind, knownKeys: Set<String>)
        -> (name: String, description: String)?
    {
        guard r.expectObject() else { return nil }
        // Another kind of rubric given where this one is wanted: say so once.
        if reportOther(r, expected: expected) {
            return nil
        }
        r.warnUnknownKeys(knownKeys)
        let name = r.string("name", required: true) ?? ""
        let description = r.string("description") ?? ""
        if r.child("description") == nil {
            r.sink.warning(
                r.file, .field("description"), "a rubric should say what it is for in \"description\"")
        }
        return (name, description)
    }
}
