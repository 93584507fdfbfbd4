package org.attnlab.slr;

import org.attnlab.internal.Checks;
import org.attnlab.internal.RandomStreams;

/**
 * The ground truth of single-location regression: orthonormal k* (key) and v* (value) in R^d
 * (arXiv 2410.01537).
 */
public final class SlrTruth {

    /** Tolerance on |&lt;k*,k*&gt; - 1|, |&lt;v*,v*&gt; - 1| and |&lt;k*,v*&gt;| accepted by {@link #of}. */
    public static final double ORTHONORMAL_TOLERANCE = 1e-12;

    private final double[] kStar;
    private final double[] vStar;

    private SlrTruth(double[] kStar, double[] vStar) {
        this.kStar = kStar;
        this.vStar = vStar;
    }

    /**
     * A truth from given vectors (copied).
     *
     * @param kStar unit vector, length d &gt;= 2, finite
     * @param vStar unit vector orthogonal to kStar, length d, finite
     * @return the truth
     * @throws IllegalArgumentException if kStar is null, shorter than 2 or not finite
     * @throws IllegalArgumentException if vStar is null, not of length d or not finite
     * @throws IllegalArgumentException if kStar, vStar are not orthonormal within {@link #ORTHONORMAL_TOLERANCE}
     */
    public static SlrTruth of(double[] kStar, double[] vStar) {
        Checks.allFinite("kStar", kStar);
        if (kStar.length < 2) {
            throw Checks.fail("kStar.length", ">= 2", kStar.length);
        }
        Checks.length("vStar", vStar, kStar.length);
        Checks.allFinite("vStar", vStar);
        double kk = Overlaps.dot(kStar, kStar);
        double vv = Overlaps.dot(vStar, vStar);
        double kv = Overlaps.dot(kStar, vStar);
        if (!(Math.abs(kk - 1) <= ORTHONORMAL_TOLERANCE && Math.abs(vv - 1) <= ORTHONORMAL_TOLERANCE
                && Math.abs(kv) <= ORTHONORMAL_TOLERANCE)) {
            throw Checks.fail("(kStar, vStar)", "orthonormal within " + ORTHONORMAL_TOLERANCE,
                    "|k*|^2=" + kk + ", |v*|^2=" + vv + ", <k*,v*>=" + kv);
        }
        return new SlrTruth(kStar.clone(), vStar.clone());
    }

    /**
     * A random truth: k* = g1/|g1|, v* = normalise(g2 - &lt;g2,k*&gt; k*) with g1, g2 standard Gaussian in R^d.
     * Draws consumed: d normals for g1 then d normals for g2, in index order.
     *
     * @param dimension d &gt;= 2
     * @param stream the stream (by convention {@code Purpose.TRUTH})
     * @return the truth
     * @throws IllegalArgumentException if d &lt; 2 or stream is null
     */
    public static SlrTruth random(int dimension, RandomStreams.Stream stream) {
        Checks.atLeast("d", dimension, 2);
        Checks.notNull("stream", stream);
        double[] k = new double[dimension];
        double[] v = new double[dimension];
        stream.normals(k);
        stream.normals(v);
        SphereStep.normalise(k);
        double c = Overlaps.dot(v, k);
        for (int i = 0; i < dimension; i++) {
            v[i] -= c * k[i];
        }
        SphereStep.normalise(v);
        return new SlrTruth(k, v);
    }

    /** d. */
    public int dimension() {
        return kStar.length;
    }

    /** k* (the array itself, for speed; do not modify). */
    public double[] kStar() {
        return kStar;
    }

    /** v* (the array itself, for speed; do not modify). */
    public double[] vStar() {
        return vStar;
    }
}
