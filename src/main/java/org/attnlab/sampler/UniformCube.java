package org.attnlab.sampler;

import org.attnlab.internal.Checks;
import org.attnlab.internal.RandomStreams;

/**
 * I.i.d. tokens uniform on the cube [-1, 1]^d (our default token law for arXiv 2510.11789, model A).
 *
 * <p>Moments: mean 0, Sigma = I/3 (v_k = 1/3), fourth cumulant kappa_k = 1/5 - 3/9 = -2/15.
 * Draws: each coordinate is {@code stream.uniform(-1, 1)} = -1 + 2u, one 64-bit output; tokens in
 * layout order (token 0 coordinates 0..d-1, token 1, ...). The value 1 itself is never drawn.
 *
 * <p>A value class with the API of the record it was (the accessor of the dimension, and {@code equals},
 * {@code hashCode} and {@code toString} as the record with the one int component defines them): OpenJML 0.21
 * cannot compile records (see proofs/openjml.md).
 */
public final /*@ code_java_math spec_java_math nullable_by_default @*/ class UniformCube implements IndependentTokenLaw {

    /** Var of one coordinate, 1/3. */
    public static final double VARIANCE = 1.0 / 3.0;
    /** Fourth cumulant of one coordinate, E X^4 - 3 (E X^2)^2 = 1/5 - 1/3 = -2/15. */
    public static final double FOURTH_CUMULANT = 0.2 - 3.0 * VARIANCE * VARIANCE;

    /*
     * The ends of the cube as named constants: in a class with JML, OpenJML 0.21's RAC compiles a negative
     * floating-point literal in a method body or a specification without its sign (-1.0 becomes 1.0); constants
     * initialised in a field declaration keep it. Same values and bytes in the plain build.
     */
    private static final /*@ spec_public @*/ double LOW = -1.0;
    private static final /*@ spec_public @*/ double HIGH = 1.0;

    private final /*@ spec_public @*/ int dimension;

    //@ public invariant dimension >= 1;

    /*@ public normal_behavior
      @   requires dimension >= 1;
      @   ensures this.dimension == dimension;
      @ also public exceptional_behavior
      @   requires dimension < 1;
      @   signals_only IllegalArgumentException;
      @*/
    /**
     * The cube law in dimension d.
     *
     * @param dimension d &gt;= 1
     * @throws IllegalArgumentException if dimension &lt; 1
     */
    public UniformCube(int dimension) {
        Checks.positive("d", dimension);
        this.dimension = dimension;
    }

    /*@ public normal_behavior
      @   requires dimension >= 1;
      @   ensures \result != null && \result.dimension == dimension;
      @ also public exceptional_behavior
      @   requires dimension < 1;
      @   signals_only IllegalArgumentException;
      @*/
    /** The cube law in dimension d. */
    public static UniformCube of(int dimension) {
        return new UniformCube(dimension);
    }

    //@ also public normal_behavior ensures \result == dimension && \result >= 1; pure
    /** d, the token dimension. */
    @Override
    public int dimension() {
        return dimension;
    }

    /*@ also public normal_behavior
      @   requires stream != null && 0 <= k && k < dimension;
      @   ensures LOW <= \result && \result < HIGH;
      @   assignable stream.*;
      @*/
    @Override
    public double drawCoordinate(RandomStreams.Stream stream, int k) {
        return stream.uniform(LOW, HIGH);
    }

    /*@ also public normal_behavior
      @   ensures \result != null && \result.length == dimension;
      @   ensures (\forall int k; 0 <= k && k < dimension; \result[k] == VARIANCE);
      @   assignable \nothing;
      @*/
    @Override
    public double[] variances() {
        return Sampling.filled(dimension, VARIANCE);
    }

    /*@ also public normal_behavior
      @   ensures \result != null && \result.length == dimension;
      @   ensures (\forall int k; 0 <= k && k < dimension; \result[k] == FOURTH_CUMULANT);
      @   assignable \nothing;
      @*/
    @Override
    public double[] fourthCumulants() {
        return Sampling.filled(dimension, FOURTH_CUMULANT);
    }

    //@ also public normal_behavior ensures \result != null && \result.equals("cube"); pure
    @Override
    public String name() {
        return "cube";
    }

    /*@ also public normal_behavior
      @   ensures \result <==> (o instanceof UniformCube && ((UniformCube) o).dimension == dimension);
      @ pure
      @*/
    /** Equal when the other is a UniformCube of the same dimension (as a record). */
    @Override
    public boolean equals(Object o) {
        return o instanceof UniformCube && ((UniformCube) o).dimension == dimension;
    }

    //@ also public normal_behavior ensures \result == dimension; pure
    /** d, the record's hash of its one int component. */
    @Override
    public int hashCode() {
        return dimension;
    }

    //@ also public normal_behavior ensures \result != null && \result.startsWith("UniformCube[dimension="); pure
    /** {@code UniformCube[dimension=<d>]}, the record format. */
    @Override
    public String toString() {
        return "UniformCube[dimension=" + dimension + "]";
    }
}
