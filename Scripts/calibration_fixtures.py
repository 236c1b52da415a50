#!/usr/bin/env python3
"""Reference values for `calibrate`'s fitting code, computed independently of the Swift code
and written as a JSON fixture for the unit tests
(Tests/PartnerKitTests/Fixtures/calibration/reference.json).

What is computed, for each data set below:
- the L2-penalised logistic regression that maximises
      l(b0, beta) = sum_i [ y_i * eta_i - log(1 + exp(eta_i)) ] - (lam / 2) * sum_j beta_j^2
  (intercept not penalised, y in [0, 1]), twice: by Newton/IRLS in numpy, and by
  scipy.optimize.minimize (BFGS, analytic gradient) on the same objective. The script stops if
  the two disagree by more than 1e-6, so the fixture does not rest on one implementation;
- the standard errors sqrt(diag(H^-1)), H = X'WX + lam*D at the optimum;
- for the "calibrate" sets, the whole method of CalibrationEngine: factors standardised
  (population standard deviation; a constant factor is left out), the fit, suggested weights
  proportional to max(0, beta_j) / sd_j normalised to 1, leave-one-out held-out scores and
  their concordance, and the concordance of given current weights and of equal weights;
- Harrell's concordance, and for two-level outcomes the AUC from scipy's Mann-Whitney U
  (U / (n_good * n_poor)), which must agree.

The data are drawn once from numpy's seeded generator and rounded, and are stored in the
fixture, so the Swift tests fit exactly the same numbers.

Usage: python3 Scripts/calibration_fixtures.py   (numpy, scipy)
"""
import json
import os

import numpy as np
from scipy import optimize, stats

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Tests", "PartnerKitTests",
                   "Fixtures", "calibration", "reference.json")


def objective(theta, X, y, lam):
    eta = X @ theta
    return float(np.sum(y * eta - np.logaddexp(0.0, eta)) - lam / 2 * np.sum(theta[1:] ** 2))


def gradient(theta, X, y, lam):
    p = 1 / (1 + np.exp(-(X @ theta)))
    g = X.T @ (y - p)
    g[1:] -= lam * theta[1:]
    return g


def hessian(theta, X, lam):
    p = 1 / (1 + np.exp(-(X @ theta)))
    H = X.T @ (X * (p * (1 - p))[:, None])
    H[1:, 1:] += lam * np.eye(X.shape[1] - 1)
    return H


def irls(X, y, lam):
    theta = np.zeros(X.shape[1])
    for _ in range(200):
        step = np.linalg.solve(hessian(theta, X, lam), gradient(theta, X, y, lam))
        theta = theta + step
        if np.max(np.abs(step)) < 1e-13:
            break
    return theta


def bfgs(X, y, lam):
    res = optimize.minimize(lambda t: -objective(t, X, y, lam), np.zeros(X.shape[1]),
                            jac=lambda t: -gradient(t, X, y, lam), method="BFGS",
                            options={"gtol": 1e-11, "maxiter": 10000})
    return res.x


def fit(x, y, lam):
    X = np.column_stack([np.ones(len(y)), x])
    a, b = irls(X, y, lam), bfgs(X, y, lam)
    assert np.max(np.abs(a - b)) < 1e-6, (a, b)
    se = np.sqrt(np.diag(np.linalg.inv(hessian(a, X, lam))))
    return a, se, objective(a, X, y, lam)


def harrell(scores, outcomes):
    pairs = agree = 0.0
    n = len(scores)
    for i in range(n):
        for j in range(i + 1, n):
            if outcomes[i] == outcomes[j]:
                continue
            pairs += 1
            hi, lo = (i, j) if outcomes[i] > outcomes[j] else (j, i)
            agree += 1.0 if scores[hi] > scores[lo] else 0.5 if scores[hi] == scores[lo] else 0.0
    return agree / pairs if pairs else None


def auc_mann_whitney(scores, outcomes):
    good = [s for s, o in zip(scores, outcomes) if o >= 0.5]
    poor = [s for s, o in zip(scores, outcomes) if o < 0.5]
    u = stats.mannwhitneyu(good, poor, alternative="two-sided").statistic
    return u / (len(good) * len(poor))


