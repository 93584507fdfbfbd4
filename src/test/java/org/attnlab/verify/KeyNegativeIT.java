package org.attnlab.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import de.uka.ilkd.key.speclang.Contract;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The proof check can fail: deliberately buggy kernels ({@code src/test/resources/key-negative/}: BuggyKernel
 * holds copies of BSplineKernel methods, BuggyErmKernel of ChunkKernel, PairKernel and ScoreKernel methods, each
 * with the same contract as the real method and one bug) must all stay OPEN under the same harness, settings and
 * search budget ({@link KeyProver#MAX_STEPS} steps, {@link KeyProver#SMT_ROUNDS} Z3 rounds) with which
 * {@link KeyProofIT} closes the correct methods: every kernel class has a buggy twin, and the correct code is the
 * positive control. Skipped with {@code -Dkey.skip=true}, and when {@code -Dkey.only} selects a subset.
 */
class KeyNegativeIT {

    private static final int EXPECTED_CONTRACTS = 10;

    private static KeyProver prover;
    private static Map<String, Contract> contracts;

    @BeforeAll
    static void load() throws Exception {
        Assumptions.assumeFalse(Boolean.getBoolean("key.skip"), "KeY: negative check skipped (-Dkey.skip=true)");
        Assumptions.assumeTrue(System.getProperty("key.only", "").isBlank(),
                "KeY: negative check skipped (-Dkey.only selects a subset)");
        Path basedir = Path.of(System.getProperty("attnlab.basedir", "."));
        prover = KeyProver.load(basedir.resolve("src/test/resources/key-negative"),
                basedir.resolve("target/key-config"));
        contracts = prover.contracts("org.attnlab.keynegative");
    }

    @TestFactory
    Stream<DynamicTest> everyBuggyVariantStaysOpen() {
        List<DynamicTest> tests = new ArrayList<>();
        tests.add(DynamicTest.dynamicTest("all buggy variants found",
                () -> assertEquals(EXPECTED_CONTRACTS, contracts.size(), contracts.keySet().toString())));
        for (Map.Entry<String, Contract> e : contracts.entrySet()) {
            tests.add(DynamicTest.dynamicTest(e.getKey(), () -> {
                KeyProver.Result r = prover.prove(e.getKey(), e.getValue());
                System.out.printf(Locale.ROOT, "KeY negative: %-60s %s (%d open goals, %.1f s)%n", e.getKey(),
                        r.closed() ? "CLOSED (BAD: the check cannot catch this bug)" : "OPEN (good)",
                        r.openGoals(), r.seconds());
                assertFalse(r.closed(), "KeY proved a deliberately buggy kernel: " + e.getKey());
            }));
        }
        return tests.stream();
    }

    @AfterAll
    static void close() {
        if (prover != null) {
            prover.close();
        }
    }
}
