package io.audiencehub.security.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import io.audiencehub.security.SsoProperties;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LoginViewTest {

    @BeforeEach
    void startVaadin() {
        MockVaadin.setup();
    }

    @AfterEach
    void stopVaadin() {
        MockVaadin.tearDown();
    }

    @Test
    void withSingleSignOnTheLoginPageOffersTheProviderByName() {
        UI.getCurrent().add(new LoginView(sso("https://id.example.com/realms/acme"), false));

        Anchor link = _get(Anchor.class, spec -> spec.withId("sso-login"));
        assertThat(link.getText()).isEqualTo("Sign in with Acme SSO");
        assertThat(link.getHref()).isEqualTo("oauth2/authorization/sso");
    }

    @Test
    void withoutTheDemoProfileThereIsNoDemoCredentialHintAndNoSsoLinkUnlessConfigured() {
        UI.getCurrent().add(new LoginView(sso(null), false));

        assertThat(_find(Anchor.class)).isEmpty();
        assertThat(_find(Paragraph.class, spec -> spec.withId("demo-credentials"))).isEmpty();
    }

    private static SsoProperties sso(String issuer) {
        return new SsoProperties(issuer, "client", "secret", "Acme SSO", null, null, null, List.of("acme.example"), null,
                null, null);
    }
}
