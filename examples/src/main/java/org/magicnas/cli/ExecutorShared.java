package org.magicnas.cli;

import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the tasks of one executor JVM share, by key (a command line and the like): built by the first
 * task that needs it while the others wait (reading data is the slow part), then kept for the JVM's
 * lifetime; or offered by the driver, whose JVM is the executor in Spark's local mode.
 *
 * @param <T> what is shared (read-only data, opened once)
 */
final class ExecutorShared<T> {
    private final Map<Object, T> open = new ConcurrentHashMap<>();

    /**
     * The shared value of a key, built if there is none.
     *
     * @param key the key
     * @param build builds it
     * @return the value
     * @throws Exception if building fails
     */
    synchronized T get(Object key, Callable<T> build) throws Exception {
        T value = open.get(key);
        if (value == null) {
            value = build.call();
            open.put(key, value);
        }
        return value;
    }

    /**
     * Offers the driver's own value to the tasks in its JVM.
     *
     * @param key the key
     * @param value the value
     */
    void share(Object key, T value) {
        open.put(key, value);
    }

    /**
     * Withdraws an offered value (the driver closes it).
     *
     * @param key the key
     */
    void unshare(Object key) {
        open.remove(key);
    }
}
