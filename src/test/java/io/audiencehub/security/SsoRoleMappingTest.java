package io.audiencehub.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SsoRoleMappingTest {

    private final List<String> adminRoles = List.of("audiencehub-admin");

    @Test
    void aUserWhoseRolesClaimListsAnAdminRoleIsAdmin() {
        assertThat(SsoConfiguration.roleOf(List.of("staff", "audiencehub-admin"), adminRoles)).isEqualTo(Role.ADMIN);
    }

    @Test
    void aRolesClaimGivenAsOneStringCountsToo() {
        assertThat(SsoConfiguration.roleOf("audiencehub-admin", adminRoles)).isEqualTo(Role.ADMIN);
    }

    @Test
    void everyoneElseIsViewer() {
        assertThat(SsoConfiguration.roleOf(List.of("staff"), adminRoles)).isEqualTo(Role.VIEWER);
        assertThat(SsoConfiguration.roleOf(null, adminRoles)).isEqualTo(Role.VIEWER);
        assertThat(SsoConfiguration.roleOf(List.of("audiencehub-admin"), List.of())).isEqualTo(Role.VIEWER);
    }
}
