/**
 * The optional SIMD loops, written with the Vector API ({@code jdk.incubator.vector}, incubating in Java 17):
 * implementations of the loop interfaces of {@code org.attnlab.kernel} (now {@code GaussNewtonLoops}),
 * loaded by name by {@code org.attnlab.internal.Simd} when the JVM runs with
 * {@code --add-modules jdk.incubator.vector}. No other package names a type of this one (ArchitectureTest), so the
 * verified kernels, OpenJML and KeY never read it and a JVM without the module never loads it.
 *
 * <p>Rule for every loop here: it gives the same bytes as the scalar loop of the same name in
 * {@code org.attnlab.kernel.AssemblyKernel}, for every input. Lanes are independent output entries; each lane does
 * the scalar loop's operations in its order (separate multiply and add, never a fused multiply-add or a lane
 * reduction), so the vector width cannot change a result. Tests compare each loop with the scalar one bit for bit;
 * PIT does not mutate this package (the scalar loops it is pinned to are mutated).
 */
package org.attnlab.vector;
