package org.attnlab.slr;

import org.attnlab.internal.Checks;
import org.attnlab.internal.RandomStreams;

/**
 * Initial (k, v) of the descent (arXiv 2410.01537, authors' code). Draws consumed: d normals g1 then d normals g2.
 */
public enum Initialisation {
    /** k = g1/|g1|, v = g2/|g2|: independent uniform points of the sphere. */
    SPHERE,
    /**
     * A point of the invariant manifold M = {&lt;k,v*&gt; = &lt;v,k*&gt; = &lt;k,v&gt; = 0}:
     * k = normalise(g1 - &lt;g1,v*&gt; v*); v = g2 - &lt;g2,k*&gt; k*, then the component of v along
     * u = normalise(k - &lt;k,k*&gt; k*) is removed and v is normalised (v is then orthogonal to k*, u, hence k).
     */
    MANIFOLD;

    /**
     * Draws (k, v) into the given arrays.
     *
     * @param truth k*, v*
     * @param stream the stream (by convention {@code Purpose.ESTIMATOR})
     * @param k receives k, length d
     * @param v receives v, length d
     * @throws IllegalArgumentException if an argument is null or k, v are not of length d
     */
    public void draw(SlrTruth truth, RandomStreams.Stream stream, double[] k, double[] v) {
        Checks.notNull("truth", truth);
        Checks.notNull("stream", stream);
        int d = truth.dimension();
        Checks.length("k", k, d);
        Checks.length("v", v, d);
        stream.normals(k);
        stream.normals(v);
        if (this == SPHERE) {
            SphereStep.normalise(k);
            SphereStep.normalise(v);
            return;
        }
        double[] ks = truth.kStar();
        double[] vs = truth.vStar();
        subtract(k, vs, Overlaps.dot(k, vs));
        SphereStep.normalise(k);
        subtract(v, ks, Overlaps.dot(v, ks));
        double[] u = k.clone();
        subtract(u, ks, Overlaps.dot(k, ks));
        SphereStep.normalise(u);
        subtract(v, u, Overlaps.dot(v, u));
        SphereStep.normalise(v);
    }

    private static void subtract(double[] x, double[] direction, double c) {
        for (int i = 0; i < x.length; i++) {
            x[i] -= c * direction[i];
        }
    }
}
