package org.magicnas.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeSet;
import java.util.logging.Logger;

/**
 * Trains a WordPiece vocabulary the way HuggingFace's {@code WordPieceTrainer} does: BPE merges
 * over words split into characters, with {@code ##} on every non-initial character.
 *
 * <p>Words come from {@link BertPreTokenizer}. The vocabulary starts with the {@link
 * SpecialTokens} and the alphabet (every initial character and every {@code ##}-prefixed
 * non-initial character seen, sorted), then repeatedly merges the most frequent adjacent pair of
 * symbols (ties broken by the left then the right token string, lexicographically) until it has
 * {@code vocabSize} tokens, no pair is left, or the best pair occurs fewer than {@code
 * minFrequency} times.
 *
 * <p>Training is incremental: a merge only revisits the words that contain the merged pair, and
 * the priority queue is invalidated lazily (an entry whose count is stale is re-queued with the
 * current count when it surfaces).
 */
public final class WordPieceTrainer {

    private static final Logger LOG = Logger.getLogger(WordPieceTrainer.class.getName());

    private final List<String> tokens = new ArrayList<>();
    private final Map<String, Integer> tokenIds = new HashMap<>();
    private final Map<Long, PairStats> pairs = new HashMap<>();
    private final PriorityQueue<Candidate> queue = new PriorityQueue<>(this::compare);
    private final long[] wordCounts;
    private final int[][] words;
    private final int[] seenAtMerge;

    private WordPieceTrainer(WordCounts counts) {
        this.wordCounts = counts.counts();
        this.words = new int[counts.words().size()][];
        this.seenAtMerge = new int[words.length];
        Arrays.fill(seenAtMerge, -1);
        for (String special : SpecialTokens.ALL) {
            addToken(special);
        }
        List<String[]> split = new ArrayList<>(words.length);
        Set<String> alphabet = new TreeSet<>();
        for (String word : counts.words()) {
            String[] units = units(word);
            alphabet.addAll(Arrays.asList(units));
            split.add(units);
        }
        for (String unit : alphabet) {
            addToken(unit);
        }
        for (int w = 0; w < words.length; w++) {
            String[] units = split.get(w);
            int[] symbols = new int[units.length];
            for (int i = 0; i < units.length; i++) {
                symbols[i] = tokenIds.get(units[i]);
            }
            words[w] = symbols;
        }
    }

    /**
     * Trains a vocabulary.
     *
     * @param texts the training texts (sentences or documents); iterated once
     * @param vocabSize the target vocabulary size, special tokens included
     * @param minFrequency the minimum count of a pair for it to be merged (0 or 1 merge any pair)
     * @return the vocabulary; smaller than {@code vocabSize} only if the merges ran out
     * @throws IllegalArgumentException if {@code vocabSize} is below the number of special tokens
     *     plus the alphabet size, or {@code minFrequency} is negative
     */
    public static Vocabulary train(Iterable<String> texts, int vocabSize, int minFrequency) {
        int specials = SpecialTokens.ALL.size();
        if (vocabSize < specials) {
            throw new IllegalArgumentException(
                    "vocabSize " + vocabSize + " is below the minimum " + specials
                            + " (the number of special tokens)");
        }
        if (minFrequency < 0) {
            throw new IllegalArgumentException(
                    "minFrequency " + minFrequency + " is below the minimum 0");
        }
        long start = System.nanoTime();
        WordCounts counts = WordCounts.count(texts);
        WordPieceTrainer trainer = new WordPieceTrainer(counts);
        int minimum = trainer.tokens.size();
        if (vocabSize < minimum) {
            throw new IllegalArgumentException(
                    "vocabSize " + vocabSize + " is below the minimum " + minimum + " ("
                            + specials + " special tokens + " + (minimum - specials)
                            + " alphabet symbols)");
        }
        int merges = trainer.run(vocabSize, Math.max(1, minFrequency));
        Vocabulary vocabulary = new Vocabulary(trainer.tokens);
        double seconds = (System.nanoTime() - start) / 1e9;
        LOG.info(() -> String.format(Locale.ROOT, 
                "Trained WordPiece: %d words (%d distinct), alphabet %d, %d merges, vocabulary %d"
                        + " in %.2f s",
                counts.total(), counts.words().size(), minimum - specials, merges,
                vocabulary.size(), seconds));
        if (vocabulary.size() < vocabSize) {
            LOG.warning(() -> "WordPiece vocabulary has " + vocabulary.size()
                    + " tokens, fewer than the requested " + vocabSize
                    + ": no pair with frequency >= " + Math.max(1, minFrequency) + " was left");
        }
        return vocabulary;
    }

