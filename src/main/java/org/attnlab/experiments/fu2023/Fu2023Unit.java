package org.attnlab.experiments.fu2023;

import org.attnlab.internal.Checks;

/**
 * One unit of work (one checkpoint): fit one method on n samples of one repeat with H heads' worth of
 * parameters, and test it on every target.
 *
 * @param sweep {@link #SAMPLES} or {@link #HEADS}
 * @param method the model
 * @param repeat repeat index (selects data and features)
 * @param n training samples
 * @param heads H (the RF-MLP gets H (d+1) features)
 */
public record Fu2023Unit(String sweep, Method method, int repeat, int n, int heads) {

    /** The sample-size sweep. */
    public static final String SAMPLES = "samples";
    /** The heads sweep. */
    public static final String HEADS = "heads";

    public Fu2023Unit {
        Checks.notNull("sweep", sweep);
        if (!sweep.equals(SAMPLES) && !sweep.equals(HEADS)) {
            throw Checks.fail("sweep", "samples or heads", sweep);
        }
        Checks.notNull("method", method);
        Checks.nonNegative("repeat", repeat);
        Checks.atLeast("n", n, 2);
        Checks.positive("heads", heads);
    }

    /** A stable key, used as the checkpoint name. */
    public String key() {
        return sweep + "-" + method.label() + "-r" + repeat + "-n" + n + "-H" + heads;
    }
}
