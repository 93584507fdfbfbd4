#!/usr/bin/env python3
"""Golden values of zeta(s, g) = E[erf(s + g Z)^2] and E[erf(s + g Z)], Z ~ N(0, 1), for attnlab's
org.attnlab.slr.GaussianErf (arXiv 2410.01537).

Independent of the Java code's route (Owen's T): direct numerical integration against the normal density
with mpmath at 40 significant digits, split at the centre -s/g of the erf transition. Run:

    python3 test-data/slr/make_golden.py > test-data/slr/zeta-golden.csv

(mpmath 1.3.0 was used for the committed file.)
"""
import mpmath as mp

mp.mp.dps = 40


def moments(s, g):
    s = mp.mpf(s)
    g = mp.mpf(g)
    dens = lambda z: mp.exp(-z * z / 2) / mp.sqrt(2 * mp.pi)
    if g == 0:
        e = mp.erf(s)
        return e * e, e
    c = -s / g
    pts = sorted(set([-mp.inf, min(c, 0), max(c, 0), mp.inf]))
    zeta = mp.quad(lambda z: mp.erf(s + g * z) ** 2 * dens(z), pts)
    mean = mp.quad(lambda z: mp.erf(s + g * z) * dens(z), pts)
    return zeta, mean


print("# zeta(s,g) = E[erf(s+gZ)^2], mean(s,g) = E[erf(s+gZ)]; mpmath quad, 40 digits; see make_golden.py")
print("s,g,zeta,mean")
for s in ["-2.5", "-0.7", "0", "0.05", "0.3", "1", "1.4142135623730951", "2.2", "3.5", "6", "14.142135623730951"]:
    for g in ["0", "0.05", "0.0707106781186548", "0.3", "0.7071067811865476", "1", "2.5"]:
        z, m = moments(s, g)
        print("%s,%s,%s,%s" % (s, g, mp.nstr(z, 20), mp.nstr(m, 20)))
