package org.attnlab.kernel;

/**
 * Index maps of the pairs inside one sample of N tokens (model A, arXiv 2510.11789).
 *
 * <p>Token i of a sample interacts with the N - 1 tokens j != i. They are enumerated by k = 0..N - 2 through
 * j = partner(i, k) = k if k &lt; i, k + 1 otherwise: a bijection from [0, N - 1) onto [0, N) \ {i} that is
 * increasing in k. Token i of sample m sits at flat row m N + i. Written in the Java subset that KeY reads.
 */
public final class PairKernel {

    private PairKernel() {
    }

    /*@ public normal_behavior
      @   requires n >= 2 && 0 <= i && i < n && 0 <= k && k < n - 1;
      @   ensures \result == (k < i ? k : k + 1);
      @   ensures 0 <= \result && \result < n && \result != i;
      @   assignable \nothing;
      @*/
    /**
     * The k-th partner j != i of token i among n tokens.
     *
     * @param n tokens per sample, &gt;= 2
     * @param i the token, in [0, n)
     * @param k the partner number, in [0, n - 1)
     * @return j = k if k &lt; i, else k + 1; j != i
     */
    public static int partner(int n, int i, int k) {
        return k < i ? k : k + 1;
    }

    /*@ public normal_behavior
      @   requires n >= 2 && 0 <= i && i < n && 0 <= j && j < n && j != i;
      @   ensures \result == (j < i ? j : j - 1);
      @   ensures 0 <= \result && \result < n - 1;
      @   ensures (\result < i ? \result : \result + 1) == j;
      @   assignable \nothing;
      @*/
    /**
     * The inverse of {@link #partner}: the number k of partner j != i.
     *
     * @param n tokens per sample, &gt;= 2
     * @param i the token, in [0, n)
     * @param j the partner, in [0, n), != i
     * @return k with partner(n, i, k) == j
     */
    public static int partnerNumber(int n, int i, int j) {
        return j < i ? j : j - 1;
    }

    /*@ public normal_behavior
      @   requires samples >= 1 && n >= 2 && 0 <= m && m < samples && 0 <= i && i < n;
      @   requires samples * n <= 2147483647;
      @   ensures \result == m * n + i;
      @   ensures 0 <= \result && \result < samples * n;
      @   assignable \nothing;
      @*/
    /**
     * The flat row m N + i of token i of sample m.
     *
     * @param samples M, &gt;= 1
     * @param n tokens per sample, &gt;= 2
     * @param m the sample, in [0, M)
     * @param i the token, in [0, n)
     * @return m n + i, in [0, M n)
     */
    public static int row(int samples, int n, int m, int i) {
        return m * n + i;
    }
}
