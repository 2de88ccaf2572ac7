package io.audiencehub.campaign;

import java.util.Map;

/**
 * The page context an explanation is asked for, as a person types it in the inspector or a client sends
 * it: any field may be null, not given, and the criteria that read it are then unknown.
 *
 * @param device desktop, mobile or tablet
 * @param browser chrome, firefox, safari, edge or other
 */
public record PageContext(String url, String device, String browser, String language, String country,
                          Boolean returning, Map<String, String> cookies) {
}
