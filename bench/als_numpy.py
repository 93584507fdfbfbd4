#!/usr/bin/env python3
"""NumPy peer of one attnlab ALS iteration (arXiv 2510.11789, model A), written the way a researcher would:
dense arrays, einsum, a dense design matrix of B-spline values (scipy BSpline.design_matrix), np.linalg.lstsq
for the phi-step and np.linalg.solve for the damped Gauss-Newton system.

The iteration is the one of org.attnlab.erm.ErmEngine.iterate (spec/estimator.md):
  1. Gauss-Newton system at (U, V, c) for the normalised scores: J^T J and J^T e, J the Jacobian of
     f_i = w sum_{j != i} phi(s_ij R / S), S = |s_{i*j*}| the largest training score (= R at a normalised point);
     variable projection (Kaufman): H = J^T J - (F^T J)^T (F^T F + M N ridge I)^{-1} F^T J, F the design of the
     phi-step, because the phi-step re-fits c after every A-step (plain J^T J when F^T F + M N ridge I is singular);
  2. trials: (H + lam (diag H + 1e-12 max diag)) delta = J^T e; (U, V) + delta normalised (largest score R,
     equal column norms); phi refitted by least squares (ridge-penalised normal equations when --ridge > 0);
     accepted if the training risk decreases, else lam *= 10.

Modes:
  time (default): a synthetic problem like `attnlab bench` (cube tokens, rank-r A*, phi* = tanh, sigma 0.1, a
      standard normal start), prints JSON with the median seconds of one iteration over --repeats runs.
  check: --data DATA.csv --start FIT0.json [--compare FIT1.json]: one iteration from the fit written by
      `attnlab fit --max-iterations 0` on DATA.csv; with --compare, the largest relative differences to the fit
      written by `attnlab fit --max-iterations 1` from the same start (same seed, --no-spectral --random-starts 1).

Run with the OpenBLAS variables unset, or the comparison is unfair to NumPy:
  env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE python3 bench/als_numpy.py --samples 10000 --dim 30 --degree 3 --pieces 13
"""
import argparse
import csv
import json
import os
import sys
import time

import numpy as np
from scipy.interpolate import BSpline

MAX_TRIALS = 12
DAMPING_FLOOR = 1e-12
MIN_DAMPING = 1e-15


def knots(p, K, R):
    h = 2.0 * R / K
    return -R + (np.arange(K + 2 * p + 1) - p) * h


