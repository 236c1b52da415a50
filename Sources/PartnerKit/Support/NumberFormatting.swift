/// Formats a number the way people write it: `3`, `0.25`, `1200000`.
public func formatNumber(_ d: Double, maxFractionDigits: Int = 2) -> String {
    guard d.isFinite else { return d.isNaN ? "NaN" : (d < 0 ? "-inf" : "inf") }
    if d == d.rounded() && abs(d) < 1e15 { return String(Int64(d)) }
    // Scaling a huge value to round its fraction would overflow to "inf": it has no fraction.
    if abs(d) >= 1e15 { return String(d) }
    var scale = 1.0
    for _ in 0..<maxFractionDigits { scale *= 10 }
    let r = (d * scale).rounded() / scale
    if r == r.rounded() && abs(r) < 1e15 { return String(Int64(r)) }
    var s = String(r)
    if s.contains("e") { return s }
    while s.hasSuffix("0") { s.removeLast() }
    return s
}

/// `0.734` → `73%`.
func percent(_ v: Double) -> String { "\(Int((v * 100).rounded()))%" }

/// How a dollar amount is written. Two styles, on purpose: a *size* (an annual budget in a
/// score's reasons) is read at a glance, an amount that *changes hands* (what a partner pays)
/// is read to the cent.
enum MoneyStyle {
    /// `1250000` → `$1.25M`, `250000` → `$250k`, `900` → `$900`.
    case compact
    /// `$2,000`, `$1,250.50`.
    case exact
}

/// A dollar amount in `style` (see `MoneyStyle`): the one money format of every report.
func formatMoney(_ d: Double, _ style: MoneyStyle = .exact) -> String {
    switch style {
    case .compact:
        if d >= 1_000_000 { return "$\(formatNumber(d / 1_000_000, maxFractionDigits: 2))M" }
        if d >= 1_000 { return "$\(formatNumber(d / 1_000, maxFractionDigits: 1))k" }
        return "$\(formatNumber(d))"
    case .exact:
        // Int64(Double) traps past 9.2e18: amounts no budget reaches are shown as plain numbers.
        guard d.isFinite, abs(d) < 1e15 else { return "$" + formatNumber(d) }
        let whole = Int64(d.rounded(.down))
        var digits = String(whole)
        var groups: [String] = []
        while digits.count > 3 {
            groups.insert(String(digits.suffix(3)), at: 0)
            digits.removeLast(3)
        }
        groups.insert(digits, at: 0)
        let cents = Int(((d - Double(whole)) * 100).rounded())
        return "$" + groups.joined(separator: ",")
            + (cents > 0 ? "." + (cents < 10 ? "0" : "") + String(cents) : "")
    }
}
