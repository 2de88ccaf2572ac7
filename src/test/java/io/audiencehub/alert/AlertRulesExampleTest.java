package io.audiencehub.alert;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.audiencehub.Http;
import io.audiencehub.IntegrationTest;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * docs/alerts/prometheus-rules.yml is a rule file Prometheus can load, and every hub metric it names is
 * exported; an open incident is a series of {@code audiencehub_alerts_open}.
 */
class AlertRulesExampleTest extends IntegrationTest {

    private static final Pattern HUB_METRIC = Pattern.compile("audiencehub_[a-z_]+");

    @Autowired
    AlertService alerts;
    @Autowired
    JdbcClient jdbc;

    @Test
    void everyMetricTheExampleRulesNameIsExported() throws IOException {
        String subject = "Connector \"Rules " + UUID.randomUUID().toString().substring(0, 8) + "\"";
        TestIncidents.open(jdbc, IncidentKind.CONNECTOR_STALE, subject, "nothing received");
        try {
            alerts.scheduledRefresh();
            String scrape = Http.get("http://localhost:" + port + "/actuator/prometheus", "metrics", METRICS_PASSWORD)
                    .body();
            assertThat(scrape).contains("audiencehub_alerts_open{kind=\"connector_stale\",subject=\""
                    + subject.replace("\"", "\\\"") + "\"} 1.0");

            JsonNode rules = new ObjectMapper(new YAMLFactory()).readTree(Path.of("docs/alerts/prometheus-rules.yml")
                    .toFile());
            Set<String> named = new HashSet<>();
            for (JsonNode rule : rules.path("groups").get(0).path("rules")) {
                assertThat(rule.path("alert").asText()).isNotBlank();
                Matcher metric = HUB_METRIC.matcher(rule.path("expr").asText());
                while (metric.find()) {
                    named.add(metric.group());
                }
            }
            assertThat(named).contains("audiencehub_alerts_open", "audiencehub_alerts_webhook_failures_total");
            for (String metric : named) {
                assertThat(scrape).as(metric).containsPattern("(?m)^" + metric + "[{ ]");
            }
        } finally {
            TestIncidents.resolve(jdbc, subject);
            alerts.scheduledRefresh();
        }
    }
}
