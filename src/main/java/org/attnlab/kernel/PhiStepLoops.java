package org.attnlab.kernel;

/**
 * SIMD versions of the phi-step's loops in {@link AssemblyKernel} ({@code normalEquations}, {@code sumOfSquares}
 * and the token loops {@code gaussNewton} shares with them). An implementation (package
 * {@code org.attnlab.vector}, loaded by {@code org.attnlab.internal.Simd}) must give the same bytes as the scalar
 * loop of the same name for every input; the kernels take it as a parameter and run their own scalar loops when
 * it is null.
 */
public interface PhiStepLoops {
}
