package org.attnlab.cli;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.attnlab.io.Heap;
import org.attnlab.io.IoMessages;
import org.attnlab.io.Printable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code attnlab} command line. Every failure a user can cause ends in one readable line on
 * standard error and a non-zero exit code, never a stack trace (set {@code ATTNLAB_DEBUG=1} to see one).
 *
 * <p>Exit codes (also in {@code --help} and the README):
 * <ul>
 *   <li>0: success;</li>
 *   <li>2: bad input -- an option, a file's content, a missing or unreadable input file, or a numerical result
 *       that overflowed because of the input (nothing is written);</li>
 *   <li>1: the environment failed -- writing an output, the output directory in use by another run, or the
 *       JVM out of memory.</li>
 * </ul>
 * The line on standard error names the option or file, the rule and the value, with invisible characters
 * escaped ({@link org.attnlab.io.Printable}).
 */
@Command(name = "attnlab",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = "Verified reference implementation of attention-style learning problems "
                + "(arXiv 2510.11789, 2307.11353, 2410.01537).",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:success",
            "2:bad input: an option, a file's content, a missing or unreadable input file, a run larger than "
                    + "the JVM's heap, or a result that overflowed because of the input; nothing is written",
            "1:environment failure: an output cannot be written, the --out directory is in use by another run, "
                    + "or the JVM is out of memory (set ATTNLAB_JAVA_OPTS=-Xmx...)"},
        footer = {"%nErrors are one line on standard error naming the option or file, the rule and the value "
                + "(ATTNLAB_DEBUG=1 adds the stack trace).%n"},
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

    /** Exit code for a failure of the environment (writing an output, a locked --out, out of memory). */
    public static final int EXIT_FAILURE = 1;
    /** Exit code for bad usage or bad input (options, file contents, missing or unreadable input files). */
    public static final int EXIT_USAGE = 2;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(new CommandLine(this), "missing command (try: attnlab --help)");
    }

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /**
     * Runs the command line and returns the exit code, never calling {@link System#exit} (the bad-input
     * catalogue runs every row through this).
     */
    public static int execute(String... args) {
        CommandLine cl = commandLine();
        try {
            return cl.execute(args);
        } catch (OutOfMemoryError e) {
            PrintWriter err = cl.getErr();
            err.println("attnlab: " + Heap.outOfMemory());
            err.flush();
            return EXIT_FAILURE;
        }
    }

    /** The configured command line: one-line errors, exit codes as documented. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Main());
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        for (CommandLine sub : cl.getSubcommands().values()) {
            // every subcommand's --version prints the same line as attnlab --version (it printed nothing)
            if (sub.getCommandSpec().versionProvider() == null && sub.getCommandSpec().version().length == 0) {
                sub.getCommandSpec().versionProvider(new Version());
            }
        }
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            PrintWriter err = commandLine.getErr();
            err.println("attnlab: " + oneLine(ex));
            err.flush();
            if (System.getenv("ATTNLAB_DEBUG") != null) {
                ex.printStackTrace(err);
            }
            return exitCode(ex);
        });
        cl.setParameterExceptionHandler((ex, args) -> {
            PrintWriter err = ex.getCommandLine().getErr();
            err.println("attnlab: " + oneLine(ex));
            err.flush();
            return EXIT_USAGE;
        });
        return cl;
    }

    /** The documented exit code of an exception that ended a command. */
    static int exitCode(Throwable ex) {
        if (ex instanceof IllegalArgumentException || ex instanceof CommandLine.ParameterException) {
            return EXIT_USAGE;
        }
        return EXIT_FAILURE;
    }

    /**
     * The message of {@code ex} (or of its cause, for wrapped I/O errors) on one line, with invisible
     * characters escaped.
     */
    static String oneLine(Throwable ex) {
        Throwable t = ex;
        if (t instanceof UncheckedIOException && t.getCause() != null && t.getMessage() == null) {
            t = t.getCause();
        }
        if (t instanceof java.io.IOException io) {
            String subject = IoMessages.subject(io);
            return Printable.escape(subject == null ? "I/O error: " + IoMessages.reason(io)
                    : IoMessages.describe("I/O error on", Path.of(subject), io));
        }
        if (t instanceof OutOfMemoryError) {
            return Heap.outOfMemory();
        }
        String msg = t.getMessage();
        if (msg == null || msg.isBlank()) {
            msg = t.getClass().getSimpleName();
        }
        return Printable.escape(msg.replaceAll("\\s*\\R\\s*", " ").trim());
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