class Problem:
    def __init__(self, X, Y, p, K, R, ridge=0.0):
        self.ridge = ridge
        self.X = X                      # (M, N, d)
        self.Y = Y                      # (M, N)
        self.M, self.N, self.d = X.shape
        self.p, self.K, self.R = p, K, R
        self.t = knots(p, K, R)
        self.n = K + p
        self.w = 1.0 / (self.N - 1)
        self.off = ~np.eye(self.N, dtype=bool)   # j != i

    def scores(self, U, V):
        P = np.einsum('mia,ar->mir', self.X, U)
        Q = np.einsum('mja,ar->mjr', self.X, V)
        return P, Q, np.einsum('mir,mjr->mij', P, Q)

    def design(self, S):
        """F[m, i, :] = w sum_{j != i} B(clamp(s_ij)), the aggregated features, as an (M N) x n matrix."""
        s = np.clip(S, -self.R, self.R).reshape(-1)
        B = BSpline.design_matrix(s, self.t, self.p).toarray().reshape(self.M, self.N, self.N, self.n)
        B = B * self.off[None, :, :, None]
        return self.w * B.sum(axis=2).reshape(-1, self.n)

    def phi_step(self, S):
        F = self.design(S)
        y = self.Y.reshape(-1)
        if self.ridge > 0:
            c = np.linalg.solve(F.T @ F / y.size + self.ridge * np.eye(self.n), F.T @ y / y.size)
        else:
            c, *_ = np.linalg.lstsq(F, y, rcond=None)
        r = y - F @ c
        return c, float(r @ r) / r.size

    def normalise(self, U, V):
        _, _, S = self.scores(U, V)
        mx = np.max(np.abs(S[:, self.off]))
        if not (mx > 0) or not np.isfinite(mx):
            return None
        factor = np.sqrt(self.R / mx)
        nu = np.sum(U * U, axis=0)
        nv = np.sum(V * V, axis=0)
        alpha = np.where((nu > 0) & (nv > 0), np.sqrt(np.sqrt(nv / np.where(nu > 0, nu, 1.0))), 1.0)
        return U * factor * alpha, V * factor / alpha

    def gauss_newton(self, U, V, c):
        """J^T J and J^T e for the normalised scores (Jacobian of the predictions in theta = (vec U, vec V))."""
        X, w = self.X, self.w
        P, Q, S = self.scores(U, V)
        S_off = np.where(self.off, S, 0.0)
        spline = BSpline(self.t, c, self.p, extrapolate=False)
        inside = (S >= -self.R) & (S <= self.R) & self.off
        dphi = np.where(inside, np.nan_to_num(spline.derivative()(np.clip(S, -self.R, self.R))), 0.0)
        F = self.design(S)
        e = self.Y.reshape(-1) - F @ c
        Wm = np.einsum('mij,mjr->mir', dphi, Q)                   # sum_j phi'(s_ij) Q_j
        Zm = np.einsum('mij,mja->mia', dphi, X)                   # sum_j phi'(s_ij) X_j
        JU = w * np.einsum('mia,mir->miar', X, Wm).reshape(self.M * self.N, -1)
        JV = w * np.einsum('mir,mia->miar', P, Zm).reshape(self.M * self.N, -1)
        J = np.concatenate([JU, JV], axis=1)
        # the largest training score (first in sample, token, partner order) and its gradient
        flat = np.where(self.off, np.abs(S), -1.0).reshape(-1)
        m, i, j = np.unravel_index(np.argmax(flat), S.shape)
        smax = S[m, i, j]
        sign = -1.0 if smax < 0 else 1.0
        gS = sign * np.concatenate([np.outer(X[m, i], Q[m, j]).reshape(-1), np.outer(X[m, j], P[m, i]).reshape(-1)])
        kappa = (w * np.sum(dphi * S_off, axis=2) / abs(smax)).reshape(-1)
        Jn = J - np.outer(kappa, gS)
        H = Jn.T @ Jn
        FtJ = F.T @ Jn
        G = F.T @ F + F.shape[0] * self.ridge * np.eye(self.n)
        try:
            np.linalg.cholesky(G)
            H = H - FtJ.T @ np.linalg.solve(G, FtJ)      # variable projection: c eliminated
        except np.linalg.LinAlgError:
            pass
        return H, Jn.T @ e

    def iterate(self, U, V, c, risk, lam):
        """One iteration; returns (U, V, c, risk, lam, trials, accepted)."""
        jtj, jte = self.gauss_newton(U, V, c)
        q = jtj.shape[0]
        max_diag = np.max(np.diag(jtj))
        half = U.size
        for trial in range(MAX_TRIALS):
            damped = jtj + np.diag(lam * (np.diag(jtj) + DAMPING_FLOOR * max_diag))
            try:
                np.linalg.cholesky(damped)
                delta = np.linalg.solve(damped, jte)
            except np.linalg.LinAlgError:
                lam *= 10.0
                continue
            Ut = U + delta[:half].reshape(U.shape)
            Vt = V + delta[half:].reshape(V.shape)
            normed = self.normalise(Ut, Vt)
            if normed is not None:
                Ut, Vt = normed
                _, _, S = self.scores(Ut, Vt)
                ct, rt = self.phi_step(S)
                if rt < risk:
                    return Ut, Vt, ct, rt, max(lam / 10.0, MIN_DAMPING), trial + 1, True
            lam *= 10.0
        return U, V, c, risk, lam, MAX_TRIALS, False


def synthetic(M, N, d, r, seed):
    rng = np.random.default_rng(seed)
    X = rng.uniform(-1.0, 1.0, size=(M, N, d))
    A = rng.standard_normal((d, r)) @ rng.standard_normal((r, d))
    S = np.einsum('mia,ab,mjb->mij', X, A, X)
    off = ~np.eye(N, dtype=bool)
    A /= np.std(S[:, off])                   # unit score variance
    S = np.einsum('mia,ab,mjb->mij', X, A, X)
    Y = np.sum(np.where(off, np.tanh(S), 0.0), axis=2) / (N - 1) + 0.1 * rng.standard_normal((M, N))
    return X, Y, rng.standard_normal((d, r)), rng.standard_normal((d, r))


def read_data(path):
    with open(path) as fh:
        rows = list(csv.reader(fh))
    body = np.array(rows[1:], dtype=float)
    M = int(body[:, 0].max()) + 1
    N = int(body[:, 1].max()) + 1
    d = body.shape[1] - 3
    return body[:, 3:].reshape(M, N, d), body[:, 2].reshape(M, N)


