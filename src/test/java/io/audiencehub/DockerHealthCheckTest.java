package io.audiencehub;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The image's HEALTHCHECK as Docker runs it, a shell-form command under {@code /bin/sh -c}, which is dash
 * in the image: healthy against a running hub, unhealthy when nothing answers. No Docker engine runs
 * here, so the line is read from docker/Dockerfile and run under this machine's dash.
 */
class DockerHealthCheckTest extends IntegrationTest {

    private static final Path DASH = Path.of("/bin/dash");

    @Test
    void theHealthCheckPassesUnderDashAgainstARunningHubAndFailsWithoutOne() throws Exception {
        String command = healthCheckCommand();
        assertThat(command).as("shell form, run by the image's sh").doesNotStartWith("[").contains("127.0.0.1:8080");
        assertThat(DASH).as("dash, the image's sh").exists();

        assertThat(runUnderDash(command.replace("127.0.0.1:8080", "127.0.0.1:" + port))).as("a ready hub").isZero();
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        assertThat(runUnderDash(command.replace("127.0.0.1:8080", "127.0.0.1:" + closed))).as("no hub").isNotZero();
    }

    /** The command of docker/Dockerfile's HEALTHCHECK, its continuation lines joined. */
    private static String healthCheckCommand() throws IOException {
        String dockerfile = Files.readString(Path.of("docker/Dockerfile")).replace("\\\n", " ");
        String line = dockerfile.lines().filter(candidate -> candidate.startsWith("HEALTHCHECK")).findFirst()
                .orElseThrow(() -> new AssertionError("docker/Dockerfile has no HEALTHCHECK"));
        return line.substring(line.indexOf(" CMD ") + " CMD ".length()).strip();
    }

    private static int runUnderDash(String command) throws IOException, InterruptedException {
        Process check = new ProcessBuilder(DASH.toString(), "-c", command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertThat(check.waitFor(10, TimeUnit.SECONDS)).as("the check ends within Docker's timeout").isTrue();
        return check.exitValue();
    }
}
