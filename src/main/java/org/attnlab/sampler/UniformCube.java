package org.attnlab.sampler;

import java.util.Arrays;
import org.attnlab.internal.Checks;
import org.attnlab.internal.RandomStreams;

/**
 * I.i.d. tokens uniform on the cube [-1, 1]^d (our default token law for arXiv 2510.11789, model A).
 *
 * <p>Moments: mean 0, Sigma = I/3 (v_k = 1/3), fourth cumulant kappa_k = 1/5 - 3/9 = -2/15.
 * Draws: each coordinate is {@code stream.uniform(-1, 1)} = -1 + 2u, one 64-bit output; tokens in
 * layout order (token 0 coordinates 0..d-1, token 1, ...). The value 1 itself is never drawn.
 *
 * @param dimension d &gt;= 1
 */
public record UniformCube(int dimension) implements IndependentTokenLaw {

    /** Var of one coordinate, 1/3. */
    public static final double VARIANCE = 1.0 / 3.0;
    /** Fourth cumulant of one coordinate, E X^4 - 3 (E X^2)^2 = 1/5 - 1/3 = -2/15. */
    public static final double FOURTH_CUMULANT = 0.2 - 3.0 * VARIANCE * VARIANCE;

    /**
     * Validates d.
     *
     * @throws IllegalArgumentException if dimension &lt; 1
     */
    public UniformCube {
        Checks.positive("d", dimension);
    }

    /** The cube law in dimension d. */
    public static UniformCube of(int dimension) {
        return new UniformCube(dimension);
    }

    @Override
    public double drawCoordinate(RandomStreams.Stream stream, int k) {
        return stream.uniform(-1.0, 1.0);
    }

    @Override
    public double[] variances() {
        double[] v = new double[dimension];
        Arrays.fill(v, VARIANCE);
        return v;
    }

    @Override
    public double[] fourthCumulants() {
        double[] c = new double[dimension];
        Arrays.fill(c, FOURTH_CUMULANT);
        return c;
    }

    @Override
    public String name() {
        return "cube";
    }
}
