package org.attnlab.verify;

import static org.junit.platform.engine.discovery.ClassNameFilter.excludeClassNamePatterns;
import static org.junit.platform.engine.discovery.ClassNameFilter.includeClassNamePatterns;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectPackage;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * The RAC test execution: runs the unit tests and jqwik properties of the given packages in this JVM, whose class
 * path starts with the RAC-compiled core classes (OpenJML {@code -rac}), so every JML clause of those classes is
 * checked on every call the tests make. Started by {@link OpenJmlIT} with
 * {@code -Dorg.jmlspecs.openjml.rac=exception}: a violated clause throws and fails its test.
 *
 * <p>Arguments: {@code <class that must be RAC-compiled>,... <package> ...}. Prints one machine-readable line
 * {@code RAC-RESULT tests=N failed=F violations=V rac-classes=C} and exits 0 only when F = V = 0 and every listed
 * class was loaded RAC-compiled (otherwise the run would check nothing).
 */
public final class RacTestMain {

    private RacTestMain() {
    }

    public static void main(String[] args) throws Exception {
        String[] racClasses = args[0].split(",");
        int racCompiled = 0;
        // OpenJML marks RAC-compiled classes with this runtime annotation. (Utils.isRACCompiled is not called
        // reflectively: reflecting on Utils' methods loads org.jmlspecs.lang types missing from jmlruntime.jar.)
        @SuppressWarnings("unchecked")
        Class<? extends java.lang.annotation.Annotation> marker =
                (Class<? extends java.lang.annotation.Annotation>) Class.forName(
                        "org.jmlspecs.annotation.RACCompiled");
        for (String name : racClasses) {
            Class<?> c = Class.forName(name);
            if (c.isAnnotationPresent(marker)) {
                racCompiled++;
            } else {
                System.out.println("RAC: " + name + " is NOT RAC-compiled on this class path");
            }
        }
        List<DiscoverySelector> selectors = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            selectors.add(selectPackage(args[i]));
        }
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(selectors)
                .filters(includeClassNamePatterns(".*Test", ".*Tests", ".*Properties"),
                        excludeClassNamePatterns(".*IT", ".*Slow.*", ".*Benchmark"))
                .build();
        Launcher launcher = LauncherFactory.create();
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        launcher.execute(request, listener);
        TestExecutionSummary summary = listener.getSummary();
        summary.printFailuresTo(new PrintWriter(System.out), 25);
        int violations = Class.forName("org.jmlspecs.runtime.Utils").getField("numVerificationErrors").getInt(null);
        long failed = summary.getTotalFailureCount();
        System.out.printf(Locale.ROOT, "RAC-RESULT tests=%d failed=%d violations=%d rac-classes=%d/%d%n",
                summary.getTestsSucceededCount() + summary.getTestsFailedCount(), failed, violations, racCompiled,
                racClasses.length);
        System.out.flush();
        System.exit(failed == 0 && violations == 0 && racCompiled == racClasses.length ? 0 : 1);
    }
}
