package io.audiencehub.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** scripts/backup.sh and scripts/restore.sh run as an operator runs them, with the hub's settings in the environment. */
final class DatabaseScripts {

    private DatabaseScripts() {
    }

    static void backup(Map<String, String> hubSettings, Path file) {
        run("scripts/backup.sh", hubSettings, file);
    }

    static void restore(Map<String, String> hubSettings, Path file) {
        run("scripts/restore.sh", hubSettings, file);
    }

    /** The script's output, whatever its exit status. */
    static Result run(String script, Map<String, String> hubSettings, Path file, boolean mustSucceed) {
        ProcessBuilder process = new ProcessBuilder(List.of("bash", script, file.toString())).redirectErrorStream(true);
        Map<String, String> environment = process.environment();
        environment.keySet().removeIf(name -> name.startsWith("AUDIENCEHUB_") || name.startsWith("MYSQL"));
        environment.putAll(hubSettings);
        try {
            Process running = process.start();
            String output = new String(running.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(running.waitFor(120, TimeUnit.SECONDS)).as(script + " ends").isTrue();
            Result result = new Result(running.exitValue(), output);
            if (mustSucceed) {
                assertThat(result.status()).as(script + " says: " + output).isZero();
            }
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static void run(String script, Map<String, String> hubSettings, Path file) {
        run(script, hubSettings, file, true);
    }

    record Result(int status, String output) {
    }
}
