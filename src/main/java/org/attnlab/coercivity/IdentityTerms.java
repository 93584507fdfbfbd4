package org.attnlab.coercivity;

/**
 * The three empirical moments of the coercivity identity (arXiv 2510.11789)
 * E |R_h[X]_1|^2 = 1/(N-1) E h(X_1,X_2)^2 + (N-2)/(N-1) E[h(X_1,X_2) h(X_1,X_3)], each averaged over every
 * token, ordered pair and ordered triple of distinct tokens of every sample.
 *
 * <p>The components: aggregated, the mean over (m, i) of R_i^2, R_i = 1/(N-1) sum_{j != i} h(X_i, X_j); pairwise,
 * the mean over (m, i, j != i) of h(X_i, X_j)^2; cross, the mean over (m, i, j != i, k != i, j) of
 * h(X_i, X_j) h(X_i, X_k) (0 when N = 2); tokensPerSample, N.
 *
 * <p>A final class with the API of a record (accessors, component-wise {@code equals} and {@code hashCode},
 * {@code toString} in the record format {@code IdentityTerms[aggregated=0.5, ..., tokensPerSample=7]}): OpenJML
 * 0.21 cannot compile records (proofs/openjml.md).
 */
public final class IdentityTerms {

    private final /*@ spec_public @*/ double aggregated;
    private final /*@ spec_public @*/ double pairwise;
    private final /*@ spec_public @*/ double cross;
    private final /*@ spec_public @*/ int tokensPerSample;

    /*@ public normal_behavior
      @   ensures Double.compare(this.aggregated, aggregated) == 0 && Double.compare(this.pairwise, pairwise) == 0
      @           && Double.compare(this.cross, cross) == 0 && this.tokensPerSample == tokensPerSample;
      @*/
    /**
     * The moments as given (not validated, as for the record it replaces).
     *
     * @param aggregated mean over (m, i) of R_i^2
     * @param pairwise mean over (m, i, j != i) of h(X_i, X_j)^2
     * @param cross mean over (m, i, j != i, k != i, j) of h(X_i, X_j) h(X_i, X_k)
     * @param tokensPerSample N
     */
    public IdentityTerms(double aggregated, double pairwise, double cross, int tokensPerSample) {
        this.aggregated = aggregated;
        this.pairwise = pairwise;
        this.cross = cross;
        this.tokensPerSample = tokensPerSample;
    }

    /*@ public normal_behavior
      @   ensures Double.compare(\result, aggregated) == 0;
      @*/
    /** Mean over (m, i) of R_i^2. */
    public /*@ pure @*/ double aggregated() {
        return aggregated;
    }

    /*@ public normal_behavior
      @   ensures Double.compare(\result, pairwise) == 0;
      @*/
    /** Mean over (m, i, j != i) of h(X_i, X_j)^2. */
    public /*@ pure @*/ double pairwise() {
        return pairwise;
    }

    /*@ public normal_behavior
      @   ensures Double.compare(\result, cross) == 0;
      @*/
    /** Mean over (m, i, j != i, k != i, j) of h(X_i, X_j) h(X_i, X_k). */
    public /*@ pure @*/ double cross() {
        return cross;
    }

    /*@ public normal_behavior
      @   ensures \result == tokensPerSample;
      @*/
    /** N. */
    public /*@ pure @*/ int tokensPerSample() {
        return tokensPerSample;
    }


    /*@ public normal_behavior
      @   ensures Double.compare(\result,
      @           pairwise / (tokensPerSample - 1) + (tokensPerSample - 2.0) / (tokensPerSample - 1) * cross) == 0;
      @*/
    /** The right-hand side 1/(N-1) pairwise + (N-2)/(N-1) cross. */
    public /*@ pure @*/ double rightHandSide() {
        int n = tokensPerSample;
        return pairwise / (n - 1) + (n - 2.0) / (n - 1) * cross;
    }

    /*@ also public normal_behavior
      @   ensures \result == (o instanceof IdentityTerms
      @            && Double.compare(((IdentityTerms) o).aggregated, aggregated) == 0
      @            && Double.compare(((IdentityTerms) o).pairwise, pairwise) == 0
      @            && Double.compare(((IdentityTerms) o).cross, cross) == 0
      @            && ((IdentityTerms) o).tokensPerSample == tokensPerSample);
      @*/
    /** Component-wise equality, as for a record (doubles compared with {@link Double#compare}). */
    @Override
    public /*@ pure @*/ boolean equals(/*@ nullable @*/ Object o) {
        if (!(o instanceof IdentityTerms)) {
            return false;
        }
        IdentityTerms that = (IdentityTerms) o;
        return Double.compare(aggregated, that.aggregated) == 0 && Double.compare(pairwise, that.pairwise) == 0
                && Double.compare(cross, that.cross) == 0 && tokensPerSample == that.tokensPerSample;
    }

    /*@ also public normal_behavior
      @   ensures true;
      @*/
    /** The record hash: h = 31 h + hash(component) over the components in order, from h = 0 (int arithmetic wraps: code_java_math). */
    @Override
    public /*@ pure code_java_math @*/ int hashCode() {
        int h = Double.hashCode(aggregated);
        h = 31 * h + Double.hashCode(pairwise);
        h = 31 * h + Double.hashCode(cross);
        return 31 * h + tokensPerSample;
    }

    /*@ also public normal_behavior
      @   ensures \result != null;
      @*/
    /** The record format {@code IdentityTerms[aggregated=..., ...]} (arrays as {@code Object.toString}). */
    @Override
    public /*@ pure @*/ String toString() {
        return "IdentityTerms[aggregated=" + aggregated + ", pairwise=" + pairwise + ", cross=" + cross
                + ", tokensPerSample=" + tokensPerSample + "]";
    }
}
