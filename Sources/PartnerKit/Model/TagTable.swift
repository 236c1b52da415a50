/// Interns tag strings to dense integer ids. One table per workspace; ids are stable for the
/// life of the table and meaningless outside it.
public struct TagTable: Sendable {
    public private(set) var names: [String] = []
    private var ids: [String: UInt32] = [:]

    public init() {}

    public mutating func intern(_ tag: String) -> UInt32 {
        if let id = ids[tag] { return id }
        let id = UInt32(names.count)
        names.append(tag)
        ids[tag] = id
        return id
    }

    public func id(_ tag: String) -> UInt32? { ids[tag] }
    public func name(_ id: UInt32) -> String { Int(id) < names.count ? names[Int(id)] : "#\(id)" }
    public var count: Int { names.count }
}
