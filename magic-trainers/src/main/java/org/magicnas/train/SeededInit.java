package org.magicnas.train;

import ai.djl.engine.Engine;
import java.util.function.Supplier;

/**
 * Draws initial weights from the engine's global generator under a process-wide lock: seeding the
 * generator and drawing from it happen together, so jobs that run side by side in one JVM (threads of
 * a Spark executor, or of {@code local[N]}) get the same weights as when they run alone.
 */
public final class SeededInit {
    private static final Object LOCK = new Object();

    private SeededInit() {}

    /**
     * Seeds the engine's generator and runs the initialisation, with no other seeded initialisation
     * of this JVM in between.
     *
     * @param seed the generator's seed
     * @param init creates and initialises the parameters
     * @param <T> what it returns
     * @return what {@code init} returns
     */
    public static <T> T draw(int seed, Supplier<T> init) {
        synchronized (LOCK) {
            Engine.getInstance().setRandomSeed(seed);
            return init.get();
        }
    }

    /**
     * Runs draws that must follow each other with no other draw of this JVM in between: seeded ones
     * ({@link #draw}: the lock is reentrant) and those that continue from the generator's state after them.
     *
     * @param draws creates and initialises the parameters
     * @param <T> what it returns
     * @return what {@code draws} returns
     */
    public static <T> T together(Supplier<T> draws) {
        synchronized (LOCK) {
            return draws.get();
        }
    }
}
