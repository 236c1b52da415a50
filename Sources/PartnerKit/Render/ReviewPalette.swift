import Foundation

/// The review page's colours, in one place so a test can check their contrast. Health is
/// never colour alone: each health also has a word and a marker shape (circle, triangle,
/// square), drawn by `ReviewPalette.marker`.
public enum ReviewPalette {
    public static let ink = "#1f2933"
    public static let muted = "#52606d"
    public static let accent = "#1d4f7c"
    public static let line = "#d9e2ec"
    public static let paper = "#ffffff"
    public static let panel = "#f5f7fa"
    /// Lines and markers of organizations that are not partners.
    public static let neutral = "#7b8794"

    /// Text, badge backgrounds and markers for each health.
    public static func color(_ h: PortfolioReview.Health) -> String {
        switch h {
        case .green: "#1e6b35"
        case .amber: "#9a4a00"
        case .red: "#b3261e"
        }
    }

    public static func shapeName(_ h: PortfolioReview.Health) -> String {
        switch h {
        case .green: "circle"
        case .amber: "triangle"
        case .red: "square"
        }
    }

    /// The pairs the page draws text with (foreground, background), each needing WCAG AA's
    /// 4.5:1 for normal text.
    public static var textPairs: [(name: String, fg: String, bg: String)] {
        var pairs: [(String, String, String)] = [
            ("body text", ink, paper), ("muted text", muted, paper), ("headings", accent, paper),
            ("muted on panel", muted, panel), ("text on panel", ink, panel),
            ("accent on panel", accent, panel),
            ("button text", paper, accent),
        ]
        for h in PortfolioReview.Health.allCases {
            pairs.append(("\(h.rawValue) word", color(h), paper))
            pairs.append(("\(h.rawValue) on panel", color(h), panel))
            pairs.append(("text on \(h.rawValue) badge", paper, color(h)))
        }
        return pairs
    }

    /// Graphics that carry meaning (markers, tie lines), needing WCAG's 3:1 non-text contrast.
    public static var graphicPairs: [(name: String, fg: String, bg: String)] {
        [("neutral marker", neutral, paper), ("library tie", accent, paper)]
            + PortfolioReview.Health.allCases.map { ("\($0.rawValue) marker", color($0), paper) }
    }

    /// WCAG 2.x contrast ratio of two `#rrggbb` colours, 1…21.
    public static func contrast(_ a: String, _ b: String) -> Double {
        let la = luminance(a), lb = luminance(b)
        return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)
    }

    /// Relative luminance (WCAG 2.x, sRGB).
    static func luminance(_ hex: String) -> Double {
        let digits = hex.hasPrefix("#") ? String(hex.dropFirst()) : hex
        guard digits.count == 6, let v = UInt32(digits, radix: 16) else { return 0 }
        func channel(_ c: UInt32) -> Double {
            let s = Double(c) / 255
            return s <= 0.04045 ? s / 12.92 : pow((s + 0.055) / 1.055, 2.4)
        }
        return 0.2126 * channel(v >> 16 & 0xFF) + 0.7152 * channel(v >> 8 & 0xFF) + 0.0722 * channel(v & 0xFF)
    }

    /// A marker for a health (or for a non-partner when nil) centred on x, y: circle for
    /// green, triangle for amber, square for red; hollow when `hollow` (proposed partners).
    public static func marker(
        _ h: PortfolioReview.Health?, x: Double, y: Double, r: Double, hollow: Bool = false,
        extra: String = ""
    ) -> String {
        let colour = h.map(color) ?? neutral
        let paint =
            hollow
            ? "fill=\"\(paper)\" stroke=\"\(colour)\" stroke-width=\"2\""
            : "fill=\"\(colour)\" stroke=\"\(paper)\" stroke-width=\"1.5\""
        func f(_ d: Double) -> String { String(format: "%.1f", d) }
        switch h {
        case .amber?:
            let t = r * 1.2
            return
                "<polygon points=\"\(f(x)),\(f(y - t)) \(f(x + t)),\(f(y + t * 0.8)) \(f(x - t)),\(f(y + t * 0.8))\" \(paint)\(extra)/>"
        case .red?:
            let s = r * 0.9
            return
                "<rect x=\"\(f(x - s))\" y=\"\(f(y - s))\" width=\"\(f(2 * s))\" height=\"\(f(2 * s))\" \(paint)\(extra)/>"
        default:
            return "<circle cx=\"\(f(x))\" cy=\"\(f(y))\" r=\"\(f(r))\" \(paint)\(extra)/>"
        }
    }
}
