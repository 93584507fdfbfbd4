#!/usr/bin/env python3
"""Independent reference for the model-A sampler (spec/sampler.md), stdlib only.

Written from spec/sampler.md and spec/random.md, not from the Java code's output. It re-implements the
streams (imported from ../random/reference_streams.py), the token laws' draw order, the forward map's
arithmetic order, the noise, and the Haar frame + normalisation of A* (Gram-Schmidt here, Householder QR in
Java: with the sign fix R_jj > 0 the frame is unique, so both agree to rounding).
Run `python3 test-data/sampler/reference_sampler.py` from the repository root to regenerate the files
golden-*.csv in this directory. The Java test GoldenSamplerTest compares doubles within 1e-12 relative
(plus 1e-14 absolute for values near 0), because Python's libm (log, cos, tanh) may differ from StrictMath
by an ulp.
"""
import math
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "random"))
from reference_streams import Stream  # noqa: E402

CUBE_VAR = 1.0 / 3.0
CUBE_KAPPA = 0.2 - 3.0 * CUBE_VAR * CUBE_VAR


# ---- token laws: one sample of n tokens, layout [i * d + k] -------------------------------------------
def cube_coordinate(stream, k, law):
    return stream.uniform_ab(-1.0, 1.0)


def gauss_coordinate(stream, k, law):
    return math.sqrt(law["eigenvalues"][k]) * stream.normal()


def draw_coordinate(stream, k, law):
    return cube_coordinate(stream, k, law) if law["type"] == "cube" else gauss_coordinate(stream, k, law)


def sample_tokens(stream, n, law):
    if law["type"] in ("cube", "gaussian"):
        d = law["d"]
        return [draw_coordinate(stream, k, law) for _ in range(n) for k in range(d)]
    base = law["base"]
    d = base["d"]
    z = [draw_coordinate(stream, k, base) for _ in range(n) for k in range(d)]
    a = math.sqrt(1.0 - law["tau"])
    b = math.sqrt(law["tau"])
    x = list(z)
    for k in range(d):
        w = draw_coordinate(stream, k, base)
        for i in range(n):
            x[i * d + k] = a * z[i * d + k] + b * w
    return x


# ---- forward map (same arithmetic order as spec/sampler.md) -------------------------------------------
def forward(x, n, d, A, phi):
    b = [0.0] * (n * d)
    for j in range(n):
        for k in range(d):
            s = 0.0
            for l in range(d):
                s += A[k * d + l] * x[j * d + l]
            b[j * d + k] = s
    out = []
    for i in range(n):
        total = 0.0
        for j in range(n):
            if j == i:
                continue
            score = 0.0
            for k in range(d):
                score += x[i * d + k] * b[j * d + k]
            total += phi(score)
        out.append(total / (n - 1))
    return out


def dataset(seed, m_count, n, law, A, phi, sigma):
    d = law["d"] if "d" in law else law["base"]["d"]
    rows = []
    for m in range(m_count):
        x = sample_tokens(Stream(seed, "TOKENS", m), n, law)
        f = forward(x, n, d, A, phi)
        noise = Stream(seed, "NOISE", m)
        for i in range(n):
            y = f[i] + sigma * noise.normal()
            rows.append([m, i, y] + x[i * d:(i + 1) * d])
    return rows


# ---- A* generator ------------------------------------------------------------------------------------
def haar_frame(stream, d, r):
    g = [[stream.normal() for _ in range(r)] for _ in range(d)]  # row-major draws
    cols = []
    for j in range(r):
        v = [g[i][j] for i in range(d)]
        for _ in range(2):  # Gram-Schmidt twice for orthogonality to rounding
            for q in cols:
                dot = sum(q[i] * v[i] for i in range(d))
                v = [v[i] - dot * q[i] for i in range(d)]
        norm = math.sqrt(sum(t * t for t in v))
        cols.append([t / norm for t in v])
    return [[cols[j][i] for j in range(r)] for i in range(d)]


def law_moments(law):
    base = law if law["type"] != "exchangeable" else law["base"]
    d = base["d"]
    if base["type"] == "cube":
        return [CUBE_VAR] * d, [CUBE_KAPPA] * d
    return list(base["eigenvalues"]), [0.0] * d


def score_variance(law, A, d):
    v, kappa = law_moments(law)
    var = sum(A[k * d + l] ** 2 * v[k] * v[l] for k in range(d) for l in range(d))
    if law["type"] == "exchangeable":
        shared = sum(A[k * d + l] * A[l * d + k] * v[k] * v[l] for k in range(d) for l in range(d))
        shared += sum(kappa[k] * A[k * d + k] ** 2 for k in range(d))
        var += law["tau"] ** 2 * shared
    return var


def normalised_matrix(law, d, r, svals, seed):
    st = Stream(seed, "TRUTH", 0)
    u = haar_frame(st, d, r)
    v = haar_frame(st, d, r)
    A = [sum(u[k][j] * svals[j] * v[l][j] for j in range(r)) for k in range(d) for l in range(d)]
    c = 1.0 / math.sqrt(score_variance(law, A, d))
    return [c * t for t in A]


def relu(u):
    return u if u > 0 else 0.0


