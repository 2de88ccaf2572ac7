package io.audiencehub.segment;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.test.context.TestComponent;

/**
 * Something that targets a segment, as campaigns will: tests add one to see deletion refused.
 * Registered in every test context through {@link io.audiencehub.IntegrationTest}.
 */
@TestComponent
public class SegmentUsersForTests implements SegmentUsage {

    private static final Map<Long, String> USERS = new ConcurrentHashMap<>();

    static void add(long segmentId, String description) {
        USERS.put(segmentId, description);
    }

    @Override
    public List<String> usagesOf(long segmentId) {
        String user = USERS.get(segmentId);
        return user == null ? List.of() : List.of(user);
    }
}
