package io.audiencehub.sandbox.heap;

import static org.springframework.web.util.HtmlUtils.htmlEscape;

import io.audiencehub.base.Refusal;
import io.audiencehub.sandbox.mixpanel.SandboxMixpanelService;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.context.annotation.Profile;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Heap's JavaScript side in the sandbox ({@code heap.js} and the tracking calls it makes), and a demo
 * website carrying Heap, Mixpanel and the hub's tag, with "simulate N visitors" for a signed-in admin:
 * Heap users and Mixpanel users made here, each carrying the visitor id, reported by the page to the
 * hub's public visitor endpoint.
 */
@RestController
@Profile("sandbox")
class SandboxSiteController {

    static final String TRACK = "/sandbox/heap/api/track";
    static final String SIMULATE = "/sandbox/site/simulate";

    private final SandboxTrackingService tracking;
    private final SandboxOAuthService oauth;
    private final SandboxMixpanelService mixpanel;
    private final byte[] heapJs;

    SandboxSiteController(SandboxTrackingService tracking, SandboxOAuthService oauth, SandboxMixpanelService mixpanel) {
        this.tracking = tracking;
        this.oauth = oauth;
        this.mixpanel = mixpanel;
        try (InputStream in = new ClassPathResource("sandbox/heap.js").getInputStream()) {
            heapJs = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @GetMapping(value = "/sandbox/heap/heap.js", produces = "text/javascript;charset=UTF-8")
    byte[] heapJs() {
        return heapJs;
    }

    @PostMapping(value = TRACK, consumes = {MediaType.APPLICATION_JSON_VALUE, MediaType.TEXT_PLAIN_VALUE})
    ResponseEntity<Void> track(@RequestBody Map<String, Object> call) {
        Object properties = call.get("properties");
        if (properties != null && !(properties instanceof Map)) {
            throw new IllegalArgumentException("properties must be an object");
        }
        @SuppressWarnings("unchecked")
        Map<String, ?> values = (Map<String, ?>) properties;
        if (call.get("event") != null) {
            tracking.recordEvent(text(call.get("environmentId")), text(call.get("userId")), text(call.get("event")), values);
        } else {
            tracking.track(text(call.get("environmentId")), text(call.get("userId")), text(call.get("identity")), values);
        }
        return ResponseEntity.noContent().build();
    }

    @GetMapping(value = "/sandbox/site", produces = MediaType.TEXT_HTML_VALUE)
    String site(@RequestParam(required = false) Long environment, CsrfToken csrf) {
        SandboxEnvironment chosen = oauth.siteEnvironment(environment);
        String choices = oauth.environments().stream().map(env -> "<option value=\"" + env.id() + "\""
                + (env.id() == chosen.id() ? " selected" : "") + ">" + htmlEscape(env.name()) + "</option>")
                .collect(Collectors.joining());
        return """
                <!doctype html><html lang="en"><head><meta charset="utf-8"><title>Acme Store (demo site)</title>
                <meta name="csrf" content="%1$s"><meta name="csrf-header" content="%2$s">
                <script src="/sandbox/heap/heap.js"></script>
                <script>heap.load("%3$d");</script>
                <script src="/sandbox/mixpanel/mixpanel.js"></script>
                <script>mixpanel.init("%8$s");</script>
                <script src="/tag.js"></script>
                <style>body{font-family:sans-serif;max-width:44rem;margin:3rem auto;color:#222}code{background:#eee;padding:0 .3rem}</style>
                </head><body>
                <p style="color:#777">Demo website of the sandbox: it carries Heap's and Mixpanel's snippets (the
                sandbox's stand-ins) and the Audience Hub tag, as a customer's site would.</p>
                <h1>Acme Store</h1>
                <p id="offer" style="padding:.5rem;background:#f4f4f4">Free shipping on orders over 50 €.</p>
                <p>Campaigns for you: <span id="campaigns">asking the hub...</span></p>
                <p>Sent to Heap: <span id="heap-events">nothing yet</span></p>
                <p>Sent to Mixpanel: <span id="mixpanel-sent">nothing yet</span></p>
                <p><a id="inspect-me" href="/visitors/inspect">Why do I see these campaigns? Inspect your visitor in the hub</a></p>
                <p><label>Heap environment <select id="environment" name="environment">%7$s</select></label>
                (<b>%4$s</b>, the one a hub connected to last unless you pick another). Your visitor id: <code id="visitor-id"></code>
                (Heap user <code id="heap-user"></code>, Mixpanel user <code id="mixpanel-user"></code>). Heap users
                carrying ABTastyVisitorId here so far: <b id="carrying">%6$d</b>; Mixpanel users carrying
                %10$s: <b id="mixpanel-carrying">%9$d</b>.</p>
                <form id="simulate"><label>Number of visitors <input id="count" name="count" type="number" min="1"
                max="%5$d" value="50"></label> <button type="submit">Simulate visitors</button></form>
                <p id="simulated" role="status"></p>
                <p>First simulated visitor: <code id="first-simulated"></code></p>
                <script>
                document.getElementById('visitor-id').textContent = window.AudienceHub.visitorId;
                document.getElementById('inspect-me').href = '/visitors/inspect?visitor='
                  + encodeURIComponent(window.AudienceHub.visitorId || '');
                document.getElementById('environment').addEventListener('change', function (e) {
                  window.location.search = '?environment=' + encodeURIComponent(e.target.value);
                });
                function showCampaigns(campaigns) {
                  document.getElementById('campaigns').textContent = campaigns.length === 0 ? 'none'
                    : campaigns.map(function (c) { return c.campaign + ': ' + c.variation; }).join(', ');
                }
                if (window.AudienceHub.decisions) showCampaigns(window.AudienceHub.decisions);
                document.addEventListener('audiencehub:decisions', function (e) { showCampaigns(e.detail.campaigns); });
                document.addEventListener('heap-sandbox:tracked', function (e) {
                  document.getElementById('heap-events').textContent = e.detail.map(function (t) {
                    return t.event + ' (' + t.properties.campaign + ': ' + t.properties.variation + ')'; }).join(', ');
                });
                document.addEventListener('mixpanel-sandbox:sent', function (e) {
                  var sets = e.detail.sets.map(function (p) { return 'people.set(' + Object.keys(p).map(function (k) {
                    return k + ' = ' + p[k]; }).join(', ') + ')'; });
                  var events = e.detail.events.map(function (t) { return t.event + ' (' + t.properties['AB Tasty'] + ')'; });
                  document.getElementById('mixpanel-sent').textContent = sets.concat(events).join(', ');
                });
                document.getElementById('heap-user').textContent = heap.userId;
                document.getElementById('mixpanel-user').textContent = mixpanel.get_distinct_id();
                var said = document.getElementById('simulated');
                var meta = function (n) { return document.querySelector('meta[name=' + n + ']').content; };
                // each simulated visitor is reported to the hub's public endpoint, as its own tag would;
                // the endpoint limits reports per address, so a refused one waits and is sent again
                function report(ids, from, done) {
                  if (from === ids.length) { done(); return; }
                  fetch('/api/v1/visitors/seen', {method: 'POST', credentials: 'omit',
                      headers: {'Content-Type': 'text/plain'}, body: JSON.stringify({visitorId: ids[from]})})
                    .then(function (r) {
                      if (r.status === 429 || r.status === 503) { setTimeout(function () { report(ids, from, done); }, 1000); return; }
                      if (r.status !== 202) { throw new Error('the hub refused visitor ' + ids[from] + ' (' + r.status + ')'); }
                      said.textContent = 'Reporting visitors to the hub: ' + (from + 1) + ' of ' + ids.length;
                      report(ids, from + 1, done);
                    })
                    .catch(function (e) { said.textContent = e.message; });
                }
                document.getElementById('simulate').addEventListener('submit', function (e) {
                  e.preventDefault();
                  var headers = {'Content-Type': 'application/x-www-form-urlencoded'};
                  headers[meta('csrf-header')] = meta('csrf');
                  said.textContent = 'Creating Heap and Mixpanel users...';
                  fetch('/sandbox/site/simulate', {method: 'POST', headers: headers,
                      body: 'environment=%3$d&count=' + encodeURIComponent(document.getElementById('count').value)})
                    .then(function (r) {
                      return r.json();
                    })
                    .then(function (r) {
                      if (r.error) { said.textContent = r.error; return; }
                      document.getElementById('first-simulated').textContent = r.visitors[0];
                      report(r.visitors, 0, function () {
                        said.textContent = r.visitors.length
                          + ' visitors created: known to the hub, carrying ABTastyVisitorId in Heap and %10$s in Mixpanel.';
                      });
                    })
                    .catch(function (e) { said.textContent = e.message; });
                });
                </script></body></html>
                """.formatted(htmlEscape(csrf.getToken()), htmlEscape(csrf.getHeaderName()), chosen.id(),
                htmlEscape(chosen.name()), SandboxTrackingService.MAX_SIMULATED,
                tracking.usersCarryingTheVisitorId(chosen.id()), choices, htmlEscape(mixpanel.projectToken()),
                mixpanel.usersCarryingTheVisitorId(), htmlEscape(mixpanel.visitorProperty()));
    }

    @PostMapping(value = SIMULATE, produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> simulate(@RequestParam long environment, @RequestParam int count) {
        List<String> visitors = tracking.simulateVisitors(environment, count);
        mixpanel.addSimulatedVisitors(visitors);
        return Map.of("visitors", visitors, "environment", environment);
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<ProblemDetail> badRequest(IllegalArgumentException e) {
        return Refusal.answer(400, e.getMessage());
    }

    private static String text(Object value) {
        return value == null ? null : String.valueOf(value);
    }
}
