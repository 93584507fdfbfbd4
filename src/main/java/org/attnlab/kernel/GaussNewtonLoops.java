package org.attnlab.kernel;

/**
 * SIMD versions of the Gauss-Newton assembly's loops in {@link AssemblyKernel#gaussNewton} (J^T J, F^T J). An
 * implementation (package {@code org.attnlab.vector}, loaded by {@code org.attnlab.internal.Simd}) must give the
 * same bytes as the scalar loop of the same name for every input; the kernel takes it as a parameter and runs its
 * own scalar loops when it is null. It may vectorise only across independent output entries and must perform, per
 * entry, the scalar loop's multiplications and additions in the scalar loop's order (no fused multiply-add, no
 * reordering, no lane reduction), so that NaN, infinities, -0.0 and the vector width change nothing (only which
 * NaN a NaN result is, which Java leaves open). Arguments and preconditions are those of the scalar loop;
 * {@code VectorGaussNewtonTest} compares both bit for bit.
 */
public interface GaussNewtonLoops {

    /**
     * The same as {@code AssemblyKernel.flushRows}: adds 8 Jacobian rows (jbuf, row g at g dim) to the upper
     * triangle of J^T J at ho, to sum e J at go (weights rbuf) and to sum kappa J at ko (weights kbuf).
     *
     * @param partial the sums; only the entries named above are modified
     * @param ho offset of J^T J (dim x dim, row-major; entries a &lt;= e)
     * @param go offset of sum e J (dim)
     * @param ko offset of sum kappa J (dim)
     * @param dim length of a Jacobian row, even, &gt;= 0
     * @param jbuf the 8 rows, length &gt;= 8 dim; not modified
     * @param rbuf the 8 residuals; not modified
     * @param kbuf the 8 kappas; not modified
     */
    void flushRows(double[] partial, int ho, int go, int ko, int dim, double[] jbuf, double[] rbuf, double[] kbuf);

    /**
     * The same as {@code AssemblyKernel.flushFeatures}: out[ftj + k dim + e] += sum_g fbuf[g nb + k] jbuf[g dim + e]
     * and out[kf + k] += sum_g kbuf[g] fbuf[g nb + k] for k = first..last, e &lt; dim, then fbuf[g nb + k] = 0.
     *
     * @param out the sums; only out[ftj + first dim .. ftj + (last + 1) dim - 1] and out[kf + first .. kf + last]
     *     are modified
     * @param ftj offset of F^T J (nb x dim, row-major)
     * @param kf offset of sum kappa F (nb)
     * @param dim length of a Jacobian row
     * @param jbuf the 8 rows, length &gt;= 8 dim; not modified
     * @param kbuf the 8 kappas; not modified
     * @param fbuf the 8 feature rows (row g at g nb); cleared on first..last
     * @param nb number of basis functions n
     * @param first first feature of the group's band
     * @param last last feature of the group's band (first - 1 for none)
     */
    void flushFeatures(double[] out, int ftj, int kf, int dim, double[] jbuf, double[] kbuf, double[] fbuf, int nb,
                       int first, int last);

    /**
     * The z_i loop of {@link AssemblyKernel#gaussNewton}: over the count in-range partners, three at a time as
     * {@code AssemblyKernel.axpy3} (z[a] = z[a] + (c0 x[x0 + a] + c1 x[x1 + a] + c2 x[x2 + a])), the last count mod 3
     * one at a time as {@code AssemblyKernel.axpy} (z[a] = z[a] + c0 x[x0 + a]), for a &lt; d.
     *
     * @param z the sum, length &gt;= d; z[0 .. d - 1] is modified
     * @param d dimension
     * @param factors phi'(s_ij) of the partners, length &gt;= count; not modified
     * @param partners offsets j d of the partners' tokens in x, length &gt;= count; not modified
     * @param count number of in-range partners
     * @param x tokens, row-major; not modified
     */
    void partnerSum(double[] z, int d, double[] factors, int[] partners, int count, double[] x);
}
