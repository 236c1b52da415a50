/// A participation spectrum and the data that places a collaboration on it
/// (`Rubrics/spectrum-iap2.json`, `Rubrics/spectrum-dessert.json`).
///
/// Positions are always on the IAP2 Spectrum of Public Participation scale (inform 1, consult 2,
/// involve 3, collaborate 4, empower 5), whatever levels a spectrum names: the library dessert
/// spectrum ("we are having cherry pie" … "here is the kitchen") has no involve and places its
/// four levels at 1, 2, 4 and 5. Every weight, ceiling and threshold is data in the rubric, so
/// that a library can tune the placement without touching code.
public struct SpectrumRubric: Sendable, Hashable {
    /// One level of the spectrum, with IAP2's goal and promise for it.
    public struct Level: Sendable, Hashable {
        public var id: String
        public var name: String
        /// On the IAP2 1–5 scale.
        public var position: Double
        public var goal: String
        public var promise: String
        /// The dessert spectrum's picture of the level ("we are having cherry pie").
        public var metaphor: String?
        /// The promise in the library's own voice, addressed to a partner organization
        /// (`library_promise`); IAP2's public-participation wording when the rubric has none.
        public var libraryPromise: String?

        public init(
            id: String, name: String, position: Double, goal: String, promise: String,
            metaphor: String? = nil,
            libraryPromise: String? = nil
        ) {
            self.id = id
            self.name = name
            self.position = position
            self.goal = goal
            self.promise = promise
            self.metaphor = metaphor
            self.libraryPromise = libraryPromise
        }

        /// What the library promises a partner at this level, in its own voice.
        public var promiseToPartner: String { libraryPromise ?? promise }
    }

    /// How much each signal moves a collaboration up the scale (all non-negative, and
    /// non-decreasing in the order of increasing shared power, which makes the placement
    /// monotone: sharing more never moves a collaboration down).
    public struct Weights: Sendable, Hashable {
        public var base: Double = 1
        public var initiatedBy: [Partnership.Initiator: Double] = [.library: 0, .joint: 0.35, .partner: 0.35]
        public var decisions: [Partnership.Decisions: Double] = [.library: 0, .shared: 1.2, .partner: 1.8]
        public var partnerInput: [Partnership.PartnerInput: Double] = [
            .none: 0, .feedback: 0.6, .ongoing: 1.1,
        ]
        public var coDesigned: [Bool: Double] = [false: 0, true: 0.7]
        public var partnerResources: Double = 0.3
        public var moneyNotOneWay: Double = 0.2
        /// The highest position for each holder of final decisions.
        public var ceilings: [Partnership.Decisions: Double] = [.library: 3.4, .shared: 4.4, .partner: 5]
        public init() {}
    }

    /// A signal that description cue words can stand in for.
    public enum CueSignal: String, Sendable, Hashable, CaseIterable {
        case initiatedBy = "initiated_by", decisions, partnerInput = "partner_input", coDesigned =
            "co_designed"
    }

    public struct Cue: Sendable, Hashable {
        public var signal: CueSignal
        /// The field value the cue stands for (`shared`, `true`, …).
        public var value: String
        /// Lower-cased phrases.
        public var phrases: [String]
    }

    public var name: String
    public var description: String
    public var levels: [Level]
    public var weights: Weights
    /// Fraction of the way to a neighbouring level at which a placement is edging toward it.
    public var edging: Double = 0.25
    /// Values a partner must share with the library for `aligned_values`.
    public var alignedValuesMinShared: Double = 1
    public var confidenceMissingSignal: Double = 0.15
    public var confidenceCue: Double = 0.075
    /// Checked in order; the first match wins for each signal.
    public var cues: [Cue] = []
    /// Next-step templates keyed `signal.value` (`decisions.shared`) or `signal`.
    public var steps: [String: String] = [:]

    public init(name: String, description: String = "", levels: [Level], weights: Weights = Weights()) {
        self.name = name
        self.description = description
        self.levels = levels.sorted { $0.position < $1.position }
        self.weights = weights
    }

    public func level(_ id: String) -> Level? { levels.first { $0.id == id } }
}

// MARK: - Reading

extension SpectrumRubric {
    static let topKeys: Set<String> = [
        "name", "description", "source", "levels", "signals", "ceilings", "thresholds", "cues", "steps",
        "notes",
    ]

