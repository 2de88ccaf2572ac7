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
import io.audiencehub.connector.MixpanelDelivery;
import io.audiencehub.connector.MixpanelSources;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An admin sets up a Mixpanel connector, copies the URL and credentials to paste into Mixpanel once,
 * and replaces the credentials later; only the current ones open the webhook.
 */
@ExtendWith(CurrentRequest.class)
class MixpanelConnectorViewTest extends KaribuTest {

    @Autowired
    MixpanelSources mixpanel;

    @Test
    void aConnectorIsCreatedWithItsCredentialsShownOnceAndTheyCanBeReplaced() {
        login("admin", "ADMIN");
        UI.getCurrent().navigate("integrations/hub/mixpanel");
        String name = "Product analytics " + UUID.randomUUID().toString().substring(0, 8);

        _click(_get(Button.class, spec -> spec.withId("setup-connector")));
        _setValue(_get(TextField.class, spec -> spec.withLabel("Connector name")), name);
        TextField property = _get(TextField.class, spec -> spec.withLabel("Visitor id property"));
        assertThat(property.getValue()).isEqualTo("abtasty_visitor_id");
        _setValue(property, "hub_visitor");
        _click(_get(Button.class, spec -> spec.withId("create-connector")));

        String url = _get(TextField.class, spec -> spec.withId("mixpanel-url")).getValue();
        String user = _get(TextField.class, spec -> spec.withId("mixpanel-user")).getValue();
        String password = _get(TextField.class, spec -> spec.withId("mixpanel-password")).getValue();
        assertThat(_get(TextField.class, spec -> spec.withId("mixpanel-property")).getValue()).isEqualTo("hub_visitor");
        assertThat(url).matches("http://localhost/api/integrations/mixpanel/[0-9a-f-]{36}/webhook");
        assertThat(password).hasSize(32);
        String sourceId = url.replaceAll(".*/mixpanel/([^/]+)/webhook", "$1");
        assertThat(mixpanel.authenticate(sourceId, user, password)).map(MixpanelDelivery::visitorProperty)
                .hasValue("hub_visitor");
        assertThat(mixpanel.authenticate(sourceId, user, password + "x")).isEmpty();
        _click(_get(Button.class, spec -> spec.withId("mixpanel-copied")));
        Connector created = _findAll(validated()).stream().filter(connector -> connector.name().equals(name))
                .findFirst().orElseThrow();
        assertThat(created.tokenId()).isEqualTo(sourceId);

        UI.getCurrent().navigate("integrations/connectors/" + created.id());
        _click(_get(Button.class, spec -> spec.withId("new-credentials")));
        ConfirmDialogKt._fireConfirm(_get(ConfirmDialog.class));
        String newUser = _get(TextField.class, spec -> spec.withId("mixpanel-user")).getValue();
        String newPassword = _get(TextField.class, spec -> spec.withId("mixpanel-password")).getValue();
        assertThat(mixpanel.authenticate(sourceId, user, password)).as("the old credentials").isEmpty();
        assertThat(mixpanel.authenticate(sourceId, newUser, newPassword)).isPresent();
    }

    @Test
    void aPropertyThatCannotBeAMixpanelPropertyIsRefusedAndNothingIsCreated() {
        login("admin", "ADMIN");
        UI.getCurrent().navigate("integrations/hub/mixpanel");
        String name = "Refused " + UUID.randomUUID().toString().substring(0, 8);

        _click(_get(Button.class, spec -> spec.withId("setup-connector")));
        _setValue(_get(TextField.class, spec -> spec.withLabel("Connector name")), name);
        _setValue(_get(TextField.class, spec -> spec.withLabel("Visitor id property")), "visitor\"id");
        _click(_get(Button.class, spec -> spec.withId("create-connector")));

        assertThat(_get(TextField.class, spec -> spec.withLabel("Connector name")).getErrorMessage())
                .startsWith("The visitor property is the name of a Mixpanel user property");
        assertThat(_findAll(validated())).noneMatch(connector -> connector.name().equals(name));
    }

    @SuppressWarnings("unchecked")
    private static Grid<Connector> validated() {
        return _get(Grid.class, spec -> spec.withId("validated-connectors"));
    }
}
