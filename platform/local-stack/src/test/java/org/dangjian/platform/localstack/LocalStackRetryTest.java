package org.dangjian.platform.localstack;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Starting a server of the stack once more when another process took its port first. */
class LocalStackRetryTest {

    /** Stands in for PostgreSQL, Kafka or the OIDC issuer: binds its port, or fails as they do when it is taken. */
    private static final class Server implements AutoCloseable {
        final int port;
        ServerSocket socket;
        boolean closed;

        Server(int port) {
            this.port = port;
        }

        void start() {
            try {
                socket = new ServerSocket();
                socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            } catch (IOException e) {
                throw new IllegalStateException("port " + port + " is already in use", e);
            }
        }

        @Override
        public void close() throws IOException {
            closed = true;
            if (socket != null) {
                socket.close();
            }
        }
    }

    @Test
    void aServerWhosePortWasTakenMeanwhileStartsOnAnotherPort() throws IOException {
        List<Server> created = new ArrayList<>();
        int taken = Ports.free();
        try (ServerSocket intruder = new ServerSocket()) {
            intruder.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), taken));

            Server started = LocalStack.started(0, port -> {
                Server server = new Server(created.isEmpty() ? taken : port);
                created.add(server);
                return server;
            }, Server::start, server -> List.of(server.port));

            assertEquals(2, created.size());
            assertTrue(created.get(0).closed, "the failed attempt is cleaned up");
            assertNotEquals(taken, started.port);
            started.close();
        }
    }

    @Test
    void aServerFailingForAnotherReasonIsNotStartedAgain() {
        List<Integer> attempts = new ArrayList<>();

        assertThrows(IllegalStateException.class, () -> LocalStack.started(0, port -> {
            attempts.add(port);
            return new Server(port);
        }, server -> {
            throw new IllegalStateException("bad configuration");
        }, server -> List.of(server.port)));
        assertEquals(1, attempts.size());
    }

    @Test
    void aPortAskedForExplicitlyIsNotReplaced() throws IOException {
        int taken = Ports.free();
        try (ServerSocket intruder = new ServerSocket()) {
            intruder.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), taken));

            IllegalStateException failure = assertThrows(IllegalStateException.class,
                    () -> LocalStack.started(taken, Server::new, Server::start, server -> List.of(server.port)));
            assertTrue(failure.getMessage().contains(String.valueOf(taken)));
        }
    }
}
