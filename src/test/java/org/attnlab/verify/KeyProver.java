package org.attnlab.verify;

import de.uka.ilkd.key.control.DefaultUserInterfaceControl;
import de.uka.ilkd.key.control.KeYEnvironment;
import de.uka.ilkd.key.java.abstraction.KeYJavaType;
import de.uka.ilkd.key.logic.SequentFormula;
import de.uka.ilkd.key.logic.op.IObserverFunction;
import de.uka.ilkd.key.proof.Goal;
import de.uka.ilkd.key.proof.Proof;
import de.uka.ilkd.key.proof.init.ProofOblInput;
import de.uka.ilkd.key.settings.ChoiceSettings;
import de.uka.ilkd.key.settings.DefaultSMTSettings;
import de.uka.ilkd.key.settings.PathConfig;
import de.uka.ilkd.key.settings.ProofIndependentSettings;
import de.uka.ilkd.key.settings.ProofSettings;
import de.uka.ilkd.key.settings.StrategySettings;
import de.uka.ilkd.key.smt.SMTProblem;
import de.uka.ilkd.key.smt.SMTRuleApp;
import de.uka.ilkd.key.smt.SMTSolverResult;
import de.uka.ilkd.key.smt.SolverLauncher;
import de.uka.ilkd.key.smt.solvertypes.SolverType;
import de.uka.ilkd.key.smt.solvertypes.SolverTypes;
import de.uka.ilkd.key.speclang.Contract;
import de.uka.ilkd.key.strategy.StrategyProperties;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Headless KeY (key.core 2.12.3) driver used by the proof-check integration tests.
 *
 * <p>One instance loads one source folder once (loading parses KeY's rule base and costs most of the run) and then
 * proves its contracts one by one: auto mode, then up to {@link #SMT_ROUNDS} rounds of "hand every open goal that
 * is free of program code to Z3, then auto mode again". The taclet options and strategy settings are fixed here
 * and documented in {@code proofs/key-settings.md}; {@link #checkTacletOptions} fails if KeY did not take them.
 *
 * <p>KeY's settings folder is redirected into {@code target/key-config} before any KeY settings class is touched,
 * so a build never reads or writes {@code ~/.key} (a setting left there by one run would silently change the
 * next).
 */
public final class KeyProver implements AutoCloseable {

    /** Taclet options (see proofs/key-settings.md for the reasons). */
    public static final Map<String, String> TACLET_OPTIONS = tacletOptions();

    /** Rule applications per auto-mode run. */
    public static final int MAX_STEPS = 10_000;
    /** Rounds of (SMT on open program-free goals, then auto mode) after the first auto-mode run. */
    public static final int SMT_ROUNDS = 3;
    /** Z3 time limit per goal, milliseconds. */
    public static final long SMT_TIMEOUT_MILLIS = 10_000;

    private final KeYEnvironment<DefaultUserInterfaceControl> env;
    private final double loadSeconds;
    private int maxSteps = MAX_STEPS;
    private int smtRounds = SMT_ROUNDS;

    /** The outcome of one contract. */
    public record Result(String id, boolean closed, int openGoals, int nodes, int smtClosed, double seconds) {
    }

    private static Map<String, String> tacletOptions() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("runtimeExceptions", "runtimeExceptions:ban");
        m.put("intRules", System.getProperty("key.intRules", "intRules:arithmeticSemanticsIgnoringOF"));
        m.put("floatRules", "floatRules:assumeStrictfp");
        m.put("assertions", "assertions:safe");
        m.put("initialisation", "initialisation:disableStaticInitialisation");
        return m;
    }

    private KeyProver(KeYEnvironment<DefaultUserInterfaceControl> env, double loadSeconds) {
        this.env = env;
        this.loadSeconds = loadSeconds;
    }

    /**
     * Points KeY's configuration folder at {@code configDir}, sets the taclet options and loads {@code sourceDir}.
     *
     * @param sourceDir folder of Java sources to load (every file below it)
     * @param configDir KeY settings folder (created); must be inside the build directory
     */
    public static KeyProver load(Path sourceDir, Path configDir) throws Exception {
        Files.createDirectories(configDir);
        // Must run before ProofSettings / ProofIndependentSettings are initialised (their statics read the folder).
        PathConfig.setKeyConfigDir(configDir.toAbsolutePath().toString());
        ChoiceSettings choices = ProofSettings.DEFAULT_SETTINGS.getChoiceSettings();
        Map<String, String> merged = new HashMap<>(choices.getDefaultChoices());
        merged.putAll(TACLET_OPTIONS);
        choices.setDefaultChoices(merged);
        long start = System.nanoTime();
        KeYEnvironment<DefaultUserInterfaceControl> env =
                KeYEnvironment.load(sourceDir.toFile(), null, null, null);
        return new KeyProver(env, (System.nanoTime() - start) / 1e9);
    }

    /**
     * Copies the {@code .java} files of {@code packageDir} (not sub-folders, not {@code package-info.java}, which
     * holds only documentation) into a fresh {@code stagingDir} and returns it: KeY loads every file below the
     * folder it is given, and the package's documentation file is no proof subject.
     */
    public static Path stageSources(Path packageDir, Path stagingDir) throws java.io.IOException {
        if (Files.exists(stagingDir)) {
            try (java.util.stream.Stream<Path> old = Files.walk(stagingDir)) {
                for (Path f : old.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(f);
                }
            }
        }
        Files.createDirectories(stagingDir);
        try (java.util.stream.Stream<Path> files = Files.list(packageDir)) {
            for (Path f : files.sorted().toList()) {
                String name = f.getFileName().toString();
                if (name.endsWith(".java") && !name.equals("package-info.java")) {
                    Files.copy(f, stagingDir.resolve(name));
                }
            }
        }
        return stagingDir;
    }

    /** Uses a smaller search budget (for the negative check, whose proofs are expected to stay open). */
    public KeyProver withBudget(int steps, int rounds) {
        this.maxSteps = steps;
        this.smtRounds = rounds;
        return this;
    }

    /** Seconds spent in {@link KeYEnvironment#load}. */
    public double loadSeconds() {
        return loadSeconds;
    }

    /**
     * Every proof contract of every type declared in {@code packageName}, keyed by a stable id
     * {@code Type::method(paramTypes)#k} (k numbers the contracts of one method in KeY's order), sorted by id.
     */
    public Map<String, Contract> contracts(String packageName) {
        List<KeYJavaType> types = new ArrayList<>();
        for (KeYJavaType type : env.getJavaInfo().getAllKeYJavaTypes()) {
            String name = type.getFullName();
            if (name.startsWith(packageName + ".") && name.indexOf('.', packageName.length() + 1) < 0) {
                types.add(type);
            }
        }
        types.sort(Comparator.comparing(KeYJavaType::getFullName));
        Map<String, Contract> out = new java.util.TreeMap<>();
        for (KeYJavaType type : types) {
            for (IObserverFunction target : env.getSpecificationRepository().getContractTargets(type)) {
                List<Contract> list = new ArrayList<>();
                for (Contract c : env.getSpecificationRepository().getContracts(type, target)) {
                    list.add(c);
                }
                list.sort(Comparator.comparing(Contract::getName));
                for (int k = 0; k < list.size(); k++) {
                    out.put(type.getJavaType().getName() + "::" + signature(target) + "#" + k, list.get(k));
                }
            }
        }
        return out;
    }

    private static String signature(IObserverFunction target) {
        StringBuilder sb = new StringBuilder(target.name().toString());
        int cut = sb.lastIndexOf("::");
        String name = cut >= 0 ? sb.substring(cut + 2) : sb.toString();
        StringBuilder sig = new StringBuilder(name).append('(');
        for (int i = 0; i < target.getNumParams(); i++) {
            if (i > 0) {
                sig.append(',');
            }
            sig.append(javaName(target.getParamType(i).getJavaType().getFullName()));
        }
        return sig.append(')').toString();
    }

    private static String javaName(String name) {
        if (!name.startsWith("[")) {
            return name;
        }
        String element = javaName(name.substring(1));
        switch (element) {
            case "D": return "double[]";
            case "I": return "int[]";
            case "J": return "long[]";
            case "Z": return "boolean[]";
            case "F": return "float[]";
            default: return (element.startsWith("L") && element.endsWith(";")
                    ? element.substring(1, element.length() - 1) : element) + "[]";
        }
    }

    /** The taclet options the loaded environment actually uses; fails if one differs from {@link #TACLET_OPTIONS}. */
    public Map<String, String> checkTacletOptions(Proof proof) {
        Map<String, String> actual = proof.getSettings().getChoiceSettings().getDefaultChoices();
        for (Map.Entry<String, String> e : TACLET_OPTIONS.entrySet()) {
            if (!Objects.equals(actual.get(e.getKey()), e.getValue())) {
                throw new IllegalStateException("KeY taclet option " + e.getKey() + " is " + actual.get(e.getKey())
                        + ", expected " + e.getValue());
            }
        }
        return actual;
    }

    /** Proves one contract: auto mode, then SMT rounds; disposes the proof. */
    public Result prove(String id, Contract contract) throws Exception {
        long start = System.nanoTime();
        ProofOblInput po = contract.createProofObl(env.getInitConfig(), contract);
        Proof proof = env.createProof(po);
        try {
            checkTacletOptions(proof);
            configureStrategy(proof, maxSteps);
            env.getUi().getProofControl().startAndWaitForAutoMode(proof);
            int smtClosed = 0;
            for (int round = 0; round < smtRounds && !proof.closed(); round++) {
                int closedNow = smtRound(proof);
                smtClosed += closedNow;
                if (proof.closed() || closedNow == 0) {
                    break;
                }
                env.getUi().getProofControl().startAndWaitForAutoMode(proof);
            }
            if (!proof.closed() && dumpDir != null) {
                dumpOpenGoals(id, proof);
            }
            return new Result(id, proof.closed(), proof.openGoals().size(), proof.countNodes(), smtClosed,
                    (System.nanoTime() - start) / 1e9);
        } finally {
            proof.dispose();
        }
    }

    private Path dumpDir;

    /** Writes the open goals of unclosed proofs to {@code dir/<id>.txt} (diagnostics). */
    public void dumpOpenGoalsTo(Path dir) {
        this.dumpDir = dir;
    }

    private void dumpOpenGoals(String id, Proof proof) throws java.io.IOException {
        Files.createDirectories(dumpDir);
        StringBuilder sb = new StringBuilder();
        for (Goal goal : proof.openGoals()) {
            sb.append("==== goal ").append(goal.node().serialNr()).append('\n');
            sb.append(de.uka.ilkd.key.pp.LogicPrinter.quickPrintSequent(goal.sequent(), proof.getServices()));
            sb.append('\n');
        }
        Files.writeString(dumpDir.resolve(id.replaceAll("[^A-Za-z0-9#_.-]", "_") + ".txt"), sb.toString());
    }

    private static void configureStrategy(Proof proof, int maxSteps) {
        StrategySettings settings = proof.getSettings().getStrategySettings();
        StrategyProperties sp = settings.getActiveStrategyProperties();
        sp.setProperty(StrategyProperties.METHOD_OPTIONS_KEY, StrategyProperties.METHOD_CONTRACT);
        sp.setProperty(StrategyProperties.LOOP_OPTIONS_KEY, StrategyProperties.LOOP_INVARIANT);
        sp.setProperty(StrategyProperties.DEP_OPTIONS_KEY, StrategyProperties.DEP_ON);
        sp.setProperty(StrategyProperties.QUERY_OPTIONS_KEY, StrategyProperties.QUERY_ON);
        sp.setProperty(StrategyProperties.NON_LIN_ARITH_OPTIONS_KEY, StrategyProperties.NON_LIN_ARITH_DEF_OPS);
        sp.setProperty(StrategyProperties.QUANTIFIERS_OPTIONS_KEY,
                StrategyProperties.QUANTIFIERS_NON_SPLITTING_WITH_PROGS);
        sp.setProperty(StrategyProperties.STOPMODE_OPTIONS_KEY, StrategyProperties.STOPMODE_DEFAULT);
        sp.setProperty(StrategyProperties.SPLITTING_OPTIONS_KEY, StrategyProperties.SPLITTING_DELAYED);
        settings.setActiveStrategyProperties(sp);
        settings.setMaxSteps(maxSteps);
        proof.setActiveStrategy(
                proof.getServices().getProfile().getDefaultStrategyFactory().create(proof, sp));
    }

    /** Sends each open goal without program code to Z3; closes those Z3 proves valid. Returns how many. */
    private static int smtRound(Proof proof) {
        SolverType z3 = null;
        for (SolverType t : SolverTypes.getSolverTypes()) {
            if (t.getName().equals("Z3")) {
                z3 = t;
            }
        }
        if (z3 == null) {
            throw new IllegalStateException("KeY has no Z3 solver type");
        }
        List<SMTProblem> problems = new ArrayList<>();
        for (Goal goal : proof.openGoals()) {
            if (!hasProgram(goal)) {
                problems.add(new SMTProblem(goal));
            }
        }
        if (problems.isEmpty()) {
            return 0;
        }
        DefaultSMTSettings smt = new DefaultSMTSettings(proof.getSettings().getSMTSettings(),
                ProofIndependentSettings.DEFAULT_INSTANCE.getSMTSettings(), proof.getSettings().getNewSMTSettings(),
                proof) {
            @Override
            public long getTimeout() {
                return SMT_TIMEOUT_MILLIS;
            }

            @Override
            public long getTimeout(SolverType type) {
                return SMT_TIMEOUT_MILLIS;
            }
        };
        SolverLauncher launcher = new SolverLauncher(smt);
        Collection<SolverType> solvers = List.of(z3);
        launcher.launch(solvers, problems, proof.getServices());
        int closed = 0;
        for (SMTProblem problem : problems) {
            if (problem.getFinalResult().isValid() == SMTSolverResult.ThreeValuedTruth.VALID) {
                problem.getGoal().apply(SMTRuleApp.RULE.createApp("Z3"));
                closed++;
            }
        }
        return closed;
    }

    private static boolean hasProgram(Goal goal) {
        for (SequentFormula f : goal.sequent()) {
            if (f.formula().containsJavaBlockRecursive()) {
                return true;
            }
        }
        return false;
    }

    /** True if an executable named {@code program} is on the PATH. */
    public static boolean onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(File.pathSeparator)) {
            File f = new File(dir, program);
            if (f.isFile() && f.canExecute()) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void close() {
        env.dispose();
    }
}