    /// Reads and validates a spectrum rubric, collecting every problem: unknown keys are
    /// warnings; missing levels, positions that do not increase, values off the 1–5 scale,
    /// negative weights and weights or ceilings that fall as power is shared are errors naming
    /// the file and field path. Returns nil when there is any error.
    public static func read(bytes: [UInt8], file: String) -> (
        rubric: SpectrumRubric?, diagnostics: [Diagnostic]
    ) {
        let sink = DiagnosticSink()
        guard let root = JSONDocument.parse(bytes, file: file, sink: sink) else {
            return (nil, sink.diagnostics)
        }
        let rubric = read(root)
        return (sink.hasErrors ? nil : rubric, sink.diagnostics.sorted())
    }

    static func read(_ r: JSONField) -> SpectrumRubric? {
        guard let header = RubricKind.readHeader(r, expected: .spectrum, knownKeys: topKeys) else {
            return nil
        }
        let (name, description) = (header.name, header.description)

        var levels: [Level] = []
        if let items = r.required("levels")?.array {
            if items.count < 2 { r.child("levels")?.error("a spectrum needs at least two levels") }
            var seen = Set<String>()
            var previous: Double?
            for item in items where item.expectObject() {
                item.warnUnknownKeys([
                    "id", "name", "position", "goal", "promise", "library_promise", "metaphor", "description",
                ])
                let id = item.string("id", required: true)
                let position = item.required("position")?.number
                if let id, !seen.insert(id).inserted {
                    item.child("id")?.error("duplicate level id \"\(id)\"")
                }
                if let position {
                    if !(1...5).contains(position) {
                        item.child("position")?.error(
                            "must be on the IAP2 scale from 1 (inform) to 5 (empower), found \(formatNumber(position))"
                        )
                    }
                    if let previous, position <= previous {
                        item.child("position")?.error(
                            "positions must increase from level to level (this is \(formatNumber(position)), the level before is \(formatNumber(previous)))"
                        )
                    }
                    previous = position
                }
                let goal = item.string("goal", required: true)
                let promise = item.string("promise", required: true)
                if let id, let position, let goal, let promise {
                    levels.append(
                        Level(
                            id: id, name: item.string("name") ?? id, position: position, goal: goal,
                            promise: promise,
                            metaphor: item.string("metaphor"), libraryPromise: item.string("library_promise"))
                    )
                }
            }
        }

        var w = Weights()
        if let s = r.required("signals"), s.expectObject() {
            s.warnUnknownKeys([
                "description", "base", "initiated_by", "decisions", "partner_input", "co_designed",
                "partner_resources", "money_not_one_way",
            ])
            if let b = parameter(s, "base") {
                if !(1...5).contains(b) {
                    s.child("base")?.error("must be on the 1–5 scale, found \(formatNumber(b))")
                }
                w.base = b
            }
            w.initiatedBy =
                enumWeights(s, "initiated_by", Partnership.Initiator.self, order: nil) ?? w.initiatedBy
            w.decisions =
                enumWeights(s, "decisions", Partnership.Decisions.self, order: [.library, .shared, .partner])
                ?? w.decisions
            w.partnerInput =
                enumWeights(
                    s, "partner_input", Partnership.PartnerInput.self, order: [.none, .feedback, .ongoing])
                ?? w.partnerInput
            if let c = s.required("co_designed"), c.expectObject() {
                c.warnUnknownKeys(["description", "true", "false"])
                describe(c)
                let f = parameter(c, "false"), t = parameter(c, "true")
                if let f, let t {
                    if t < f {
                        c.child("true")?.error(
                            "co-designed work must not weigh less than work designed by one side")
                    }
                    w.coDesigned = [false: f, true: t]
                }
            }
            w.partnerResources = parameter(s, "partner_resources") ?? w.partnerResources
            w.moneyNotOneWay = parameter(s, "money_not_one_way") ?? w.moneyNotOneWay
        }
        if let c = r.required("ceilings") {
            if let ceilings = enumWeights(
                r, "ceilings", Partnership.Decisions.self, order: [.library, .shared, .partner])
            {
                for (k, v) in ceilings where !(1...5).contains(v) {
                    c.child(k.rawValue)?.error("a ceiling must be on the 1–5 scale, found \(formatNumber(v))")
                }
                w.ceilings = ceilings
            }
        }
        var rubric = SpectrumRubric(name: name, description: description, levels: levels, weights: w)

        if let t = r.child("thresholds"), t.expectObject() {
            t.warnUnknownKeys([
                "description", "edging", "aligned_values_min_shared", "confidence_missing_signal",
                "confidence_cue",
            ])
            if let e = parameter(t, "edging", optional: true) {
                if e <= 0 || e >= 0.5 {
                    t.child("edging")?.error(
                        "must be between 0 and 0.5 (a fraction of the way to the next level), found \(formatNumber(e))"
                    )
                }
                rubric.edging = e
            }
            rubric.alignedValuesMinShared =
                parameter(t, "aligned_values_min_shared", optional: true) ?? rubric.alignedValuesMinShared
            for key in ["confidence_missing_signal", "confidence_cue"] {
                guard let v = parameter(t, key, optional: true) else { continue }
                if v > 1 { t.child(key)?.error("must be from 0 to 1, found \(formatNumber(v))") }
                if key == "confidence_cue" {
                    rubric.confidenceCue = v
                } else {
                    rubric.confidenceMissingSignal = v
                }
            }
        }

        if let c = r.child("cues"), c.expectObject() {
            c.warnUnknownKeys(Set(CueSignal.allCases.map(\.rawValue) + ["description"]))
            for signal in CueSignal.allCases {
                guard let sf = c.child(signal.rawValue), sf.expectObject(),
                    case .object(let members) = sf.node.value
                else { continue }
                let allowed = cueValues(signal)
                sf.warnUnknownKeys(Set(allowed))
                for m in members where allowed.contains(m.key) {
                    let phrases = (sf.stringList(m.key) ?? []).map { $0.lowercased() }
                    rubric.cues.append(Cue(signal: signal, value: m.key, phrases: phrases))
                }
            }
        }

        if let s = r.child("steps"), s.expectObject(), case .object(let members) = s.node.value {
            let known =
                ["description", "partner_resources", "money_not_one_way"] + CueSignal.allCases.map(\.rawValue)
            s.warnUnknownKeys(Set(known))
            for m in members where m.key != "description" && known.contains(m.key) {
                guard let f = s.child(m.key) else { continue }
                if case .string = m.value.value {
                    if let text = s.string(m.key) { rubric.steps[m.key] = text }
                } else if f.expectObject(), case .object(let values) = m.value.value {
                    let allowed = CueSignal(rawValue: m.key).map(cueValues) ?? []
                    f.warnUnknownKeys(Set(allowed))
                    for v in values where allowed.contains(v.key) {
                        if let text = f.string(v.key) { rubric.steps["\(m.key).\(v.key)"] = text }
                    }
                }
            }
        }
        return rubric
    }

