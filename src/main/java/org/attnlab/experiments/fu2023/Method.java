package org.attnlab.experiments.fu2023;

import org.attnlab.rfa.AttentionFeatureMap;
import org.attnlab.rfa.FeatureMap;
import org.attnlab.rfa.MlpFeatureMap;
import org.attnlab.rfa.WeightLaw;

/** The three models compared in the audit of arXiv 2307.11353, at equal numbers of trained parameters. */
public enum Method {
    /** Random-feature attention, zero-mean W_m. */
    RFA("RFA"),
    /** Biased random-feature attention, W_m = W_0 + G_m. */
    BRFA("BRFA"),
    /** Random-feature MLP on the concatenated tokens, H (d+1) features. */
    RF_MLP("RF-MLP");

    private final String label;

    Method(String label) {
        this.label = label;
    }

    /** The name used in files and figures. */
    public String label() {
        return label;
    }

    /**
     * The method's frozen features with H (d+1) trained parameters. RFA and BRFA with the same seed share
     * their fluctuations G_m (a paired comparison of the two laws).
     */
    public FeatureMap featureMap(int d, int keys, int heads, long seed) {
        return switch (this) {
            case RFA -> AttentionFeatureMap.random(d, keys, heads, WeightLaw.ZERO_MEAN, seed);
            case BRFA -> AttentionFeatureMap.random(d, keys, heads, WeightLaw.BIASED, seed);
            case RF_MLP -> MlpFeatureMap.random(d, keys, heads * (d + 1), seed);
        };
    }
}
