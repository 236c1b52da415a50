/// A calendar date without a time or a time zone (`YYYY-MM-DD`), stored as days since
/// 1970-01-01 in the proleptic Gregorian calendar. Every "as of" computation in PartnerKit is
/// in whole days, so there is no time-zone arithmetic anywhere.
public struct Day: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Days since 1970-01-01.
    public var ordinal: Int

    public init(ordinal: Int) { self.ordinal = ordinal }

    /// A real date, or nil (2026-02-30 is not one).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month), day >= 1,
            day <= Day.daysIn(month: month, year: year)
        else { return nil }
        ordinal = Day.daysFromCivil(year, month, day)
    }

    /// Parses exactly `YYYY-MM-DD` (ten characters, ASCII digits). Anything else is nil.
    public init?(_ text: some StringProtocol) {
        // Parse the UTF-8 bytes in place when the string has contiguous storage (no array per
        // date: the loader reads hundreds of thousands of them).
        if let parsed = text.utf8.withContiguousStorageIfAvailable({ Day.parse($0) }) {
            guard let d = parsed else { return nil }
            self = d
            return
        }
        guard let d = Day.parse(Array(text.utf8)) else { return nil }
        self = d
    }

    static func parse<C: RandomAccessCollection>(_ u: C) -> Day? where C.Element == UInt8, C.Index == Int {
        guard u.count == 10 else { return nil }
        let b = u.startIndex
        guard u[b + 4] == UInt8(ascii: "-"), u[b + 7] == UInt8(ascii: "-") else { return nil }
        func num(_ r: Range<Int>) -> Int? {
            var v = 0
            for i in r {
                let c = u[b + i]
                guard c >= 48, c <= 57 else { return nil }
                v = v * 10 + Int(c - 48)
            }
            return v
        }
        guard let y = num(0..<4), let m = num(5..<7), let d = num(8..<10) else { return nil }
        return Day(year: y, month: m, day: d)
    }

    /// What to write instead of `text`, which is not a `YYYY-MM-DD` date: the ISO spelling of
    /// a date written the US way (`11/12/2026`, month first: "write 2026-11-12"), or day first
    /// when only that reading is a date (`25/12/2026`), or with the year first (`2026/11/12`).
    /// When both readings are dates, and different ones, both are offered, US first.
    public static func spelling(of text: some StringProtocol) -> String {
        let generic = "write YYYY-MM-DD (a real calendar date)"
        let parts = text.split(omittingEmptySubsequences: false) { $0 == "/" || $0 == "." || $0 == "-" }
        guard parts.count == 3, parts.allSatisfy({ !$0.isEmpty && $0.count <= 4 && $0.allSatisfy(\.isASCII) })
        else { return generic }
        let n = parts.compactMap { Int($0) }
        guard n.count == 3 else { return generic }
        if parts[0].count == 4, let d = Day(year: n[0], month: n[1], day: n[2]) { return "write \(d)" }
        guard parts[2].count == 4 else { return generic }
        let monthFirst = Day(year: n[2], month: n[0], day: n[1])
        let dayFirst = Day(year: n[2], month: n[1], day: n[0])
        switch (monthFirst, dayFirst) {
        case (let us?, let other?) where us != other:
            return "write \(us) (month first, as in the US) or \(other) (day first)"
        case (let us?, _): return "write \(us)"
        case (nil, let other?): return "write \(other)"
        case (nil, nil): return generic
        }
    }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Howard Hinnant's `days_from_civil` (chrono-Compatible Low-Level Date Algorithms).
    static func daysFromCivil(_ y0: Int, _ m: Int, _ d: Int) -> Int {
        let y = m <= 2 ? y0 - 1 : y0
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (m + 9) % 12
        let doy = (153 * mp + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    /// Hinnant's `civil_from_days`.
    public var components: (year: Int, month: Int, day: Int) {
        let z = ordinal + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    public var description: String {
        let (y, m, d) = components
        func pad(_ v: Int, _ w: Int) -> String {
            let s = String(v)
            return String(repeating: "0", count: max(0, w - s.count)) + s
        }
        return "\(pad(y, 4))-\(pad(m, 2))-\(pad(d, 2))"
    }

    public static func < (a: Day, b: Day) -> Bool { a.ordinal < b.ordinal }
    public static func + (a: Day, days: Int) -> Day { Day(ordinal: a.ordinal + days) }
    public static func - (a: Day, b: Day) -> Int { a.ordinal - b.ordinal }

    /// The calendar quarter this day falls in.
    public var quarter: Quarter {
        let (y, m, _) = components
        return Quarter(year: y, number: (m - 1) / 3 + 1)
    }
}

/// A calendar quarter, `2026-Q4`.
public struct Quarter: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var year: Int
    public var number: Int  // 1...4

    public init(year: Int, number: Int) {
        self.year = year
        self.number = number
    }

    /// Parses `YYYY-Qn`.
    public init?(_ text: String) {
        let parts = text.uppercased().split(separator: "-Q", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 4, let y = Int(parts[0]), let n = Int(parts[1]),
            (1...4).contains(n), y >= 1
        else { return nil }
        self.init(year: y, number: n)
    }

    public var first: Day { Day(year: year, month: (number - 1) * 3 + 1, day: 1) ?? Day(ordinal: 0) }
    public var last: Day { next.first + (-1) }
    public var next: Quarter {
        number == 4 ? Quarter(year: year + 1, number: 1) : Quarter(year: year, number: number + 1)
    }
    public var previous: Quarter {
        number == 1 ? Quarter(year: year - 1, number: 4) : Quarter(year: year, number: number - 1)
    }
    public func contains(_ d: Day) -> Bool { d >= first && d <= last }
    public var description: String { "\(year)-Q\(number)" }
    public static func < (a: Quarter, b: Quarter) -> Bool { (a.year, a.number) < (b.year, b.number) }
}
