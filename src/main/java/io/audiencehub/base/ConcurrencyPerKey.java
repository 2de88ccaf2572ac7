package io.audiencehub.base;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * How many of something one key (a client address) holds at once, at most {@code max}: a key's count
 * exists only while it holds one, so the map is as large as the number of keys holding something now.
 */
public final class ConcurrencyPerKey {

    private final int max;
    private final Map<String, AtomicInteger> held = new ConcurrentHashMap<>();

    public ConcurrencyPerKey(int max) {
        this.max = max;
    }

    /** Takes one for {@code key}; false, taking nothing, when it holds {@code max} already. */
    public boolean tryAcquire(String key) {
        AtomicInteger count = held.compute(key, (k, current) -> {
            AtomicInteger counter = current == null ? new AtomicInteger() : current;
            counter.incrementAndGet();
            return counter;
        });
        if (count.get() > max) {
            release(key);
            return false;
        }
        return true;
    }

    /** Gives back one that {@link #tryAcquire} took. */
    public void release(String key) {
        held.computeIfPresent(key, (k, counter) -> counter.decrementAndGet() == 0 ? null : counter);
    }
}
