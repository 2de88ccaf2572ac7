package io.audiencehub.audience;

import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import io.audiencehub.visitor.VisitorSuppression;
import org.springframework.stereotype.Component;

/**
 * The member keys of erased visitors, which the writer never adds to an audience again and no hub
 * stores in the visitor registry again. Every hub holds them: the writer from its takeover on, the
 * others read them again every few seconds.
 */
@Component
class SuppressedKeys implements VisitorSuppression {

    private final Set<Long> keys = ConcurrentHashMap.newKeySet();
    private final ErasureRepository erasures;
    private final MemberKeys memberKeys;

    SuppressedKeys(ErasureRepository erasures, MemberKeys memberKeys) {
        this.erasures = erasures;
        this.memberKeys = memberKeys;
    }

    @Override
    public boolean isErased(String visitorId) {
        return !keys.isEmpty() && keys.contains(memberKeys.keyOf(visitorId));
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
