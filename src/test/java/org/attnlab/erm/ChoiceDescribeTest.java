package org.attnlab.erm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** {@link PiecesSelection.Choice#describe()} on a hand-made choice: the risk quoted is the chosen K's. */
class ChoiceDescribeTest {

    @Test
    void describeQuotesTheChosenCandidate() {
        PiecesSelection.Choice c = new PiecesSelection.Choice(4, 5, new int[] {2, 3, 4, 6},
                new double[] {0.5, 0.25, 0.125, 0.2}, new double[] {0.01, 0.02, 0.03, 0.04});
        assertEquals("K=4 chosen by 5-fold held-out risk over samples (1.250000e-01, se 3.0e-02; lowest of 4"
                + " candidates): 2:5.0000e-01 3:2.5000e-01 4:1.2500e-01 6:2.0000e-01", c.describe());
        PiecesSelection.Choice first = new PiecesSelection.Choice(2, 3, new int[] {2, 3},
                new double[] {0.5, 0.75}, new double[] {0.01, 0.02});
        assertEquals("K=2 chosen by 3-fold held-out risk over samples (5.000000e-01, se 1.0e-02; lowest of 2"
                + " candidates): 2:5.0000e-01 3:7.5000e-01", first.describe());
    }
}
