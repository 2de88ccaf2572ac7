package io.audiencehub.audience.ui;

import static com.github.mvysny.kaributesting.v10.GridKt._findAll;
import static com.github.mvysny.kaributesting.v10.GridKt._getCellComponent;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.textfield.TextField;
import io.audiencehub.KaribuTest;
import io.audiencehub.audience.ErasureAuditEntry;
import io.audiencehub.audience.Suppression;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** An admin erases a visitor by its id, sees only its member key listed and audited, and lifts it. */
class ErasureViewTest extends KaribuTest {

    @Test
    void anAdminErasesAVisitorAndLiftsItsSuppression() {
        login("admin", "ADMIN");
        UI.getCurrent().navigate(ErasureView.class);
        String visitorId = "view-erased-" + UUID.randomUUID().toString().substring(0, 8);

        _setValue(_get(TextField.class, spec -> spec.withId("erasure-visitor-id")), "x".repeat(257));
        _click(_get(Button.class, spec -> spec.withId("erase-visitor")));
        ConfirmDialogKt._fireConfirm(_get(ConfirmDialog.class));
        TextField field = _get(TextField.class, spec -> spec.withId("erasure-visitor-id"));
        assertThat(field.isInvalid()).isTrue();
        assertThat(field.getErrorMessage()).contains("visitorId");

        _setValue(field, visitorId);
        _click(_get(Button.class, spec -> spec.withId("erase-visitor")));
        ConfirmDialogKt._fireConfirm(_get(ConfirmDialog.class));

        Suppression listed = _findAll(suppressions()).get(0);
        assertThat(listed.erasedBy()).isEqualTo("admin");
        assertThat(listed.keyText()).doesNotContain(visitorId).hasSize(16);
        ErasureAuditEntry audited = _findAll(audit()).get(0);
        assertThat(audited.action()).isEqualTo(ErasureAuditEntry.ERASED);
        assertThat(audited.keyText()).isEqualTo(listed.keyText());

        Button lift = (Button) _getCellComponent(suppressions(), 0, "lift");
        assertThat(lift.getAriaLabel()).hasValue("Lift suppression " + listed.keyText());
        _click(lift);
        ConfirmDialogKt._fireConfirm(_get(ConfirmDialog.class));

        assertThat(_findAll(suppressions())).noneMatch(row -> row.memberKey() == listed.memberKey());
        assertThat(_findAll(audit()).get(0).action()).isEqualTo(ErasureAuditEntry.LIFTED);
    }

    @SuppressWarnings("unchecked")
    private static Grid<Suppression> suppressions() {
        return _get(Grid.class, spec -> spec.withId("suppressions"));
    }

    @SuppressWarnings("unchecked")
    private static Grid<ErasureAuditEntry> audit() {
        return _get(Grid.class, spec -> spec.withId("erasure-audit"));
    }
}
