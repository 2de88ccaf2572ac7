package io.audiencehub.sandbox.mixpanel;

import java.time.Instant;

/**
 * A Custom Webhook connection, as a customer fills Mixpanel's form: the URL and the optional Basic
 * credentials the receiver gave, and the property added under "Properties to Export".
 */
public record MixpanelConnection(long id, long projectId, String name, String webhookUrl, String userName,
                                 String password, String exportProperty, Instant createdAt) {
}
