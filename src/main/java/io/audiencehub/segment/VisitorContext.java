package io.audiencehub.segment;

import io.audiencehub.segment.Criterion.BrowserName;
import io.audiencehub.segment.Criterion.Device;
import java.time.Instant;
import java.util.Map;

/**
 * What is known of a visitor when a segment is evaluated. Any field may be null when it is unknown;
 * a condition that needs an unknown field does not match, whether it is negated or not.
 *
 * @param returning whether the visitor was seen in an earlier session
 * @param language as the browser sends it, {@code fr-CA}
 * @param country ISO 3166-1 alpha-2
 * @param url the page's full URL; its query gives the query parameters
 * @param cookies the cookies the page sees, by name
 * @param at when the evaluation happens
 */
public record VisitorContext(String visitorId, Boolean returning, Device device, BrowserName browser, String language,
                             String country, String url, Map<String, String> cookies, Instant at) {
}
