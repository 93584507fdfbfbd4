package org.attnlab.sampler;

import java.util.Arrays;
import org.attnlab.internal.Checks;
import org.attnlab.internal.RandomStreams;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.QRDecomposition;

/**
 * Random ground truths of model A (arXiv 2510.11789; our default law of A*, see PAPERS.md A):
 * <pre>
 *   A* = c U S V^T,   U, V Haar-random in the Stiefel manifold of d x r orthonormal frames,
 *   S = diag(s_1, ..., s_r) given (default all 1),   c = 1 / sqrt(Var(X_1^T U S V^T X_2)),
 * </pre>
 * so that Var(X_1^T A* X_2) = 1 under the token law (exact formulas in {@link TokenLaw#scoreVariance}).
 *
 * <p>Haar frames: G with i.i.d. N(0, 1) entries, QR factorisation G = Q R, and Q's column j multiplied by
 * sign(R_jj) (so R has a positive diagonal; Q is then unique, whatever QR algorithm computes it).
 * Draws, all from {@code RandomStreams.stream(seed, Purpose.TRUTH, 0)}: the d r entries of G_U in row-major
 * order (row i = 0..d-1, column j = 0..r-1), then the d r entries of G_V in the same order.
 */
public final class TruthGenerator {

    /** The TRUTH stream index of A*. */
    public static final long MATRIX_STREAM = 0L;

    private TruthGenerator() {
    }

    /**
     * A random ground truth with A* normalised to unit score variance.
     *
     * @param law the token law (d = law.dimension())
     * @param rank r in [1, d]
     * @param singularValues s_1..s_r, finite and &gt; 0, or null for all 1; copied
     * @param phi phi*
     * @param noise the noise
     * @param tokensPerSample N &gt;= 2
     * @param seed the seed of A* (TRUTH stream 0) and of the data streams
     * @throws IllegalArgumentException if law, phi or noise is null, r is not in [1, d], the singular values
     *     have the wrong length or a non-positive / non-finite entry, or N &lt; 2
     */
    public static GroundTruth generate(TokenLaw law, int rank, double[] singularValues, Activation phi,
            GaussianNoise noise, int tokensPerSample, long seed) {
        Checks.notNull("phi", phi);
        Checks.notNull("noise", noise);
        Checks.atLeast("N", tokensPerSample, 2);
        double[] a = normalisedMatrix(law, rank, singularValues, seed);
        return GroundTruth.of(law, a, rank, phi, noise, tokensPerSample, seed);
    }

    /*@ public normal_behavior
      @   requires law != null && 1 <= rank && rank <= law.dimension();
      @   requires singularValues == null || (singularValues.length == rank
      @       && (\forall int j; 0 <= j && j < rank; singularValues[j] > 0 && Double.isFinite(singularValues[j])));
      @   ensures \result.length == law.dimension() * law.dimension();
      @   ensures Math.abs(law.scoreVariance(\result) - 1) <= 1e-12;
      @   assignable \nothing;
      @ also public exceptional_behavior
      @   requires law == null || rank < 1 || rank > law.dimension()
      @       || (singularValues != null && (singularValues.length != rank
      @           || (\exists int j; 0 <= j && j < rank; !(singularValues[j] > 0 && Double.isFinite(singularValues[j])))));
      @   signals_only IllegalArgumentException;
      @   assignable \nothing;
      @*/
    /**
     * A* = c U S V^T with Var(X_1^T A* X_2) = 1 under {@code law}; d x d row-major.
     *
     * @throws IllegalArgumentException if law is null, r is not in [1, d], or the singular values have the
     *     wrong length or a non-positive / non-finite entry
     */
    public static double[] normalisedMatrix(TokenLaw law, int rank, double[] singularValues, long seed) {
        Checks.notNull("law", law);
        int d = law.dimension();
        Checks.inRange("r", rank, 1, d);
        double[] s = singularValues == null ? ones(rank) : singularValues.clone();
        Checks.length("singularValues", s, rank);
        for (int j = 0; j < rank; j++) {
            Checks.positive("singularValues[" + j + "]", s[j]);
        }
        RandomStreams.Stream stream = RandomStreams.stream(seed, RandomStreams.Purpose.TRUTH, MATRIX_STREAM);
        double[] u = haarFrame(stream, d, rank);
        double[] v = haarFrame(stream, d, rank);
        double[] a = new double[d * d];
        for (int k = 0; k < d; k++) {
            for (int l = 0; l < d; l++) {
                double sum = 0.0;
                for (int j = 0; j < rank; j++) {
                    sum += u[k * rank + j] * s[j] * v[l * rank + j];
                }
                a[k * d + l] = sum;
            }
        }
        double scale = 1.0 / Math.sqrt(law.scoreVariance(a));
        for (int i = 0; i < a.length; i++) {
            a[i] *= scale;
        }
        return a;
    }

    /*@ public normal_behavior
      @   requires stream != null && d >= 1 && 1 <= r && r <= d;
      @   ensures \result.length == d * r;
      @   ensures (\forall int a, b; 0 <= a && a < r && 0 <= b && b < r;
      @       Math.abs((\sum int i; 0 <= i && i < d; \result[i * r + a] * \result[i * r + b]) - (a == b ? 1 : 0)) <= 1e-12);
      @   assignable stream.*;
      @ also public exceptional_behavior
      @   requires stream == null || d < 1 || r < 1 || r > d;
      @   signals_only IllegalArgumentException;
      @   assignable \nothing;
      @*/
    /**
     * A Haar-random d x r orthonormal frame Q (Q^T Q = I_r), row-major, from d r normals of {@code stream}
     * (row-major order), by QR with the sign fix R_jj &gt; 0.
     *
     * @throws IllegalArgumentException if stream is null, d &lt; 1, or r is not in [1, d]
     */
    public static double[] haarFrame(RandomStreams.Stream stream, int d, int r) {
        Checks.notNull("stream", stream);
        Checks.positive("d", d);
        Checks.inRange("r", r, 1, d);
        DMatrixRMaj g = new DMatrixRMaj(d, r);
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < r; j++) {
                g.set(i, j, stream.normal());
            }
        }
        QRDecomposition<DMatrixRMaj> qr = DecompositionFactory_DDRM.qr(d, r);
        if (!qr.decompose(g)) {
            throw new IllegalStateException("QR of a Gaussian matrix failed");
        }
        DMatrixRMaj q = qr.getQ(null, true);
        DMatrixRMaj rr = qr.getR(null, true);
        double[] out = new double[d * r];
        for (int j = 0; j < r; j++) {
            double sign = rr.get(j, j) < 0 ? -1.0 : 1.0;
            for (int i = 0; i < d; i++) {
                out[i * r + j] = sign * q.get(i, j);
            }
        }
        return out;
    }

    private static double[] ones(int n) {
        double[] x = new double[n];
        Arrays.fill(x, 1.0);
        return x;
    }
}
