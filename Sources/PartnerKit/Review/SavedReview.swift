import Foundation

// The saved-review format, `reviews/YYYY-Qn.json`: written by `partnerkit review --save`, read
// back for the next quarter's comparison. Review owns it: the keys the comparison reads are
// declared here once (`ReviewSnapshot.Key`), the JSON review (`ReviewReport`) writes them with
// these names, and `ReviewSnapshot.read` reads them. The workspace (`ReviewArchive`) and the CLI
// only find, read and write the bytes.
//
// A saved review is the whole JSON review (`review --format json`) with `"version"` first; the
// comparison reads only the fields below, so the rest may grow freely. Change what the fields
// mean or where they sit, and the version goes up.

/// What a saved review (`reviews/YYYY-Qn.json`) remembers of one partnership.
public struct SnapshotEntry: Sendable, Hashable {
    public var id: String
    public var health: PortfolioReview.Health
    public var level: String
    public var position: Double?
    public init(id: String, health: PortfolioReview.Health, level: String, position: Double?) {
        self.id = id
        self.health = health
        self.level = level
        self.position = position
    }
}

/// A saved review, as read back for the quarter-over-quarter comparison.
public struct ReviewSnapshot: Sendable {
    public var quarter: Quarter
    public var partnerships: [SnapshotEntry]
    public var coverage: [String: Int]
    /// Tie keys ("a|b", a < b) at the time, when the snapshot recorded them.
    public var ties: Set<String>?
    public var file: String
    public init(
        quarter: Quarter, partnerships: [SnapshotEntry], coverage: [String: Int], ties: Set<String>?,
        file: String
    ) {
        self.quarter = quarter
        self.partnerships = partnerships
        self.coverage = coverage
        self.ties = ties
        self.file = file
    }
}

extension ReviewSnapshot {
    /// The format version `review --save` writes. A file without a `"version"` (saved before
    /// the key existed) is version 1; a later version is an error naming the file and field.
    public static let version = 1

    /// The saved review's keys that the comparison reads, one enum per object.
    public enum Key: String, Sendable {
        /// The format's version, a whole number (`version`).
        case version
        /// One object per reviewed partnership (`PartnershipKey`).
        case partnerships
        /// One object per library priority (`CoverageKey`).
        case coverage
        /// The network at the time (`NetworkKey`).
        case network
    }

    /// A member of `partnerships[i]`.
    public enum PartnershipKey: String, Sendable {
        /// The partnership's id (required).
        case id
        /// `green`, `amber` or `red`; green when missing.
        case health
        /// The spectrum level's id.
        case level
        /// The position on the spectrum, 1–5.
        case position
    }

    /// A member of `coverage[i]`.
    public enum CoverageKey: String, Sendable {
        /// The priority's id.
        case priority
        /// How many partnerships served it, a whole number.
        case partnerships
    }

    /// A member of `network`.
    public enum NetworkKey: String, Sendable {
        /// Every tie as "a|b" with a < b, so the next review can tell the new ones.
        case ties
    }

    /// Reads a saved review's bytes. Unknown keys are fine (a snapshot holds the whole review);
    /// the keys above are what the comparison needs. Nil with the problems when the file does
    /// not read, or was saved in a format version this PartnerKit does not know.
    public static func read(_ bytes: [UInt8], file: String, quarter: Quarter, limits: InputLimits = .default)
        -> (snapshot: ReviewSnapshot?, diagnostics: [Diagnostic])
    {
        let sink = DiagnosticSink()
        guard let r = JSONDocument.parse(bytes, file: file, sink: sink, limits: limits), r.expectObject(),
            readVersion(r)
        else {
            return (nil, sink.diagnostics)
        }
        var entries: [SnapshotEntry] = []
        for item in r.array(Key.partnerships.rawValue) ?? [] {
            guard item.expectObject(), let id = item.string(PartnershipKey.id.rawValue, required: true) else {
                continue
            }
            let health =
                item.enumeration(PartnershipKey.health.rawValue, PortfolioReview.Health.self) ?? .green
            let level = item.string(PartnershipKey.level.rawValue) ?? ""
            entries.append(
                SnapshotEntry(
                    id: id, health: health, level: level,
                    position: item.number(PartnershipKey.position.rawValue)))
        }
        var coverage: [String: Int] = [:]
        for item in r.array(Key.coverage.rawValue) ?? [] {
            guard let p = item.string(CoverageKey.priority.rawValue) else { continue }
            // Int(Double) traps beyond Int's range: a hand-edited 1e300 must be an error.
            let count = item.number(CoverageKey.partnerships.rawValue) ?? 0
            guard count == count.rounded(), (0...1e9).contains(count) else {
                item.child(CoverageKey.partnerships.rawValue)?.error(
                    "must be a whole number of partnerships, found \(formatNumber(count))")
                continue
            }
            coverage[p] = Int(count)
        }
        let ties = r.child(Key.network.rawValue)?.stringList(NetworkKey.ties.rawValue).map(Set.init)
        let snapshot = ReviewSnapshot(
            quarter: quarter, partnerships: entries, coverage: coverage, ties: ties, file: file)
        return (sink.hasErrors ? nil : snapshot, sink.diagnostics)
    }

    /// Whether the file's `version` is one this PartnerKit reads (missing means 1); reports
    /// the problem on the field when not.
    static func readVersion(_ r: JSONField) -> Bool {
        guard let field = r.child(Key.version.rawValue) else { return true }
        guard case .number(let v) = field.node.value, v == v.rounded(), v >= 1 else {
            let found: String
            if case .number(let v) = field.node.value {
                found = formatNumber(v)
            } else {
                found = field.node.typeName
            }
            field.error(
                "must be the saved-review format's version, a whole number from 1 (this PartnerKit writes \(version)), found \(found)"
            )
            return false
        }
        guard v <= Double(version) else {
            field.error(
                "is \(formatNumber(v)): this review was saved by a newer PartnerKit, and this one reads saved-review format \(version) only",
                hint: "update PartnerKit to compare with it, or move the file out of reviews/")
            return false
        }
        return true
    }
}
