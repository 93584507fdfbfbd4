package org.attnlab.sampler;

import org.ejml.data.DMatrixRMaj;
import org.ejml.interfaces.decomposition.QRDecomposition;

/**
 * Library calls of this package's RAC-compiled classes, one call each, in a class that is deliberately not
 * RAC-compiled (proofs/openjml-files.txt): the same calls, so the same results. Called directly from RAC-compiled
 * code, OpenJML 0.21 checks them against specifications that give false violations on valid calls:
 * <ul>
 *   <li>its JDK specifications of {@link Math} and {@link StrictMath} use model methods missing from its runtime
 *       ({@code Math.isPositiveZero}: NoSuchMethodError at {@code sqrt(0)}) and preconditions that reject valid
 *       arguments ({@code StrictMath.pow}, {@code sin}, {@code exp});</li>
 *   <li>the parameters of un-annotated library methods are taken as non-null, so EJML's documented
 *       {@code getQ(null, true)} ("allocate the result") is reported as a violation;</li>
 *   <li>its specification of {@code Object.equals} admits only {@code this == obj} for an interface-typed receiver,
 *       so comparing two equal, distinct token laws or activations is reported as a violation.</li>
 * </ul>
 */
final class PlainCalls {

    private PlainCalls() {
    }

    /** {@code a.equals(b)} (a non-null). */
    static boolean equal(Object a, Object b) {
        return a.equals(b);
    }

    /** The thin Q factor of a decomposed QR, {@code qr.getQ(null, true)}. */
    static DMatrixRMaj thinQ(QRDecomposition<DMatrixRMaj> qr) {
        return qr.getQ(null, true);
    }

    /** The thin R factor of a decomposed QR, {@code qr.getR(null, true)}. */
    static DMatrixRMaj thinR(QRDecomposition<DMatrixRMaj> qr) {
        return qr.getR(null, true);
    }

    static double sqrt(double x) {
        return Math.sqrt(x);
    }

    static double max(double a, double b) {
        return Math.max(a, b);
    }

    static double abs(double x) {
        return Math.abs(x);
    }

    static double strictPow(double a, double b) {
        return StrictMath.pow(a, b);
    }

    static double strictTanh(double x) {
        return StrictMath.tanh(x);
    }

    static double strictSin(double x) {
        return StrictMath.sin(x);
    }

    static double strictCos(double x) {
        return StrictMath.cos(x);
    }

    static double strictExp(double x) {
        return StrictMath.exp(x);
    }

    static double strictLog1p(double x) {
        return StrictMath.log1p(x);
    }
}
