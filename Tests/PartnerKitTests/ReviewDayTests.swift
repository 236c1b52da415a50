import Testing

@testable import PartnerKit

@Suite struct ReviewDayTests {
    let late = Day("2026-11-29")

    @Test func aPastQuarterIsReviewedAsOfItsLastDay() throws {
        let asOf = try #require(late)
        let q3 = try #require(Quarter("2026-Q3"))
        #expect(q3.reviewDay(asOf: asOf, asOfGiven: false) == Day("2026-09-30"))
    }

    @Test func anExplicitAsOfAlwaysWins() throws {
        let asOf = try #require(late)
        let q3 = try #require(Quarter("2026-Q3"))
        #expect(q3.reviewDay(asOf: asOf, asOfGiven: true) == asOf)
    }

    @Test func theCurrentAndLaterQuartersKeepToday() throws {
        let asOf = try #require(late)
        #expect(asOf.quarter.reviewDay(asOf: asOf, asOfGiven: false) == asOf)
        let next = try #require(Quarter("2027-Q1"))
        #expect(next.reviewDay(asOf: asOf, asOfGiven: false) == asOf)
    }
}
