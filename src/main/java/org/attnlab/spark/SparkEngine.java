package org.attnlab.spark;

import java.io.Closeable;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.attnlab.audit.AuditOptions;
import org.attnlab.audit.CheckpointStore;
import org.attnlab.audit.Row;
import org.attnlab.audit.UnitEngine;
import org.attnlab.audit.UnitFamily;
import org.attnlab.internal.Checks;
import scala.concurrent.Await;
import scala.concurrent.duration.Duration;
import scala.jdk.javaapi.CollectionConverters;
import scala.runtime.AbstractFunction0;
import scala.runtime.AbstractFunction1;
import scala.runtime.AbstractFunction2;
import scala.runtime.BoxedUnit;

/**
 * A {@link UnitEngine} that runs the units of each family as Spark tasks (one task per unit not yet in the
 * checkpoint) and checkpoints each result on the driver as its task comes back, so that killing the driver and
 * running the same command again resumes. The results are the same rows as the local engine's: each task
 * computes {@code family.encode(family.compute(unit))} with the project's own code (the family rebuilt on the
 * executor from a {@link FamilySource}), and the driver decodes the checkpointed rows in plan order.
 *
 * <p>The driver owns the checkpoint files (in the output directory on the driver's file system); executors
 * write nothing.
 */
public final class SparkEngine implements UnitEngine, Closeable {

    private final JavaSparkContext spark;
    private final FamilySource source;
    private final Path out;
    private final AuditOptions.Progress progress;
    private final List<List<LinkedHashMap<String, String>>> earlier = new ArrayList<>();

    private SparkEngine(JavaSparkContext spark, FamilySource source, Path out, AuditOptions.Progress progress) {
        this.spark = spark;
        this.source = source;
        this.out = out;
        this.progress = progress;
    }

    /**
     * Starts a Spark application for the run.
     *
     * @param master the master URL ({@code local[N]}, {@code spark://host:port}, {@code yarn}, {@code k8s://...}),
     *     or null to take {@code spark.master} from spark-submit
     * @param source how executors rebuild the families
     * @param out the output directory (checkpoints)
     * @param progress the progress sink
     * @throws IllegalArgumentException if source, out or progress is null
     */
    public static SparkEngine start(String master, FamilySource source, Path out, AuditOptions.Progress progress) {
        Checks.notNull("source", source);
        Checks.notNull("out", out);
        Checks.notNull("progress", progress);
        SparkConf conf = new SparkConf().setAppName("attnlab " + source.describe());
        if (master != null) {
            conf.setMaster(master);
        }
        if (!conf.contains("spark.ui.enabled")) {
            conf.set("spark.ui.enabled", "false");
        }
        String jar = ownJar();
        if (jar != null && !conf.contains("spark.jars")) {
            conf.set("spark.jars", jar);
        }
        JavaSparkContext context = new JavaSparkContext(conf);
        context.setLogLevel("WARN");
        return new SparkEngine(context, source, out, progress);
    }

    /** The jar this class was loaded from, or null when it runs from a classes directory. */
    static String ownJar() {
        try {
            var cs = SparkEngine.class.getProtectionDomain().getCodeSource();
            if (cs == null) {
                return null;
            }
            Path p = Path.of(cs.getLocation().toURI());
            return Files.isRegularFile(p) && p.toString().endsWith(".jar") ? p.toAbsolutePath().toString() : null;
        } catch (java.net.URISyntaxException | RuntimeException e) {
            return null;
        }
    }

    /** The Spark context (for tests and for the plan mode's measurements). */
    public JavaSparkContext context() {
        return spark;
    }

