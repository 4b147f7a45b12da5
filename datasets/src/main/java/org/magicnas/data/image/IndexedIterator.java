package org.magicnas.data.image;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.function.IntFunction;

/** An iterator over items 0..size-1 of an indexed source, each built on demand. */
final class IndexedIterator {
    private IndexedIterator() {}

    /**
     * Iterates over {@code at(0) .. at(size - 1)}.
     *
     * @param size the item count
     * @param at builds an item
     * @param <T> the item type
     * @return a new iterator
     */
    static <T> Iterator<T> over(int size, IntFunction<T> at) {
        return new Iterator<>() {
            private int next = 0;

            @Override
            public boolean hasNext() {
                return next < size;
            }

            @Override
            public T next() {
                if (next >= size) {
                    throw new NoSuchElementException();
                }
                return at.apply(next++);
            }
        };
    }
}
