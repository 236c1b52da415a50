/// `surveys.csv` (optional): the partnership health survey's answers, checked against the
/// health-survey rubric (`rubrics/health-survey.json` in the workspace, else the toolkit's
/// `Rubrics/health-survey.json`). Without a surveys.csv no rubric is read.
extension WorkspaceLoader {
    mutating func readSurveys(library: LibraryProfile?, partnerships: [Partnership]) -> (
        answers: [SurveyAnswer], rubric: SurveyRubric?
    ) {
        guard let (p, bytes) = readCSVBytes(SurveyReader.fileName, required: false) else { return ([], nil) }
        guard let rubric = readSurveyRubric(surveys: p) else { return ([], nil) }
        var reader = SurveyReader(
            file: p, sink: sink, rubric: rubric, partnerships: partnerships, libraryID: library?.id)
        Self.streamTable(
            bytes, path: p, sink: sink, limits: limits,
            header: { header in
                guard
                    let c = columns(
                        header, file: p, known: SurveyReader.knownColumns,
                        required: SurveyReader.requiredColumns)
                else { return false }
                reader.header(c)
                return true
            }
        ) { line, fields in reader.row(line, fields) }
        return (reader.answers, rubric)
    }

    /// The rubric the answers are checked against; its problems are reported with its own file.
    func readSurveyRubric(surveys p: String) -> SurveyRubric? {
        let name = "rubrics/\(SurveyRubricReader.fileName).json"
        var found: (file: String, bytes: [UInt8])?
        var tried: [String] = []
        if let bytes = memory?[name] {
            found = (path(name), bytes)
        } else {
            let located: (path: String?, tried: [String])
            if memory != nil {
                let shipped = Resources.rubricsDirectory.map { "\($0)/\(SurveyRubricReader.fileName).json" }
                located = (shipped.flatMap { Files.exists($0) ? $0 : nil }, shipped.map { [$0] } ?? [])
            } else {
                located = Resources.locateRubric(SurveyRubricReader.fileName, workspace: directory)
            }
            tried = located.tried
            if let rp = located.path {
                switch Files.read(rp, limit: limits.maxFileBytes) {
                case .success(let bytes): found = (rp, bytes)
                case .failure(let e):
                    sink.error(rp, .file, e.message)
                    return nil
                }
            }
        }
        guard let found else {
            sink.error(
                p, .file, "no health-survey rubric to check the answers against",
                hint:
                    "looked in: \(tried.joined(separator: ", ")); put one in rubrics/\(SurveyRubricReader.fileName).json or set PARTNERKIT_HOME to the toolkit folder"
            )
            return nil
        }
        let (rubric, diagnostics) = SurveyRubricReader.read(
            bytes: found.bytes, file: found.file, limits: limits)
        diagnostics.forEach(sink.add)
        return rubric
    }
}
