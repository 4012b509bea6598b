package org.dangjian.platform.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.function.IntPredicate;
import java.util.random.RandomGenerator;

/**
 * Chooses loopback ports for servers the local stack starts, outside the kernel's ephemeral range.
 *
 * <p>Why not bind port 0: the kernel answers from its ephemeral range, the same range it takes the
 * local port of every outgoing connection from. Between closing the probe socket and the child
 * process binding the port (seconds, for a JVM), any outgoing connection of any process may take
 * it ("port 37539 for organization-service is already in use"). A port below the ephemeral range is
 * never given to an outgoing connection, so only another server binding it explicitly can collide.
 *
 * <p>Within one JVM a port is handed out once. Between JVMs (surefire forks, parallel builds), the
 * random starting point spreads the choices and the bind check skips a port another one already
 * holds; the rare remaining race (two JVMs choosing the same free port in the same instant) is
 * what {@link LocalStack}'s one retry covers.
 */
final class PortChoice {

    /** Lowest port handed out: above the registered ports common servers listen on (databases, brokers, dev servers). */
    static final int LOWEST = 15_000;
    /** What Windows, macOS and IANA (RFC 6335) use when the host does not say: 49152–65535. */
    static final Range IANA_EPHEMERAL = new Range(49_152, 65_535);
    private static final int ENOUGH = 1_000;

    /** Inclusive bounds. */
    record Range(int first, int last) {
        Range {
            if (first > last) {
                throw new IllegalArgumentException("empty range " + first + "–" + last);
            }
        }

        int size() {
            return last - first + 1;
        }

        boolean contains(int port) {
            return port >= first && port <= last;
        }
    }

    private final Range candidates;
    private final IntPredicate bindable;
    private final RandomGenerator random;
    private final Set<Integer> handedOut = new HashSet<>();

    PortChoice(Range candidates, IntPredicate bindable, RandomGenerator random) {
        this.candidates = candidates;
        this.bindable = bindable;
        this.random = random;
    }

    /** Candidates for a host whose ephemeral range is {@code ephemeral}. */
    static Range outside(Range ephemeral) {
        if (ephemeral.first() - LOWEST >= ENOUGH) {
            return new Range(LOWEST, ephemeral.first() - 1);
        }
        // An ephemeral range starting low (tuned hosts): the ports above it, else whatever is below it.
        if (65_535 - ephemeral.last() >= ENOUGH) {
            return new Range(ephemeral.last() + 1, 65_535);
        }
        return new Range(1_024, Math.max(1_024, ephemeral.first() - 1));
    }

    /** The host's ephemeral range (Linux: {@code /proc/sys/net/ipv4/ip_local_port_range}), else the IANA one. */
    static Range ephemeralRange(Path procFile) {
        if (!Files.isReadable(procFile)) {
            return IANA_EPHEMERAL;
        }
        try {
            String[] bounds = Files.readString(procFile).trim().split("\\s+");
            return new Range(Integer.parseInt(bounds[0]), Integer.parseInt(bounds[1]));
        } catch (IOException | RuntimeException e) {
            return IANA_EPHEMERAL;
        }
    }

    /** A port not handed out before by this chooser that could be bound just now. */
    synchronized int next() {
        int size = candidates.size();
        int offset = random.nextInt(size);
        for (int i = 0; i < size; i++) {
            int port = candidates.first() + (offset + i) % size;
            if (!handedOut.contains(port) && bindable.test(port)) {
                handedOut.add(port);
                return port;
            }
        }
        throw new IllegalStateException("no free loopback port left in " + candidates.first() + "–" + candidates.last());
    }
}
