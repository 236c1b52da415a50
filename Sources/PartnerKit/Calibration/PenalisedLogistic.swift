import Foundation

/// L2-penalised (ridge) logistic regression, fitted by Newton's method: the model `calibrate`
/// fits to a library's tens of past partnerships.
///
/// The model: P(good | x) = σ(b₀ + Σⱼ βⱼ xⱼ), σ(t) = 1 / (1 + e⁻ᵗ). The fit maximises the
/// penalised log-likelihood
///
///     ℓ(b₀, β) = Σᵢ [ yᵢ ηᵢ − log(1 + e^ηᵢ) ] − (λ / 2) Σⱼ βⱼ²,   ηᵢ = b₀ + xᵢ·β
///
/// with `y` in [0, 1] (a fractional label, such as ½ for "partly", is the usual "soft" target
/// of the same likelihood). The intercept is not penalised. With λ > 0 the objective is
/// strictly concave in β, so the maximum is unique and finite even when the examples are
/// perfectly separable, which with ten or twenty examples they often are.
///
/// Newton's method is iteratively reweighted least squares (McCullagh & Nelder 1989, §4.4;
/// Hastie, Tibshirani & Friedman 2009, §4.4.1): with pᵢ = σ(ηᵢ) and wᵢ = pᵢ(1 − pᵢ),
///
///     gradient g = Xᵀ(y − p) − λ D θ,   Hessian H = Xᵀ W X + λ D,   θ ← θ + H⁻¹ g,
///
/// where X has a leading column of ones, θ = (b₀, β) and D is the identity with a zero for the
/// intercept. A step that lowers ℓ is halved until it does not (it rarely happens: the
/// objective is concave), and the loop stops when no coordinate moves by more than
/// `tolerance`.
///
/// Uncertainty: the standard errors are √diag(H⁻¹) at the optimum. For a penalised fit that
/// is the Laplace approximation to the posterior under the Gaussian prior βⱼ ~ N(0, 1/λ): an
/// honest "give or take" for small samples, slightly narrower than a bootstrap would say.
///
/// The reference values in the unit tests come from `Scripts/calibration_fixtures.py`, which
/// maximises the same ℓ with numpy's IRLS and with scipy's BFGS independently.
///
/// - Complexity: O(iterations · n · k²) for n examples and k factors, plus O(k³) per step.
public struct PenalisedLogistic: Sendable, Equatable {
    public var intercept: Double
    /// One per column of the input, in order.
    public var coefficients: [Double]
    /// √diag(H⁻¹) for each coefficient (the intercept's is left out).
    public var standardErrors: [Double]
    /// The penalised log-likelihood at the optimum.
    public var objective: Double
    public var iterations: Int
    public var converged: Bool

