package org.attnlab.erm;

/** How a fit ended. A numerical outcome, reported as data, never thrown. */
public enum ErmStatus {
    /**
     * The relative decrease of the training risk fell below the tolerance, the risk reached the floor, or
     * no damped Gauss-Newton step decreased it any more (a stationary point to working precision).
     */
    CONVERGED,
    /** The iteration limit was reached while the risk was still decreasing. */
    MAX_ITERATIONS,
    /**
     * The problem is degenerate: every training score is 0 (A = 0 or zero tokens), or the phi-step normal
     * equations were singular and were solved in the least-norm sense (see the result's coefficients).
     */
    SINGULAR
}
