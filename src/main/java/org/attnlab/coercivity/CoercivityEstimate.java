package org.attnlab.coercivity;

/**
 * The empirical coercivity constant of H = span{B_k(x^T A y)} (arXiv 2510.11789, coercivity Lemma):
 * c_H = min over h in H \ {0} of E|R_h[X]_1|^2 / E h(X_1, X_2)^2, the smallest generalized eigenvalue of
 * (aggregated Gram, pairwise Gram). For i.i.d. or conditionally i.i.d. tokens c_H &gt;= 1/(N - 1).
 *
 * <p>A final class with the API of a record (accessors, component-wise {@code equals} and {@code hashCode},
 * {@code toString} in the record format {@code CoercivityEstimate[constant=..., ...]}; the array is owned by the
 * estimate and returned without copying, compared by reference): OpenJML 0.21 cannot compile records
 * (proofs/openjml.md). The ranges of an estimate computed by {@link CoercivityEstimator#estimate} are stated there.
 */
public final class CoercivityEstimate {

    private final /*@ spec_public @*/ double constant;
    private final /*@ spec_public @*/ double standardError;
    private final /*@ spec_public @*/ double lower;
    private final /*@ spec_public @*/ double upper;
    private final /*@ spec_public @*/ double heldOut;
    private final /*@ spec_public @*/ double heldOutStandardError;
    private final /*@ spec_public @*/ double heldOutLower;
    private final /*@ spec_public @*/ double heldOutUpper;
    private final /*@ spec_public @*/ double bound;
    private final /*@ spec_public @*/ double normalised;
    private final /*@ spec_public @*/ double[] batchConstants;
    private final /*@ spec_public @*/ int basisSize;
    private final /*@ spec_public @*/ boolean singular;

    /*@ public normal_behavior
      @   ensures Double.compare(this.constant, constant) == 0
      @           && Double.compare(this.standardError, standardError) == 0
      @           && Double.compare(this.lower, lower) == 0 && Double.compare(this.upper, upper) == 0
      @           && Double.compare(this.heldOut, heldOut) == 0
      @           && Double.compare(this.heldOutStandardError, heldOutStandardError) == 0
      @           && Double.compare(this.heldOutLower, heldOutLower) == 0
      @           && Double.compare(this.heldOutUpper, heldOutUpper) == 0 && Double.compare(this.bound, bound) == 0
      @           && Double.compare(this.normalised, normalised) == 0 && this.batchConstants == batchConstants
      @           && this.basisSize == basisSize && this.singular == singular;
      @*/
    /**
     * The estimate as given (not validated, as for the record it replaces).
     *
     * @param constant c_H estimated from all the data
     * @param standardError batch-means standard error: sd(batch constants) / sqrt(batches), over the batches whose
     *     constant is finite (a batch with a singular Gram matrix gives NaN); +infinity with fewer than two
     * @param lower constant - t_{0.975, batches-1} standardError
     * @param upper constant + t_{0.975, batches-1} standardError
     * @param heldOut the ratio E|R_h|^2 / E h^2 of the minimising h of the first half of the batches, measured on
     *     the other half: the mean of its per-batch ratios. For a fixed h this is unbiased for a population ratio
     *     &gt;= c_H, whereas the plug-in constant is biased downwards (it is a minimum of noisy ratios; when the
     *     smallest eigenvalue is multiple, as for symmetric token laws, the bias is of the order of its standard
     *     error). Use it to test the Lemma's bound.
     * @param heldOutStandardError batch-means standard error of heldOut (over the held-out batches)
     * @param heldOutLower heldOut - t_{0.975, B/2 - 1} heldOutStandardError
     * @param heldOutUpper heldOut + t_{0.975, B/2 - 1} heldOutStandardError
     * @param bound 1/(N - 1), the Lemma's lower bound for (conditionally) i.i.d. tokens
     * @param normalised (N - 1) constant, which is &gt;= 1 when the bound holds
     * @param batchConstants c_H of each batch of consecutive samples, in batch order
     * @param basisSize number of basis functions kept (those with pairwise mass, see {@link CoercivityEstimator})
     * @param singular true if the pairwise Gram matrix of the kept functions was numerically singular (then
     *     constant is NaN)
     */
    public CoercivityEstimate(double constant, double standardError, double lower, double upper, double heldOut,
                              double heldOutStandardError, double heldOutLower, double heldOutUpper, double bound,
                              double normalised, double[] batchConstants, int basisSize, boolean singular) {
        this.constant = constant;
        this.standardError = standardError;
        this.lower = lower;
        this.upper = upper;
        this.heldOut = heldOut;
        this.heldOutStandardError = heldOutStandardError;
        this.heldOutLower = heldOutLower;
        this.heldOutUpper = heldOutUpper;
        this.bound = bound;
        this.normalised = normalised;
        this.batchConstants = batchConstants;
        this.basisSize = basisSize;
        this.singular = singular;
    }

