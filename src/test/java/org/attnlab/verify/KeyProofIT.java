package org.attnlab.verify;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import de.uka.ilkd.key.speclang.Contract;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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
 * KeY proof check of {@code org.attnlab.kernel}, run by failsafe in {@code mvn verify}.
 *
 * <p>Loads {@code src/main/java/org/attnlab/kernel} once, enumerates every proof contract of every type in the
 * package and proves each in its own dynamic test. A contract listed as {@code prove} in
 * {@code proofs/contracts.txt} must close; a {@code runtime-only} one may stay open (its properties are checked at
 * run time by jqwik); a contract missing from the list, or a listed one that no longer exists, fails the build.
 * Prints and writes to {@code target/key-summary.txt}: {@code KeY: N contracts proved, M open (runtime-only: K)}.
 *
 * <p>Runs only with {@code -Pkey} (or {@code -Dkey.skip=false}): every contract it proves is also proved by OpenJML ESC
 * with a buggy twin in every build ({@code OpenJmlIT.escCoversEveryKeyProvedContract}). System properties:
 * {@code key.skip=true} (the default) skips the check; {@code key.only=A,B} proves only contracts whose
 * id contains A or B (for fast iteration; the listing checks still run over all contracts).
 */
class KeyProofIT {

    private static final String PACKAGE = "org.attnlab.kernel";

    private static KeyProver prover;
    private static Map<String, Contract> contracts;
    private static ContractList listed;
    private static final List<KeyProver.Result> results = new ArrayList<>();
    private static String only;
    private static Path basedir;
    private static long startNanos;
    private static int notAttempted;

    @BeforeAll
    static void load() throws Exception {
        startNanos = System.nanoTime();
        basedir = Path.of(System.getProperty("attnlab.basedir", "."));
        if (Boolean.getBoolean("key.skip")) {
            String skipped = "KeY: not run (the default; mvn -B verify -Pkey runs it, about 9 min): the contracts it "
                    + "proves are proved by OpenJML ESC in this build (OpenJmlIT.escCoversEveryKeyProvedContract)";
            System.out.println(skipped);
            Path out = basedir.resolve("target/key-summary.txt");
            Files.createDirectories(out.getParent());
            Files.writeString(out, skipped + System.lineSeparator(), StandardCharsets.UTF_8);
        }
        Assumptions.assumeFalse(Boolean.getBoolean("key.skip"), "KeY: skipped (-Dkey.skip=true)");
        if (!KeyProver.onPath("z3")) {
            fail("KeY: the SMT solver z3 is not on the PATH, so floating-point goals cannot close; "
                    + "install it: apt-get install -y z3");
        }
        only = System.getProperty("key.only", "").strip();
        listed = ContractList.read(basedir.resolve("proofs/contracts.txt"));
        prover = KeyProver.load(KeyProver.stageSources(basedir.resolve("src/main/java/org/attnlab/kernel"),
                basedir.resolve("target/key-src/kernel")), basedir.resolve("target/key-config"));
        contracts = prover.contracts(PACKAGE);
        if (Boolean.getBoolean("key.debug")) {
            prover.dumpOpenGoalsTo(basedir.resolve("target/key-open"));
        }
        System.out.printf(Locale.ROOT, "KeY: loaded %s in %.1f s, %d contracts%n", PACKAGE, prover.loadSeconds(),
                contracts.size());
    }

    @TestFactory
    Stream<DynamicTest> everyKernelContractIsListed() {
        List<DynamicTest> tests = new ArrayList<>();
        for (String id : contracts.keySet()) {
            tests.add(DynamicTest.dynamicTest("listed " + id, () -> assertTrue(listed.entries().containsKey(id),
                    "kernel contract " + id + " is not in proofs/contracts.txt; add it with status 'prove' "
                            + "(or 'runtime-only: <reason>'), see proofs/README.md")));
        }
        for (String id : listed.entries().keySet()) {
            tests.add(DynamicTest.dynamicTest("exists " + id, () -> assertTrue(contracts.containsKey(id),
                    "proofs/contracts.txt lists " + id + " but KeY found no such contract in " + PACKAGE
                            + "; found: " + contracts.keySet())));
        }
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> everyContractProves() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Map.Entry<String, Contract> e : contracts.entrySet()) {
            String id = e.getKey();
            if (!selected(id)) {
                continue;
            }
            ContractList.Entry listedEntry = listed.entries().get(id);
            if (listedEntry != null && !listedEntry.keyAttempt()) {
                // proved by OpenJML ESC (OpenJmlIT) or check-only: KeY's time goes to the contracts only it proves
                notAttempted++;
                continue;
            }
            tests.add(DynamicTest.dynamicTest(id, () -> {
                KeyProver.Result r = prover.prove(id, e.getValue());
                synchronized (results) {
                    results.add(r);
                }
                ContractList.Entry entry = listed.entries().get(id);
                boolean mustProve = entry == null || entry.mustProve();
                System.out.printf(Locale.ROOT, "KeY: %-70s %s (%d open goals, %d nodes, %d by Z3, %.1f s)%s%n",
                        id, r.closed() ? "CLOSED" : "OPEN", r.openGoals(), r.nodes(), r.smtClosed(), r.seconds(),
                        mustProve ? "" : " [runtime-only]");
                if (!mustProve && r.closed()) {
                    System.out.println("KeY: note: " + id + " is listed runtime-only but now proves; "
                            + "consider changing its status to 'prove'");
                }
                if (mustProve) {
                    assertTrue(r.closed(), "KeY left " + r.openGoals() + " goal(s) open in " + id);
                }
            }));
        }
        return tests.stream();
    }

    private static boolean selected(String id) {
        if (only.isEmpty()) {
            return true;
        }
        for (String part : only.split(",")) {
            if (!part.isBlank() && id.contains(part.strip())) {
                return true;
            }
        }
        return false;
    }

    @AfterAll
    static void summary() throws Exception {
        if (prover == null) {
            return;
        }
        int proved = 0;
        int open = 0;
        int runtimeOnly = 0;
        for (KeyProver.Result r : results) {
            if (r.closed()) {
                proved++;
            } else {
                open++;
                ContractList.Entry entry = listed.entries().get(r.id());
                if (entry != null && !entry.mustProve()) {
                    runtimeOnly++;
                }
            }
        }
        String line = String.format(Locale.ROOT, "KeY: %d contracts proved, %d open (runtime-only: %d), "
                + "%d not attempted (esc / check-only in proofs/contracts.txt)", proved, open, runtimeOnly,
                notAttempted);
        if (!only.isEmpty()) {
            line += " [subset -Dkey.only=" + only + ", " + results.size() + " of " + contracts.size() + "]";
        }
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        String timing = String.format(Locale.ROOT, "KeY: total %.1f s (load %.1f s)", seconds,
                prover.loadSeconds());
        System.out.println(line);
        System.out.println(timing);
        Path out = basedir.resolve("target/key-summary.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, line + System.lineSeparator() + timing + System.lineSeparator(),
                StandardCharsets.UTF_8);
        prover.close();
    }
}
