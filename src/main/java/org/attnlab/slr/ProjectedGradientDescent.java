package org.attnlab.slr;

import org.attnlab.internal.Checks;

/**
 * Projected gradient descent on the closed-form population risk (arXiv 2410.01537, authors' code):
 * <pre>
 *   grad_k = R_kappa k* + R_eta v* + R_rho v,     grad_v = R_nu v* + R_theta k* + R_rho k
 *   k &lt;- normalise(k - alpha (grad_k - &lt;k, grad_k&gt; k)),   v &lt;- normalise(v - alpha (grad_v - &lt;v, grad_v&gt; v))
 * </pre>
 * both updates using the old (k, v), with lambda_t from {@link DescentSettings#lambdaAt}.
 *
 * <p><b>Exact reduction.</b> Both gradients lie in span{k*, v*, k, v}, so the iterates never leave
 * S = span{k*, v*, k_0, v_0}, of dimension at most 4, and the risk only sees inner products. {@link #run}
 * therefore expresses k_0, v_0 in an orthonormal basis (k*, v*, e3, e4) of S (Gram-Schmidt) and iterates the
 * same update on 4-vectors; every inner product, hence every overlap, is the one of the d-dimensional
 * iteration up to rounding. {@link #runFullDimension} iterates in R^d (the tests compare the two).
 */
public final class ProjectedGradientDescent {

    private final PopulationRisk risk;
    private final DescentSettings settings;

    private ProjectedGradientDescent(PopulationRisk risk, DescentSettings settings) {
        this.risk = risk;
        this.settings = settings;
    }

    /**
     * The descent for a problem.
     *
     * @param problem (d, L, gamma, eps)
     * @param settings lambda schedule, alpha, steps, log period
     * @return the descent (holds scratch space: one per thread)
     * @throws IllegalArgumentException if an argument is null
     */
    public static ProjectedGradientDescent of(SlrProblem problem, DescentSettings settings) {
        return new ProjectedGradientDescent(PopulationRisk.of(problem), Checks.notNull("settings", settings));
    }

    /**
     * Runs the descent in the 4-dimensional invariant subspace (exact reduction, see the class comment).
     *
     * @param truth k*, v* of length d
     * @param k0 initial key vector, unit norm, length d
     * @param v0 initial value vector, unit norm, length d
     * @return the logged trajectory
     * @throws IllegalArgumentException if truth's dimension differs from the problem's
     * @throws IllegalArgumentException if k0 or v0 is not a finite unit vector of length d
     */
    public Trajectory run(SlrTruth truth, double[] k0, double[] v0) {
        checkStart(truth, k0, v0);
        double[] ks = truth.kStar();
        double[] vs = truth.vStar();
        int d = ks.length;
        double kappa = Overlaps.dot(k0, ks);
        double eta = Overlaps.dot(k0, vs);
        double theta = Overlaps.dot(v0, ks);
        double nu = Overlaps.dot(v0, vs);
        double[] e3 = new double[d];
        for (int i = 0; i < d; i++) {
            e3[i] = k0[i] - kappa * ks[i] - eta * vs[i];
        }
        double k3 = orthonormalise(e3, ks, vs, null);
        double[] e4 = new double[d];
        double v3 = k3 > 0 ? Overlaps.dot(v0, e3) : 0.0;
        for (int i = 0; i < d; i++) {
            e4[i] = v0[i] - theta * ks[i] - nu * vs[i] - v3 * e3[i];
        }
        double v4 = orthonormalise(e4, ks, vs, k3 > 0 ? e3 : null);
        double[] k = {kappa, eta, k3, 0.0};
        double[] v = {theta, nu, v3, v4};
        return iterate(new double[] {1, 0, 0, 0}, new double[] {0, 1, 0, 0}, k, v);
    }

    /**
     * Runs the descent in R^d (the reference for the reduction; cost O(d) per step).
     *
     * @param truth k*, v* of length d
     * @param k0 initial key vector, unit norm, length d (not modified)
     * @param v0 initial value vector, unit norm, length d (not modified)
     * @return the logged trajectory
     * @throws IllegalArgumentException as {@link #run}
     */
    public Trajectory runFullDimension(SlrTruth truth, double[] k0, double[] v0) {
        checkStart(truth, k0, v0);
        return iterate(truth.kStar(), truth.vStar(), k0.clone(), v0.clone());
    }

