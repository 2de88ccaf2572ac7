/**
 * The overview after sign-in: the whole pipeline at a glance (visitors reported, syncs and their health,
 * audiences that changed, running campaigns' decisions, open alerts), each tile leading to its screen.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Overview")
package io.audiencehub.overview;