def suggested_weights(x, y, lam):
    """The calibrate method on raw factors: returns (effects, ses, weights or None)."""
    mean, sd = x.mean(axis=0), x.std(axis=0)
    cols = [j for j in range(x.shape[1]) if sd[j] > 1e-9]
    z = (x[:, cols] - mean[cols]) / sd[cols]
    theta, se, _ = fit(z, y, lam)
    effects = [None] * x.shape[1]
    ses = [None] * x.shape[1]
    raw = np.zeros(x.shape[1])
    for c, j in enumerate(cols):
        effects[j] = float(theta[c + 1])
        ses[j] = float(se[c + 1])
        raw[j] = max(0.0, theta[c + 1]) / sd[j]
    return effects, ses, (raw / raw.sum()).tolist() if raw.sum() > 0 else None


def calibrate(x, y, current, lam):
    effects, ses, weights = suggested_weights(x, y, lam)
    held = []
    for i in range(len(y)):
        keep = [k for k in range(len(y)) if k != i]
        _, _, w = suggested_weights(x[keep], y[keep], lam)
        w = np.array(w if w is not None else current)
        held.append(float(x[i] @ w))
    uniform = np.full(x.shape[1], 1 / x.shape[1])
    return {
        "effects": effects, "standard_errors": ses, "weights": weights, "held_out_scores": held,
        "concordance_suggested": harrell(held, y),
        "concordance_current": harrell((x @ np.array(current)).tolist(), y),
        "concordance_uniform": harrell((x @ uniform).tolist(), y),
    }


def main():
    rng = np.random.default_rng(20261203)
    fits = []

    # A: 12 examples, 2 standardised-looking columns, soft labels (1, 0.5, 0).
    xa = np.round(rng.normal(size=(12, 2)), 3)
    ya = np.array([1, 0.5, 0, 1, 1, 0, 0.5, 0, 1, 0, 0.5, 1], dtype=float)
    # B: perfectly separable on the first column: the penalty keeps the fit finite.
    xb = np.array([[-1.5, 0.2], [-1.0, -0.4], [-0.5, 0.9], [0.5, -0.3], [1.0, 0.1], [1.5, -0.6]])
    yb = np.array([0, 0, 0, 1, 1, 1], dtype=float)
    # C: 30 examples, 5 columns, binary labels from a planted model.
    xc = np.round(rng.normal(size=(30, 5)), 3)
    yc = (rng.random(30) < 1 / (1 + np.exp(-(1.5 * xc[:, 1] - 0.5 * xc[:, 3])))).astype(float)
    for name, x, y, lam in [("A", xa, ya, 1.0), ("A-weak-penalty", xa, ya, 0.1), ("B", xb, yb, 1.0),
                            ("C", xc, yc, 1.0), ("C-strong-penalty", xc, yc, 10.0)]:
        theta, se, obj = fit(x, y, lam)
        fits.append({"name": name, "x": x.tolist(), "y": y.tolist(), "lambda": lam,
                     "intercept": float(theta[0]), "coefficients": theta[1:].tolist(),
                     "standard_errors": se[1:].tolist(), "objective": obj})

    # The whole method on raw 0-1 factors (five of them, one constant), soft labels.
    cals = []
    raw = np.round(rng.random(size=(14, 5)), 3)
    raw[:, 2] = 0.4  # a factor that does not vary
    score = 2.5 * raw[:, 1] + 1.0 * raw[:, 0]
    order = np.argsort(score)
    yl = np.empty(14)
    yl[order[:5]] = 0.0
    yl[order[5:9]] = 0.5
    yl[order[9:]] = 1.0
    yl[order[2]], yl[order[12]] = 1.0, 0.0  # two surprises, so it is not separable
    current = [0.3, 0.2, 0.25, 0.1, 0.15]
    cals.append({"name": "soft-labels", "x": raw.tolist(), "y": yl.tolist(), "current": current,
                 "lambda": 1.0, **calibrate(raw, yl, current, 1.0)})
    raw2 = np.round(rng.random(size=(10, 5)), 3)
    y2 = (raw2[:, 4] + 0.3 * rng.random(10) > 0.6).astype(float)
    cals.append({"name": "binary", "x": raw2.tolist(), "y": y2.tolist(), "current": current,
                 "lambda": 1.0, **calibrate(raw2, y2, current, 1.0)})
    for c in cals:
        if set(c["y"]) <= {0.0, 1.0}:
            cur = (np.array(c["x"]) @ np.array(current)).tolist()
            assert abs(auc_mann_whitney(cur, c["y"]) - c["concordance_current"]) < 1e-12

    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, "w") as f:
        json.dump({"generated_by": "Scripts/calibration_fixtures.py", "fits": fits, "calibrations": cals},
                  f, indent=1)
        f.write("\n")
    print("wrote", os.path.relpath(OUT))


if __name__ == "__main__":
    main()
