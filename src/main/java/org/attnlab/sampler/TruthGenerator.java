package org.attnlab.sampler;

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
public final /*@ code_java_math spec_java_math nullable_by_default @*/ class TruthGenerator {

    /** The TRUTH stream index of A*. */
    public static final long MATRIX_STREAM = 0L;

    /*
     * -1 as a named constant: in a class with JML, OpenJML 0.21's RAC compiles a negative floating-point literal in
     * a method body without its sign (-1.0 becomes 1.0); a constant initialised in a field declaration keeps it.
     */
    private static final double MINUS_ONE = -1.0;

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
    /*@ public normal_behavior
      @   requires law != null && phi != null && noise != null && tokensPerSample >= 2;
      @   requires 1 <= rank && rank <= law.dimension();
      @   requires singularValues == null || (singularValues.length == rank
      @       && (\forall int j; 0 <= j && j < rank; 1.0e-100 <= singularValues[j] && singularValues[j] <= 1.0e100));
      @   ensures \result != null && \result.law() == law && \result.rank() == rank && \result.phi() == phi;
      @   ensures \result.noise() == noise && \result.tokensPerSample() == tokensPerSample && \result.seed() == seed;
      @   assignable \nothing;
      @ also public exceptional_behavior
      @   requires law == null || phi == null || noise == null || tokensPerSample < 2
      @       || rank < 1 || rank > law.dimension()
      @       || (singularValues != null && (singularValues.length != rank
      @           || (\exists int j; 0 <= j && j < rank; !(singularValues[j] > 0 && Double.isFinite(singularValues[j])))));
      @   signals_only IllegalArgumentException;
      @   assignable \nothing;
      @*/
    /* normal behaviour is stated for singular values in [1e-100, 1e100]: far outside, the unit-variance scale
       c = 1 / sqrt(Var) under- or overflows and GroundTruth.of rejects the non-finite A* (IllegalArgumentException) */
    public static GroundTruth generate(TokenLaw law, int rank, double[] singularValues, Activation phi,
            GaussianNoise noise, int tokensPerSample, long seed) {
        Sampling.nonNull("phi", phi);
        Sampling.nonNull("noise", noise);
        Checks.atLeast("N", tokensPerSample, 2);
        double[] a = normalisedMatrix(law, rank, singularValues, seed);
        return GroundTruth.of(law, a, rank, phi, noise, tokensPerSample, seed);
    }

    /*@ public normal_behavior
      @   requires law != null && 1 <= rank && rank <= law.dimension();
      @   requires singularValues == null || (singularValues.length == rank
      @       && (\forall int j; 0 <= j && j < rank; singularValues[j] > 0 && Double.isFinite(singularValues[j])));
      @   ensures \result != null && \result.length == law.dimension() * law.dimension();
      @   ensures singularValues == null
      @       || (\forall int j; 0 <= j && j < rank; 1.0e-100 <= singularValues[j] && singularValues[j] <= 1.0e100)
      @       ==> (\forall int i; 0 <= i && i < \result.length; Double.isFinite(\result[i]))
      @           && Math.abs(law.scoreVariance(\result) - 1) <= 1e-12;
      @   assignable \nothing;
      @ also public exceptional_behavior
      @   requires law == null || rank < 1 || rank > law.dimension()
      @       || (singularValues != null && (singularValues.length != rank
      @           || (\exists int j; 0 <= j && j < rank; !(singularValues[j] > 0 && Double.isFinite(singularValues[j])))));
      @   signals_only IllegalArgumentException;
      @   assignable \nothing;
      @*/
    /**
     * A* = c U S V^T with Var(X_1^T A* X_2) = 1 under {@code law}; d x d row-major. (Finite and normalised for
     * singular values in [1e-100, 1e100]; far outside, c = 1 / sqrt(Var) under- or overflows.)
     *
     * @throws IllegalArgumentException if law is null, r is not in [1, d], or the singular values have the
     *     wrong length or a non-positive / non-finite entry
     */
    public static double[] normalisedMatrix(TokenLaw law, int rank, double[] singularValues, long seed) {
        Sampling.nonNull("law", law);
        int d = law.dimension();
        Checks.inRange("r", rank, 1, d);
        double[] s = singularValues == null ? ones(rank) : Sampling.copy(singularValues);
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
        double scale = 1.0 / PlainCalls.sqrt(law.scoreVariance(a));
        for (int i = 0; i < a.length; i++) {
            a[i] *= scale;
        }
        return a;
    }

    /*@ public normal_behavior
      @   requires stream != null && d >= 1 && 1 <= r && r <= d;
      @   ensures \result != null && \result.length == d * r;
      @   ensures (\forall int p; 0 <= p && p < r * r; Math.abs((\sum int i; 0 <= i && i < d;
      @       \result[i * r + p / r] * \result[i * r + p % r]) - (p / r == p % r ? 1 : 0)) <= 1e-12);
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
        Sampling.nonNull("stream", stream);
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
        DMatrixRMaj q = PlainCalls.thinQ(qr);
        DMatrixRMaj rr = PlainCalls.thinR(qr);
        double[] out = new double[d * r];
        for (int j = 0; j < r; j++) {
            double sign = rr.get(j, j) < 0 ? MINUS_ONE : 1.0;
            for (int i = 0; i < d; i++) {
                out[i * r + j] = sign * q.get(i, j);
            }
        }
        return out;
    }

    private static double[] ones(int n) {
        return Sampling.filled(n, 1.0);
    }
}
