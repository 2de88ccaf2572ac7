package io.audiencehub.base;

import java.lang.management.ManagementFactory;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.stereotype.Component;

/**
 * This process among the hubs of a cluster, as its leases and the audience writer's term name it:
 * unique even for two hubs on one host, since a lease is extended by whoever it names.
 */
@Component
public class HubInstance {

    private final String name;

    public HubInstance() {
        byte[] nonce = new byte[4];
        ThreadLocalRandom.current().nextBytes(nonce);
        this.name = ManagementFactory.getRuntimeMXBean().getName() + "/" + HexFormat.of().formatHex(nonce);
    }

    /** pid@host/nonce */
    public String name() {
        return name;
    }
}
