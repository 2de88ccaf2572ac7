package io.audiencehub.security.ui;

import static com.github.mvysny.kaributesting.v10.GridKt._findAll;
import static com.github.mvysny.kaributesting.v10.GridKt._getCellComponent;
import static com.github.mvysny.kaributesting.v10.GridKt._getFormattedRow;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.textfield.TextField;
import io.audiencehub.KaribuTest;
import io.audiencehub.security.ApiKey;
import io.audiencehub.security.ApiKeyScope;
import io.audiencehub.security.ApiKeyService;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** An admin creates a key with its access, sees it once, and revokes it. */
class ApiKeysViewTest extends KaribuTest {

    @Autowired
    ApiKeyService keys;

    @Test
    void aKeyIsShownOnceWhenItIsCreatedAndRevokedForGood() {
        login("admin", "ADMIN");
        UI.getCurrent().navigate(ApiKeysView.class);
        String name = "Checkout service " + UUID.randomUUID().toString().substring(0, 8);

        _click(_get(Button.class, spec -> spec.withId("new-api-key")));
        _click(_get(Button.class, spec -> spec.withId("create-api-key")));
        assertThat(_get(TextField.class, spec -> spec.withId("api-key-name")).getErrorMessage()).startsWith("Give the key a name");
        _setValue(_get(TextField.class, spec -> spec.withId("api-key-name")), name);
        _click(_get(Button.class, spec -> spec.withId("create-api-key")));

        String secret = _get(TextField.class, spec -> spec.withId("api-key-secret")).getValue();
        assertThat(secret).matches("ahk_[A-Za-z0-9]{40}");
        assertThat(keys.authenticate(secret)).hasValueSatisfying(key -> {
            assertThat(key.name()).isEqualTo(name);
            assertThat(key.scopes()).as("read only unless chosen").containsExactly(ApiKeyScope.READ);
        });
        _click(_get(Button.class, spec -> spec.withId("api-key-copied")));

        ApiKey listed = row(name);
        assertThat(listed.prefix()).isEqualTo(secret.substring(0, 12));
        _click((Button) _getCellComponent(grid(), _findAll(grid()).indexOf(listed), "state"));
        ConfirmDialogKt._fireConfirm(_get(ConfirmDialog.class));

        assertThat(keys.authenticate(secret)).isEmpty();
        assertThat(((Span) _getCellComponent(grid(), _findAll(grid()).indexOf(row(name)), "state")).getText())
                .startsWith("revoked");
    }

    @Test
    void theChangesAKeyMayMakeArePickedOneByOne() {
        login("admin", "ADMIN");
        UI.getCurrent().navigate(ApiKeysView.class);
        String name = "Deploy pipeline " + UUID.randomUUID().toString().substring(0, 8);

        _click(_get(Button.class, spec -> spec.withId("new-api-key")));
        _setValue(_get(TextField.class, spec -> spec.withId("api-key-name")), name);
        @SuppressWarnings("unchecked")
        CheckboxGroup<ApiKeyScope> scope = _get(CheckboxGroup.class, spec -> spec.withId("api-key-scope"));
        assertThat(scope.getValue()).isEmpty();
        _setValue(scope, Set.of(ApiKeyScope.CAMPAIGNS));
        _click(_get(Button.class, spec -> spec.withId("create-api-key")));

        String secret = _get(TextField.class, spec -> spec.withId("api-key-secret")).getValue();
        assertThat(keys.authenticate(secret)).hasValueSatisfying(key -> assertThat(key.scopes())
                .containsExactlyInAnyOrder(ApiKeyScope.READ, ApiKeyScope.CAMPAIGNS));
        _click(_get(Button.class, spec -> spec.withId("api-key-copied")));
        assertThat(_getFormattedRow(grid(), _findAll(grid()).indexOf(row(name)))).contains("Read, Campaigns");
    }

    private ApiKey row(String name) {
        return _findAll(grid()).stream().filter(key -> key.name().equals(name)).findFirst().orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private static Grid<ApiKey> grid() {
        return _get(Grid.class, spec -> spec.withId("api-keys"));
    }
}
