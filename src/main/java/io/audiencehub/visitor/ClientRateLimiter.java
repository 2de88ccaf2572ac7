package io.audiencehub.visitor;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.function.LongSupplier;
import java.util.regex.Pattern;

/**
 * A token bucket per client: {@code ratePerSecond} sustained, {@code burst} at once. An IPv6 client is
 * limited by its /64 network, which one subscriber holds whole, so rotating addresses within it gains
 * nothing. The buckets live in a bounded store (Caffeine) that evicts the least useful one when full and
 * forgets a bucket once it would have refilled anyway: a flood of addresses costs bounded memory and
 * never resets the limit of the clients still sending.
 */
final class ClientRateLimiter {

    static final int MAX_CLIENTS = 100_000;
    private static final int IPV6_NETWORK_BYTES = 8;
    private static final Pattern IPV6_LITERAL = Pattern.compile("[0-9A-Fa-f:.]+");

    private final double ratePerNano;
    private final double burst;
    private final LongSupplier nanoTime;
    private final Cache<String, Bucket> buckets;

    private static final class Bucket {
        double tokens;
        long refilledAt;

        Bucket(double tokens, long now) {
            this.tokens = tokens;
            this.refilledAt = now;
        }
    }

    ClientRateLimiter(int ratePerSecond, int burst, LongSupplier nanoTime) {
        this.ratePerNano = ratePerSecond / 1e9;
        this.burst = burst;
        this.nanoTime = nanoTime;
        this.buckets = Caffeine.newBuilder()
                .maximumSize(MAX_CLIENTS)
                .expireAfterAccess(Duration.ofNanos((long) Math.ceil(burst / ratePerNano)))
                .ticker(nanoTime::getAsLong)
                .executor(Runnable::run)
                .build();
    }

    boolean tryAcquire(String client) {
        long now = nanoTime.getAsLong();
        Bucket bucket = buckets.get(clientKey(client), key -> new Bucket(burst, now));
        synchronized (bucket) {
            bucket.tokens = Math.min(burst, bucket.tokens + (now - bucket.refilledAt) * ratePerNano);
            bucket.refilledAt = now;
            if (bucket.tokens < 1) {
                return false;
            }
            bucket.tokens -= 1;
            return true;
        }
    }

    /** How many clients have a bucket now, at most {@link #MAX_CLIENTS}. */
    long clients() {
        buckets.cleanUp();
        return buckets.estimatedSize();
    }

    /** The address itself, or an IPv6 address's /64 network. */
    private static String clientKey(String address) {
        // only a literal address is parsed: anything else could make InetAddress ask the DNS
        if (address.indexOf(':') < 0 || !IPV6_LITERAL.matcher(address).matches()) {
            return address;
        }
        try {
            byte[] bytes = InetAddress.getByName(address).getAddress();
            if (bytes.length != 16) {
                return address;
            }
            StringBuilder network = new StringBuilder("v6:");
            for (int i = 0; i < IPV6_NETWORK_BYTES; i++) {
                network.append(Character.forDigit((bytes[i] >> 4) & 0xF, 16)).append(Character.forDigit(bytes[i] & 0xF, 16));
            }
            return network.append("::/64").toString();
        } catch (UnknownHostException e) {
            return address;
        }
    }
}
