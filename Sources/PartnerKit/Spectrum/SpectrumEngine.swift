import Foundation

/// Places collaborations on a participation spectrum (IAP2's Spectrum of Public Participation,
/// or the library dessert spectrum), tells a partnership from a transaction or promotion,
/// checks the six criteria and the readiness of the plan, and suggests next steps.
///
/// A pure function of the workspace, the partnership, the rubric and the as-of date: it never
/// reads files or prints, and the same inputs always give the same placement.
///
/// This file orchestrates; each step is its own file: `SpectrumFacts` (the signals, read from
/// fields or the description's cue words), `SpectrumKind` (partnership, transaction or
/// promotion), `SpectrumPosition` (position, level, edging), `SpectrumCriteria` (the six
/// criteria), `SpectrumReadiness` (the plan's nuts and bolts), `SpectrumNextSteps`, and
/// `SpectrumWording` (the prose helpers they share).
public enum SpectrumEngine {
    /// Places every partnership given, in the order given.
    public static func place(
        _ partnerships: [Partnership], workspace: Workspace, rubric: SpectrumRubric, asOf: Day
    ) -> [Placement] {
        partnerships.map { place($0, workspace: workspace, rubric: rubric, asOf: asOf) }
    }

    public static func place(_ p: Partnership, workspace: Workspace, rubric: SpectrumRubric, asOf: Day)
        -> Placement
    {
        let facts = Facts(p, workspace: workspace, rubric: rubric)
        let (kind, kindReasons) = classify(facts)
        let reading = position(facts.signals, rubric: rubric)
        let (level, edging) = levelAndEdge(reading.position, rubric: rubric)
        let criteria = assessCriteria(facts, workspace: workspace, rubric: rubric)
        let readiness = checkReadiness(facts, workspace: workspace, asOf: asOf)
        var confidence = 1.0
        for s in reading.readings {
            if ["initiated_by", "decisions", "partner_input", "co_designed"].contains(s.signal) {
                if s.value == nil { confidence -= rubric.confidenceMissingSignal }
                if s.fromCue != nil { confidence -= rubric.confidenceCue }
            }
        }
        if p.contributions.isEmpty { confidence -= rubric.confidenceMissingSignal }
        var reasons = reading.reasons
        if let ceiling = reading.ceiling {
            reasons.append(ceiling)
        }
        let steps = nextSteps(
            facts, kind: kind, position: reading.position, level: level, criteria: criteria,
            readiness: readiness,
            rubric: rubric)
        var placement = Placement(
            id: p.id, title: p.title, kind: kind, kindReasons: kindReasons, level: level.id,
            levelName: level.name,
            position: reading.position, edgingToward: edging?.id,
            edgingDirection: edging.map { $0.position > level.position ? "up" : "down" },
            confidence: max(0, (confidence * 100).rounded() / 100),
            signals: reading.readings, reasons: reasons, criteria: criteria, readiness: readiness,
            nextSteps: steps)
        placement.paused = p.status == .paused
        placement.dealbreakerPartners = p.partners.filter { id in
            workspace.organization(id).map {
                sortedIntersectionCount($0.tags[.flags], workspace.library.dealbreakers) > 0
            } ?? false
        }
        return placement
    }
}
