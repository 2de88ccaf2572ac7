package io.audiencehub.base;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.audiencehub.IntegrationTest;
import java.io.IOException;
import java.net.ConnectException;
import java.net.Socket;
import org.junit.jupiter.api.Test;

/** The embedded demo signs in admin/admin, so it answers this machine only unless told otherwise. */
class DemoAddressTest extends IntegrationTest {

    @Test
    void theDemoListensOnTheLoopbackAddressOnly() throws IOException {
        try (Socket local = new Socket("127.0.0.1", port)) {
            assertThat(local.isConnected()).isTrue();
        }
        assertThatThrownBy(() -> new Socket("127.0.0.2", port).close())
                .as("another address of this machine, as another machine would reach it")
                .isInstanceOf(ConnectException.class);
    }
}
