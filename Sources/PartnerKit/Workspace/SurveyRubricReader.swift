/// Reads `health-survey.json`, collecting every problem as a `Diagnostic` naming the file and
/// the field (`health-survey.json: items[3].factor: error: …`). A rubric with any error is not
/// returned: a survey with a broken scale or an item without a factor would give wrong means.
public enum SurveyRubricReader {
    public static let fileName = "health-survey"

    static let topKeys: Set<String> = [
        "name", "description", "source", "notes", "scale", "labels", "bands", "thresholds", "summaries",
        "factors", "items",
    ]

    /// Reads rubric bytes; nil when there is any error (all in the returned diagnostics).
    public static func read(bytes: [UInt8], file: String, limits: InputLimits = .default) -> (
        rubric: SurveyRubric?, diagnostics: [Diagnostic]
    ) {
        let sink = DiagnosticSink()
        guard let root = JSONDocument.parse(bytes, file: file, sink: sink, limits: limits) else {
            return (nil, sink.diagnostics)
        }
        let rubric = read(root)
        return (sink.hasErrors ? nil : rubric, sink.diagnostics.sorted())
    }

    /// Loads and validates the rubric at `path`.
    public static func load(path: String, limits: InputLimits = .default) -> (
        rubric: SurveyRubric?, diagnostics: [Diagnostic]
    ) {
        switch Files.read(path, limit: limits.maxFileBytes) {
        case .failure(let e): return (nil, [.error(path, .file, e.message)])
        case .success(let bytes): return read(bytes: bytes, file: path, limits: limits)
        }
    }

