package org.attnlab.experiments.marion2024;

import java.util.Locale;
import org.attnlab.audit.Row;
import org.attnlab.slr.Trajectory;

/**
 * A {@link Trajectory} as checkpoint cells: each array as its values joined by spaces, doubles written with
 * {@link Double#toString(double)}, so a restored trajectory is the computed one bit for bit.
 */
final class TrajectoryCodec {

    private TrajectoryCodec() {
    }

    static void put(Row.Builder b, Trajectory t) {
        StringBuilder steps = new StringBuilder();
        for (int i = 0; i < t.size(); i++) {
            if (i > 0) {
                steps.append(' ');
            }
            steps.append(t.steps()[i]);
        }
        b.put("steps", steps.toString());
        b.put("lambda", join(t.lambda()));
        b.put("risk", join(t.risk()));
        b.put("test", t.testRisk() == null ? "" : join(t.testRisk()));
        b.put("kappa", join(t.kappa()));
        b.put("nu", join(t.nu()));
        b.put("theta", join(t.theta()));
        b.put("eta", join(t.eta()));
        b.put("rho", join(t.rho()));
    }

    static Trajectory get(Row r) {
        String[] s = r.text("steps").split(" ");
        int[] steps = new int[s.length];
        for (int i = 0; i < s.length; i++) {
            steps[i] = Integer.parseInt(s[i]);
        }
        String test = r.text("test");
        return new Trajectory(steps, split(r.text("lambda")), split(r.text("risk")),
                test.isEmpty() ? null : split(test), split(r.text("kappa")), split(r.text("nu")),
                split(r.text("theta")), split(r.text("eta")), split(r.text("rho")));
    }

    private static String join(double[] values) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                sb.append(' ');
            }
            sb.append(Double.toString(values[i]));
        }
        return sb.toString();
    }

    private static double[] split(String text) {
        String[] s = text.split(" ");
        double[] out = new double[s.length];
        for (int i = 0; i < s.length; i++) {
            out[i] = Double.parseDouble(s[i].toLowerCase(Locale.ROOT).equals("nan") ? "NaN" : s[i]);
        }
        return out;
    }
}