    static func cueValues(_ s: CueSignal) -> [String] {
        switch s {
        case .initiatedBy: Partnership.Initiator.allCases.map(\.rawValue)
        case .decisions: Partnership.Decisions.allCases.map(\.rawValue)
        case .partnerInput: Partnership.PartnerInput.allCases.map(\.rawValue)
        case .coDesigned: ["true", "false"]
        }
    }

    /// A documented parameter: `{ "value": n, "description": "…" }` (a bare number is accepted
    /// with a warning). Negative values are errors; a missing one is an error.
    static func parameter(_ parent: JSONField, _ key: String, optional: Bool = false) -> Double? {
        guard let f = optional ? parent.child(key) : parent.required(key) else { return nil }
        let value: Double?
        if case .number = f.node.value {
            f.warning(
                "give a parameter as { \"value\": …, \"description\": \"…\" } so that readers know what it means"
            )
            value = f.number
        } else {
            guard f.expectObject() else { return nil }
            f.warnUnknownKeys(["value", "description"])
            describe(f)
            value = f.required("value")?.number
        }
        guard let value else { return nil }
        if value < 0 {
            (f.child("value") ?? f).error("must not be negative, found \(formatNumber(value))")
            return nil
        }
        return value
    }

    static func describe(_ f: JSONField) {
        if f.string("description") == nil { f.warning("add a \"description\" saying what this means") }
    }

    /// One documented weight per enumeration case; when `order` is given, the weights must not
    /// decrease along it (more shared power never weighs less).
    static func enumWeights<E: RawRepresentable & CaseIterable & Hashable>(
        _ parent: JSONField, _ key: String, _: E.Type, order: [E]?
    ) -> [E: Double]? where E.RawValue == String {
        guard let f = parent.required(key), f.expectObject() else { return nil }
        f.warnUnknownKeys(Set(E.allCases.map(\.rawValue) + ["description"]))
        describe(f)
        var out: [E: Double] = [:]
        for e in E.allCases {
            if let v = parameter(f, e.rawValue) { out[e] = v }
        }
        guard out.count == E.allCases.count else { return nil }
        if let order {
            for (a, b) in zip(order, order.dropFirst()) {
                if let x = out[a], let y = out[b], y < x {
                    f.child(b.rawValue)?.error(
                        "\(b.rawValue) (\(formatNumber(y))) must not be less than \(a.rawValue) (\(formatNumber(x))): sharing more power never moves a collaboration down"
                    )
                }
            }
        }
        return out
    }
}
