import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Issue 12's hostile traffic against a running hub, all from one anonymous client (127.0.0.1), while
 * a second client (127.0.0.2) measures the sign-in page and the visitor endpoint every 100 ms:
 * <ol>
 *   <li><b>slow uploads</b>: 250 connections sending a webhook body a byte every 5 s, reconnecting
 *       whenever the hub cuts one;</li>
 *   <li><b>large unsigned bodies</b>: 150 concurrent webhook requests of 50 MB, half declaring their
 *       length without a signature, half chunked with a signature of the right form but a wrong HMAC;</li>
 *   <li><b>an unsigned flood</b>: small unsigned webhook requests as fast as 8 threads send them;</li>
 *   <li><b>oversized decision bodies</b>: 8 threads posting 12 MB to the public decision API, half
 *       declaring their length, half chunked;</li>
 *   <li><b>a lock-out attempt</b>: the admin's user name with a wrong password every second.</li>
 * </ol>
 * Every 5 s the second client also signs in as the admin with the right password: an attacker must
 * not keep a person out.
 * The sign-in page is asked 50 times first, so that what is measured is the hub under attack, not its
 * first requests. Prints the second client's p50/p99/max and failures, the hub's peak resident memory, and exits 1
 * when the sign-in page or the visitor endpoint stopped answering (an error or more than 5 s) or the
 * resident memory passed the bound. Run by bench/hostile.sh.
 *
 * <p>Arguments: port, the hub's pid, seconds, resident memory bound in MB.
 */
public final class Hostile {

    private static final String WEBHOOK = "/api/integrations/heap/webhook";
    private static final int SLOW_CONNECTIONS = 250;
    private static final int LARGE_BODIES = 150;
    private static final long LARGE = 50L * 1024 * 1024;
    private static final int FLOOD_THREADS = 8;
    private static final int ANSWER_TIMEOUT_MILLIS = 5_000;
    private static final String DECISIONS = "/api/v1/decisions";
    private static final int OVERSIZED_DECISION_THREADS = 8;
    private static final long OVERSIZED = 12L * 1024 * 1024;
    private static final String ATTACKER = "127.0.0.1";
    private static final String PERSON = "127.0.0.2";
    private static final Pattern SESSION = Pattern.compile("(?im)^Set-Cookie: (JSESSIONID=[^;\\r\\n]+)");
    private static final Pattern CSRF = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");
    private static final Pattern LOCATION = Pattern.compile("(?im)^Location: *(\\S+)");

    private static int port;
    private static final AtomicBoolean running = new AtomicBoolean(true);

