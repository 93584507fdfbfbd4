package org.attnlab.audit;

import java.nio.charset.StandardCharsets;
import org.attnlab.internal.Checks;
import org.attnlab.internal.RandomStreams;

/**
 * Seeds by key: every random quantity of an audit (a unit's data, a ground truth shared by several units, a
 * bootstrap) takes its seed from the master seed and a stable text key only, never from its position in a
 * plan or from the thread that computes it. So a unit has the same seed in every plan that contains it, a
 * plan can grow (more seeds, a finer grid) without changing the units it already had, and any engine (threads,
 * Spark) computes the same numbers.
 */
public final class Seeds {

    private Seeds() {
    }

    /**
     * {@code RandomStreams.derive(masterSeed, EXPERIMENT, fnv1a64(utf8(key)))}.
     *
     * @throws IllegalArgumentException if {@code key} is null
     */
    public static long forKey(long masterSeed, String key) {
        Checks.notNull("key", key);
        long h = 0xCBF29CE484222325L;
        for (byte b : key.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xFF;
            h *= 0x100000001B3L;
        }
        return RandomStreams.derive(masterSeed, RandomStreams.Purpose.EXPERIMENT, h);
    }
}
