package io.audiencehub.audience;

import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/** The member keys of erased visitors, which the writer never adds to an audience again. */
@Component
class SuppressedKeys {

    private final Set<Long> keys = ConcurrentHashMap.newKeySet();
    private final ErasureRepository erasures;

    SuppressedKeys(ErasureRepository erasures) {
        this.erasures = erasures;
    }

    /** Reads them from the database, as a new writer does. */
    void load() {
        Set<Long> stored = new HashSet<>(erasures.suppressedKeys());
        keys.retainAll(stored);
        keys.addAll(stored);
    }

    boolean contains(long key) {
        return keys.contains(key);
    }

    void add(long key) {
        keys.add(key);
    }

    void remove(long key) {
        keys.remove(key);
    }
}
