package org.attnlab.audit;

import java.util.List;

/**
 * A family of independent units of work, the only thing an engine needs to run an audit's computation: the
 * units in canonical order, a stable unique key per unit, a pure function unit -&gt; result, and a codec between
 * a result and its checkpoint line ({@link Row}). An engine ({@link UnitEngine}: local threads with
 * checkpoints, or Spark tasks) may compute the units in any order, on any machine, any number of times; it
 * returns the results in plan order, always decoded from their encoded rows, so that what the audit builds from
 * them is the same bytes whichever engine ran them and whether or not they were restored from a checkpoint.
 *
 * <p>Contract: {@link #compute} depends on the unit (and the family's immutable configuration) only -- its
 * seed comes from {@link Seeds#forKey} on the unit's key; {@code decode(unit, encode(r))} is the result the
 * audit uses; {@link #key} is unique within the family and never changes for the same unit.
 *
 * @param <U> the unit description (a record)
 * @param <R> the result of one unit (a record)
 */
public interface UnitFamily<U, R> {

    /** A short name for progress lines, e.g. {@code "zucker2025 fig all"}. */
    String name();

    /** The checkpoint file name inside the output directory, e.g. {@code "checkpoint.jsonl"}. */
    String checkpointName();

    /**
     * Everything that changes a unit's numbers (not which units exist): a checkpoint written under another
     * fingerprint is refused.
     */
    String fingerprint();

    /** The units, in canonical (plan) order. */
    List<U> units();

    /** The unit's stable, unique key (also what its seed is derived from). */
    String key(U unit);

    /** The result of one unit: a pure function of the unit. */
    R compute(U unit) throws Exception;

    /** The checkpoint line of a result (cells as text; doubles as {@code Double.toString}). */
    Row encode(R result);

    /** The result back from its checkpoint line. */
    R decode(U unit, Row row);
}