    /*@ public normal_behavior
      @   ensures Double.compare(\result, constant) == 0;
      @*/
    /** The component {@code constant} (see the class comment). */
    public /*@ pure @*/ double constant() {
        return constant;
    }

    /*@ public normal_behavior
      @   ensures Double.compare(\result, standardError) == 0;
      @*/
    /** The component {@code standardError} (see the class comment). */
    public /*@ pure @*/ double standardError() {
        return standardError;
    }

    /*@ public normal_behavior
      @   ensures Double.compare(\result, lower) == 0;
      @*/
    /** The component {@code lower} (see the class comment). */
    public /*@ pure @*/ double lower() {
        return lower;
    }

    /*@ public normal_behavior
      @   ensures Double.compare(\result, upper) == 0;
      @*/
    /** The component {@code upper} (see the class comment). */
    public /*@ pure @*/ double upper() {
        return upper;
    }

    /*@ public normal_behavior
      @   ensures Double.compare(\result, heldOut) == 0;
      @*/
    /** The component {@code heldOut} (see the class comment). */
    public /*@ pure @*/ double heldOut() {
        return heldOut;
    }

    /*@ public normal_behavior
      @   ensures Double.compare(\result, heldOutStandardError) == 0;
      @*/
    /** The component {@code heldOutStandardError} (see the class comment). */
    public /*@ pure @*/ double heldOutStandardError() {
        return heldOutStandardError;
    }

    /*@ public normal_behavior
      @   ensures Double.compare(\result, heldOutLower) == 0;
      @*/
    /** The component {@code heldOutLower} (see the class comment). */
    public /*@ pure @*/ double heldOutLower() {
        return heldOutLower;
    }

    /*@ public normal_behavior
      @   ensures Double.compare(\result, heldOutUpper) == 0;
      @*/
    /** The component {@code heldOutUpper} (see the class comment). */
    public /*@ pure @*/ double heldOutUpper() {
        return heldOutUpper;
    }

    /*@ public normal_behavior
      @   ensures Double.compare(\result, bound) == 0;
      @*/
    /** The component {@code bound} (see the class comment). */
    public /*@ pure @*/ double bound() {
        return bound;
    }

    /*@ public normal_behavior
      @   ensures Double.compare(\result, normalised) == 0;
      @*/
    /** The component {@code normalised} (see the class comment). */
    public /*@ pure @*/ double normalised() {
        return normalised;
    }

    /*@ public normal_behavior
      @   ensures \result == batchConstants;
      @*/
    /** The component {@code batchConstants} (see the class comment). */
    public /*@ pure @*/ double[] batchConstants() {
        return batchConstants;
    }

    /*@ public normal_behavior
      @   ensures \result == basisSize;
      @*/
    /** The component {@code basisSize} (see the class comment). */
    public /*@ pure @*/ int basisSize() {
        return basisSize;
    }

    /*@ public normal_behavior
      @   ensures \result == singular;
      @*/
    /** The component {@code singular} (see the class comment). */
    public /*@ pure @*/ boolean singular() {
        return singular;
    }

