package io.audiencehub;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;
import org.springframework.util.FileSystemUtils;

/**
 * The features as Spring Modulith sees them: each top-level package under {@code io.audiencehub} is a
 * module that others may use only through the types at its root (and {@code base.ui}, which
 * {@code package-info} names as an interface). {@code docs/modules} is generated from the same model;
 * this test fails when it is out of date and says how to write it anew.
 */
class ModulesTest {

    static final ApplicationModules MODULES = ApplicationModules.of(Application.class);
    private static final Path DOCS = Path.of("docs", "modules");

    @Test
    void featuresUseEachOtherOnlyThroughWhatTheyExpose() {
        MODULES.verify();
    }

    @Test
    void theModuleDocumentationInDocsIsUpToDate() throws IOException {
        Path generated = Path.of("target", "modules-docs");
        FileSystemUtils.deleteRecursively(generated);
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder(generated.toString()))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml()
                .writeModuleCanvases();
        boolean write = Boolean.getBoolean("modules.write-docs");
        for (Path file : files(generated)) {
            Path committed = DOCS.resolve(generated.relativize(file));
            // the Documenter writes relations in no fixed order: compare the lines, not their order
            boolean current = Files.exists(committed) && sameLines(committed, file);
            if (write && !current) {
                Files.createDirectories(committed.getParent());
                Files.copy(file, committed, StandardCopyOption.REPLACE_EXISTING);
            } else if (!write) {
                assertThat(current).as("docs/modules/%s is out of date: run ./mvnw test -Dtest=ModulesTest"
                        + " -Dmodules.write-docs=true and commit what it writes", generated.relativize(file)).isTrue();
            }
        }
        assertThat(files(DOCS)).as("docs/modules holds files the model no longer makes").hasSameSizeAs(files(generated));
    }

    private static boolean sameLines(Path one, Path other) throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(one));
        List<String> otherLines = new ArrayList<>(Files.readAllLines(other));
        Collections.sort(lines);
        Collections.sort(otherLines);
        return lines.equals(otherLines);
    }

    private static List<Path> files(Path folder) throws IOException {
        try (Stream<Path> paths = Files.walk(folder)) {
            return paths.filter(Files::isRegularFile).sorted().toList();
        }
    }
}