def blas_info():
    try:
        from threadpoolctl import threadpool_info
        return [{k: i.get(k) for k in ('internal_api', 'version', 'architecture', 'num_threads')}
                for i in threadpool_info()]
    except ImportError:
        return 'threadpoolctl not installed'


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--samples', type=int, default=10000)
    ap.add_argument('--tokens', type=int, default=10)
    ap.add_argument('--dim', type=int, default=30)
    ap.add_argument('--rank', type=int, default=1)
    ap.add_argument('--degree', type=int, default=3)
    ap.add_argument('--pieces', type=int, default=13)
    ap.add_argument('--radius', type=float, default=1.0)
    ap.add_argument('--repeats', type=int, default=5)
    ap.add_argument('--seed', type=int, default=1)
    ap.add_argument('--ridge', type=float, default=0.0, help='ridge on the coefficients (attnlab bench: 0)')
    ap.add_argument('--data', help='check mode: data CSV from attnlab sample')
    ap.add_argument('--start', help='check mode: fit JSON from attnlab fit --max-iterations 0')
    ap.add_argument('--compare', help='check mode: fit JSON from attnlab fit --max-iterations 1')
    a = ap.parse_args()
    unfair = [v for v in ('OPENBLAS_CORETYPE', 'OPENBLAS_L2_SIZE') if v in os.environ]
    if unfair:
        print('warning: %s set; unset them for a fair run' % ', '.join(unfair), file=sys.stderr)

    if a.data:
        X, Y = read_data(a.data)
        fit = json.load(open(a.start))
        d, r = fit['dimension'], fit['rank']
        sp = fit['spline']
        pb = Problem(X, Y, sp['degree'], sp['pieces'], sp['radius'], fit.get('ridge', a.ridge))
        U = np.array(fit['u']).reshape(d, r)
        V = np.array(fit['v']).reshape(d, r)
        c = np.array(fit['coefficients'])
        U1, V1, c1, risk1, lam, trials, ok = pb.iterate(U, V, c, fit['trainingRisk'], 1e-3)
        out = {'u': U1.reshape(-1).tolist(), 'v': V1.reshape(-1).tolist(), 'coefficients': c1.tolist(),
               'risk': risk1, 'trials': trials, 'accepted': ok}
        if a.compare:
            ref = json.load(open(a.compare))

            def rel(x, y):
                x, y = np.asarray(x), np.asarray(y)
                return float(np.max(np.abs(x - y)) / max(np.max(np.abs(y)), 1e-300))
            out['maxRelativeDifference'] = {
                'u': rel(out['u'], ref['u']), 'v': rel(out['v'], ref['v']),
                'coefficients': rel(out['coefficients'], ref['coefficients']),
                'risk': abs(risk1 - ref['trainingRisk']) / ref['trainingRisk']}
        print(json.dumps(out, indent=2))
        return

    X, Y, U0, V0 = synthetic(a.samples, a.tokens, a.dim, a.rank, a.seed)
    pb = Problem(X, Y, a.degree, a.pieces, a.radius, a.ridge)
    U, V = pb.normalise(U0, V0)
    _, _, S = pb.scores(U, V)
    c, risk = pb.phi_step(S)
    pb.iterate(U, V, c, risk, 1e-3)      # warm-up
    times = []
    cpu = []
    trials = None
    for _ in range(a.repeats):
        t0 = time.perf_counter()
        c0 = time.process_time()
        _, _, _, risk1, _, trials, _ = pb.iterate(U, V, c, risk, 1e-3)
        times.append(time.perf_counter() - t0)
        cpu.append(time.process_time() - c0)
    print(json.dumps({'peer': 'numpy', 'numpy': np.__version__, 'samples': a.samples, 'tokens': a.tokens,
                      'dim': a.dim, 'rank': a.rank, 'degree': a.degree, 'pieces': a.pieces,
                      'iterationSeconds': float(np.median(times)), 'iterationSecondsMin': float(min(times)),
                      'iterationCpuSeconds': float(np.median(cpu)),
                      'trials': trials, 'riskBefore': risk, 'riskAfter': risk1, 'blas': blas_info(),
                      'loadAverage': os.getloadavg()[0]}, indent=2))


if __name__ == '__main__':
    main()
