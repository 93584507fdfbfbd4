#!/usr/bin/env python3
"""Independent reference values for org.attnlab.rfa (arXiv 2307.11353), standard library only.

Writes features-tiny.txt: for a tiny fixed input (weights and tokens given by closed-form formulas below,
not by attnlab's random streams), the random-feature attention features computed by the direct formula

    phi[m*e + b] = (1/N) sum_{i=1..N} relu( sum_{a,c} xt0[a] W_m[a][c] xti[c] ) * xti[b],  xt = [x; 1], e = d+1,

the RF-MLP features relu(<w_j, z> + c_j) on z = (x_0, .., x_N), and the five targets of
org.attnlab.rfa.Target (u_i = sqrt(d) <x_0, x_i>). Run:  python3 make_golden.py > features-tiny.txt
"""
import math

d, N, H, P = 3, 4, 2, 3
e = d + 1


def weight(k):
    # a fixed, irregular sequence in (-1.5, 1.5)
    return 1.5 * math.sin(1.0 + 0.7 * k * k + 0.3 * k)


def unit(v):
    n = math.sqrt(sum(x * x for x in v))
    return [x / n for x in v]


W = [weight(k) for k in range(H * e * e)]
tokens = []
for i in range(N + 1):
    tokens += unit([math.cos(1.3 * i + 0.4 * k + 0.2) + 0.1 * k for k in range(d)])
D = (N + 1) * d
MW = [0.8 * math.cos(0.9 * k + 0.5 * k * k) for k in range(P * (D + 1))]


def x(i):
    return tokens[i * d:(i + 1) * d]


att = []
for m in range(H):
    Wm = [[W[m * e * e + a * e + c] for c in range(e)] for a in range(e)]
    xt0 = x(0) + [1.0]
    phi = [0.0] * e
    for i in range(1, N + 1):
        xti = x(i) + [1.0]
        s = sum(xt0[a] * Wm[a][c] * xti[c] for a in range(e) for c in range(e))
        r = s if s > 0 else 0.0
        for b in range(e):
            phi[b] += r * xti[b] / N
    att += phi

mlp = []
for j in range(P):
    s = sum(MW[j * (D + 1) + k] * tokens[k] for k in range(D)) + MW[j * (D + 1) + D]
    mlp.append(s if s > 0 else 0.0)

u = [math.sqrt(d) * sum(a * b for a, b in zip(x(0), x(i))) for i in range(1, N + 1)]
targets = [sum(u) / N, sum(t * t for t in u) / N, sum(t ** 3 for t in u) / N,
           sum(math.cos(2 * t) for t in u) / N, u[0]]


def row(name, values):
    print(name + " " + " ".join(repr(float(v)) for v in values))


print("# Golden values for org.attnlab.rfa, produced by test-data/rfa/make_golden.py (Python "
      "standard library only, an implementation independent of attnlab).")
print("# Command: python3 test-data/rfa/make_golden.py > test-data/rfa/features-tiny.txt")
print("# Layout: tokens x_0..x_N row-major; attention weights W_m[a][c] at m*e*e + a*e + c; mlp weights "
      "w_j[k] at j*(D+1)+k, bias at j*(D+1)+D.")
print("sizes %d %d %d %d" % (d, N, H, P))
row("tokens", tokens)
row("attention_weights", W)
row("attention_features", att)
row("mlp_weights", MW)
row("mlp_features", mlp)
row("targets_linear_quadratic_cubic_cosine_firstkey", targets)
