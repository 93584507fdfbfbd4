package org.attnlab.slr;

/**
 * The logged path of one descent run. Entry n describes the parameters after {@code steps[n]} updates.
 * The arrays are owned by the record (not copied, for speed): do not modify them.
 *
 * @param steps number of completed updates at each log point (starts at 0)
 * @param lambda the erf scale lambda_t at each log point
 * @param risk the closed-form population risk R(k_t, v_t) at lambda_t
 * @param testRisk the empirical risk on a fixed test batch (SGD), or null for descent on the population risk
 * @param kappa &lt;k, k*&gt;
 * @param nu &lt;v, v*&gt;
 * @param theta &lt;v, k*&gt;
 * @param eta &lt;k, v*&gt;
 * @param rho &lt;k, v&gt;
 */
public record Trajectory(int[] steps, double[] lambda, double[] risk, double[] testRisk, double[] kappa,
                         double[] nu, double[] theta, double[] eta, double[] rho) {

    /** The number of log points. */
    public int size() {
        return steps.length;
    }

    /** The distance to the manifold M at log point n: sqrt(theta^2 + eta^2 + rho^2). */
    public double distanceToManifold(int n) {
        return Math.sqrt(theta[n] * theta[n] + eta[n] * eta[n] + rho[n] * rho[n]);
    }

    /** The overlaps at log point n. */
    public Overlaps overlaps(int n) {
        return new Overlaps(kappa[n], nu[n], theta[n], eta[n], rho[n]);
    }

    /** The last log point index. */
    public int last() {
        return steps.length - 1;
    }

    static Trajectory allocate(int n, boolean withTest) {
        return new Trajectory(new int[n], new double[n], new double[n], withTest ? new double[n] : null,
                new double[n], new double[n], new double[n], new double[n], new double[n]);
    }

    void record(int n, int step, double lam, double riskValue, double kap, double nuValue, double th,
                double et, double rh) {
        steps[n] = step;
        lambda[n] = lam;
        risk[n] = riskValue;
        kappa[n] = kap;
        nu[n] = nuValue;
        theta[n] = th;
        eta[n] = et;
        rho[n] = rh;
    }
}