    /*@ also public normal_behavior
      @   ensures \result == (o instanceof CoercivityEstimate
      @            && Double.compare(((CoercivityEstimate) o).constant, constant) == 0
      @            && Double.compare(((CoercivityEstimate) o).standardError, standardError) == 0
      @            && Double.compare(((CoercivityEstimate) o).lower, lower) == 0
      @            && Double.compare(((CoercivityEstimate) o).upper, upper) == 0
      @            && Double.compare(((CoercivityEstimate) o).heldOut, heldOut) == 0
      @            && Double.compare(((CoercivityEstimate) o).heldOutStandardError, heldOutStandardError) == 0
      @            && Double.compare(((CoercivityEstimate) o).heldOutLower, heldOutLower) == 0
      @            && Double.compare(((CoercivityEstimate) o).heldOutUpper, heldOutUpper) == 0
      @            && Double.compare(((CoercivityEstimate) o).bound, bound) == 0
      @            && Double.compare(((CoercivityEstimate) o).normalised, normalised) == 0
      @            && ((CoercivityEstimate) o).batchConstants == batchConstants
      @            && ((CoercivityEstimate) o).basisSize == basisSize
      @            && ((CoercivityEstimate) o).singular == singular);
      @*/
    /** Component-wise equality, as for a record (doubles compared with {@link Double#compare}, arrays by reference). */
    @Override
    public /*@ pure @*/ boolean equals(/*@ nullable @*/ Object o) {
        if (!(o instanceof CoercivityEstimate)) {
            return false;
        }
        CoercivityEstimate that = (CoercivityEstimate) o;
        return Double.compare(constant, that.constant) == 0
                && Double.compare(standardError, that.standardError) == 0 && Double.compare(lower, that.lower) == 0
                && Double.compare(upper, that.upper) == 0 && Double.compare(heldOut, that.heldOut) == 0
                && Double.compare(heldOutStandardError, that.heldOutStandardError) == 0
                && Double.compare(heldOutLower, that.heldOutLower) == 0
                && Double.compare(heldOutUpper, that.heldOutUpper) == 0 && Double.compare(bound, that.bound) == 0
                && Double.compare(normalised, that.normalised) == 0 && batchConstants == that.batchConstants
                && basisSize == that.basisSize && singular == that.singular;
    }

    /*@ also public normal_behavior
      @   ensures true;
      @*/
    /** The record hash: h = 31 h + hash(component) over the components in order, from h = 0 (int arithmetic wraps: code_java_math). */
    @Override
    public /*@ pure code_java_math @*/ int hashCode() {
        int h = Double.hashCode(constant);
        h = 31 * h + Double.hashCode(standardError);
        h = 31 * h + Double.hashCode(lower);
        h = 31 * h + Double.hashCode(upper);
        h = 31 * h + Double.hashCode(heldOut);
        h = 31 * h + Double.hashCode(heldOutStandardError);
        h = 31 * h + Double.hashCode(heldOutLower);
        h = 31 * h + Double.hashCode(heldOutUpper);
        h = 31 * h + Double.hashCode(bound);
        h = 31 * h + Double.hashCode(normalised);
        h = 31 * h + java.util.Objects.hashCode(batchConstants);
        h = 31 * h + basisSize;
        return 31 * h + Boolean.hashCode(singular);
    }

    /*@ also public normal_behavior
      @   ensures \result != null;
      @*/
    /** The record format {@code CoercivityEstimate[constant=..., ...]} (arrays as {@code Object.toString}). */
    @Override
    public /*@ pure @*/ String toString() {
        return "CoercivityEstimate[constant=" + constant + ", standardError=" + standardError + ", lower=" + lower
                + ", upper=" + upper + ", heldOut=" + heldOut + ", heldOutStandardError=" + heldOutStandardError
                + ", heldOutLower=" + heldOutLower + ", heldOutUpper=" + heldOutUpper + ", bound=" + bound
                + ", normalised=" + normalised + ", batchConstants=" + batchConstants + ", basisSize=" + basisSize
                + ", singular=" + singular + "]";
    }
}
