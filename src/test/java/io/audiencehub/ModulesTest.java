package io.audiencehub;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
        boolean write = Boolean.getBoolean("modules.write-docs");
        Path folder = write ? DOCS : Path.of("target", "modules-docs");
        FileSystemUtils.deleteRecursively(folder);
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder(folder.toString()))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml()
                .writeModuleCanvases();
        if (write) {
            return;
        }
        for (Path generated : files(folder)) {
            Path committed = DOCS.resolve(folder.relativize(generated));
            assertThat(committed).as("docs/modules is out of date: run ./mvnw test -Dtest=ModulesTest"
                    + " -Dmodules.write-docs=true and commit what it writes").exists();
            // the Documenter writes relations in no fixed order: compare the lines, not their order
            assertThat(Files.readAllLines(committed)).as("docs/modules/%s is out of date: run ./mvnw test"
                    + " -Dtest=ModulesTest -Dmodules.write-docs=true and commit what it writes",
                    folder.relativize(generated)).containsExactlyInAnyOrderElementsOf(Files.readAllLines(generated));
        }
        assertThat(files(DOCS)).as("docs/modules holds files the model no longer makes").hasSameSizeAs(files(folder));
    }

    private static List<Path> files(Path folder) throws IOException {
        try (Stream<Path> paths = Files.walk(folder)) {
            return paths.filter(Files::isRegularFile).sorted().toList();
        }
    }
}
