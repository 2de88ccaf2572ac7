/**
 * Alerts: incidents opened and resolved from the state of connectors and running campaigns, shown in
 * the shell's bell, sent once each way to an outgoing webhook, and exported as metrics (docs/alerts.md).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Alerts")
package io.audiencehub.alert;
