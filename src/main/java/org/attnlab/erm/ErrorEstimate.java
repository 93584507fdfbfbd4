package org.attnlab.erm;

/**
 * A Monte Carlo estimate of the composed error ||g_hat - g*||^2 in L2(rho) (arXiv 2510.11789, "composed test
 * MSE").
 *
 * <p>The components: absolute, the mean of (g_hat - g*)^2 over the fresh pairs; absoluteStandardError, its
 * standard error, sd / sqrt(pairs); truthNorm, the mean of g*^2 over the same pairs, the estimate of ||g*||^2;
 * relative = absolute / truthNorm (NaN if truthNorm is 0); relativeStandardError, the delta-method standard error
 * of the ratio: sqrt(var(e - relative g*^2) / pairs) / truthNorm, e = (g_hat - g*)^2; pairs, the number of fresh
 * pairs used. The ranges of an estimate computed by {@link ComposedError#estimate} are stated there.
 *
 * <p>A final class with the API of a record (accessors, component-wise {@code equals} and {@code hashCode},
 * {@code toString} in the record format {@code ErrorEstimate[absolute=0.1, ..., pairs=4096]}): OpenJML 0.21 cannot
 * compile records (proofs/openjml.md).
 */
public final class ErrorEstimate {

    private final /*@ spec_public @*/ double absolute;
    private final /*@ spec_public @*/ double absoluteStandardError;
    private final /*@ spec_public @*/ double truthNorm;
    private final /*@ spec_public @*/ double relative;
    private final /*@ spec_public @*/ double relativeStandardError;
    private final /*@ spec_public @*/ long pairs;

    /*@ public normal_behavior
      @   ensures Double.compare(this.absolute, absolute) == 0
      @           && Double.compare(this.absoluteStandardError, absoluteStandardError) == 0
      @           && Double.compare(this.truthNorm, truthNorm) == 0 && Double.compare(this.relative, relative) == 0
      @           && Double.compare(this.relativeStandardError, relativeStandardError) == 0 && this.pairs == pairs;
      @*/
    /**
     * The estimate as given (not validated, as for the record it replaces).
     *
     * @param absolute mean of (g_hat - g*)^2 over the fresh pairs
     * @param absoluteStandardError its standard error
     * @param truthNorm mean of g*^2 over the same pairs
     * @param relative absolute / truthNorm
     * @param relativeStandardError delta-method standard error of the ratio
     * @param pairs number of fresh pairs used
     */
    public ErrorEstimate(double absolute, double absoluteStandardError, double truthNorm, double relative,
                         double relativeStandardError, long pairs) {
        this.absolute = absolute;
        this.absoluteStandardError = absoluteStandardError;
        this.truthNorm = truthNorm;
        this.relative = relative;
        this.relativeStandardError = relativeStandardError;
        this.pairs = pairs;
    }

    /*@ public normal_behavior
      @   ensures Double.compare(\result, absolute) == 0;
      @*/
    /** Mean of (g_hat - g*)^2 over the fresh pairs. */
    public /*@ pure @*/ double absolute() {
        return absolute;
    }

    /*@ public normal_behavior
      @   ensures Double.compare(\result, absoluteStandardError) == 0;
      @*/
    /** Standard error of {@link #absolute()}, sd / sqrt(pairs). */
    public /*@ pure @*/ double absoluteStandardError() {
        return absoluteStandardError;
    }

    /*@ public normal_behavior
      @   ensures Double.compare(\result, truthNorm) == 0;
      @*/
    /** Mean of g*^2 over the same pairs. */
    public /*@ pure @*/ double truthNorm() {
        return truthNorm;
    }

    /*@ public normal_behavior
      @   ensures Double.compare(\result, relative) == 0;
      @*/
    /** absolute / truthNorm (NaN if truthNorm is 0). */
    public /*@ pure @*/ double relative() {
        return relative;
    }

    /*@ public normal_behavior
      @   ensures Double.compare(\result, relativeStandardError) == 0;
      @*/
    /** Delta-method standard error of {@link #relative()}. */
    public /*@ pure @*/ double relativeStandardError() {
        return relativeStandardError;
    }

    /*@ public normal_behavior
      @   ensures \result == pairs;
      @*/
    /** Number of fresh pairs used. */
    public /*@ pure @*/ long pairs() {
        return pairs;
    }

    /*@ also public normal_behavior
      @   ensures \result == (o instanceof ErrorEstimate
      @            && Double.compare(((ErrorEstimate) o).absolute, absolute) == 0
      @            && Double.compare(((ErrorEstimate) o).absoluteStandardError, absoluteStandardError) == 0
      @            && Double.compare(((ErrorEstimate) o).truthNorm, truthNorm) == 0
      @            && Double.compare(((ErrorEstimate) o).relative, relative) == 0
      @            && Double.compare(((ErrorEstimate) o).relativeStandardError, relativeStandardError) == 0
      @            && ((ErrorEstimate) o).pairs == pairs);
      @*/
    /** Component-wise equality, as for a record (doubles compared with {@link Double#compare}). */
    @Override
    public /*@ pure @*/ boolean equals(/*@ nullable @*/ Object o) {
        if (!(o instanceof ErrorEstimate)) {
            return false;
        }
        ErrorEstimate that = (ErrorEstimate) o;
        return Double.compare(absolute, that.absolute) == 0
                && Double.compare(absoluteStandardError, that.absoluteStandardError) == 0
                && Double.compare(truthNorm, that.truthNorm) == 0 && Double.compare(relative, that.relative) == 0
                && Double.compare(relativeStandardError, that.relativeStandardError) == 0 && pairs == that.pairs;
    }

    /*@ also public normal_behavior
      @   ensures true;
      @*/
    /** The record hash: h = 31 h + hash(component) over the components in order, from h = 0 (int arithmetic wraps: code_java_math). */
    @Override
    public /*@ pure code_java_math @*/ int hashCode() {
        int h = Double.hashCode(absolute);
        h = 31 * h + Double.hashCode(absoluteStandardError);
        h = 31 * h + Double.hashCode(truthNorm);
        h = 31 * h + Double.hashCode(relative);
        h = 31 * h + Double.hashCode(relativeStandardError);
        return 31 * h + Long.hashCode(pairs);
    }

    /*@ also public normal_behavior
      @   ensures \result != null;
      @*/
    /** The record format {@code ErrorEstimate[absolute=..., ...]} (arrays as {@code Object.toString}). */
    @Override
    public /*@ pure @*/ String toString() {
        return "ErrorEstimate[absolute=" + absolute + ", absoluteStandardError=" + absoluteStandardError
                + ", truthNorm=" + truthNorm + ", relative=" + relative
                + ", relativeStandardError=" + relativeStandardError + ", pairs=" + pairs + "]";
    }
}
