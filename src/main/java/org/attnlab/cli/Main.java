package org.attnlab.cli;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code attnlab} command line. Every failure a user can cause ends in one readable line on
 * standard error and a non-zero exit code, never a stack trace (set {@code ATTNLAB_DEBUG=1} to see one).
 *
 * <p>Exit codes: 0 success, 1 the computation failed (I/O, numerical), 2 bad usage or bad input.
 */
@Command(name = "attnlab",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = "Verified reference implementation of attention-style learning problems "
                + "(arXiv 2510.11789, 2307.11353, 2410.01537).",
        subcommands = {
            CommandLine.HelpCommand.class,
            ReproduceCommand.class,
            RunCommand.class,
            SampleCommand.class,
            FitCommand.class,
            CoercivityCommand.class,
            BenchCommand.class,
        })
public final class Main implements Runnable {

    /** Exit code for a failed computation. */
    public static final int EXIT_FAILURE = 1;
    /** Exit code for bad usage or bad input. */
    public static final int EXIT_USAGE = 2;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(new CommandLine(this), "missing command (try: attnlab --help)");
    }

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the command line and returns the exit code (used by tests). */
    public static int execute(String... args) {
        return commandLine().execute(args);
    }

    /** The configured command line: one-line errors, exit codes as documented. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Main());
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            PrintWriter err = commandLine.getErr();
            err.println("attnlab: " + oneLine(ex));
            err.flush();
            if (System.getenv("ATTNLAB_DEBUG") != null) {
                ex.printStackTrace(err);
            }
            return ex instanceof IllegalArgumentException || ex instanceof CommandLine.ParameterException
                    ? EXIT_USAGE : EXIT_FAILURE;
        });
        cl.setParameterExceptionHandler((ex, args) -> {
            PrintWriter err = ex.getCommandLine().getErr();
            err.println("attnlab: " + oneLine(ex));
            err.flush();
            return EXIT_USAGE;
        });
        return cl;
    }

    /** The message of {@code ex} (or of its cause, for wrapped I/O errors) on one line. */
    static String oneLine(Throwable ex) {
        Throwable t = ex;
        if (t instanceof UncheckedIOException && t.getCause() != null && t.getMessage() == null) {
            t = t.getCause();
        }
        String msg = t.getMessage();
        if (msg == null || msg.isBlank()) {
            msg = t.getClass().getSimpleName();
        }
        return msg.replaceAll("\\s*\\R\\s*", " ").trim();
    }

    /** Version from the jar manifest, or "dev" when run from classes. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"attnlab " + (v == null ? "dev" : v)};
        }
    }
}
