/**
 * The automation API under {@code /api/v1}: what admins do in the UI, for scripts and pipelines,
 * through the same services (and so the same rules, roles and audit) as the screens. docs/api.md.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Automation API")
package io.audiencehub.api;