    public static void main(String[] args) throws Exception {
        port = Integer.parseInt(args[0]);
        long pid = Long.parseLong(args[1]);
        int seconds = Integer.parseInt(args[2]);
        long rssBoundMb = Long.parseLong(args[3]);

        List<String> warmUpFailures = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            measure("warm-up", "GET /login HTTP/1.1\r\nHost: hub\r\nConnection: close\r\n\r\n", 200,
                    new ArrayList<>(), warmUpFailures);
        }
        ExecutorService attackers = Executors.newCachedThreadPool();
        AtomicLong slowCut = new AtomicLong();
        AtomicLong largeAnswered = new AtomicLong();
        AtomicLong floodSent = new AtomicLong();
        for (int i = 0; i < SLOW_CONNECTIONS; i++) {
            attackers.submit(() -> slowUploads(slowCut));
        }
        for (int i = 0; i < LARGE_BODIES; i++) {
            boolean chunked = i % 2 == 1;
            attackers.submit(() -> largeBodies(chunked, largeAnswered));
        }
        for (int i = 0; i < FLOOD_THREADS; i++) {
            attackers.submit(() -> flood(floodSent));
        }
        AtomicLong decisionsRefused = new AtomicLong();
        AtomicLong decisionsOther = new AtomicLong();
        for (int i = 0; i < OVERSIZED_DECISION_THREADS; i++) {
            boolean chunked = i % 2 == 1;
            attackers.submit(() -> oversizedDecisions(chunked, decisionsRefused, decisionsOther));
        }
        AtomicLong wrongPasswords = new AtomicLong();
        attackers.submit(() -> lockOut(wrongPasswords));
        List<Long> adminSignIns = Collections.synchronizedList(new ArrayList<>());
        long nextSignIn = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);

        List<Long> login = Collections.synchronizedList(new ArrayList<>());
        List<Long> visitor = Collections.synchronizedList(new ArrayList<>());
        List<String> failures = Collections.synchronizedList(new ArrayList<>());
        long peakRssKb = 0;
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        long visitorNumber = 0;
        while (System.nanoTime() < end) {
            long tick = System.nanoTime();
            measure("GET /login", "GET /login HTTP/1.1\r\nHost: hub\r\nConnection: close\r\n\r\n", 200, login,
                    failures);
            String report = "{\"visitorId\":\"hostile-bench-" + ProcessHandle.current().pid() + "-" + visitorNumber++
                    + "\"}";
            measure("POST /api/v1/visitors/seen", "POST /api/v1/visitors/seen HTTP/1.1\r\nHost: hub\r\n"
                    + "Content-Type: text/plain\r\nConnection: close\r\nContent-Length: " + report.length() + "\r\n\r\n"
                    + report, 202, visitor, failures);
            if (System.nanoTime() >= nextSignIn) {
                signInAsThePerson(adminSignIns, failures);
                nextSignIn = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            }
            peakRssKb = Math.max(peakRssKb, residentKb(pid));
            long pause = TimeUnit.MILLISECONDS.toNanos(100) - (System.nanoTime() - tick);
            if (pause > 0) {
                TimeUnit.NANOSECONDS.sleep(pause);
            }
        }
        running.set(false);
        attackers.shutdownNow();
        attackers.awaitTermination(10, TimeUnit.SECONDS);

        System.out.printf("hostile load for %d s from 127.0.0.1: %d slow uploads held open (cut %d times), %d large"
                        + " bodies at once (answered %d times), unsigned flood of %d requests%n", seconds,
                SLOW_CONNECTIONS, slowCut.get(), LARGE_BODIES, largeAnswered.get(), floodSent.get());
        System.out.printf("oversized decision bodies (%d MB, %d at once): %d refused (413, or 429/503 before reading), %d answered"
                        + " otherwise%n",
                OVERSIZED / (1024 * 1024), OVERSIZED_DECISION_THREADS, decisionsRefused.get(), decisionsOther.get());
        System.out.printf("lock-out attempt from %s: %d wrong admin passwords; the admin from %s signed in %d of %d"
                + " times%n", ATTACKER, wrongPasswords.get(), PERSON, adminSignIns.size()
                - failures.stream().filter(failure -> failure.startsWith("admin sign-in")).count(), adminSignIns.size());
        if (decisionsOther.get() > 0) {
            failures.add("oversized decision bodies: " + decisionsOther.get() + " answers other than a refusal");
        }
        print("sign-in page (GET /login)", login);
        print("admin sign-in with the right password (from " + PERSON + ")", adminSignIns);
        print("visitor endpoint (POST /api/v1/visitors/seen)", visitor);
        System.out.printf("hub resident memory, peak: %d MB (bound %d MB)%n", peakRssKb / 1024, rssBoundMb);
        System.out.printf("second client's failures: %d%n", failures.size());
        failures.stream().limit(5).forEach(failure -> System.out.println("  " + failure));
        boolean failed = !failures.isEmpty() || peakRssKb / 1024 > rssBoundMb;
        System.out.println(failed ? "FAILED" : "PASSED");
        System.exit(failed ? 1 : 0);
    }

    private static void slowUploads(AtomicLong cut) {
        while (running.get()) {
            try (Socket socket = new Socket("127.0.0.1", port)) {
                socket.setSoTimeout(ANSWER_TIMEOUT_MILLIS * 4);
                OutputStream out = socket.getOutputStream();
                out.write(("POST " + WEBHOOK + " HTTP/1.1\r\nHost: hub\r\nContent-Type: application/json\r\n"
                        + "Content-Length: 1000\r\nHeap-Hash: ts:" + System.currentTimeMillis() + ",hmac:AAAA\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                while (running.get()) {
                    out.write('x');
                    out.flush();
                    if (socket.getInputStream().available() > 0) {
                        break;
                    }
                    Thread.sleep(5_000);
                }
            } catch (IOException e) {
                // cut by the hub: connect again, a second later
            } catch (InterruptedException e) {
                return;
            }
            cut.incrementAndGet();
            pause(1_000);
        }
    }

    private static void largeBodies(boolean chunked, AtomicLong answered) {
        byte[] chunk = new byte[64 * 1024];
        java.util.Arrays.fill(chunk, (byte) 'a');
        while (running.get()) {
            try (Socket socket = new Socket("127.0.0.1", port)) {
                socket.setSoTimeout(30_000);
                OutputStream out = socket.getOutputStream();
                out.write(("POST " + WEBHOOK + " HTTP/1.1\r\nHost: hub\r\nContent-Type: application/json\r\n"
                        + (chunked ? "Transfer-Encoding: chunked\r\nHeap-Hash: ts:" + System.currentTimeMillis()
                                + ",hmac:AAAA\r\n" : "Content-Length: " + LARGE + "\r\n") + "\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                for (long sent = 0; sent < LARGE && running.get(); sent += chunk.length) {
                    if (chunked) {
                        out.write((Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                    }
                    out.write(chunk);
                    if (chunked) {
                        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                    }
                }
                if (chunked) {
                    out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                }
                socket.getInputStream().read();
            } catch (IOException e) {
                // refused before the body was read, and the connection closed: send again
            }
            answered.incrementAndGet();
            pause(200);
        }
    }

    private static void flood(AtomicLong sent) {
        String body = "{\"id_token\":\"x\",\"action_type\":\"segment.users.sync\"}";
        while (running.get()) {
            try (Socket socket = new Socket("127.0.0.1", port)) {
                socket.setSoTimeout(ANSWER_TIMEOUT_MILLIS);
                socket.getOutputStream().write(("POST " + WEBHOOK + " HTTP/1.1\r\nHost: hub\r\nContent-Type:"
                        + " application/json\r\nConnection: close\r\nContent-Length: " + body.length() + "\r\n\r\n" + body)
                        .getBytes(StandardCharsets.US_ASCII));
                socket.getInputStream().readAllBytes();
            } catch (IOException e) {
                // turned away: send the next
            }
            sent.incrementAndGet();
        }
    }

    private static void oversizedDecisions(boolean chunked, AtomicLong refused, AtomicLong other) {
        byte[] chunk = new byte[64 * 1024];
        java.util.Arrays.fill(chunk, (byte) ' ');
        while (running.get()) {
            try (Socket socket = new Socket(ATTACKER, port)) {
                socket.setSoTimeout(30_000);
                OutputStream out = socket.getOutputStream();
                out.write(("POST " + DECISIONS + " HTTP/1.1\r\nHost: hub\r\nContent-Type: application/json\r\n"
                        + "Connection: close\r\n" + (chunked ? "Transfer-Encoding: chunked\r\n"
                        : "Content-Length: " + OVERSIZED + "\r\n") + "\r\n").getBytes(StandardCharsets.US_ASCII));
                try {
                    byte[] start = "{\"visitor_id\": \"v\", \"context\": {\"url\": \"".getBytes(StandardCharsets.US_ASCII);
                    writeBody(out, start, chunked);
                    for (long sent = start.length; sent < OVERSIZED && running.get(); sent += chunk.length) {
                        writeBody(out, chunk, chunked);
                    }
                    if (chunked) {
                        out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    }
                } catch (IOException e) {
                    // the hub stopped reading and answered: read its answer below
                }
                String status = statusLine(socket.getInputStream());
                // 429 and 503 turn a client away before reading its body: as good as 413 here
                boolean turnedAway = status.contains(" 413 ") || status.contains(" 429 ") || status.contains(" 503 ");
                (turnedAway ? refused : other).incrementAndGet();
                if (!turnedAway && other.get() <= 3) {
                    System.out.println("oversized decision body answered " + status);
                }
            } catch (IOException e) {
                // cut without an answer: send again
            }
            pause(100);
        }
    }

    private static void writeBody(OutputStream out, byte[] bytes, boolean chunked) throws IOException {
        if (chunked) {
            out.write((Integer.toHexString(bytes.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        }
        out.write(bytes);
        if (chunked) {
            out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
    }

    private static void lockOut(AtomicLong attempts) {
        while (running.get()) {
            try {
                signIn(ATTACKER, "admin", "not-the-password-" + attempts.get());
            } catch (IOException e) {
                // turned away: try again
            }
            attempts.incrementAndGet();
            pause(1_000);
        }
    }

    private static void signInAsThePerson(List<Long> latencies, List<String> failures) {
        long start = System.nanoTime();
        try {
            String where = signIn(PERSON, "admin", "admin");
            if (where == null || where.contains("/login")) {
                failures.add("admin sign-in with the right password from " + PERSON + " refused: sent to " + where);
            }
        } catch (IOException e) {
            failures.add("admin sign-in from " + PERSON + ": " + e);
        }
        latencies.add(TimeUnit.NANOSECONDS.toMicros(System.nanoTime() - start));
    }

    /** The sign-in form as a browser at {@code local} uses it; where the hub sends the browser after it. */
    private static String signIn(String local, String username, String password) throws IOException {
        String page = exchange(local, "GET /login HTTP/1.1\r\nHost: hub\r\nConnection: close\r\n\r\n");
        Matcher session = SESSION.matcher(page);
        Matcher csrf = CSRF.matcher(page);
        if (!session.find() || !csrf.find()) {
            throw new IOException("the sign-in page has no session or CSRF token: " + page.lines().findFirst().orElse(""));
        }
        String form = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&_csrf="
                + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
        String answer = exchange(local, "POST /login HTTP/1.1\r\nHost: hub\r\nCookie: " + session.group(1)
                + "\r\nContent-Type: application/x-www-form-urlencoded\r\nConnection: close\r\nContent-Length: "
                + form.length() + "\r\n\r\n" + form);
        Matcher location = LOCATION.matcher(answer);
        return location.find() ? location.group(1) : null;
    }

    private static String exchange(String local, String request) throws IOException {
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(local, 0));
            socket.connect(new InetSocketAddress("127.0.0.1", port), ANSWER_TIMEOUT_MILLIS);
            socket.setSoTimeout(ANSWER_TIMEOUT_MILLIS);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void measure(String name, String request, int expected, List<Long> latencies, List<String> failures) {
        long start = System.nanoTime();
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress("127.0.0.2", 0));
            socket.connect(new InetSocketAddress("127.0.0.1", port), ANSWER_TIMEOUT_MILLIS);
            long connected = System.nanoTime() - start;
            if (connected > 500_000_000L) {
                System.out.printf("%s: connecting took %d ms%n", name, connected / 1_000_000);
            }
            socket.setSoTimeout(ANSWER_TIMEOUT_MILLIS);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
            String status = statusLine(socket.getInputStream());
            socket.getInputStream().readAllBytes();
            long micros = TimeUnit.NANOSECONDS.toMicros(System.nanoTime() - start);
            latencies.add(micros);
            if (!status.contains(" " + expected + " ")) {
                failures.add(name + ": " + status);
            }
        } catch (IOException e) {
            latencies.add(TimeUnit.NANOSECONDS.toMicros(System.nanoTime() - start));
            failures.add(name + ": " + e);
        }
    }

    private static String statusLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int read = in.read(); read >= 0 && read != '\n'; read = in.read()) {
            line.append((char) read);
        }
        return line.toString();
    }

    private static long residentKb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
        } catch (IOException e) {
            return 0;
        }
        return 0;
    }

    private static void print(String name, List<Long> micros) {
        List<Long> sorted = new ArrayList<>(micros);
        Collections.sort(sorted);
        if (sorted.isEmpty()) {
            System.out.printf("%s: no answer%n", name);
            return;
        }
        System.out.printf("%s: %d requests, p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms, %d over 1 s%n", name,
                sorted.size(), sorted.get(sorted.size() / 2) / 1e3, sorted.get((int) (sorted.size() * 0.9)) / 1e3,
                sorted.get((int) (sorted.size() * 0.99)) / 1e3, sorted.get(sorted.size() - 1) / 1e3,
                sorted.stream().filter(latency -> latency > 1_000_000).count());
    }
}
