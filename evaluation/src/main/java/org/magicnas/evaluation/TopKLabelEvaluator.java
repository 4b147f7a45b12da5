package org.magicnas.evaluation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.tribuo.Model;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.evaluation.LabelMetric;
import org.tribuo.evaluation.AbstractEvaluator;
import org.tribuo.evaluation.metrics.MetricID;
import org.tribuo.provenance.EvaluationProvenance;

/**
 * Evaluates a {@link Label} model with top-k error ({@link TopKError}), top-1 and top-5 by
 * default as in ImageNet reporting.
 *
 * <p>Every prediction must carry per-label scores ({@link Prediction#getOutputScores()}), else
 * evaluation throws {@link IllegalArgumentException}. Like every Tribuo label evaluator it rejects
 * examples whose true label is unknown ({@code LabelFactory.UNKNOWN_LABEL}).
 */
public final class TopKLabelEvaluator
        extends AbstractEvaluator<Label, LabelMetric.Context, TopKLabelEvaluation, LabelMetric> {

    /** The default ks, top-1 and top-5. */
    private static final int[] DEFAULT_KS = {1, 5};

    private final List<Integer> ks;

    /** Creates an evaluator of top-1 and top-5 error. */
    public TopKLabelEvaluator() {
        this(DEFAULT_KS);
    }

    /**
     * Creates an evaluator of top-k error for each of the given ks.
     *
     * @param ks the ks, positive and distinct, at least one
     * @throws IllegalArgumentException if ks is empty, or a k is not positive or repeated
     */
    public TopKLabelEvaluator(int... ks) {
        Objects.requireNonNull(ks, "ks");
        if (ks.length == 0) {
            throw new IllegalArgumentException("top-k evaluation needs at least one k");
        }
        Set<Integer> sorted = new TreeSet<>();
        for (int k : ks) {
            if (k <= 0) {
                throw new IllegalArgumentException("k must be positive, got " + k);
            }
            if (!sorted.add(k)) {
                throw new IllegalArgumentException(
                        "k " + k + " is repeated in " + Arrays.toString(ks));
            }
        }
        this.ks = Collections.unmodifiableList(new ArrayList<>(sorted));
    }

    /**
     * Returns the evaluated ks.
     *
     * @return the ks in ascending order
     */
    public List<Integer> ks() {
        return ks;
    }

    @Override
    protected Set<LabelMetric> createMetrics(Model<Label> model) {
        Set<LabelMetric> metrics = new HashSet<>();
        for (int k : ks) {
            metrics.add(TopKError.forK(k));
        }
        return metrics;
    }

    @Override
    protected LabelMetric.Context createContext(
            Model<Label> model, List<Prediction<Label>> predictions) {
        LabelMetric.Context context = new LabelMetric.Context(model, predictions);
        for (int i = 0; i < predictions.size(); i++) {
            if (predictions.get(i).getOutputScores().isEmpty()) {
                throw new IllegalArgumentException("top-k error needs per-label scores, but"
                        + " prediction " + i + " has none (model "
                        + model.getProvenance().getClassName() + ")");
            }
        }
        return context;
    }

    @Override
    protected TopKLabelEvaluation createEvaluation(LabelMetric.Context context,
            Map<MetricID<Label>, Double> results, EvaluationProvenance provenance) {
        return new TopKLabelEvaluation(ks, results, context, provenance);
    }

    @Override
    public String toString() {
        return "TopKLabelEvaluator(ks=" + ks + ")";
    }
}
