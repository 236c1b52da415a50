import Foundation

// Partnership, transaction or promotion: the kind of a collaboration, with its reasons.

extension SpectrumEngine {
    /// Promotion when every contribution on every side is promotion (and no money moves);
    /// transaction when money flows one way with no co-design and no shared or handed-over
    /// decisions; otherwise a partnership.
    static func classify(_ f: Facts) -> (Placement.Kind, [String]) {
        let c = f.p.contributions
        if !c.isEmpty, !f.moneyChangesHands, c.allSatisfy({ $0.kind == .promotion }) {
            return (
                .promotion,
                [
                    "every contribution on every side is promotion (\(c.count)): publicity exchanged, nothing created together"
                ]
            )
        }
        let s = f.signals
        let sharedDecisions = s.decisions == .shared || s.decisions == .partner
        if s.moneyOneWay, s.coDesigned != true, !sharedDecisions {
            let payer = f.libraryPaysMoney ? "the library pays" : "the partner pays"
            let amount = f.libraryPaysMoney ? f.p.libraryPays : f.p.partnerPays
            let money = amount.map { "\(payer) \(formatMoney($0))" } ?? payer
            let forWhat =
                f.partnerPaysMoney && c.contains { $0.party == LibraryProfile.party && $0.kind == .promotion }
                ? "for recognition (a sponsorship)" : "for a service"
            return (
                .transaction,
                ["money flows one way (\(money)) \(forWhat), with no co-design and no shared decisions"]
            )
        }
        var why: [String] = []
        if c.isEmpty {
            why.append(
                "no contributions recorded: a partnership by default, but mutual contribution is not shown")
        }
        if sharedDecisions {
            why.append("final decisions are \(s.decisions == .shared ? "shared" : "the partner's")")
        }
        if s.coDesigned == true { why.append("designed together") }
        if !c.isEmpty, !c.allSatisfy({ $0.kind == .promotion }) {
            let kinds = Set(c.map(\.kind.rawValue)).sorted()
            why.append("contributions are more than promotion (\(kinds.joined(separator: ", ")))")
        }
        if !f.signals.moneyOneWay {
            why.append(f.moneyChangesHands ? "both sides put in money" : "no money for a service")
        }
        return (.partnership, why)
    }
}
