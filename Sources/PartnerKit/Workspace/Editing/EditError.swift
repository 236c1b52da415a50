/// Why an edit was refused: the problems, each a `Diagnostic` printed like every other input
/// problem (`file:line: error: …`). Nothing has been written when an edit throws this.
public struct EditError: Error, Sendable, CustomStringConvertible {
    public var diagnostics: [Diagnostic]

    public init(_ diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }

    public init(
        _ file: String, _ location: Diagnostic.Location = .file, _ message: String, hint: String? = nil
    ) {
        diagnostics = [.error(file, location, message, hint: hint)]
    }

    public var description: String { diagnostics.map(\.formatted).joined(separator: "\n") }
}
