package org.attnlab.rfa;

import org.attnlab.internal.Checks;

/**
 * The outcome of a ridge fit of T outputs on p features ({@link RidgeTrainer}).
 *
 * @param values trained values, {@code values[t]} of length p for output t (NaN when {@link Status#SINGULAR})
 * @param intercepts unpenalized intercept c_t per output (the prediction is c_t + &lt;phi, v_t&gt;)
 * @param relativeRidge chosen relative ridge per output (see {@link RidgeTrainer} for the scale)
 * @param trainingMse mean squared training error per output on all n samples, clamped at &gt;= 0
 * @param validationMse held-out MSE per output and grid value, {@code [t][g]} (empty rows for a fixed ridge;
 *        +infinity where the Cholesky factorization failed)
 * @param status whether every final system was factorized
 */
public record RidgeFit(double[][] values, double[] intercepts, double[] relativeRidge, double[] trainingMse, double[][] validationMse,
                       Status status) {

    /** Numerical outcome. */
    public enum Status {
        /** Every final system was positive definite and solved. */
        OK,
        /** A final system was not positive definite to working precision; its values are NaN. */
        SINGULAR
    }

    public RidgeFit {
        Checks.notNull("values", values);
        Checks.notNull("intercepts", intercepts);
        Checks.notNull("relativeRidge", relativeRidge);
        Checks.notNull("trainingMse", trainingMse);
        Checks.notNull("validationMse", validationMse);
        Checks.notNull("status", status);
        int t = values.length;
        if (intercepts.length != t || relativeRidge.length != t || trainingMse.length != t || validationMse.length != t) {
            throw Checks.fail("intercepts, relativeRidge, trainingMse and validationMse lengths",
                    "= values.length = " + t, intercepts.length + ", " + relativeRidge.length + ", "
                            + trainingMse.length + ", " + validationMse.length);
        }
    }

    /**
     * The prediction of output t for the given features: {@code c_t + <phi, v_t>}.
     *
     * @param t output index
     * @param phi features, length p
     * @return the prediction
     * @throws IllegalArgumentException if t is out of range or phi has the wrong length
     */
    public double predict(int t, double[] phi) {
        Checks.inRange("t", t, 0, values.length - 1);
        Checks.length("phi", phi, values[t].length);
        return intercepts[t] + RfaKernels.dot(phi, 0, values[t], phi.length);
    }

    /** T, the number of outputs. */
    public int outputs() {
        return values.length;
    }
}
