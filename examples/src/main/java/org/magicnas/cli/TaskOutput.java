package org.magicnas.cli;

import java.io.Serializable;
import java.util.TreeMap;

/**
 * What a {@link ClusterTask} sends back to the driver.
 *
 * @param summary its progress summary (a loss, a child, a time)
 * @param files the files it wrote, by name relative to its scratch directory ({@code /}-separated)
 * @param seconds its wall time on the executor
 */
public record TaskOutput(String summary, TreeMap<String, byte[]> files, double seconds) implements Serializable {
    private static final long serialVersionUID = 1L;
}
