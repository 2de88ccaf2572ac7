package io.audiencehub.security;

import io.audiencehub.base.StartupRefusedException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Makes sure somebody can sign in: refuses to start where a login provider is required (prod) but
 * neither an admin password nor single sign-on is configured, and applies the admin password.
 */
@Component
class LoginSetup implements ApplicationRunner {

    private final AdminProperties admin;
    private final LocalUserService users;

    LoginSetup(AdminProperties admin, SsoProperties sso, LocalUserService users,
               @Value("${audiencehub.security.require-login-provider:false}") boolean loginProviderRequired) {
        if (loginProviderRequired && !admin.passwordSet() && !sso.enabled()) {
            throw new StartupRefusedException(
                    "Nobody could sign in: no admin password and no single sign-on provider is configured.",
                    "Set AUDIENCEHUB_ADMIN_PASSWORD (the password of the local user 'admin'), or configure"
                            + " OpenID Connect with AUDIENCEHUB_SSO_ISSUERURI, AUDIENCEHUB_SSO_CLIENTID and"
                            + " AUDIENCEHUB_SSO_CLIENTSECRET. See docs/configuration.md.");
        }
        this.admin = admin;
        this.users = users;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (admin.passwordSet()) {
            users.ensureAdmin(admin.username(), admin.password());
        }
    }
}
