package io.audiencehub.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.audiencehub.IntegrationTest;
import org.junit.jupiter.api.Test;

/** The sign-in form's POST needs the CSRF token the sign-in page carries; without it nobody is signed in. */
class LoginCsrfTest extends IntegrationTest {

    @Test
    void aSignInWithoutTheTokenIsRefusedAndOneWithItSucceeds() {
        SignInForm form = new SignInForm(baseUrl(), "192.0.2.10");
        String token = form.openPage();
        assertThat(token).as("the sign-in page carries the token").isNotNull();

        assertThat(form.post("admin", "admin", null).headers().firstValue("Location")).hasValueSatisfying(location ->
                assertThat(location).endsWith("/login?error"));
        assertThat(form.post("admin", "admin", token).headers().firstValue("Location")).hasValueSatisfying(location ->
                assertThat(location).doesNotContain("login"));
    }
}
