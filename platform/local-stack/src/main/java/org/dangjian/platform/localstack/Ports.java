package org.dangjian.platform.localstack;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Loopback port helpers. */
public final class Ports {

    private static final PortChoice CHOICE = new PortChoice(
            PortChoice.outside(PortChoice.ephemeralRange(Path.of("/proc/sys/net/ipv4/ip_local_port_range"))),
            Ports::bindable, new SecureRandom());

    private Ports() {
    }

    /**
     * A loopback port for a server to listen on: outside the kernel's ephemeral range (so no outgoing
     * connection can take it before the server binds it), free at this moment, and never handed out
     * twice in this JVM. See {@link PortChoice}.
     */
    public static int free() {
        return CHOICE.next();
    }

    /** Whether a server could bind this loopback port now (strictly: not even a closing socket holds it). */
    static boolean bindable(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(false);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** The given port, or a free one when it is 0. */
    public static int orFree(int port) {
        return port == 0 ? free() : port;
    }

    public static boolean isOpen(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    public static void await(String what, Duration timeout, BooleanSupplier ready) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!ready.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(what + " not ready within " + timeout.toSeconds() + " s");
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
