package org.magicnas.space;

import java.util.Locale;
import java.util.Objects;

/**
 * One candidate operator of a search space: its name (as written in architectures), its kind and
 * its size. Every candidate is wrapped as a post-LN residual {@code LayerNorm(x + Dropout(op(x)))},
 * and the counts here include that LayerNorm.
 *
 * @param name the unique name used in the text form of architectures, e.g. {@code MHA12}
 * @param kind the operator kind
 * @param heads attention heads (MHA only, else 0)
 * @param innerDim the Q/K/V width d for MHA, the inner width F for FFN, the expansion ratio for MB, 0
 *     for CONV and ZERO
 * @param kernel the kernel size for CONV and MB, else 0
 */
public record OperatorSpec(String name, OperatorKind kind, int heads, int innerDim, int kernel) {

    /** Validates the fields. */
    public OperatorSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        if (name.isEmpty() || name.contains(",")) {
            throw new IllegalArgumentException("operator name '" + name + "' must be non-empty and contain no comma");
        }
        switch (kind) {
            case MHA -> {
                if (heads < 1 || innerDim < heads || innerDim % heads != 0) {
                    throw new IllegalArgumentException("MHA '" + name + "': width " + innerDim
                            + " must be a positive multiple of the head count " + heads);
                }
            }
            case FFN -> {
                if (innerDim < 1) {
                    throw new IllegalArgumentException("FFN '" + name + "': inner width must be positive, got " + innerDim);
                }
            }
            case CONV, MB -> {
                if (kernel < 1 || kernel % 2 == 0) {
                    throw new IllegalArgumentException(kind + " '" + name + "': kernel must be odd and positive, got " + kernel);
                }
                if (kind == OperatorKind.MB && innerDim < 1) {
                    throw new IllegalArgumentException("MB '" + name + "': expansion ratio must be positive, got " + innerDim);
                }
            }
            case ZERO -> {
                // no size
            }
        }
    }

    /**
     * Multi-head attention with h heads and Q/K/V width d.
     *
     * @param heads the head count
     * @param width the Q/K/V width
     * @return the spec, named {@code MHA<heads>}
     */
    public static OperatorSpec mha(int heads, int width) {
        return new OperatorSpec("MHA" + heads, OperatorKind.MHA, heads, width, 0);
    }

    /**
     * Feed-forward network of inner width F.
     *
     * @param name the name (e.g. {@code FFN}, or {@code FFN'} for a second width)
     * @param inner the inner width
     * @return the spec
     */
    public static OperatorSpec ffn(String name, int inner) {
        return new OperatorSpec(name, OperatorKind.FFN, 0, inner, 0);
    }

    /**
     * Convolution of kernel k.
     *
     * @param kernel the kernel size
     * @return the spec, named {@code CONV<kernel>}
     */
    public static OperatorSpec conv(int kernel) {
        return new OperatorSpec("CONV" + kernel, OperatorKind.CONV, 0, 0, kernel);
    }

    /**
     * Inverted bottleneck with a depthwise kernel k and an expansion ratio.
     *
     * @param kernel the depthwise kernel size
     * @param expansion the expansion ratio
     * @return the spec, named {@code MB<kernel>E<expansion>} (e.g. {@code MB3E6})
     */
    public static OperatorSpec mb(int kernel, int expansion) {
        return new OperatorSpec("MB" + kernel + "E" + expansion, OperatorKind.MB, 0, expansion, kernel);
    }

    /**
     * The zero-out operator.
     *
     * @return the spec, named {@code ZERO}
     */
    public static OperatorSpec zero() {
        return new OperatorSpec("ZERO", OperatorKind.ZERO, 0, 0, 0);
    }

    /**
     * Parses a candidate written as {@code MHA<h>:<d>}, {@code FFN:<F>} (or {@code FFN<suffix>:<F>}), {@code CONV<k>},
     * {@code MB<k>E<ratio>} or {@code ZERO}; the width of MHA defaults to the hidden size and that of FFN to four times it.
     *
     * @param text the candidate text
     * @param hidden the hidden size E of the space
     * @return the spec
     * @throws IllegalArgumentException naming the text and the allowed forms
     */
    public static OperatorSpec parse(String text, int hidden) {
        String t = text.trim();
        String upper = t.toUpperCase(Locale.ROOT);
        String head = upper.contains(":") ? upper.substring(0, upper.indexOf(':')) : upper;
        String arg = upper.contains(":") ? upper.substring(upper.indexOf(':') + 1) : null;
        try {
            if (head.startsWith("MHA")) {
                return new OperatorSpec(head, OperatorKind.MHA, Integer.parseInt(head.substring(3)), arg == null ? hidden : Integer.parseInt(arg), 0);
            } else if (head.startsWith("FFN")) {
                return new OperatorSpec(head, OperatorKind.FFN, 0, arg == null ? 4 * hidden : Integer.parseInt(arg), 0);
            } else if (head.startsWith("CONV") && arg == null) {
                return conv(Integer.parseInt(head.substring(4)));
            } else if (head.matches("MB\\d+E\\d+") && arg == null) {
                return mb(Integer.parseInt(head.substring(2, head.indexOf('E'))), Integer.parseInt(head.substring(head.indexOf('E') + 1)));
            } else if (head.equals("ZERO") && arg == null) {
                return zero();
            }
        } catch (NumberFormatException e) {
            // falls through to the error below
        }
        throw new IllegalArgumentException("unknown operator '" + text + "': expected MHA<heads>[:<width>], FFN[:<inner>] or CONV<kernel>, MB<kernel>E<expansion> or ZERO (e.g. MHA4:256, FFN:1024, CONV3, MB3E6)");
    }

    /**
     * Parameters of this text candidate at hidden size E, including its LayerNorm (image candidates are
     * counted by {@link ImageLayout}).
     *
     * @param hidden the hidden size E
     * @return the parameter count
     */
    public long parameters(int hidden) {
        long e = hidden;
        long layerNorm = 2 * e;
        return layerNorm + switch (kind) {
            case MHA -> e * 3L * innerDim + 3L * innerDim + (long) innerDim * e + e;
            case FFN -> e * innerDim + innerDim + (long) innerDim * e + e;
            case CONV -> 2 * (e * e + e) + e * kernel + e;
            case MB, ZERO -> throw new IllegalStateException(name + " is counted by its image layout");
        };
    }

    /**
     * Forward FLOPs (a multiply-add counts two) of this text candidate on one sequence of T tokens, counting
     * the matrix products, the attention products and the convolution.
     *
     * @param hidden the hidden size E
     * @param tokens the sequence length T
     * @return the FLOP count
     */
    public long forwardFlops(int hidden, int tokens) {
        long e = hidden;
        long t = tokens;
        return switch (kind) {
            case MHA -> t * (2 * e * 3L * innerDim + 2L * innerDim * e) + 2 * (2 * t * t * innerDim);
            case FFN -> t * (2 * 2 * e * innerDim);
            case CONV -> t * (2 * 2 * e * e + 2 * kernel * e);
            case MB, ZERO -> throw new IllegalStateException(name + " is counted by its image layout");
        };
    }

    @Override
    public String toString() {
        return name;
    }
}
