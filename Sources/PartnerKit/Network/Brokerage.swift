/// Burt's structural-hole measures (Burt, *Structural Holes: The Social Structure of
/// Competition*, Harvard University Press, 1992), exactly as networkx 3.x computes them
/// (`networkx/algorithms/structuralholes.py`), for undirected graphs.
///
/// With a_ij the tie weight (1 when unweighted; networkx's "mutual weight" of an undirected
/// tie is 2·a_ij, and the factor cancels), p_ij = a_ij / Σ_k a_ik the share of i's ties
/// invested in j, and m_ij = a_ij / max_k a_ik:
///
/// - constraint c(i) = Σ_{j ∈ N(i)} (p_ij + Σ_{q ∈ N(i)} p_iq p_qj)²
/// - effective size e(i) = Σ_{j ∈ N(i)} (1 − Σ_{q ∈ N(i)} p_iq m_jq)
///   (unweighted this is Borgatti's n − 2t/n, Borgatti 1997, "Structural holes: unpacking
///   Burt's redundancy measures", Connections 20(1))
///
/// Both are undefined for an isolated node: networkx returns NaN, we return nil.
///
/// Weighted effective size, a caveat: networkx 3.6's `effective_size(G, weight=…)` for all
/// nodes (its sparse-matrix path, taken whenever SciPy is installed) normalises a_jq by
/// max_k a_qk (q's strongest tie) instead of max_k a_jk as its own per-node path and Burt's
/// formula do. `effectiveSize` is the value that call returns, so results equal networkx's
/// as users call it; `effectiveSizeBurt` is the documented per-node formula. Unweighted, and
/// for constraint, the two paths agree.
public struct Brokerage: Sendable, Hashable {
    public var degree: Int
    public var constraint: Double?
    /// As `networkx.effective_size(G, weight=…)` returns it for every node.
    public var effectiveSize: Double?
    /// Burt's formula, as networkx documents it and computes it per node.
    public var effectiveSizeBurt: Double?
}

extension RelationshipGraph {
    /// Burt's constraint and effective size of every node, weighted by tie strength or not.
    ///
    /// For each node i, the shares p_iq are spread into a dense scratch array over N(i); the
    /// indirect terms come from walking each neighbour's row, so the whole graph costs
    /// Σ_q k(q)² time and O(n) scratch (networkx's all-nodes path builds n×n matrices).
    ///
    /// - Complexity: O(Σ_v k(v)²) time, O(n) extra memory.
    public func brokerage(weighted: Bool) -> [Brokerage] {
        let n = nodeCount
        // Per node: Σ weights and max weight of its ties.
        var total = [Double](repeating: 0, count: n)
        var maxW = [Double](repeating: 0, count: n)
        for v in 0..<n {
            var s = 0.0, m = 0.0
            for p in offsets[v]..<offsets[v + 1] {
                let w = weighted ? weight(slot: p) : 1
                s += w
                m = Swift.max(m, w)
            }
            total[v] = s
            maxW[v] = m
        }
        @inline(__always) func w(_ p: Int) -> Double { weighted ? weight(slot: p) : 1 }

        var share = [Double](repeating: 0, count: n)  // p_iq for q ∈ N(i), else 0
        var inN = [Bool](repeating: false, count: n)
        var indirect = [Double](repeating: 0, count: n)
        var out: [Brokerage] = []
        out.reserveCapacity(n)
        for i in 0..<n {
            let k = degree(i)
            guard k > 0, total[i] > 0 else {
                out.append(Brokerage(degree: k, constraint: nil, effectiveSize: nil, effectiveSizeBurt: nil))
                continue
            }
            for p in offsets[i]..<offsets[i + 1] {
                let q = Int(neighborStorage[p])
                share[q] = w(p) / total[i]
                inN[q] = true
            }
            // indirect[j] = Σ_q p_iq p_qj over j ∈ N(i); redundancy[j] = Σ_q p_iq m_jq.
            var redundancy = 0.0, redundancyAllNodes = 0.0
            var effective = 0.0, effectiveAllNodes = 0.0
            for p in offsets[i]..<offsets[i + 1] {
                let q = Int(neighborStorage[p])
                let piq = share[q]
                for r in offsets[q]..<offsets[q + 1] {
                    let j = Int(neighborStorage[r])
                    guard inN[j] else { continue }
                    if total[q] > 0 { indirect[j] += piq * w(r) / total[q] }
                }
            }
            var constraint = 0.0
            for p in offsets[i]..<offsets[i + 1] {
                let j = Int(neighborStorage[p])
                let local = share[j] + indirect[j]
                constraint += local * local
                // Redundancy of j: Σ_{q ∈ N(i) ∩ N(j)} p_iq · a_jq / max_k a_jk.
                // networkx's all-nodes path divides by max_k a_qk instead (see above).
                redundancy = 0
                redundancyAllNodes = 0
                for r in offsets[j]..<offsets[j + 1] {
                    let q = Int(neighborStorage[r])
                    guard inN[q] else { continue }
                    if maxW[j] > 0 { redundancy += share[q] * w(r) / maxW[j] }
                    if maxW[q] > 0 { redundancyAllNodes += share[q] * w(r) / maxW[q] }
                }
                effective += 1 - redundancy
                effectiveAllNodes += 1 - redundancyAllNodes
            }
            for p in offsets[i]..<offsets[i + 1] {
                let q = Int(neighborStorage[p])
                share[q] = 0
                inN[q] = false
                indirect[q] = 0
            }
            out.append(
                Brokerage(
                    degree: k, constraint: constraint, effectiveSize: effectiveAllNodes,
                    effectiveSizeBurt: effective))
        }
        return out
    }
}
