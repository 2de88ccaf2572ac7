package io.audiencehub.base;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * The embedded demo (admin/admin, the sandbox's published webhook secret) listens on 127.0.0.1 unless
 * the operator names an address; it says so at start, and how to change it.
 */
@Component
@Profile("default")
class DemoAddressNotice implements ApplicationListener<WebServerInitializedEvent> {

    private static final Logger log = LoggerFactory.getLogger(DemoAddressNotice.class);

    private final String address;

    DemoAddressNotice(@Value("${server.address:}") String address) {
        this.address = address;
    }

    @Override
    public void onApplicationEvent(WebServerInitializedEvent event) {
        if ("127.0.0.1".equals(address)) {
            log.warn("The demo listens on http://127.0.0.1:{} only, since it signs in admin/admin: set SERVER_ADDRESS"
                    + " (e.g. 0.0.0.0) to let other machines reach it.", event.getWebServer().getPort());
        } else {
            log.warn("The demo, which signs in admin/admin, listens on {}:{} (SERVER_ADDRESS).",
                    address.isEmpty() ? "every interface" : address, event.getWebServer().getPort());
        }
    }
}
