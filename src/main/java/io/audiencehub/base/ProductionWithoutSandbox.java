package io.audiencehub.base;

import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Production with the sandbox would publish the demo's webhook secret and OAuth credentials and
 * offer a fake Heap to whoever finds it: the hub refuses to start so.
 */
@Component
@Profile("prod & sandbox")
class ProductionWithoutSandbox {

    ProductionWithoutSandbox() {
        throw new StartupRefusedException("The prod profile was started with the sandbox profile, which plays Heap"
                + " with the demo's published credentials and webhook secret.",
                "Remove sandbox from SPRING_PROFILES_ACTIVE (production uses prod alone).");
    }
}
