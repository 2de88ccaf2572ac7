package io.audiencehub.connector.ui;

import static com.github.mvysny.kaributesting.v10.GridKt._findAll;
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
import io.audiencehub.CurrentRequest;
import io.audiencehub.KaribuTest;
import io.audiencehub.connector.Connector;
import io.audiencehub.connector.ConnectorService;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;

/** An admin creates a custom source, copies its secret once, and replaces the secret later. */
@ExtendWith(CurrentRequest.class)
class CustomSourceViewTest extends KaribuTest {

    @Autowired
    ConnectorService connectors;

    @Test
    void aSourceIsCreatedWithItsSecretShownOnceAndTheSecretCanBeReplaced() {
        login("admin", "ADMIN");
        UI.getCurrent().navigate("integrations/hub/custom");
        String name = "Warehouse " + UUID.randomUUID().toString().substring(0, 8);

        _click(_get(Button.class, spec -> spec.withId("setup-connector")));
        _setValue(_get(TextField.class, spec -> spec.withLabel("Connector name")), name);
        _click(_get(Button.class, spec -> spec.withId("create-source")));

        String sourceId = _get(TextField.class, spec -> spec.withId("custom-source-id")).getValue();
        String secret = _get(TextField.class, spec -> spec.withId("custom-source-secret")).getValue();
        assertThat(secret).matches("hss_[A-Za-z0-9_-]{43}");
        assertThat(_get(TextField.class, spec -> spec.withId("custom-source-url")).getValue())
                .isEqualTo("http://localhost/api/integrations/custom/" + sourceId + "/webhook");
        assertThat(customSources.signingSecret(sourceId)).hasValue(secret);
        _click(_get(Button.class, spec -> spec.withId("custom-source-copied")));
        Connector created = _findAll(validated()).stream().filter(connector -> connector.name().equals(name))
                .findFirst().orElseThrow();
        assertThat(created.tokenId()).isEqualTo(sourceId);

        UI.getCurrent().navigate("integrations/connectors/" + created.id());
        _click(_get(Button.class, spec -> spec.withId("new-signing-secret")));
        ConfirmDialogKt._fireConfirm(_get(ConfirmDialog.class));
        String replaced = _get(TextField.class, spec -> spec.withId("custom-source-secret")).getValue();
        assertThat(replaced).isNotEqualTo(secret);
        assertThat(customSources.signingSecret(sourceId)).hasValue(replaced);
    }

    @SuppressWarnings("unchecked")
    private static Grid<Connector> validated() {
        return _get(Grid.class, spec -> spec.withId("validated-connectors"));
    }
}
