import Testing

@testable import PartnerKit

@Suite struct DayTests {
    @Test(arguments: [
        "2026-02-29", "2025-13-01", "2025-00-10", "2025-04-31", "25-01-01", "2025-1-1", "2025/01/01", "",
        "2025-01-01x",
    ])
    func rejectsInvalidDates(_ text: String) {
        #expect(Day(text) == nil)
    }

    @Test(arguments: ["2024-02-29", "2000-02-29", "1999-12-31", "2026-11-29", "1970-01-01"])
    func roundTrips(_ text: String) {
        #expect(Day(text)?.description == text)
    }

    @Test func arithmetic() throws {
        let a = try #require(Day("2026-01-01"))
        let b = try #require(Day("2026-03-01"))
        #expect(b - a == 59)
        #expect((a + 59) == b)
        #expect(Day("1900-02-29") == nil)
    }

    @Test func quarters() throws {
        let q = try #require(Quarter("2026-Q4"))
        #expect(q.first.description == "2026-10-01")
        #expect(q.last.description == "2026-12-31")
        #expect(q.next.description == "2027-Q1")
        #expect(q.previous.description == "2026-Q3")
        #expect(try #require(Day("2026-11-29")).quarter == q)
        #expect(Quarter("2026-Q5") == nil)
        #expect(Quarter("2026Q1") == nil)
    }
}