    /** Splits a word into its initial character and {@code ##}-prefixed other characters. */
    private static String[] units(String word) {
        int[] cps = word.codePoints().toArray();
        String[] units = new String[cps.length];
        for (int i = 0; i < cps.length; i++) {
            String ch = new String(Character.toChars(cps[i]));
            units[i] = i == 0 ? ch : Vocabulary.CONTINUATION_PREFIX + ch;
        }
        return units;
    }

    private int run(int vocabSize, int minFrequency) {
        for (int w = 0; w < words.length; w++) {
            int[] symbols = words[w];
            for (int i = 0; i + 1 < symbols.length; i++) {
                pairStats(symbols[i], symbols[i + 1]).add(wordCounts[w], w);
            }
        }
        for (Map.Entry<Long, PairStats> entry : pairs.entrySet()) {
            long key = entry.getKey();
            queue.add(new Candidate(entry.getValue().count, left(key), right(key)));
        }
        int merge = 0;
        while (tokens.size() < vocabSize && !queue.isEmpty()) {
            Candidate top = queue.poll();
            long key = key(top.left, top.right);
            PairStats stats = pairs.get(key);
            long current = stats == null ? 0 : stats.count;
            if (current != top.count) {
                if (current > 0 && current < top.count) {
                    queue.add(new Candidate(current, top.left, top.right));
                }
                continue;
            }
            if (current < minFrequency) {
                break;
            }
            applyMerge(merge, top.left, top.right, stats);
            merge++;
        }
        return merge;
    }

    private void applyMerge(int merge, int left, int right, PairStats stats) {
        String merged = tokens.get(left)
                + tokens.get(right).substring(Vocabulary.CONTINUATION_PREFIX.length());
        Integer existing = tokenIds.get(merged);
        int id = existing != null ? existing : addToken(merged);
        long mergedKey = key(left, right);
        pairs.remove(mergedKey);
        Set<Long> created = new LinkedHashSet<>();
        for (int n = 0; n < stats.wordCount; n++) {
            int w = stats.words[n];
            if (seenAtMerge[w] == merge) {
                continue;
            }
            seenAtMerge[w] = merge;
            int[] before = words[w];
            int[] after = replace(before, left, right, id);
            if (after == null) {
                continue;
            }
            long count = wordCounts[w];
            for (int i = 0; i + 1 < before.length; i++) {
                long k = key(before[i], before[i + 1]);
                if (k != mergedKey) {
                    pairs.get(k).count -= count;
                }
            }
            for (int i = 0; i + 1 < after.length; i++) {
                PairStats target = pairStats(after[i], after[i + 1]);
                if (after[i] == id || after[i + 1] == id) {
                    target.add(count, w);
                    created.add(key(after[i], after[i + 1]));
                } else {
                    target.count += count;
                }
            }
            words[w] = after;
        }
        for (long k : created) {
            queue.add(new Candidate(pairs.get(k).count, left(k), right(k)));
        }
    }

    /** Returns the symbols with every non-overlapping (left, right) replaced, or null if none. */
    private static int[] replace(int[] symbols, int left, int right, int id) {
        int[] out = null;
        int length = 0;
        for (int i = 0; i < symbols.length; i++) {
            if (i + 1 < symbols.length && symbols[i] == left && symbols[i + 1] == right) {
                if (out == null) {
                    out = new int[symbols.length - 1];
                    System.arraycopy(symbols, 0, out, 0, i);
                    length = i;
                }
                out[length++] = id;
                i++;
            } else if (out != null) {
                out[length++] = symbols[i];
            }
        }
        return out == null ? null : Arrays.copyOf(out, length);
    }

    private int addToken(String token) {
        int id = tokens.size();
        tokens.add(token);
        tokenIds.put(token, id);
        return id;
    }

    private PairStats pairStats(int left, int right) {
        return pairs.computeIfAbsent(key(left, right), k -> new PairStats());
    }

    private int compare(Candidate a, Candidate b) {
        int byCount = Long.compare(b.count, a.count);
        if (byCount != 0) {
            return byCount;
        }
        int byLeft = tokens.get(a.left).compareTo(tokens.get(b.left));
        return byLeft != 0 ? byLeft : tokens.get(a.right).compareTo(tokens.get(b.right));
    }

    private static long key(int left, int right) {
        return ((long) left << 32) | (right & 0xFFFFFFFFL);
    }

    private static int left(long key) {
        return (int) (key >>> 32);
    }

    private static int right(long key) {
        return (int) key;
    }

    /** A queued merge candidate; {@code count} may be stale. */
    private record Candidate(long count, int left, int right) {}

    /** The current count of a pair and a superset of the words that contain it. */
    private static final class PairStats {
        long count;
        int[] words = new int[2];
        int wordCount;

        void add(long occurrences, int word) {
            count += occurrences;
            if (wordCount == 0 || words[wordCount - 1] != word) {
                if (wordCount == words.length) {
                    words = Arrays.copyOf(words, wordCount * 2);
                }
                words[wordCount++] = word;
            }
        }
    }
}