def bspline(order, pieces, rng, seed):
    """phi(u) = sum_k c_k B_k(clamp(u, -R, R)), naive recursive Cox-de Boor on uniform extended knots,
    c_k = normal() from stream(seed, TRUTH, 1) (spec/sampler.md section 3)."""
    p = order - 1
    h = (2.0 * rng) / pieces
    t = [-rng + (i - p) * h for i in range(pieces + 2 * p + 1)]
    t[p] = -rng
    t[p + pieces] = rng
    n = pieces + p
    st = Stream(seed, "TRUTH", 1)
    c = [st.normal() for _ in range(n)]

    def basis(i, k, u):
        if k == 0:
            if u == t[n]:  # the right end of the domain belongs to the last span [t_{n-1}, t_n]
                return 1.0 if i == n - 1 else 0.0
            return 1.0 if t[i] <= u < t[i + 1] else 0.0
        left = 0.0 if t[i + k] == t[i] else (u - t[i]) / (t[i + k] - t[i]) * basis(i, k - 1, u)
        right = 0.0 if t[i + k + 1] == t[i + 1] else (t[i + k + 1] - u) / (t[i + k + 1] - t[i + 1]) * basis(i + 1, k - 1, u)
        return left + right

    def phi(u):
        v = min(max(u, -rng), rng)
        return sum(c[k] * basis(k, p, v) for k in range(n))

    return phi


DATASETS = [
    {
        "file": "golden-cube-tanh.csv",
        "describe": "law cube d=2; A* fixed [[0.8,-0.5],[0.3,1.1]] (row-major); phi tanh; sigma 0.1; "
                    "seed 20261123; M=3, N=4",
        "seed": 20261123, "M": 3, "N": 4, "law": {"type": "cube", "d": 2},
        "A": [0.8, -0.5, 0.3, 1.1], "phi": math.tanh, "sigma": 0.1,
    },
    {
        "file": "golden-exchangeable-relu.csv",
        "describe": "law exchangeable tau=0.3 over gaussian eigenvalues [2.0,0.5] (d=2); A* fixed "
                    "[[0.5,1.0],[-0.7,0.2]]; phi relu; sigma 0.25; seed -7; M=2, N=3",
        "seed": -7, "M": 2, "N": 3,
        "law": {"type": "exchangeable", "tau": 0.3, "base": {"type": "gaussian", "d": 2, "eigenvalues": [2.0, 0.5]}},
        "A": [0.5, 1.0, -0.7, 0.2], "phi": relu, "sigma": 0.25,
    },
    {
        "file": "golden-gaussian-bspline.csv",
        "describe": "law gaussian isotropic d=2; A* fixed [[1.2,0.4],[-0.3,0.9]]; phi B-spline order 3, 4 pieces "
                    "of [-2,2], random coefficients from seed 31 (TRUTH stream 1), constant outside; sigma 0.05; "
                    "seed 31; M=4, N=3",
        "seed": 31, "M": 4, "N": 3, "law": {"type": "gaussian", "d": 2, "eigenvalues": [1.0, 1.0]},
        "A": [1.2, 0.4, -0.3, 0.9], "phi": bspline(3, 4, 2.0, 31), "sigma": 0.05,
    },
]

MATRICES = [
    {"name": "cube-d3-r2", "law": {"type": "cube", "d": 3}, "d": 3, "r": 2, "s": [2.0, 1.0], "seed": 99},
    {"name": "exchangeable-cube-d3-r3", "law": {"type": "exchangeable", "tau": 0.5, "base": {"type": "cube", "d": 3}},
     "d": 3, "r": 3, "s": [1.0, 1.0, 1.0], "seed": 5},
    {"name": "gaussian-d4-r1", "law": {"type": "gaussian", "d": 4, "eigenvalues": [1.0, 2.0, 0.5, 3.0]},
     "d": 4, "r": 1, "s": [1.0], "seed": -123},
    {"name": "cube-d1-r1", "law": {"type": "cube", "d": 1}, "d": 1, "r": 1, "s": [1.0], "seed": 7},
]


def main():
    for ds in DATASETS:
        rows = dataset(ds["seed"], ds["M"], ds["N"], ds["law"], ds["A"], ds["phi"], ds["sigma"])
        d = len(rows[0]) - 3
        lines = [
            "# Golden model-A data set produced by test-data/sampler/reference_sampler.py (stdlib-only Python,",
            "# written from spec/sampler.md and spec/random.md, independent of the Java code).",
            "# " + ds["describe"],
            "# Columns as data.csv (spec/data-format.md); doubles are Python repr (shortest round trip).",
            ",".join(["sample", "token", "y"] + [f"x{k + 1}" for k in range(d)]),
        ]
        for row in rows:
            lines.append(",".join([str(row[0]), str(row[1])] + [repr(t) for t in row[2:]]))
        with open(os.path.join(HERE, ds["file"]), "w", newline="\n") as f:
            f.write("\n".join(lines) + "\n")
    lines = [
        "# Normalised A* = c U S V^T (Var(X_1^T A* X_2) = 1) from TruthGenerator.normalisedMatrix(law, r, s, seed),",
        "# produced by test-data/sampler/reference_sampler.py (Gram-Schmidt here, Householder QR in Java).",
        "# laws: cube-d3-r2 = cube d=3, r=2, s=[2,1], seed 99; exchangeable-cube-d3-r3 = exchangeable tau=0.5 over",
        "# cube d=3, r=3, s=[1,1,1], seed 5; gaussian-d4-r1 = gaussian eigenvalues [1,2,0.5,3], r=1, seed -123;",
        "# cube-d1-r1 = cube d=1, r=1, seed 7. entry = k * d + l (row-major).",
        "name,entry,value",
    ]
    for mt in MATRICES:
        A = normalised_matrix(mt["law"], mt["d"], mt["r"], mt["s"], mt["seed"])
        for e, t in enumerate(A):
            lines.append(f"{mt['name']},{e},{t!r}")
    with open(os.path.join(HERE, "golden-matrices.csv"), "w", newline="\n") as f:
        f.write("\n".join(lines) + "\n")
    print("wrote golden files in", HERE, file=sys.stderr)


if __name__ == "__main__":
    main()
