package io.audiencehub.audience;

import io.audiencehub.visitor.VisitorService;

/** Makes a visitor known to the registry and counted by the audiences at once, as the tag and a flush would. */
public final class KnownVisitors {

    private KnownVisitors() {
    }

    public static void see(VisitorService visitors, AudienceService audiences, String visitorId) {
        visitors.report(visitorId);
        visitors.flush();
        audiences.writeFirstSightings();
    }
}
