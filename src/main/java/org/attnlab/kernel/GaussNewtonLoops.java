package org.attnlab.kernel;

/**
 * SIMD versions of the Gauss-Newton assembly's loops in {@link AssemblyKernel#gaussNewton} (J^T J, F^T J). An
 * implementation (package {@code org.attnlab.vector}, loaded by {@code org.attnlab.internal.Simd}) must give the
 * same bytes as the scalar loop of the same name for every input; the kernel takes it as a parameter and runs its
 * own scalar loops when it is null.
 */
public interface GaussNewtonLoops {
}
