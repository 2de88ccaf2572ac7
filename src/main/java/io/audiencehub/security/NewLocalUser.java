package io.audiencehub.security;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** What an admin fills in to add a local user. */
public record NewLocalUser(
        @NotBlank(message = "Enter a user name")
        @Pattern(regexp = "[A-Za-z0-9._@-]{2,80}",
                message = "Use 2 to 80 letters, digits or . _ @ -")
        String username,
        @NotBlank(message = "Enter the name to show") @Size(max = 120, message = "At most 120 characters")
        String displayName,
        @NotNull(message = "Choose a role") Role role,
        @NotBlank(message = "Enter a password") @Size(min = 12, max = 72, message = "Use 12 to 72 characters")
        String password) {
}
