package org.attnlab.verify;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds and runs OpenJML (ESC and RAC) for the verification ITs.
 *
 * <p>Where OpenJML comes from, in this order: the environment variable {@code OPENJML_HOME} (a folder holding the
 * {@code openjml} script, as an OpenJML release unpacks); else the project's shared build
 * {@code <basedir>/../shared/openjml/openjml-min.tar.gz}, unpacked once into {@code target/openjml} (the CI clones
 * main into a folder with a copy of {@code shared/} beside it). Neither: {@link #locate} returns null and the
 * callers print one line saying OpenJML did not run.
 */
final class OpenJml {

    /** The shared tarball, relative to the project folder. */
    static final String SHARED_TARBALL = "../shared/openjml/openjml-min.tar.gz";

    private final Path home;
    private final String origin;

    private OpenJml(Path home, String origin) {
        this.home = home;
        this.origin = origin;
    }

    /** The OpenJML installation to use, or null when there is none. */
    static OpenJml locate(Path basedir) throws IOException, InterruptedException {
        String env = System.getenv("OPENJML_HOME");
        if (env != null && !env.isBlank()) {
            Path home = Path.of(env);
            if (!Files.isExecutable(home.resolve("openjml"))) {
                throw new IllegalStateException("OPENJML_HOME=" + env + " has no executable 'openjml'");
            }
            return new OpenJml(home, "OPENJML_HOME=" + env);
        }
        Path tarball = basedir.resolve(SHARED_TARBALL).normalize();
        if (!Files.isRegularFile(tarball)) {
            return null;
        }
        Path target = basedir.resolve("target/openjml");
        Path home = target.resolve("openjml");
        Path stamp = target.resolve(".unpacked-from");
        String id = tarball + " " + Files.size(tarball) + " " + Files.getLastModifiedTime(tarball).toMillis();
        if (!Files.isExecutable(home.resolve("openjml")) || !Files.isRegularFile(stamp)
                || !Files.readString(stamp, StandardCharsets.UTF_8).equals(id)) {
            Files.createDirectories(target);
            Process tar = new ProcessBuilder("tar", "xzf", tarball.toString(), "-C", target.toString())
                    .redirectErrorStream(true).start();
            String out = new String(tar.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (tar.waitFor() != 0) {
                throw new IllegalStateException("could not unpack " + tarball + ": " + out);
            }
            Files.writeString(stamp, id, StandardCharsets.UTF_8);
        }
        return new OpenJml(home, tarball.toString());
    }

    String origin() {
        return origin;
    }

    Path home() {
        return home;
    }

    /** The runtime library that RAC-compiled classes need on their class path. */
    Path runtimeJar() {
        return home.resolve("jmlruntime.jar");
    }

    /** The output and exit code of one OpenJML run. */
    record Run(int exitCode, List<String> lines, double seconds) {
        String text() {
            return String.join(System.lineSeparator(), lines);
        }
    }

    /** Runs {@code openjml <args>} in {@code workDir}, collecting its output (stdout and stderr merged). */
    Run run(Path workDir, List<String> args, long timeoutMinutes) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(home.resolve("openjml").toString());
        command.addAll(args);
        return exec(workDir, command, timeoutMinutes);
    }

    /** Runs any command, collecting merged output; fails on timeout. */
    static Run exec(Path workDir, List<String> command, long timeoutMinutes) throws IOException,
            InterruptedException {
        long start = System.nanoTime();
        Process process = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true).start();
        List<String> lines = new ArrayList<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    synchronized (lines) {
                        lines.add(line);
                    }
                }
            } catch (IOException e) {
                synchronized (lines) {
                    lines.add("(output lost: " + e + ")");
                }
            }
        });
        reader.start();
        if (!process.waitFor(timeoutMinutes, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("no result within " + timeoutMinutes + " minutes: " + command);
        }
        reader.join();
        return new Run(process.exitValue(), lines, (System.nanoTime() - start) / 1e9);
    }

    /** The z3 executable for ESC (Debian's z3 4.8.12 works), or null when it is not on the PATH. */
    static String z3() {
        return KeyProver.onPath("z3") ? which("z3") : null;
    }

    private static String which(String program) {
        for (String dir : System.getenv("PATH").split(java.io.File.pathSeparator)) {
            Path f = Path.of(dir, program);
            if (Files.isExecutable(f)) {
                return f.toString();
            }
        }
        return program;
    }

    private static final Pattern COMPLETED = Pattern.compile(
            "^Completed proof of (\\S+\\(.*?\\)) with prover \\S+ - (.+?) \\[.*$");
    private static final Pattern SKIPPED = Pattern.compile("^Skipping proof of (\\S+\\(.*?\\)) \\(excluded by.*$");

    /** Per-method verdicts of an ESC run with --progress: "pkg.Type.method(params)" to "no warnings", ... */
    static Map<String, String> methodOutcomes(List<String> lines) {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        for (String line : lines) {
            Matcher m = COMPLETED.matcher(line.strip());
            if (m.matches()) {
                out.put(m.group(1), m.group(2));
            }
        }
        return out;
    }

    /** The methods an ESC run skipped because of --exclude. */
    static List<String> skipped(List<String> lines) {
        List<String> out = new ArrayList<>();
        for (String line : lines) {
            Matcher m = SKIPPED.matcher(line.strip());
            if (m.matches()) {
                out.add(m.group(1));
            }
        }
        return out;
    }

    /** Whether a per-method verdict of {@link #methodOutcomes} means proved. */
    static boolean isValid(String outcome) {
        return "no warnings".equals(outcome);
    }

    /** True iff ESC found a counterexample ("with warnings"); a timeout, an UNKNOWN or an error is not one. */
    static boolean isInvalid(String outcome) {
        return "with warnings".equals(outcome);
    }

    /** Neither {@link #isValid} nor {@link #isInvalid}: a timeout, an UNKNOWN, an error. */
    static boolean isUndecided(String outcome) {
        return !isValid(outcome) && !isInvalid(outcome);
    }

    /**
     * The outcomes of a first run with every {@link #isUndecided} one replaced by the second run's outcome for that
     * method, where the second run has one; the decided ones and the order of the first run are kept.
     */
    static Map<String, String> withSecondRun(Map<String, String> first, Map<String, String> second) {
        Map<String, String> out = new java.util.LinkedHashMap<>(first);
        for (Map.Entry<String, String> e : first.entrySet()) {
            if (isUndecided(e.getValue()) && second.containsKey(e.getKey())) {
                out.put(e.getKey(), second.get(e.getKey()));
            }
        }
        return out;
    }

    /** The methods whose outcome {@link #isUndecided}, in the run's order. */
    static List<String> undecided(Map<String, String> outcomes) {
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, String> e : outcomes.entrySet()) {
            if (isUndecided(e.getValue())) {
                out.add(e.getKey());
            }
        }
        return out;
    }

    /** ESC arguments: z3 as prover, progress output (for the per-method summary), the given class path. */
    static List<String> escArgs(String z3, String classPath, Path sourcePath, List<Path> files) {
        List<String> args = new ArrayList<>(List.of("-esc", "--prover=z3_4_8", "--exec=" + z3, "--progress",
                "-cp", classPath, "-sourcepath", sourcePath.toString()));
        for (Path f : files) {
            args.add(f.toString());
        }
        return args;
    }

    /** The counts of OpenJML's ESC summary ("Valid: N", "Invalid: N", ...). */
    record EscSummary(int valid, int invalid, int infeasible, int timeout, int error, int skipped, int total) {

        private static final Pattern LINE = Pattern.compile(
                "^\\s*(Valid|Invalid|Infeasible|Timeout|Error|Skipped|TOTAL METHODS):\\s*(\\d+)\\s*$");

        /** Parses the summary block; null if the output has none (OpenJML stopped before proving). */
        static EscSummary parse(List<String> lines) {
            int[] v = {-1, -1, -1, -1, -1, -1, -1};
            List<String> keys = List.of("Valid", "Invalid", "Infeasible", "Timeout", "Error", "Skipped",
                    "TOTAL METHODS");
            for (String line : lines) {
                Matcher m = LINE.matcher(line);
                if (m.matches()) {
                    v[keys.indexOf(m.group(1))] = Integer.parseInt(m.group(2));
                }
            }
            for (int x : v) {
                if (x < 0) {
                    return null;
                }
            }
            return new EscSummary(v[0], v[1], v[2], v[3], v[4], v[5], v[6]);
        }

        /** True when every method was proved: nothing invalid, infeasible, timed out, failed or skipped. */
        boolean allValid() {
            return allValidExcept(0);
        }

        /** True when every method but {@code excluded} skipped ones was proved. */
        boolean allValidExcept(int excluded) {
            return invalid == 0 && infeasible == 0 && timeout == 0 && error == 0 && skipped == excluded
                    && valid == total - excluded;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%d valid, %d invalid, %d infeasible, %d timeout, %d error, "
                    + "%d skipped of %d", valid, invalid, infeasible, timeout, error, skipped, total);
        }
    }

    /** Lines of an OpenJML run that report a problem (warnings and errors with a source position). */
    static List<String> problems(List<String> lines) {
        List<String> out = new ArrayList<>();
        for (String line : lines) {
            if (line.contains(": warning: ") || line.contains(": error: ") || line.contains("Internal JML bug")) {
                out.add(line);
            }
        }
        return out;
    }
}
