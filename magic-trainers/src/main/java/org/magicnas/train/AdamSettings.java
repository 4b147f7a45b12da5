package org.magicnas.train;

import org.magicnas.device.Precision;

/**
 * Adam's constants. Weight decay is decoupled (AdamW, as fairseq's Adam applies it).
 *
 * @param beta1 the first-moment decay
 * @param beta2 the second-moment decay
 * @param epsilon the denominator constant
 * @param weightDecay the decoupled weight decay
 * @param clipNorm the maximum global gradient norm over the path's parameters, or 0 for none
 * @param precision the precision of the forward and backward passes (the weights and moments stay fp32;
 *     null reads as fp32)
 */
public record AdamSettings(double beta1, double beta2, double epsilon, double weightDecay, double clipNorm, Precision precision) {

    /**
     * Settings in fp32.
     *
     * @param beta1 the first-moment decay
     * @param beta2 the second-moment decay
     * @param epsilon the denominator constant
     * @param weightDecay the decoupled weight decay
     * @param clipNorm the maximum global gradient norm, or 0 for none
     */
    public AdamSettings(double beta1, double beta2, double epsilon, double weightDecay, double clipNorm) {
        this(beta1, beta2, epsilon, weightDecay, clipNorm, Precision.FP32);
    }

    /** Validates the values. */
    public AdamSettings {
        if (precision == null) {
            precision = Precision.FP32;
        }
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

    /**
     * The same settings in another precision.
     *
     * @param p the precision
     * @return the settings
     */
    public AdamSettings withPrecision(Precision p) {
        return new AdamSettings(beta1, beta2, epsilon, weightDecay, clipNorm, p);
    }

    /**
     * The record's text, without the precision when it is fp32: the text enters the keys of the rank
     * study's cached jobs, which stay those of the runs made before precisions existed.
     *
     * @return e.g. {@code AdamSettings[beta1=0.9, beta2=0.999, epsilon=1.0E-6, weightDecay=0.01, clipNorm=1.0]}
     */
    @Override
    public String toString() {
        return "AdamSettings[beta1=" + beta1 + ", beta2=" + beta2 + ", epsilon=" + epsilon + ", weightDecay=" + weightDecay + ", clipNorm=" + clipNorm
                + (precision == Precision.FP32 ? "" : ", precision=" + precision.id()) + "]";
    }
}
