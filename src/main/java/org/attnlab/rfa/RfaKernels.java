package org.attnlab.rfa;

/**
 * Allocation-free kernels of the random-feature models on primitive arrays (arXiv 2307.11353).
 *
 * <p>No argument is validated here: the public facades ({@link AttentionFeatureMap},
 * {@link MlpFeatureMap}) check shapes once, then call these in hot loops. The JML states what the
 * facades guarantee; {@code RfaKernelsProperties} exercises every clause at run time.
 */
final class RfaKernels {

    private RfaKernels() {
    }

    /**
     * Random-feature attention features of one sample:
     * {@code out[o + m*e + b] = (1/N) sum_{i=1}^{N} relu(xt_0^T W_m xt_i) xt_i[b]}, e = d + 1,
     * xt = [x; 1], W_m row-major at {@code w[m*e*e ..]} (arXiv 2307.11353, the model of Section 2).
     * Computes q = W_m^T xt_0 once per head, so the cost is H e (e + 2N).
     *
     * @param d token dimension
     * @param keys N
     * @param heads H
     * @param w H e e weights, read only
     * @param tokens x_0..x_N at {@code tokens[t + i*d + k]}, read only
     * @param t offset of x_0
     * @param q scratch of length &gt;= e, overwritten
     * @param out receives the H e features at {@code out[o ..]}
     * @param o offset into out
     */
    /*@ private normal_behavior
      @   requires d >= 1 && keys >= 1 && heads >= 1;
      @   requires w.length == heads * (d + 1) * (d + 1);
      @   requires 0 <= t && t + (keys + 1) * d <= tokens.length;
      @   requires q.length >= d + 1 && q != out && q != tokens;
      @   requires 0 <= o && o + heads * (d + 1) <= out.length && out != tokens;
      @   assignable q[*], out[o .. o + heads * (d + 1) - 1];
      @   ensures (\forall int j; o <= j && j < o + heads * (d + 1);
      @            (\forall int k; 0 <= k && k < tokens.length; Double.isFinite(tokens[k]))
      @            && (\forall int k; 0 <= k && k < w.length; Double.isFinite(w[k]))
      @            ==> Double.isFinite(out[j]));
      @*/
    static void attentionFeatures(int d, int keys, int heads, double[] w, double[] tokens, int t,
                                  double[] q, double[] out, int o) {
        final int e = d + 1;
        final double invN = 1.0 / keys;
        for (int m = 0; m < heads; m++) {
            final int base = m * e * e;
            final int bias = base + d * e;
            for (int b = 0; b < e; b++) {
                q[b] = w[bias + b];
            }
            for (int a = 0; a < d; a++) {
                final double x0a = tokens[t + a];
                final int row = base + a * e;
                for (int b = 0; b < e; b++) {
                    q[b] += x0a * w[row + b];
                }
            }
            final int om = o + m * e;
            for (int b = 0; b < e; b++) {
                out[om + b] = 0.0;
            }
            for (int i = 1; i <= keys; i++) {
                final int ti = t + i * d;
                double s = q[d];
                for (int b = 0; b < d; b++) {
                    s += q[b] * tokens[ti + b];
                }
                if (s > 0.0) {
                    for (int b = 0; b < d; b++) {
                        out[om + b] += s * tokens[ti + b];
                    }
                    out[om + d] += s;
                }
            }
            for (int b = 0; b < e; b++) {
                out[om + b] *= invN;
            }
        }
    }

    /**
     * Random-feature MLP features of one sample on the concatenated input z = (x_0, .., x_N) of length
     * D = (N+1) d: {@code out[o + j] = relu(sum_k w[j*(D+1) + k] z[k] + w[j*(D+1) + D])}.
     *
     * @param inputDimension D
     * @param features P
     * @param w P (D+1) weights, read only
     * @param tokens z at {@code tokens[t .. t+D-1]}, read only
     * @param t offset of z
     * @param out receives P features at {@code out[o ..]}
     * @param o offset into out
     */
    /*@ private normal_behavior
      @   requires inputDimension >= 1 && features >= 1;
      @   requires w.length == features * (inputDimension + 1);
      @   requires 0 <= t && t + inputDimension <= tokens.length;
      @   requires 0 <= o && o + features <= out.length && out != tokens;
      @   assignable out[o .. o + features - 1];
      @   ensures (\forall int j; o <= j && j < o + features; out[j] >= 0 || Double.isNaN(out[j]));
      @*/
    static void mlpFeatures(int inputDimension, int features, double[] w, double[] tokens, int t,
                            double[] out, int o) {
        final int stride = inputDimension + 1;
        for (int j = 0; j < features; j++) {
            final int row = j * stride;
            double s = w[row + inputDimension];
            for (int k = 0; k < inputDimension; k++) {
                s += w[row + k] * tokens[t + k];
            }
            out[o + j] = s > 0.0 ? s : 0.0;
        }
    }

    /** {@code sum_k phi[o + k] v[k]} for k &lt; p. */
    /*@ private normal_behavior
      @   requires 0 <= o && o + p <= phi.length && p <= v.length;
      @   assignable \nothing;
      @*/
    static double dot(double[] phi, int o, double[] v, int p) {
        double s = 0.0;
        for (int k = 0; k < p; k++) {
            s += phi[o + k] * v[k];
        }
        return s;
    }
}
