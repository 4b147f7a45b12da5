package org.magicnas.space;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** The named search spaces: the paper's (text and image) and small ones that train on two CPU cores. */
public enum Preset {
    /** Table 6 of the paper: E=768, N=12, {MHA6, MHA8 (d=384), FFN (768), FFN' (832), CONV3, CONV5}. */
    PAPER_ANALYSIS("paper-analysis", 768, 12, 768,
            List.of(OperatorSpec.mha(6, 384), OperatorSpec.mha(8, 384), OperatorSpec.ffn("FFN", 768),
                    OperatorSpec.ffn("FFN'", 832), OperatorSpec.conv(3), OperatorSpec.conv(5))),
    /** Appendix C: E=768, N=26, {MHA12, FFN (3072), CONV3, CONV5}, embedding factorised to 512. */
    PAPER_BERT("paper-bert", 768, 26, 512,
            List.of(OperatorSpec.mha(12, 768), OperatorSpec.ffn("FFN", 3072), OperatorSpec.conv(3), OperatorSpec.conv(5))),
    /** The compression setting of Table 3: the paper-bert operators at E=512. */
    PAPER_COMPRESS("paper-compress", 512, 26, 512,
            List.of(OperatorSpec.mha(8, 512), OperatorSpec.ffn("FFN", 2048), OperatorSpec.conv(3), OperatorSpec.conv(5))),
    /**
     * The interference analysis at CPU scale: Table 6 at a quarter of the width, E=192, N=12, {MHA6, MHA8
     * (d=96), FFN (192), FFN' (208), CONV3, CONV5}.
     */
    ANALYSIS_CPU("analysis-cpu", 192, 12, 192,
            List.of(OperatorSpec.mha(6, 96), OperatorSpec.mha(8, 96), OperatorSpec.ffn("FFN", 192),
                    OperatorSpec.ffn("FFN'", 208), OperatorSpec.conv(3), OperatorSpec.conv(5))),
    /** A CPU space for minutes-long runs: E=128, N=4, {MHA4, FFN (512), CONV3, CONV5}. */
    TINY("tiny", 128, 4, 128,
            List.of(OperatorSpec.mha(4, 128), OperatorSpec.ffn("FFN", 512), OperatorSpec.conv(3), OperatorSpec.conv(5))),
    /** The compression setting at CPU scale: the tiny operators at E=64, a student for a tiny teacher. */
    TINY_COMPRESS("tiny-compress", 64, 4, 64,
            List.of(OperatorSpec.mha(2, 64), OperatorSpec.ffn("FFN", 256), OperatorSpec.conv(3), OperatorSpec.conv(5))),
    /**
     * The rank-correlation study at CPU scale: E=128, N=4, {MHA4, CONV3, FFN (512), FFN64 (64)}. Half
     * the candidates mix tokens and half do not, so children differ clearly in what they can learn,
     * and stand-alone losses differ by more than seed noise within a CPU budget.
     */
    RANK_CPU("rank-cpu", 128, 4, 128,
            List.of(OperatorSpec.mha(4, 128), OperatorSpec.conv(3), OperatorSpec.ffn("FFN", 512), OperatorSpec.ffn("FFN64", 64))),
    /**
     * The rank-correlation study with room for MAGIC's mechanisms: E=64, N=8, {MHA4 (d=64), CONV3, FFN
     * (256), FFN32 (32)}. Eight layers, so that a random walk with k=1 changes an eighth of a child and
     * aligning every layer (Eq. 1) is not distillation on the final layer; half the candidates mix
     * tokens and half do not, as in {@code rank-cpu}, so children separate beyond seed noise.
     */
    RANK8_CPU("rank8-cpu", 64, 8, 64,
            List.of(OperatorSpec.mha(4, 64), OperatorSpec.conv(3), OperatorSpec.ffn("FFN", 256), OperatorSpec.ffn("FFN32", 32))),
    /** The benchmark space: E=256, N=8, {MHA4 (d=256), FFN (1024), CONV3, CONV5}. */
    SMALL("small", 256, 8, 256,
            List.of(OperatorSpec.mha(4, 256), OperatorSpec.ffn("FFN", 1024), OperatorSpec.conv(3), OperatorSpec.conv(5))),
    /**
     * Section 5.5 of the paper, the ProxylessNAS mobile space for 224 x 224 ImageNet: stem 32 (stride
     * 2), a fixed block to 16, 21 searchable layers in stages 24x4/2, 40x4/2, 80x4/2, 96x4/1, 192x4/2,
     * 320x1/1, head 1280; candidates MB{3,5,7} x {3,6} and zero-out.
     */
    MOBILENET("mobilenet", new ImageLayout(3, 224, 32, 2, 16, List.of(new ImageLayout.Stage(24, 4, 2), new ImageLayout.Stage(40, 4, 2),
            new ImageLayout.Stage(80, 4, 2), new ImageLayout.Stage(96, 4, 1), new ImageLayout.Stage(192, 4, 2),
            new ImageLayout.Stage(320, 1, 1)), 1280)),
    /**
     * The mobile space at CPU scale for 28 x 28 grey images (Fashion-MNIST): stem 16 (stride 2, to 14 x
     * 14), a fixed block to 8, 7 searchable layers in stages 16x2/1, 24x3/2, 32x2/1, head 128; the same
     * candidates.
     */
    MOBILENET_CPU("mobilenet-cpu", new ImageLayout(1, 28, 16, 2, 8, List.of(new ImageLayout.Stage(16, 2, 1), new ImageLayout.Stage(24, 3, 2),
            new ImageLayout.Stage(32, 2, 1)), 128));

    private final String id;
    private final SearchSpace space;

    Preset(String id, int hidden, int layers, int embeddingDim, List<OperatorSpec> candidates) {
        this.id = id;
        this.space = new SearchSpace(id, hidden, layers, embeddingDim, candidates);
    }

    Preset(String id, ImageLayout layout) {
        this.id = id;
        this.space = SearchSpace.image(id, layout, mobileCandidates());
    }

    // An enum constant's constructor cannot read a static field of its own enum.
    private static List<OperatorSpec> mobileCandidates() {
        return List.of(OperatorSpec.mb(3, 3), OperatorSpec.mb(3, 6), OperatorSpec.mb(5, 3), OperatorSpec.mb(5, 6), OperatorSpec.mb(7, 3),
                OperatorSpec.mb(7, 6), OperatorSpec.zero());
    }

    /**
     * The preset's name on the command line.
     *
     * @return the name, e.g. {@code paper-analysis}
     */
    public String id() {
        return id;
    }

    /**
     * The preset's space.
     *
     * @return the space
     */
    public SearchSpace space() {
        return space;
    }

    /**
     * Finds a preset by name.
     *
     * @param name the name, e.g. {@code tiny}
     * @return the preset
     * @throws IllegalArgumentException naming the value and the allowed names
     */
    public static Preset of(String name) {
        for (Preset p : values()) {
            if (p.id.equals(name.toLowerCase(Locale.ROOT))) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown space preset '" + name + "', allowed: "
                + Arrays.stream(values()).map(Preset::id).collect(Collectors.joining(", ")));
    }
}
