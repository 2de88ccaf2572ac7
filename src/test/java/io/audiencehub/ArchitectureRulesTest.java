package io.audiencehub;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import io.audiencehub.base.BackgroundLoop;
import io.audiencehub.base.fixture.ShellThatUsesAFeature;
import org.junit.jupiter.api.Test;

/** The structure rules catch what they are there for, on classes made to break them. */
class ArchitectureRulesTest {

    @Test
    void theShellUsingAnyFeatureBreaksTheRule() {
        var violating = new ClassFileImporter().importClasses(ShellThatUsesAFeature.class);
        assertThat(ArchitectureTest.theShellDependsOnNoFeature.evaluate(violating).hasViolation()).isTrue();
        assertThat(ArchitectureTest.theShellDependsOnNoFeature.evaluate(
                new ClassFileImporter().importClasses(BackgroundLoop.class)).hasViolation()).isFalse();
    }
}
