package io.audiencehub.security;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** What an admin fills in to add a local user; the limits are the ones a changed password meets too. */
public record NewLocalUser(
        @NotBlank(message = "Enter a user name")
        @Pattern(regexp = "[A-Za-z0-9._@-]{2,80}",
                message = "Use 2 to 80 letters, digits or . _ @ -")
        String username,
        @NotBlank(message = "Enter the name to show") @Size(max = 120, message = "At most 120 characters")
        String displayName,
        @NotNull(message = "Choose a role") Role role,
        @NotBlank(message = "Enter a password")
        @Size(min = MIN_PASSWORD, max = MAX_PASSWORD, message = "Use " + MIN_PASSWORD + " to " + MAX_PASSWORD + " characters")
        String password) {

    /** The shortest password taken. */
    public static final int MIN_PASSWORD = 12;
    /** The longest: bcrypt reads 72 bytes. */
    public static final int MAX_PASSWORD = 72;
}
