package org.attnlab.experiments;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.attnlab.audit.Audit;

/** The registry of audits known to {@code attnlab reproduce}. One line per paper. */
public final class Audits {

    private static final Map<String, Supplier<Audit>> REGISTRY = new LinkedHashMap<>();

    static {
        register("zucker2025", org.attnlab.experiments.zucker2025.Zucker2025Audit::new);
        register(org.attnlab.experiments.fu2023.Fu2023Audit.ID, org.attnlab.experiments.fu2023.Fu2023Audit::new);
        register("marion2024", org.attnlab.experiments.marion2024.Marion2024Audit::new);
    }

    private Audits() {
    }

    private static void register(String id, Supplier<Audit> audit) {
        REGISTRY.put(id, audit);
    }

    /** The audit with this id. */
    public static Optional<Audit> find(String id) {
        Supplier<Audit> s = REGISTRY.get(id);
        return s == null ? Optional.empty() : Optional.of(s.get());
    }

    /** The ids, in registration order. */
    public static Iterable<String> ids() {
        return REGISTRY.keySet();
    }
}
