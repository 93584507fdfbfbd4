package org.attnlab.internal;

import java.util.Locale;

/**
 * The optional SIMD loops: implementations of the kernel loop interfaces (now
 * {@code org.attnlab.kernel.GaussNewtonLoops}) written with the Vector API ({@code jdk.incubator.vector},
 * incubating in Java 17) in package {@code org.attnlab.vector}, loaded by name so that nothing else refers to them
 * at compile time (the verified kernels, OpenJML and KeY never read them).
 *
 * <p>Every such loop is bit-identical to the scalar loop it replaces: it vectorises across independent output
 * entries and does, in each lane, the scalar loop's operations in the scalar loop's order (separate multiply and
 * add, no fused multiply-add, no lane reduction). So whether they are used changes the speed, never a result:
 * same bytes with and without them, at any vector width and any thread count. Tests compare each loop with its
 * scalar twin bit for bit.
 *
 * <p>They are used when the JVM runs with {@code --add-modules jdk.incubator.vector} (the {@code attnlab} launcher
 * and the surefire tests pass it) and {@code -Dattnlab.simd=false} is not set; otherwise the scalar loops run.
 */
public final class Simd {

    /** System property that turns the SIMD loops off when {@code false}. */
    public static final String PROPERTY = "attnlab.simd";
    /** The module that holds the Vector API. */
    public static final String MODULE = "jdk.incubator.vector";

    private static final boolean ENABLED = !"false".equals(System.getProperty(PROPERTY, "true").trim()
            .toLowerCase(Locale.ROOT)) && ModuleLayer.boot().findModule(MODULE).isPresent();

    private Simd() {
    }

    /**
     * Whether the SIMD loops may be used: the Vector API module is in the boot layer and {@value #PROPERTY} is not
     * {@code false}.
     */
    public static boolean enabled() {
        return ENABLED;
    }

    /**
     * An instance of the named SIMD implementation of {@code type}, or null (use the scalar loops) when SIMD is
     * not {@link #enabled()} or the class cannot be loaded on this JVM.
     *
     * @param type the loop interface
     * @param className the implementing class, with a public no-argument constructor
     * @throws IllegalArgumentException if the class loads but does not implement {@code type} (a build error)
     */
    public static <T> T load(Class<T> type, String className) {
        if (!ENABLED) {
            return null;
        }
        Object instance;
        try {
            instance = Class.forName(className).getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException | LinkageError e) {
            return null;
        }
        if (!type.isInstance(instance)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "className must name an implementation of %s, got %s", type.getName(), className));
        }
        return type.cast(instance);
    }
}
