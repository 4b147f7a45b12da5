package org.magicnas.train;

/**
 * Adam's constants. Weight decay is decoupled (AdamW, as fairseq's Adam applies it).
 *
 * @param beta1 the first-moment decay
 * @param beta2 the second-moment decay
 * @param epsilon the denominator constant
 * @param weightDecay the decoupled weight decay
 * @param clipNorm the maximum global gradient norm over the path's parameters, or 0 for none
 */
public record AdamSettings(double beta1, double beta2, double epsilon, double weightDecay, double clipNorm) {

    /** Validates the values. */
    public AdamSettings {
        if (!(beta1 >= 0 && beta1 < 1) || !(beta2 >= 0 && beta2 < 1)) {
            throw new IllegalArgumentException("Adam betas must be in [0, 1), got " + beta1 + ", " + beta2);
        }
        if (!(epsilon > 0)) {
            throw new IllegalArgumentException("Adam epsilon must be positive, got " + epsilon);
        }
        if (!(weightDecay >= 0)) {
            throw new IllegalArgumentException("weight decay must be >= 0, got " + weightDecay);
        }
        if (!(clipNorm >= 0)) {
            throw new IllegalArgumentException("gradient clip norm must be >= 0, got " + clipNorm);
        }
    }

    /**
     * The paper's settings: betas 0.9 and 0.999, epsilon 1e-6, weight decay 0.01, clip norm 1.
     *
     * @return the settings
     */
    public static AdamSettings paper() {
        return new AdamSettings(0.9, 0.999, 1e-6, 0.01, 1.0);
    }
}
