package org.attnlab.openjmlnegative;

import org.junit.jupiter.api.Test;

/** Calls the planted bug within its precondition; under RAC its postcondition check must fail this test. */
class PlantedBugTest {

    @Test
    void countOfSevenInChunksOfTwo() {
        PlantedBug.count(7, 2);
    }
}
