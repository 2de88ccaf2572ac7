package io.audiencehub.segment.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.button.Button;
import io.audiencehub.segment.Criterion;
import io.audiencehub.segment.CriterionSamples;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every criterion type through the builder's form: its palette item, its draft, and its dialog, which
 * opened on a criterion gives back that criterion when OK is clicked. The EXTERNAL DATA dialog reads
 * audiences, so {@code SegmentBuilderViewTest} drives it against real ones.
 */
class EveryCriterionFormTest {

    @BeforeEach
    void ui() {
        MockVaadin.setup();
    }

    @AfterEach
    void tearDown() {
        MockVaadin.tearDown();
    }

    @Test
    void everyTypeHasItsOwnPaletteItem() {
        CriterionSamples.requireEveryType();
        assertThat(CriterionSamples.EVERY.stream().map(CriterionType::of).toList())
                .containsExactlyInAnyOrder(CriterionType.values());
    }

    @Test
    void everyTypeIsEditedAsADraftAndMadeAgainFromIt() {
        for (Criterion criterion : CriterionSamples.EVERY) {
            assertThat(CriterionDraft.of(criterion).toCriterion(CriterionType.of(criterion))).isEqualTo(criterion);
        }
    }

    @Test
    void everyDialogGivesBackTheCriterionItWasOpenedOn() {
        for (Criterion criterion : CriterionSamples.EVERY) {
            CriterionType type = CriterionType.of(criterion);
            if (type == CriterionType.EXTERNAL_AUDIENCE) {
                continue;
            }
            List<Criterion> accepted = new ArrayList<>();
            CriterionDialog dialog = new CriterionDialog(type, type.label, criterion, null, 0, accepted::add);
            dialog.open();
            _click(_get(Button.class, spec -> spec.withId("criterion-ok")));
            assertThat(accepted).as("the %s dialog", type).containsExactly(criterion);
            assertThat(dialog.isOpened()).isFalse();
        }
    }
}
