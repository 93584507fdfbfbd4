package org.attnlab.experiments.fu2023;

import org.attnlab.internal.Checks;

/**
 * The outcome of one {@link Fu2023Unit}, per target in {@link Fu2023Experiment#TARGETS} order.
 *
 * @param unit the unit
 * @param testError normalized test error: test MSE / variance of the target on the test set
 * @param trainingMse training MSE (unnormalized)
 * @param ridge chosen relative ridge
 * @param singular whether a final ridge system was singular (its errors are NaN)
 */
public record Fu2023Result(Fu2023Unit unit, double[] testError, double[] trainingMse, double[] ridge,
                           boolean singular) {

    public Fu2023Result {
        Checks.notNull("unit", unit);
        int t = Fu2023Experiment.TARGETS.length;
        Checks.length("testError", testError, t);
        Checks.length("trainingMse", trainingMse, t);
        Checks.length("ridge", ridge, t);
        testError = testError.clone();
        trainingMse = trainingMse.clone();
        ridge = ridge.clone();
    }
}
