package org.magicnas.evaluation.rank;

/**
 * What a paired interval says about a claim that one quantity exceeds another.
 */
public enum Verdict {
    /** The whole interval of the difference lies above 0. */
    SUPPORTED,
    /** The whole interval lies below 0: the opposite holds, at this power. */
    CONTRADICTED,
    /** The interval contains 0: this study cannot tell. */
    UNRESOLVED;

    /**
     * The verdict on "difference > 0".
     *
     * @param difference the estimated difference with its interval
     * @return the verdict
     */
    public static Verdict of(Interval difference) {
        if (difference.lower() > 0) {
            return SUPPORTED;
        }
        return difference.upper() < 0 ? CONTRADICTED : UNRESOLVED;
    }

    /**
     * The verdict on several claims that must all hold: contradicted if any is, supported if all are.
     *
     * @param parts the verdicts of the parts
     * @return the joint verdict
     */
    public static Verdict all(Verdict... parts) {
        boolean supported = true;
        for (Verdict v : parts) {
            if (v == CONTRADICTED) {
                return CONTRADICTED;
            }
            supported &= v == SUPPORTED;
        }
        return supported ? SUPPORTED : UNRESOLVED;
    }

    /**
     * About how many children a study of the same kind would need for an interval of this difference to
     * exclude 0, if the difference stayed as estimated: the half-width shrinks as one over the square
     * root of the children.
     *
     * @param difference the estimated difference with its interval
     * @param children the children it was measured on
     * @return the children needed (at least {@code children}), or {@link Long#MAX_VALUE} for a zero
     *     difference
     */
    public static long childrenToResolve(Interval difference, int children) {
        double half = difference.width() / 2;
        double d = Math.abs(difference.estimate());
        if (d == 0) {
            return Long.MAX_VALUE;
        }
        double ratio = half / d;
        return Math.max(children, (long) Math.ceil(children * ratio * ratio));
    }

    /**
     * The word used in reports.
     *
     * @return e.g. {@code supported}
     */
    public String word() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
