package org.attnlab.rfa;

import org.attnlab.internal.Checks;

/** Range checks shared by the feature maps (one message style, see {@link Checks}). */
final class FeatureChecks {

    private FeatureChecks() {
    }

    static void range(FeatureMap map, double[] tokens, int offset, double[] scratch, double[] out, int outOffset) {
        Checks.notNull("tokens", tokens);
        Checks.notNull("scratch", scratch);
        Checks.notNull("out", out);
        int len = map.sampleLength();
        if (offset < 0 || offset > tokens.length - len) {
            throw Checks.fail("offset", "in [0, tokens.length - " + len + "] = [0, " + (tokens.length - len) + "]",
                    offset);
        }
        int p = map.dimension();
        if (outOffset < 0 || outOffset > out.length - p) {
            throw Checks.fail("outOffset", "in [0, out.length - " + p + "] = [0, " + (out.length - p) + "]",
                    outOffset);
        }
        if (scratch.length < map.scratchLength()) {
            throw Checks.fail("scratch.length", ">= " + map.scratchLength(), scratch.length);
        }
        if (out == tokens || scratch == out || scratch == tokens) {
            throw Checks.fail("out, scratch and tokens", "distinct arrays", "aliased arrays");
        }
    }
}
