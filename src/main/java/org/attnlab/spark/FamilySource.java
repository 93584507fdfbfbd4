package org.attnlab.spark;

import java.io.Serializable;
import java.nio.file.Path;
import org.attnlab.audit.UnitEngine;

/**
 * How an executor rebuilds the unit families of a run: a small serializable description (an audit's options, a
 * study file's text) whose {@link #replay} runs the same computation as the driver, on an engine the Spark
 * engine supplies. The families are then the same objects, in the same order, on every machine: unit keys,
 * fingerprints and unit functions come from the project's own code, never from Spark.
 */
public interface FamilySource extends Serializable {

    /**
     * Runs the audit or study with {@code engine} (which stops it, by an exception, at the family it wants).
     *
     * @param engine the engine to hand every family to
     * @param scratch an empty directory the run may write to (its outputs are discarded)
     * @throws Exception whatever the run throws
     */
    void replay(UnitEngine engine, Path scratch) throws Exception;

    /** One line for logs and errors, e.g. {@code "study zucker2025-fig1"}. */
    String describe();
}
