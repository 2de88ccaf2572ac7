package io.audiencehub.sandbox.heap;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.Collection;
import java.util.List;

/** One page of a {@code segment.users.sync} delivery, field for field as ../shared/heap-segment-sync.md shows it. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
record SegmentSyncPayload(String idToken, String actionType, CustomerConfig customerConfig, Data data) {

    static SegmentSyncPayload page(String idToken, SandboxSegment segment, String task, int page, int pages,
                                   Collection<String> adds, Collection<String> removes) {
        return new SegmentSyncPayload(idToken, "segment.users.sync", new CustomerConfig(List.of()),
                new Data(new Segment(segment.id(), segment.name()), new SyncInfo(page, pages, task), members(adds),
                        members(removes)));
    }

    private static List<Member> members(Collection<String> ids) {
        return ids.stream().map(Member::new).toList();
    }

    record CustomerConfig(List<Object> fields) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Data(Segment segment, SyncInfo syncInfo, List<Member> add, List<Member> remove) {
    }

    record Segment(long id, String name) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record SyncInfo(int pageNumber, int totalPages, String syncTaskId) {
    }

    record Member(String id) {
    }
}
