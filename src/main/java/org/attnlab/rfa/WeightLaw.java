package org.attnlab.rfa;

/**
 * The law of the frozen query-key matrices W_m of random-feature attention (arXiv 2307.11353).
 *
 * <p>Both laws use the same fluctuation G_m with i.i.d. entries N(0, 1/(d+1)) [ours]; they differ only
 * in the mean:
 * <ul>
 *   <li>{@link #ZERO_MEAN} (RFA): W_m = G_m;</li>
 *   <li>{@link #BIASED} (BRFA): W_m = W_0 + G_m with W_0 = [[I_d, 0], [0, 0]], so that
 *       xt_0^T W_0 xt_i = &lt;x_0, x_i&gt; (the paper's biased random-feature attention; the exact
 *       scaling is ours).</li>
 * </ul>
 * With unit-norm tokens, |xt|^2 = 2, so the fluctuation of a score has variance 4/(d+1) and the mean
 * part &lt;x_0, x_i&gt; has variance 1/d. The zero-mean features are positively homogeneous in the
 * scale of G, so that scale only matters for the biased law.
 */
public enum WeightLaw {
    /** W_m = G_m (RFA). */
    ZERO_MEAN,
    /** W_m = [[I_d, 0], [0, 0]] + G_m (BRFA). */
    BIASED
}
