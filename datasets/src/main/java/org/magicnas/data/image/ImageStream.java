package org.magicnas.data.image;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Decodes the images of a batch on demand, for folders too large to hold in memory: each request
 * names the images (indices into a fixed list of {@link ImageEntry entries}) and the epoch in which
 * each is read, and gets their {@link ImageTransform} outputs, concatenated in the order asked.
 *
 * <p><b>Determinism.</b> Image {@code i} read in epoch {@code e} is {@code transform.apply(decode(
 * entries[i]), seed, e, i)}: its crop and flip come from a generator seeded by (seed, epoch, index)
 * alone, so every epoch draws a fresh crop and flip, and a batch's values do not depend on the
 * number of threads, on scheduling or on what was prefetched.
 *
 * <p><b>Threads and memory.</b> Decoding runs on a fixed pool of {@code threads} daemon threads;
 * a batch is cut into one slice per thread. {@link #prefetch} starts a future batch in the
 * background; at most {@code prefetchBatches} of them are held (the oldest is cancelled when a new
 * one would exceed that), so besides the images being decoded the stream holds at most {@code
 * prefetchBatches + 1} batches of floats. Nothing is cached across requests: every epoch decodes
 * its images again.
 */
public final class ImageStream implements AutoCloseable {

    private static final AtomicInteger POOLS = new AtomicInteger();

    private final List<ImageEntry> entries;
    private final ImageTransform transform;
    private final long seed;
    private final int threads;
    private final int prefetchBatches;
    private final ExecutorService pool;
    private final Map<Request, Batch> pending = new LinkedHashMap<>();
    private int maxPending;

    /**
     * Creates a stream.
     *
     * @param entries the images (their index in this list is the index requests use)
     * @param transform how each image becomes floats
     * @param seed the seed of the random crops and flips
     * @param threads decoding threads, at least 1
     * @param prefetchBatches how many prefetched batches may be held, at least 0
     * @throws IllegalArgumentException if the list is empty or a count is out of range
     */
    public ImageStream(List<ImageEntry> entries, ImageTransform transform, long seed, int threads,
            int prefetchBatches) {
        if (entries.isEmpty()) {
            throw new IllegalArgumentException("an image stream needs at least one image");
        }
        if (threads < 1 || prefetchBatches < 0) {
            throw new IllegalArgumentException("threads " + threads + " and prefetch batches "
                    + prefetchBatches + ": expected threads >= 1 and prefetch batches >= 0");
        }
        this.entries = List.copyOf(entries);
        this.transform = transform;
        this.seed = seed;
        this.threads = threads;
        this.prefetchBatches = prefetchBatches;
        int id = POOLS.incrementAndGet();
        AtomicInteger count = new AtomicInteger();
        ThreadFactory factory = r -> {
            Thread t = new Thread(r, "image-decode-" + id + "-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        this.pool = Executors.newFixedThreadPool(threads, factory);
    }

    /**
     * Returns the number of images.
     *
     * @return the entry count
     */
    public int size() {
        return entries.size();
    }

    /**
     * Returns one image's entry.
     *
     * @param index the image
     * @return its file and class
     */
    public ImageEntry entry(int index) {
        return entries.get(index);
    }

    /**
     * Returns the transform.
     *
     * @return the transform every image goes through
     */
    public ImageTransform transform() {
        return transform;
    }

    /**
     * Returns the decoding threads.
     *
     * @return the pool size
     */
    public int threads() {
        return threads;
    }

    /**
     * Returns the most prefetched batches held.
     *
     * @return the bound
     */
    public int prefetchBatches() {
        return prefetchBatches;
    }

    /**
     * Starts decoding a batch in the background, unless it is already under way. When more than
     * {@link #prefetchBatches()} batches would then be held, the oldest is cancelled.
     *
     * @param indices the images, in batch order
     * @param epochs the epoch in which each is read
     * @throws IllegalArgumentException if the arrays differ in length or an index is out of range
     */
    public synchronized void prefetch(int[] indices, int[] epochs) {
        if (prefetchBatches == 0) {
            return;
        }
        Request request = Request.of(indices, epochs, entries.size());
        if (pending.containsKey(request)) {
            return;
        }
        while (pending.size() >= prefetchBatches) {
            Iterator<Batch> oldest = pending.values().iterator();
            oldest.next().cancel();
            oldest.remove();
        }
        pending.put(request, start(request));
        maxPending = Math.max(maxPending, pending.size());
    }

    /**
     * Returns the transformed images of a batch, decoding them now unless they were prefetched.
     *
     * @param indices the images, in batch order
     * @param epochs the epoch in which each is read
     * @return {@code indices.length * transform().outputLength()} values, image by image
     * @throws ImageDataException naming the file if an image cannot be decoded
     * @throws IllegalArgumentException if the arrays differ in length or an index is out of range
     */
    public float[] read(int[] indices, int[] epochs) {
        Request request = Request.of(indices, epochs, entries.size());
        Batch batch;
        synchronized (this) {
            batch = pending.remove(request);
        }
        if (batch == null) {
            batch = start(request);
        }
        try {
            return batch.all().join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw e;
        } catch (CancellationException e) {
            throw new IllegalStateException("a batch being read was cancelled", e);
        }
    }

    /**
     * Returns the most prefetched batches held at once so far (for tests of the memory bound).
     *
     * @return the high-water mark, at most {@link #prefetchBatches()}
     */
    public synchronized int maxPendingBatches() {
        return maxPending;
    }

    private Batch start(Request request) {
        int n = request.indices.length;
        int length = transform.outputLength();
        float[] out = new float[n * length];
        int slices = Math.min(threads, n);
        List<CompletableFuture<Void>> parts = new ArrayList<>(slices);
        for (int s = 0; s < slices; s++) {
            int from = (int) ((long) n * s / slices);
            int to = (int) ((long) n * (s + 1) / slices);
            parts.add(CompletableFuture.runAsync(() -> {
                for (int i = from; i < to; i++) {
                    int index = request.indices[i];
                    float[] image = transform.apply(ImageFolder.decode(entries.get(index).file()),
                            seed, request.epochs[i], index);
                    System.arraycopy(image, 0, out, i * length, length);
                }
            }, pool));
        }
        return new Batch(CompletableFuture.allOf(parts.toArray(CompletableFuture[]::new))
                .thenApply(v -> out), parts);
    }

    /** A batch under way: its result and its slices (a cancelled slice that has not started never runs). */
    private record Batch(CompletableFuture<float[]> all, List<CompletableFuture<Void>> parts) {
        void cancel() {
            parts.forEach(p -> p.cancel(false));
            all.cancel(false);
        }
    }

    /** Stops the decoding threads; pending batches are dropped. */
    @Override
    public synchronized void close() {
        pending.values().forEach(Batch::cancel);
        pending.clear();
        pool.shutdownNow();
    }

    @Override
    public String toString() {
        return "ImageStream(" + entries.size() + " images, " + transform + ", " + threads
                + " threads, " + prefetchBatches + " batches ahead)";
    }

    /** A batch: images and epochs, compared by content. */
    private record Request(int[] indices, int[] epochs) {
        static Request of(int[] indices, int[] epochs, int size) {
            if (indices.length != epochs.length) {
                throw new IllegalArgumentException(indices.length + " indices but " + epochs.length
                        + " epochs: expected one epoch per image");
            }
            for (int i : indices) {
                if (i < 0 || i >= size) {
                    throw new IllegalArgumentException("image index " + i + " outside [0, " + size
                            + ")");
                }
            }
            return new Request(indices.clone(), epochs.clone());
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Request r && Arrays.equals(indices, r.indices)
                    && Arrays.equals(epochs, r.epochs);
        }

        @Override
        public int hashCode() {
            return 31 * Arrays.hashCode(indices) + Arrays.hashCode(epochs);
        }

        @Override
        public String toString() {
            return "Request(" + indices.length + " images)";
        }
    }
}
