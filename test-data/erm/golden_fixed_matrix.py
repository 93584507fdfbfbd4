#!/usr/bin/env python3
"""Independent oracle for the ERM phi-step (arXiv 2510.11789, model A) with A = U V^T known.

Exact rational arithmetic (fractions.Fraction, Python stdlib only): the tokens, outputs, U, V and R below are
short decimals, so every score, every B-spline value (naive recursive Cox-de Boor, uniform extended knots
t_i = -R + (i - p) h, h = 2R/K, as KnotVector.uniform), the dense (M N) x n design matrix
F[(m,i), k] = 1/(N-1) sum_{j != i} B_k(clamp(x_i^T U V^T x_j, -R, R)) and the normal equations F^T F c = F^T y
are exact; the system is solved by Gaussian elimination in rationals. Only the printed results are rounded
(to the nearest double, repr). Usage: python3 golden_fixed_matrix.py > golden-fixed-matrix.txt
"""
from fractions import Fraction as F

M, N, D = 5, 3, 2
DEGREE, PIECES, RADIUS = 2, 3, F("0.5")  # two scores lie outside [-R, R]: constant extension
U = [F("0.8"), F("-0.3")]          # d x r, r = 1
V = [F("0.5"), F("0.9")]
TOKENS = [F(s) for s in (
    "0.1 -0.7 0.9 0.3 -0.4 0.8  "
    "0.6 0.2 -0.9 -0.5 0.3 0.7  "
    "-0.2 0.4 0.5 -0.8 0.9 0.1  "
    "0.7 0.7 -0.3 0.2 -0.6 -0.9  "
    "-1.0 0.5 0.4 -0.1 0.2 0.6").split()]
OUTPUTS = [F(s) for s in "0.31 -0.12 0.55 0.08 0.47 -0.26 0.19 0.72 -0.44 0.13 0.05 0.66 -0.38 0.27 0.91".split()]


def knots():
    h = 2 * RADIUS / PIECES
    return [-RADIUS + (i - DEGREE) * h for i in range(PIECES + 2 * DEGREE + 1)]


def bspline(t, i, p, x, n):
    """N_{i,p}(x), half-open spans, except that x = t[n] (right end of the domain) belongs to the last span."""
    if p == 0:
        if t[i] <= x < t[i + 1]:
            return F(1)
        last = n - 1
        return F(1) if (x == t[n] and i == last) else F(0)
    left = F(0) if t[i + p] == t[i] else (x - t[i]) / (t[i + p] - t[i]) * bspline(t, i, p - 1, x, n)
    right = F(0) if t[i + p + 1] == t[i + 1] else (t[i + p + 1] - x) / (t[i + p + 1] - t[i + 1]) * bspline(t, i + 1, p - 1, x, n)
    return left + right


def score(m, i, j):
    xi = TOKENS[(m * N + i) * D:(m * N + i + 1) * D]
    xj = TOKENS[(m * N + j) * D:(m * N + j + 1) * D]
    return sum(a * b for a, b in zip(xi, U)) * sum(a * b for a, b in zip(xj, V))


def main():
    t = knots()
    n = PIECES + DEGREE
    rows = []
    for m in range(M):
        for i in range(N):
            f = [F(0)] * n
            for j in range(N):
                if j != i:
                    s = max(-RADIUS, min(RADIUS, score(m, i, j)))
                    for k in range(n):
                        f[k] += bspline(t, k, DEGREE, s, n) / (N - 1)
            rows.append(f)
    g = [[sum(r[a] * r[b] for r in rows) for b in range(n)] + [sum(r[a] * y for r, y in zip(rows, OUTPUTS))]
         for a in range(n)]
    for col in range(n):
        piv = next(r for r in range(col, n) if g[r][col] != 0)
        g[col], g[piv] = g[piv], g[col]
        for r in range(n):
            if r != col and g[r][col] != 0:
                fac = g[r][col] / g[col][col]
                g[r] = [a - fac * b for a, b in zip(g[r], g[col])]
    c = [g[k][n] / g[k][k] for k in range(n)]
    risk = sum((y - sum(ck * fk for ck, fk in zip(c, r))) ** 2 for r, y in zip(rows, OUTPUTS)) / (M * N)
    print("# Golden phi-step with A = U V^T known (attnlab ERM, arXiv 2510.11789 model A).")
    print("# Produced by: python3 test-data/erm/golden_fixed_matrix.py > test-data/erm/golden-fixed-matrix.txt")
    print("# Exact rational least squares (dense design, naive recursive Cox-de Boor, Gaussian elimination);")
    print("# coefficients and risk rounded once to the nearest double. Checked by GoldenFitTest.")
    print("M N d =", M, N, D)
    print("degree pieces radius =", DEGREE, PIECES, float(RADIUS))
    print("u =", " ".join(repr(float(x)) for x in U))
    print("v =", " ".join(repr(float(x)) for x in V))
    print("tokens =", " ".join(repr(float(x)) for x in TOKENS))
    print("outputs =", " ".join(repr(float(x)) for x in OUTPUTS))
    print("coefficients =", " ".join(repr(float(x)) for x in c))
    print("risk =", repr(float(risk)))


if __name__ == "__main__":
    main()
