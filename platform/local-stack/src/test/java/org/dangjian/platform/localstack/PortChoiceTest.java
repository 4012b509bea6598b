package org.dangjian.platform.localstack;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PortChoiceTest {

    private static final PortChoice.Range LINUX_DEFAULT = new PortChoice.Range(32_768, 60_999);

    @Test
    void portsComeFromBelowTheEphemeralRangeAndAboveTheCommonServerPorts() {
        PortChoice choice = new PortChoice(PortChoice.outside(LINUX_DEFAULT), port -> true, new Random(1));

        for (int i = 0; i < 5_000; i++) {
            int port = choice.next();
            assertFalse(LINUX_DEFAULT.contains(port), port + " is in the ephemeral range");
            assertTrue(port >= PortChoice.LOWEST, port + " is below " + PortChoice.LOWEST);
        }
    }

    @Test
    void theChosenPortOfThisHostIsOutsideItsEphemeralRange() {
        PortChoice.Range ephemeral = PortChoice.ephemeralRange(Path.of("/proc/sys/net/ipv4/ip_local_port_range"));

        for (int i = 0; i < 20; i++) {
            assertFalse(ephemeral.contains(Ports.free()));
        }
    }

    @Test
    void noPortIsHandedOutTwice() {
        PortChoice choice = new PortChoice(new PortChoice.Range(20_000, 20_049), port -> true, new Random(7));

        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < 50; i++) {
            assertTrue(seen.add(choice.next()), "handed out twice");
        }
        assertThrows(IllegalStateException.class, choice::next, "all 50 ports are handed out");
    }

    @Test
    void aPortHeldByAnotherSocketIsSkipped() throws IOException {
        int held = twoFreePortsInARow();
        try (ServerSocket holder = new ServerSocket()) {
            holder.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), held));
            for (long seed = 0; seed < 10; seed++) {
                PortChoice choice = new PortChoice(new PortChoice.Range(held, held + 1), Ports::bindable, new Random(seed));
                assertEquals(held + 1, choice.next());
            }
        }
    }

    @Test
    void aHostWithALowEphemeralRangeGetsPortsAboveIt() {
        PortChoice.Range candidates = PortChoice.outside(new PortChoice.Range(1_024, 40_000));

        assertEquals(new PortChoice.Range(40_001, 65_535), candidates);
    }

    @Test
    void theRangeIsReadFromTheKernelSettingAndDefaultsToTheIanaOne(@TempDir Path dir) throws IOException {
        Path proc = dir.resolve("ip_local_port_range");
        Files.writeString(proc, "32768\t60999\n");

        assertEquals(LINUX_DEFAULT, PortChoice.ephemeralRange(proc));
        assertEquals(PortChoice.IANA_EPHEMERAL, PortChoice.ephemeralRange(dir.resolve("absent")));
        assertEquals(new PortChoice.Range(15_000, 49_151), PortChoice.outside(PortChoice.IANA_EPHEMERAL));
    }

    /** A port p such that p and p + 1 are both free now. */
    private static int twoFreePortsInARow() {
        for (int port = 21_000; port < 29_000; port += 2) {
            if (Ports.bindable(port) && Ports.bindable(port + 1)) {
                return port;
            }
        }
        throw new IllegalStateException("no two free ports in a row");
    }
}