    private void checkStart(SlrTruth truth, double[] k0, double[] v0) {
        Checks.notNull("truth", truth);
        int d = risk.problem().dimension();
        if (truth.dimension() != d) {
            throw Checks.fail("truth.dimension()", "= d = " + d, truth.dimension());
        }
        checkUnit("k0", k0, d);
        checkUnit("v0", v0, d);
    }

    static void checkUnit(String name, double[] x, int d) {
        Checks.length(name, x, d);
        Checks.allFinite(name, x);
        double n = SphereStep.norm(x);
        if (!(Math.abs(n - 1.0) <= SphereStep.UNIT_TOLERANCE)) {
            throw Checks.fail("|" + name + "|", "1 within " + SphereStep.UNIT_TOLERANCE, n);
        }
    }

    /** Makes x orthogonal to a, b (and c if not null) once more, normalises it and returns its norm before. */
    private static double orthonormalise(double[] x, double[] a, double[] b, double[] c) {
        // second Gram-Schmidt pass: removes the rounding left by the first
        reorthogonalise(x, a);
        reorthogonalise(x, b);
        if (c != null) {
            reorthogonalise(x, c);
        }
        double n = SphereStep.norm(x);
        if (n > 0) {
            for (int i = 0; i < x.length; i++) {
                x[i] /= n;
            }
        }
        return n;
    }

    private static void reorthogonalise(double[] x, double[] a) {
        double p = Overlaps.dot(x, a);
        for (int i = 0; i < x.length; i++) {
            x[i] -= p * a[i];
        }
    }

    private Trajectory iterate(double[] ks, double[] vs, double[] k, double[] v) {
        int n = k.length;
        Trajectory out = Trajectory.allocate(settings.logCount(), false);
        double[] partials = new double[5];
        double[] gk = new double[n];
        double[] gv = new double[n];
        double[] kNew = new double[n];
        int logged = 0;
        logged = log(out, logged, 0, ks, vs, k, v);
        for (int t = 0; t < settings.steps(); t++) {
            double lambda = settings.lambdaAt(t);
            double kappa = Overlaps.dot(k, ks);
            double nu = Overlaps.dot(v, vs);
            double theta = Overlaps.dot(v, ks);
            double eta = Overlaps.dot(k, vs);
            double rho = Overlaps.dot(k, v);
            risk.evaluate(kappa, nu, theta, eta, rho, lambda, partials);
            for (int i = 0; i < n; i++) {
                gk[i] = partials[PopulationRisk.KAPPA] * ks[i] + partials[PopulationRisk.ETA] * vs[i]
                        + partials[PopulationRisk.RHO] * v[i];
                gv[i] = partials[PopulationRisk.NU] * vs[i] + partials[PopulationRisk.THETA] * ks[i]
                        + partials[PopulationRisk.RHO] * k[i];
            }
            SphereStep.stepUnchecked(k, gk, settings.alpha(), kNew);
            SphereStep.stepUnchecked(v, gv, settings.alpha(), v);
            System.arraycopy(kNew, 0, k, 0, n);
            if (settings.logged(t + 1)) {
                logged = log(out, logged, t + 1, ks, vs, k, v);
            }
        }
        return out;
    }

    private int log(Trajectory out, int index, int step, double[] ks, double[] vs, double[] k, double[] v) {
        double lambda = settings.lambdaAt(step);
        double kappa = Overlaps.dot(k, ks);
        double nu = Overlaps.dot(v, vs);
        double theta = Overlaps.dot(v, ks);
        double eta = Overlaps.dot(k, vs);
        double rho = Overlaps.dot(k, v);
        double r = risk.evaluate(kappa, nu, theta, eta, rho, lambda, null);
        out.record(index, step, lambda, r, kappa, nu, theta, eta, rho);
        return index + 1;
    }
}
