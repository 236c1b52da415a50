import Foundation

// What the spectrum engine reads from one partnership: its signals, filled from the
// description's cue words when a field is missing, and who puts in money.

extension SpectrumEngine {
    /// The level signals after filling missing fields from description cue words.
    struct Signals: Hashable {
        var initiatedBy: Partnership.Initiator?
        var decisions: Partnership.Decisions?
        var partnerInput: Partnership.PartnerInput?
        var coDesigned: Bool?
        /// Every partner contributes something other than promotion or money.
        var partnerResources: Bool
        /// Money flows one way only.
        var moneyOneWay: Bool
        /// signal → the cue phrase it was read from.
        var cues: [String: String] = [:]
    }

    /// What the engine needs to know about one partnership, worked out once.
    struct Facts {
        let p: Partnership
        let parties: [String]
        var signals: Signals
        let libraryPaysMoney: Bool
        let partnerPaysMoney: Bool
        var moneyChangesHands: Bool { libraryPaysMoney || partnerPaysMoney }
        let workspace: Workspace

        init(_ p: Partnership, workspace: Workspace, rubric: SpectrumRubric) {
            self.p = p
            self.workspace = workspace
            parties = [LibraryProfile.party] + p.partners
            libraryPaysMoney =
                (p.libraryPays ?? 0) > 0
                || p.contributions.contains { $0.party == LibraryProfile.party && $0.kind == .funding }
            partnerPaysMoney =
                (p.partnerPays ?? 0) > 0
                || p.contributions.contains { $0.party != LibraryProfile.party && $0.kind == .funding }
            let substantive: Set<Partnership.ContributionKind> = Set(Partnership.ContributionKind.allCases)
                .subtracting([.promotion, .funding])
            let partnerResources =
                !p.partners.isEmpty
                && p.partners.allSatisfy { partner in
                    p.contributions.contains { $0.party == partner && substantive.contains($0.kind) }
                }
            signals = Signals(
                initiatedBy: p.initiatedBy, decisions: p.decisions, partnerInput: p.partnerInput,
                coDesigned: p.coDesigned,
                partnerResources: partnerResources, moneyOneWay: libraryPaysMoney != partnerPaysMoney)
            let text = (p.description ?? "").lowercased()
            guard !text.isEmpty else { return }
            func cue(_ s: SpectrumRubric.CueSignal) -> (value: String, phrase: String)? {
                for c in rubric.cues where c.signal == s {
                    if let phrase = c.phrases.first(where: { !$0.isEmpty && SpectrumEngine.affirms(text, $0) }
                    ) {
                        return (c.value, phrase)
                    }
                }
                return nil
            }
            if signals.initiatedBy == nil, let c = cue(.initiatedBy),
                let v = Partnership.Initiator(rawValue: c.value)
            {
                signals.initiatedBy = v
                signals.cues["initiated_by"] = c.phrase
            }
            if signals.decisions == nil, let c = cue(.decisions),
                let v = Partnership.Decisions(rawValue: c.value)
            {
                signals.decisions = v
                signals.cues["decisions"] = c.phrase
            }
            if signals.partnerInput == nil, let c = cue(.partnerInput),
                let v = Partnership.PartnerInput(rawValue: c.value)
            {
                signals.partnerInput = v
                signals.cues["partner_input"] = c.phrase
            }
            if signals.coDesigned == nil, let c = cue(.coDesigned), let v = Bool(c.value) {
                signals.coDesigned = v
                signals.cues["co_designed"] = c.phrase
            }
        }

        func name(_ party: String) -> String {
            workspace.displayName(party == LibraryProfile.party ? workspace.library.id : party)
        }
    }

    /// Words that, just before a cue phrase, say the opposite ("it was *not* co-designed", "we
    /// gathered *no* feedback").
    static let negations: Set<Substring> = [
        "not", "no", "never", "without", "neither", "nor", "isn't", "wasn't", "weren't", "didn't", "don't",
        "doesn't", "hasn't", "haven't",
    ]

    /// Whether `text` (lowercased) states `phrase`: some occurrence not negated by one of the
    /// three words before it.
    static func affirms(_ text: String, _ phrase: String) -> Bool {
        var from = text.startIndex
        while let r = text.range(of: phrase, range: from..<text.endIndex) {
            let before = text[..<r.lowerBound].split(whereSeparator: { !$0.isLetter && $0 != "'" }).suffix(3)
            if !before.contains(where: { negations.contains($0) }) { return true }
            from = r.upperBound
        }
        return false
    }
}
