import Testing

@testable import PartnerKit

@Suite struct NumberFormattingTests {
    @Test(
        arguments: [
            (1_150_000, "$1.15M"), (9_200_000, "$9.2M"), (250_000, "$250k"), (1_500, "$1.5k"), (900, "$900"),
            (0, "$0"),
        ] as [(Double, String)])
    func compactMoneyIsASizeAtAGlance(amount: Double, expected: String) {
        #expect(formatMoney(amount, .compact) == expected)
    }

    @Test(
        arguments: [
            (2_000, "$2,000"), (1_250.5, "$1,250.50"), (1_234_567.05, "$1,234,567.05"), (12, "$12"),
            (1e16, "$1e+16"),
        ] as [(Double, String)])
    func exactMoneyIsToTheCent(amount: Double, expected: String) {
        #expect(formatMoney(amount) == expected)
        #expect(formatMoney(amount, .exact) == expected)
    }
}