    @Override
    public <U, R> List<R> run(UnitFamily<U, R> family) {
        Checks.notNull("family", family);
        int index = earlier.size();
        List<U> units = family.units();
        List<String> keys = new ArrayList<>(units.size());
        for (U u : units) {
            keys.add(family.key(u));
        }
        List<Row> rows = new ArrayList<>(units.size());
        try {
            Files.createDirectories(out);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot create " + out + ": " + e.getMessage(), e);
        }
        try (CheckpointStore store = CheckpointStore.open(out.resolve(family.checkpointName()), family.fingerprint())) {
            List<String> pending = new ArrayList<>();
            for (String k : keys) {
                if (!store.isDone(k)) {
                    pending.add(k);
                }
            }
            progress.start(family.name() + " on Spark", units.size(), units.size() - pending.size());
            try {
                if (!pending.isEmpty()) {
                    submit(family, index, pending, store);
                }
            } finally {
                progress.finish();
            }
            for (String k : keys) {
                rows.add(store.get(k));
            }
        }
        List<LinkedHashMap<String, String>> encoded = new ArrayList<>(rows.size());
        List<R> results = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            encoded.add(new LinkedHashMap<>(rows.get(i).cells()));
            results.add(family.decode(units.get(i), rows.get(i)));
        }
        earlier.add(encoded);
        return results;
    }

    private void submit(UnitFamily<?, ?> family, int index, List<String> pending, CheckpointStore store) {
        Broadcast<List<List<LinkedHashMap<String, String>>>> before = spark.broadcast(new ArrayList<>(earlier));
        JavaRDD<String> rdd = spark.parallelize(pending, pending.size());
        List<Object> partitions = new ArrayList<>(pending.size());
        for (int i = 0; i < pending.size(); i++) {
            partitions.add(i);
        }
        Task task = new Task(source, index, family.fingerprint(), before);
        var future = spark.sc().submitJob(rdd.rdd(), task, CollectionConverters.asScala(partitions).toSeq(),
                new Checkpointer(store, progress), new Nothing());
        try {
            Await.result(future, Duration.Inf());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            future.cancel();
            throw new IllegalStateException("interrupted", e);
        } catch (Exception e) {
            throw new IllegalStateException("Spark job of " + family.name() + " failed: " + e.getMessage(), e);
        } finally {
            before.destroy();
        }
    }

    @Override
    public void close() {
        spark.close();
    }

    /** Executor side: the units of one partition -&gt; their keys and encoded rows. */
    static final class Task extends AbstractFunction1<scala.collection.Iterator<String>, ArrayList<Object[]>>
            implements Serializable {
        private static final long serialVersionUID = 1L;
        private final FamilySource source;
        private final int index;
        private final String fingerprint;
        private final Broadcast<List<List<LinkedHashMap<String, String>>>> earlier;

        Task(FamilySource source, int index, String fingerprint,
             Broadcast<List<List<LinkedHashMap<String, String>>>> earlier) {
            this.source = source;
            this.index = index;
            this.fingerprint = fingerprint;
            this.earlier = earlier;
        }

        @Override
        public ArrayList<Object[]> apply(scala.collection.Iterator<String> keys) {
            try {
                FamilyResolver.Resolved r = FamilyResolver.resolve(source, index, earlier.value());
                if (!r.family().fingerprint().equals(fingerprint)) {
                    throw new IllegalStateException("family " + r.family().name() + " rebuilt on the executor has "
                            + "fingerprint '" + r.family().fingerprint() + "', the driver's is '" + fingerprint
                            + "' (different attnlab versions?)");
                }
                ArrayList<Object[]> out = new ArrayList<>();
                while (keys.hasNext()) {
                    String k = keys.next();
                    out.add(new Object[] {k, r.compute(k)});
                }
                return out;
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        }
    }

    /** Driver side: checkpoints each partition's rows as it comes back (called by Spark's scheduler thread). */
    static final class Checkpointer extends AbstractFunction2<Object, ArrayList<Object[]>, BoxedUnit> {
        private final CheckpointStore store;
        private final AuditOptions.Progress progress;

        Checkpointer(CheckpointStore store, AuditOptions.Progress progress) {
            this.store = store;
            this.progress = progress;
        }

        @Override
        @SuppressWarnings("unchecked")
        public BoxedUnit apply(Object partition, ArrayList<Object[]> done) {
            for (Object[] d : done) {
                store.append((String) d[0], Row.of((LinkedHashMap<String, String>) d[1]));
                progress.step();
            }
            return BoxedUnit.UNIT;
        }
    }

    /** The job's overall result: nothing (the rows went to the checkpoint). */
    static final class Nothing extends AbstractFunction0<BoxedUnit> {
        @Override
        public BoxedUnit apply() {
            return BoxedUnit.UNIT;
        }
    }
}