    /// Fits the model. `x[i]` is example i's row (every row the same length), `y[i]` its label
    /// in [0, 1], `lambda` ≥ 0 the penalty on the coefficients.
    ///
    /// Returns nil when the input is unusable: no rows, ragged rows, a label outside [0, 1], a
    /// non-finite number, or a Hessian that is not positive definite (only possible with
    /// `lambda` 0 and collinear columns, or labels all 0 or all 1).
    public static func fit(
        x: [[Double]], y: [Double], lambda: Double, maxIterations: Int = 100, tolerance: Double = 1e-10
    ) -> PenalisedLogistic? {
        let n = x.count
        guard n > 0, y.count == n, lambda >= 0, lambda.isFinite else { return nil }
        let k = x[0].count
        guard x.allSatisfy({ $0.count == k && $0.allSatisfy(\.isFinite) }),
            y.allSatisfy({ $0.isFinite && $0 >= 0 && $0 <= 1 })
        else { return nil }
        let m = k + 1
        // θ[0] is the intercept. Start it at the log-odds of the mean label (clamped): the
        // optimum with no factors, a point close to where most fits end.
        var theta = [Double](repeating: 0, count: m)
        let mean = min(max(y.reduce(0, +) / Double(n), 1e-6), 1 - 1e-6)
        theta[0] = log(mean / (1 - mean))

        func eta(_ i: Int, _ t: [Double]) -> Double {
            var e = t[0]
            for j in 0..<k { e += t[j + 1] * x[i][j] }
            return e
        }
        func objective(_ t: [Double]) -> Double {
            var l = 0.0
            for i in 0..<n {
                let e = eta(i, t)
                l += y[i] * e - softplus(e)
            }
            var penalty = 0.0
            for j in 1..<m { penalty += t[j] * t[j] }
            return l - lambda / 2 * penalty
        }
        func gradientAndHessian(_ t: [Double]) -> (g: [Double], h: [[Double]]) {
            var g = [Double](repeating: 0, count: m)
            var h = [[Double]](repeating: [Double](repeating: 0, count: m), count: m)
            for i in 0..<n {
                let p = sigmoid(eta(i, t))
                let r = y[i] - p, w = p * (1 - p)
                g[0] += r
                h[0][0] += w
                for a in 0..<k {
                    let xa = x[i][a]
                    g[a + 1] += r * xa
                    h[0][a + 1] += w * xa
                    for b in a..<k { h[a + 1][b + 1] += w * xa * x[i][b] }
                }
            }
            for j in 1..<m {
                g[j] -= lambda * t[j]
                h[j][j] += lambda
            }
            for a in 0..<m {
                for b in 0..<a { h[a][b] = h[b][a] }
            }
            return (g, h)
        }

        var current = objective(theta)
        var iterations = 0
        var converged = false
        while iterations < maxIterations {
            iterations += 1
            let (g, h) = gradientAndHessian(theta)
            guard let step = Cholesky(h)?.solve(g) else { return nil }
            var scale = 1.0
            var next = theta
            var value = current
            // Step halving: at most 30 halvings (a step of 1e-9 of Newton's).
            for _ in 0..<30 {
                next = zip(theta, step).map { $0 + scale * $1 }
                value = objective(next)
                if value >= current - 1e-12 * max(1, abs(current)) { break }
                scale /= 2
            }
            let moved = zip(next, theta).map { abs($0 - $1) }.max() ?? 0
            theta = next
            current = value
            if moved < tolerance {
                converged = true
                break
            }
        }
        let (_, h) = gradientAndHessian(theta)
        guard let inverse = Cholesky(h)?.inverseDiagonal() else { return nil }
        return PenalisedLogistic(
            intercept: theta[0], coefficients: Array(theta.dropFirst()),
            standardErrors: inverse.dropFirst().map { $0.squareRoot() }, objective: current,
            iterations: iterations, converged: converged)
    }

    /// The model's probability of a good outcome for one row.
    public func probability(_ row: [Double]) -> Double {
        var e = intercept
        for (c, v) in zip(coefficients, row) { e += c * v }
        return sigmoid(e)
    }
}

/// σ(t) = 1 / (1 + e⁻ᵗ), without overflow for large |t|.
@inline(__always)
func sigmoid(_ t: Double) -> Double {
    t >= 0 ? 1 / (1 + exp(-t)) : exp(t) / (1 + exp(t))
}

/// log(1 + eᵗ), without overflow for large t or loss of precision for very negative t.
@inline(__always)
func softplus(_ t: Double) -> Double {
    t > 0 ? t + log1p(exp(-t)) : log1p(exp(t))
}

/// The Cholesky factor L (H = L Lᵀ) of a small symmetric positive-definite matrix.
///
/// - Complexity: O(m³) to factor, O(m²) per solve.
struct Cholesky {
    var l: [[Double]]

    /// Nil when the matrix is not (numerically) positive definite.
    init?(_ a: [[Double]]) {
        let m = a.count
        var l = [[Double]](repeating: [Double](repeating: 0, count: m), count: m)
        for j in 0..<m {
            var d = a[j][j]
            for p in 0..<j { d -= l[j][p] * l[j][p] }
            guard d > 1e-300, d.isFinite else { return nil }
            let root = d.squareRoot()
            l[j][j] = root
            for i in (j + 1)..<max(j + 1, m) {
                var s = a[i][j]
                for p in 0..<j { s -= l[i][p] * l[j][p] }
                l[i][j] = s / root
            }
        }
        self.l = l
    }

    /// Solves H z = b by forward then back substitution.
    func solve(_ b: [Double]) -> [Double] {
        let m = l.count
        var z = b
        for i in 0..<m {
            for p in 0..<i { z[i] -= l[i][p] * z[p] }
            z[i] /= l[i][i]
        }
        for i in stride(from: m - 1, through: 0, by: -1) {
            for p in (i + 1)..<max(i + 1, m) { z[i] -= l[p][i] * z[p] }
            z[i] /= l[i][i]
        }
        return z
    }

    /// The diagonal of H⁻¹: column j of the inverse solves H z = eⱼ.
    func inverseDiagonal() -> [Double] {
        let m = l.count
        return (0..<m).map { j in
            var e = [Double](repeating: 0, count: m)
            e[j] = 1
            return solve(e)[j]
        }
    }
}
