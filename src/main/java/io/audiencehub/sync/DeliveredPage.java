package io.audiencehub.sync;

/** A delivered page and the {@code id_token} that names the connector it is for. */
record DeliveredPage(String idToken, SyncPage page) {
}
