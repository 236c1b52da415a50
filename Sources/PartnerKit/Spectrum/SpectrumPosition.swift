import Foundation

// Where a collaboration sits on the spectrum: the position from its signals, the level
// nearest it and the neighbour it leans toward.

extension SpectrumEngine {
    struct Reading {
        var position: Double
        var readings: [Placement.SignalReading]
        var reasons: [String]
        var ceiling: String?
    }

    /// The rubric's base plus each signal's weight, capped by the ceiling for whoever holds
    /// final decisions (empower needs the partner to decide), clamped to 1–5 and rounded to
    /// two decimals so that output is stable.
    static func position(_ s: Signals, rubric: SpectrumRubric) -> Reading {
        let w = rubric.weights
        var readings: [Placement.SignalReading] = []
        var reasons: [String] = []
        func add(_ signal: String, _ value: String?, _ weight: Double, _ sentence: String) {
            readings.append(.init(signal: signal, value: value, weight: weight, fromCue: s.cues[signal]))
            var r = sentence
            if let cue = s.cues[signal] {
                r += " (read from \"\(cue)\" in the description: lower confidence)"
            }
            reasons.append(r)
        }
        var raw = w.base
        let wi = s.initiatedBy.flatMap { w.initiatedBy[$0] } ?? 0
        raw += wi
        add(
            "initiated_by", s.initiatedBy?.rawValue, wi,
            s.initiatedBy.map { "initiated by \($0.rawValue): +\(formatNumber(wi))" }
                ?? "who initiated it is not recorded: +0")
        let wd = s.decisions.flatMap { w.decisions[$0] } ?? 0
        raw += wd
        add(
            "decisions", s.decisions?.rawValue, wd,
            s.decisions.map { "final decisions: \($0.rawValue): +\(formatNumber(wd))" }
                ?? "who holds final decisions is not recorded (taken as the library): +0")
        let wp = s.partnerInput.flatMap { w.partnerInput[$0] } ?? 0
        raw += wp
        add(
            "partner_input", s.partnerInput?.rawValue, wp,
            s.partnerInput.map { "partner input: \($0.rawValue): +\(formatNumber(wp))" }
                ?? "how the partner's input shapes the work is not recorded: +0")
        let wc = s.coDesigned.flatMap { w.coDesigned[$0] } ?? 0
        raw += wc
        add(
            "co_designed", s.coDesigned.map { String($0) }, wc,
            s.coDesigned.map { $0 ? "designed together: +\(formatNumber(wc))" : "designed by one side: +0" }
                ?? "whether it was designed together is not recorded: +0")
        let wr = s.partnerResources ? w.partnerResources : 0
        raw += wr
        add(
            "partner_resources", String(s.partnerResources), wr,
            s.partnerResources
                ? "every partner carries part of the work: +\(formatNumber(wr))"
                : "not every partner contributes more than promotion or money: +0")
        let wm = s.moneyOneWay ? 0 : w.moneyNotOneWay
        raw += wm
        add(
            "money_not_one_way", String(!s.moneyOneWay), wm,
            s.moneyOneWay
                ? "money flows one way: +0" : "money does not flow only one way: +\(formatNumber(wm))")
        let holder = s.decisions ?? .library
        let cap = w.ceilings[holder] ?? 5
        var ceiling: String?
        var pos = raw
        if pos > cap {
            pos = cap
            ceiling =
                "capped at \(formatNumber(cap)) because final decisions are \(holder == .library ? "the library's alone" : holder.rawValue)"
        }
        pos = min(5, max(1, pos))
        pos = (pos * 100).rounded() / 100
        return Reading(position: pos, readings: readings, reasons: reasons, ceiling: ceiling)
    }

    /// The level nearest the position (ties go to the lower level: the cautious reading), and
    /// the neighbour it leans toward when it is at least `rubric.edging` of the way there.
    static func levelAndEdge(_ position: Double, rubric: SpectrumRubric) -> (
        SpectrumRubric.Level, SpectrumRubric.Level?
    ) {
        let levels = rubric.levels
        guard var best = levels.first else {
            return (
                SpectrumRubric.Level(id: "inform", name: "Inform", position: 1, goal: "", promise: ""), nil
            )
        }
        var index = 0
        for (i, l) in levels.enumerated()
        where abs(l.position - position) < abs(best.position - position) - 1e-9 {
            best = l
            index = i
        }
        var edge: SpectrumRubric.Level?
        if position > best.position, index + 1 < levels.count {
            let next = levels[index + 1]
            if (position - best.position) / (next.position - best.position) >= rubric.edging - 1e-9 {
                edge = next
            }
        } else if position < best.position, index > 0 {
            let prev = levels[index - 1]
            if (best.position - position) / (best.position - prev.position) >= rubric.edging - 1e-9 {
                edge = prev
            }
        }
        return (best, edge)
    }
}