    /// - Complexity: O(size of the document).
    static func read(_ r: JSONField) -> SurveyRubric? {
        let before = r.sink.diagnostics.errorCount
        guard let header = RubricKind.readHeader(r, expected: .survey, knownKeys: topKeys) else {
            return nil
        }
        let (name, description) = (header.name, header.description)

        // The scale: whole numbers, min below max.
        var scaleMin = 1, scaleMax = 5
        if let s = r.required("scale"), s.expectObject() {
            s.warnUnknownKeys(["min", "max", "description"])
            let lo = wholeNumber(s, "min"), hi = wholeNumber(s, "max")
            if let lo, let hi {
                if lo >= hi {
                    s.child("max")?.error("must be greater than scale.min (\(lo)), found \(hi)")
                } else if hi - lo > 100 {
                    s.child("max")?.error("a rating scale of more than 100 steps is not a survey scale")
                } else {
                    scaleMin = lo
                    scaleMax = hi
                }
            }
        }

        var labels: [(value: Int, label: String)] = []
        if let l = r.child("labels"), l.expectObject(), case .object(let members) = l.node.value {
            for m in members {
                guard let f = l.child(m.key) else { continue }
                guard let v = Int(m.key), (scaleMin...scaleMax).contains(v) else {
                    f.error(
                        "a label's key must be a rating on the scale (\(scaleMin) to \(scaleMax)), found \"\(m.key)\""
                    )
                    continue
                }
                if let text = l.string(m.key) { labels.append((v, text)) }
            }
            labels.sort { $0.value < $1.value }
        }

        var strength = 4.0, borderline = 3.0
        let range = Double(scaleMin)...Double(scaleMax)
        if let b = r.required("bands"), b.expectObject() {
            b.warnUnknownKeys(["strength", "borderline", "description"])
            let s = b.required("strength")?.number, bl = b.required("borderline")?.number
            for (key, v) in [("strength", s), ("borderline", bl)] {
                if let v, !range.contains(v) {
                    b.child(key)?.error(
                        "must be on the scale (\(scaleMin) to \(scaleMax)), found \(formatNumber(v))")
                }
            }
            if let s, let bl {
                if bl > s {
                    b.child("borderline")?.error(
                        "must not exceed bands.strength (\(formatNumber(s))), found \(formatNumber(bl))")
                }
                strength = s
                borderline = bl
            }
        }

        var gapFlag = 1.0, minRespondents = 2
        if let t = r.child("thresholds"), t.expectObject() {
            t.warnUnknownKeys(["gap", "min_respondents", "description"])
            if let g = t.child("gap"), let v = RubricReader.documentedNumber(g) {
                if v <= 0 || v > Double(scaleMax - scaleMin) {
                    g.error(
                        "must be more than 0 and at most the width of the scale (\(scaleMax - scaleMin)), found \(formatNumber(v))"
                    )
                } else {
                    gapFlag = v
                }
            }
            if let m = t.child("min_respondents"), let v = RubricReader.documentedNumber(m) {
                if v < 1 || v != v.rounded() || v > 1000 {
                    m.error("must be a whole number from 1 to 1000, found \(formatNumber(v))")
                } else {
                    minRespondents = Int(v)
                }
            }
        }

        var trustFactors: [HealthFactor] = [.trust, .communication, .alignedValues]
        var valueFactors: [HealthFactor] = [.mutualBenefit, .mutualContribution, .sharedPower]
        if let s = r.child("summaries"), s.expectObject() {
            s.warnUnknownKeys(["trust", "value", "description"])
            for key in ["trust", "value"] {
                guard let f = s.child(key), f.expectObject() else { continue }
                f.warnUnknownKeys(["factors", "description"])
                guard let list = f.required("factors")?.array else { continue }
                var factors: [HealthFactor] = []
                for item in list {
                    if let factor = factor(item) { factors.append(factor) }
                }
                if list.isEmpty { f.child("factors")?.error("name at least one factor") }
                if key == "trust" { trustFactors = factors } else { valueFactors = factors }
            }
        }

        var wordings: [HealthFactor: SurveyRubric.Wording] = [:]
        if let fs = r.child("factors"), fs.expectObject(), case .object(let members) = fs.node.value {
            for m in members {
                guard let f = fs.child(m.key) else { continue }
                guard let factor = HealthFactor(rawValue: m.key) else {
                    unknownFactor(f, m.key)
                    continue
                }
                guard f.expectObject() else { continue }
                f.warnUnknownKeys(["label", "discuss", "description"])
                let label = f.string("label") ?? m.key.split(separator: "_").joined(separator: " ")
                wordings[factor] = SurveyRubric.Wording(label: label, discuss: f.string("discuss") ?? label)
            }
        }

        var items: [SurveyRubric.Item] = []
        if let list = r.required("items")?.array {
            if list.isEmpty { r.child("items")?.error("a survey needs at least one item") }
            var seen: [String: String] = [:]
            for item in list where item.expectObject() {
                item.warnUnknownKeys(["id", "factor", "text", "description"])
                let id = item.string("id", required: true)
                if let id {
                    if id.utf8.contains(UInt8(ascii: ",")) || id.utf8.contains(UInt8(ascii: ";")) {
                        item.child("id")?.error("an item id may not contain ',' or ';'")
                    } else if let first = seen[id] {
                        item.child("id")?.error("duplicate item id \"\(id)\" (already used at \(first))")
                    } else {
                        seen[id] = item.path
                    }
                }
                var f: HealthFactor?
                if let fieldNode = item.required("factor") { f = factor(fieldNode) }
                let text = item.string("text", required: true)
                if let id, let f, let text { items.append(.init(id: id, factor: f, text: text)) }
            }
            for f in HealthFactor.allCases where !items.isEmpty && !items.contains(where: { $0.factor == f })
            {
                r.child("items")?.warning(
                    "no item asks about \(f.rawValue): the results will have nothing to say about it")
            }
        }

        guard r.sink.diagnostics.errorCount == before else { return nil }
        return SurveyRubric(
            name: name, description: description, file: r.file, scaleMin: scaleMin, scaleMax: scaleMax,
            labels: labels, strength: strength, borderline: borderline, gapFlag: gapFlag,
            minRespondents: minRespondents, items: items, trustFactors: trustFactors,
            valueFactors: valueFactors,
            wordings: wordings)
    }

    static func wholeNumber(_ parent: JSONField, _ key: String) -> Int? {
        guard let f = parent.required(key), let v = f.number else { return nil }
        guard v == v.rounded(), abs(v) <= 1_000_000 else {
            f.error("must be a whole number, found \(formatNumber(v))")
            return nil
        }
        return Int(v)
    }

    /// A factor name, or an error with the nearest one.
    static func factor(_ f: JSONField) -> HealthFactor? {
        guard let s = f.string else { return nil }
        let t = s.trimmingWhitespace
        if let factor = HealthFactor(rawValue: t) { return factor }
        unknownFactor(f, t)
        return nil
    }

    static func unknownFactor(_ f: JSONField, _ name: String) {
        let all = HealthFactor.allCases.map(\.rawValue)
        f.error(
            "unknown factor \"\(name)\"; the factors are \(all.joined(separator: ", "))",
            hint: RubricReader.nearest(name, all).map { "did you mean \"\($0)\"?" })
    }
}
