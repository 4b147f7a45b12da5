package org.magicnas.train;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The super-net training methods. */
public enum Method {
    /** Single path one-shot: a uniformly sampled child per step. */
    SPOS("spos", false, false),
    /** MAGIC-T: a random walk that changes k operators per step. */
    MAGIC_T("magic-t", true, false),
    /** MAGIC-A: uniform sampling plus alignment with an anchor child. */
    MAGIC_A("magic-a", false, true),
    /** MAGIC-AT: the random walk and the alignment together. */
    MAGIC_AT("magic-at", true, true);

    private final String id;
    private final boolean walks;
    private final boolean aligns;

    Method(String id, boolean walks, boolean aligns) {
        this.id = id;
        this.walks = walks;
        this.aligns = aligns;
    }

    /**
     * The name on the command line.
     *
     * @return e.g. {@code magic-at}
     */
    public String id() {
        return id;
    }

    /**
     * Whether children are sampled by a random walk (MAGIC-T).
     *
     * @return true for magic-t and magic-at
     */
    public boolean walks() {
        return walks;
    }

    /**
     * Whether layer outputs are aligned (MAGIC-A).
     *
     * @return true for magic-a and magic-at
     */
    public boolean aligns() {
        return aligns;
    }

    /**
     * Finds a method by name.
     *
     * @param name e.g. {@code spos}
     * @return the method
     * @throws IllegalArgumentException naming the value and the allowed names
     */
    public static Method of(String name) {
        for (Method m : values()) {
            if (m.id.equals(name.toLowerCase(Locale.ROOT))) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown method '" + name + "', allowed: "
                + Arrays.stream(values()).map(Method::id).collect(Collectors.joining(", ")));
    }
}
