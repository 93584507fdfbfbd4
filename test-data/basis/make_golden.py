#!/usr/bin/env python3
"""Golden B-spline basis values for attnlab, from an implementation independent of the Java code.

Stdlib only. Exact rational arithmetic (fractions.Fraction) on dyadic knots and points, so every input is
exactly representable as a double and every output is the correctly rounded double of the exact value.

Definitions (spec/basis.md):
  span(x): for t_p <= x < t_n the unique mu with t_mu <= x < t_{mu+1}; for x = t_n the largest mu <= n-1
           with t_mu < t_{mu+1}.
  N_{i,0}(x) = 1 if i == span(x) else 0   (this is the half-open indicator, closed at the right end t_n)
  N_{i,k}(x) = (x - t_i)/(t_{i+k} - t_i) N_{i,k-1}(x) + (t_{i+k+1} - x)/(t_{i+k+1} - t_{i+1}) N_{i+1,k-1}(x),
  N'_{i,k}(x) = k N_{i,k-1}(x)/(t_{i+k} - t_i) - k N_{i+1,k-1}(x)/(t_{i+k+1} - t_{i+1}),
  with every term whose denominator is 0 taken as 0.

Usage: python3 make_golden.py > basis-golden.csv
"""
from fractions import Fraction as F


def span(t, p, x):
    n = len(t) - p - 1
    if x < t[n]:
        for mu in range(p, n):
            if t[mu] <= x < t[mu + 1]:
                return mu
        raise ValueError("x outside domain")
    mu = n - 1
    while t[mu] == t[mu + 1]:
        mu -= 1
    return mu


def basis(t, p, i, k, x, mu):
    """N_{i,k}(x), plain recursion (exponential, fine for small k)."""
    if k == 0:
        return F(1) if i == mu else F(0)
    out = F(0)
    d1 = t[i + k] - t[i]
    if d1 != 0:
        out += (x - t[i]) / d1 * basis(t, p, i, k - 1, x, mu)
    d2 = t[i + k + 1] - t[i + 1]
    if d2 != 0:
        out += (t[i + k + 1] - x) / d2 * basis(t, p, i + 1, k - 1, x, mu)
    return out


def derivative(t, p, i, x, mu):
    if p == 0:
        return F(0)
    out = F(0)
    d1 = t[i + p] - t[i]
    if d1 != 0:
        out += p * basis(t, p, i, p - 1, x, mu) / d1
    d2 = t[i + p + 1] - t[i + 1]
    if d2 != 0:
        out -= p * basis(t, p, i + 1, p - 1, x, mu) / d2
    return out


def fmt(q):
    return repr(float(q))


CASES = [
    # name, degree, knots (dyadic), points
    ("uniform-p0", 0, [F(0), F(1, 2), F(1)], None),
    ("uniform-p1", 1, [F(-1, 2), F(0), F(1, 2), F(1), F(3, 2)], None),
    ("uniform-p2", 2, [F(k - 2, 4) for k in range(0, 4 + 5)], None),
    ("uniform-p3", 3, [F(k - 3, 2) for k in range(0, 2 + 7)], None),
    ("clamped-p2", 2, [F(0)] * 3 + [F(1, 4), F(1, 2), F(3, 4)] + [F(1)] * 3, None),
    ("clamped-p3", 3, [F(-1)] * 4 + [F(0)] + [F(1)] * 4, None),
    ("nonuniform-p2-double-knot", 2, [F(0), F(0), F(0), F(1, 2), F(1, 2), F(3, 2), F(2), F(2), F(2)], None),
    ("nonuniform-p3", 3, [F(-3), F(-2), F(-1, 2), F(0), F(1, 4), F(1), F(5, 2), F(3), F(4), F(9, 2)], None),
    ("repeated-right-end-p1", 1, [F(0), F(0), F(1), F(2), F(2), F(2)], None),
]


def points(t, p):
    n = len(t) - p - 1
    a, b = t[p], t[n]
    pts = set()
    for k in range(0, 17):
        pts.add(a + (b - a) * F(k, 16))
    for k in range(p, n + 1):
        pts.add(t[k])
    pts.add(a + (b - a) * F(5, 64))
    pts.add(b - (b - a) * F(1, 1024))
    return sorted(pts)


def main():
    print("# Golden B-spline basis values and first derivatives for attnlab (test-data/basis).")
    print("# Produced by: python3 make_golden.py > basis-golden.csv  (stdlib only, fractions.Fraction exact")
    print("# arithmetic; independent of the Java code; definitions in spec/basis.md and the script's docstring).")
    print("# Knots and points are dyadic rationals, exact as doubles; values are the correctly rounded exact values.")
    print("# Columns: case;degree;knots (space separated);x;first;values N_first..N_first+p;derivatives")
    for name, p, t, _ in CASES:
        n = len(t) - p - 1
        for x in points(t, p):
            mu = span(t, p, x)
            first = mu - p
            vals = [basis(t, p, first + j, p, x, mu) for j in range(p + 1)]
            ders = [derivative(t, p, first + j, x, mu) for j in range(p + 1)]
            assert sum(vals) == 1, (name, x)
            # every basis function outside first..first+p is exactly zero at x
            for i in range(n):
                if i < first or i > first + p:
                    assert basis(t, p, i, p, x, mu) == 0
            print(";".join([name, str(p), " ".join(fmt(k) for k in t), fmt(x), str(first),
                            " ".join(fmt(v) for v in vals), " ".join(fmt(d) for d in ders)]))


if __name__ == "__main__":
    main()
