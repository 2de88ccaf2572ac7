package io.audiencehub.security;

import static io.audiencehub.connector.HeapConnectorsForTests.asAdmin;
import static org.assertj.core.api.Assertions.assertThat;

import io.audiencehub.Http;
import io.audiencehub.IntegrationTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

/** Password guessing is slowed per account and per client address; admins see and lift an account's lock. */
class SignInThrottleTest extends IntegrationTest {

    @Autowired
    LocalUserService users;
    @Autowired
    SecurityContextHolderStrategy security;

    @Test
    void anAccountIsLockedAfterFiveWrongPasswordsForTheAddressesThatFailedUntilAnAdminUnlocksIt() {
        String username = newUser();
        SignInForm attacker = new SignInForm(baseUrl(), "198.51.100.20");
        for (int i = 0; i < 5; i++) {
            assertThat(attacker.signsIn(username, "guess-" + i)).isFalse();
        }

        assertThat(attacker.signsIn(username, "the-right-password")).as("locked for the guesser, whatever the password")
                .isFalse();
        LocalUser locked = user(username);
        assertThat(users.isLocked(locked)).isTrue();
        assertThat(locked.failedSignIns()).isEqualTo(5);

        asAdmin(security, () -> {
            users.unlock(username);
            return null;
        });
        assertThat(attacker.signsIn(username, "the-right-password")).isTrue();
        assertThat(user(username).failedSignIns()).as("a sign-in starts the count again").isZero();
    }

    @Test
    void nobodyCanLockAPersonOutByFailingOnPurpose() {
        String username = newUser();
        SignInForm attacker = new SignInForm(baseUrl(), "198.51.100.22");
        for (int i = 0; i < 6; i++) {
            assertThat(attacker.signsIn(username, "guess-" + i)).isFalse();
        }
        assertThat(users.isLocked(user(username))).isTrue();

        SignInForm owner = new SignInForm(baseUrl(), "198.51.100.23");
        assertThat(owner.signsIn(username, "the-right-password"))
                .as("the right password from an address that never failed").isTrue();
        assertThat(users.isLocked(user(username))).isFalse();

        for (int i = 0; i < 5; i++) {
            attacker.signsIn(username, "guess-again-" + i);
        }
        SignInForm secondGuesser = new SignInForm(baseUrl(), "198.51.100.24");
        assertThat(secondGuesser.signsIn(username, "one-more-guess")).isFalse();
        assertThat(secondGuesser.signsIn(username, "the-right-password"))
                .as("an address gets one try at a locked account, then the lock holds for it too").isFalse();
    }

    private String newUser() {
        String username = "guessed-" + UUID.randomUUID().toString().substring(0, 8);
        asAdmin(security, () -> {
            users.create(new NewLocalUser(username, "Guessed", Role.VIEWER, "the-right-password"));
            return null;
        });
        return username;
    }

    @Test
    void anAddressWithTwentyFailedSignInsMayNotTryAgainForAWhileWhateverTheAccount() {
        SignInForm guesser = new SignInForm(baseUrl(), "203.0.113.30");
        for (int i = 0; i < 20; i++) {
            assertThat(guesser.signsIn("nobody-" + i, "guess")).isFalse();
        }
        assertThat(guesser.signsIn("admin", "admin")).as("refused from that address, even right").isFalse();
        assertThat(new SignInForm(baseUrl(), "203.0.113.31").signsIn("admin", "admin")).isTrue();
    }

    @Test
    void httpBasicTakesTheMetricsCredentialOnlyAndIsThrottledToo() {
        String prometheus = baseUrl() + "/actuator/prometheus";
        assertThat(Http.get(prometheus, "admin", "admin").statusCode()).as("a person's password").isEqualTo(401);
        assertThat(Http.get(prometheus, "metrics", METRICS_PASSWORD).statusCode()).isEqualTo(200);
    }

    private LocalUser user(String username) {
        return asAdmin(security, () -> users.page(0, 1_000).stream()
                .filter(user -> user.username().equals(username)).findFirst().orElseThrow());
    }
}
