package org.attnlab.basis;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * jqwik generators of small knot vectors and points for the basis properties.
 *
 * <p>Knots are dyadic (gaps from {0, 1/4, 1/2, 1, 2}, start from {-3, -1, 0, 1/2}), so knots and differences are
 * exact doubles; zero gaps give repeated knots (any multiplicity). Degree 0..4, n = p + 1 .. p + 6 functions.
 */
public final class KnotCases {

    private KnotCases() {
    }

    /** A knot vector and a point of its domain. */
    public record Case(KnotVector knots, double x) {
        public int p() {
            return knots.degree();
        }

        public double[] t() {
            return knots.toArray();
        }

        @Override
        public String toString() {
            return knots + ", x=" + x;
        }
    }

    public static Arbitrary<KnotVector> knotVectors() {
        Arbitrary<Integer> degree = Arbitraries.integers().between(0, 4);
        Arbitrary<Integer> extra = Arbitraries.integers().between(1, 6);
        Arbitrary<Double> start = Arbitraries.of(-3.0, -1.0, 0.0, 0.5);
        return Combinators.combine(degree, extra, start).flatAs((p, k, a) -> {
            int length = (p + k) + p + 1;
            Arbitrary<List<Double>> gaps = Arbitraries.of(0.0, 0.25, 0.5, 1.0, 2.0).list().ofSize(length - 1);
            return gaps.map(g -> {
                double[] t = new double[length];
                t[0] = a;
                for (int i = 1; i < length; i++) {
                    t[i] = t[i - 1] + g.get(i - 1);
                }
                return t;
            }).filter(t -> t[p] < t[t.length - p - 1]).map(t -> KnotVector.of(p, t));
        });
    }

    /** A knot vector and a point: uniform in the domain, a knot of the domain, or an end point. */
    public static Arbitrary<Case> cases() {
        return knotVectors().flatMap(kv -> {
            Arbitrary<Double> inside = Arbitraries.doubles().between(kv.lower(), kv.upper());
            Arbitrary<Double> atKnot = Arbitraries.integers().between(kv.degree(), kv.size())
                    .map(kv::knot);
            Arbitrary<Double> ends = Arbitraries.of(kv.lower(), kv.upper());
            return Arbitraries.frequencyOf(
                    net.jqwik.api.Tuple.of(6, inside), net.jqwik.api.Tuple.of(3, atKnot),
                    net.jqwik.api.Tuple.of(1, ends)).map(x -> new Case(kv, x));
        });
    }
}
