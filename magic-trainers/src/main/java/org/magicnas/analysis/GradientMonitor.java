package org.magicnas.analysis;

import java.util.ArrayList;
import java.util.List;
import org.magicnas.run.CsvLog;
import org.magicnas.space.Architecture;
import org.magicnas.train.StepRecord;
import org.magicnas.train.TrainingListener;

/**
 * The online form of the interference probe: every X steps of super-net training, the cosine
 * similarity between the gradients that the previous and the current child send to the operators
 * they share (the layers where both chose the same candidate), on one fixed probe batch, at the
 * current weights, without dropout. Rows: step, operators changed by the step, shared operators and
 * the cosine (NaN when the two children share no operator). The probe changes neither the weights
 * nor any random state, so a monitored run trains exactly as an unmonitored one; after a resume the
 * first monitored step needs one step of history, so a row falling on the resumed step is skipped.
 */
public final class GradientMonitor implements TrainingListener {
    /** The columns of the log. */
    public static final List<String> COLUMNS = List.of("step", "changed", "shared_operators", "cosine");

    private final GradientProbe probe;
    private final int every;
    private final CsvLog log;
    private Architecture previous;

    /**
     * Creates a monitor.
     *
     * @param probe the gradient source (the trained super-net and the probe batch)
     * @param every steps between observations, at least 1
     * @param log where rows go, with {@link #COLUMNS}
     */
    public GradientMonitor(GradientProbe probe, int every, CsvLog log) {
        if (every < 1) {
            throw new IllegalArgumentException("monitor interval must be >= 1 step, got " + every);
        }
        this.probe = probe;
        this.every = every;
        this.log = log;
    }

    @Override
    public void onStep(StepRecord r) {
        if (previous != null && (r.step() + 1) % every == 0) {
            int[] shared = sharedLayers(previous, r.child());
            double cos = shared.length == 0 ? Double.NaN : GradientProbe.cosine(probe.gradient(previous, shared), probe.gradient(r.child(), shared));
            log.row(r.step(), r.changed(), shared.length, cos);
            log.flush();
        }
        previous = r.child();
    }

    /**
     * The layers in which two children choose the same candidate.
     *
     * @param a a child
     * @param b a child of the same space
     * @return the layers, ascending, from 0
     */
    static int[] sharedLayers(Architecture a, Architecture b) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < a.space().layers(); i++) {
            if (a.choice(i) == b.choice(i)) {
                out.add(i);
            }
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }
}
