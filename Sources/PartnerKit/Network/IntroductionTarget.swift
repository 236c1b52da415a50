/// Whose introductions `introduce --for ID` asks for.
public enum IntroductionTarget: Sendable, Hashable {
    /// An organization's id (given directly, or the organization of the person given).
    case organization(String)
    /// The library itself: it makes the introductions, it is not introduced.
    case library
    /// Neither an organization nor a person of one.
    case unknown
}

extension Introductions {
    /// Resolves `--for ID`: an organization stands for itself, a person for their organization.
    public static func target(_ id: String, in w: Workspace) -> IntroductionTarget {
        if w.isLibrary(id) { return .library }
        if let org = w.person(id)?.organization, w.organization(org) != nil { return .organization(org) }
        return w.organization(id) == nil ? .unknown : .organization(id)
    }
}
