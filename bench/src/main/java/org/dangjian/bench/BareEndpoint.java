package org.dangjian.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.UUID;
import java.util.concurrent.Executors;

/**
 * The anchor of B1: {@code GET /members/{id}} as the JDK's HTTP server and one JDBC
 * primary-key select of the same row in member-service's database, the row written out as JSON.
 * No token, no scope, no decryption, no framework: what the database and HTTP cost alone.
 */
public final class BareEndpoint {

    private BareEndpoint() {
    }

    interface Connections {
        Connection open() throws SQLException;
    }

    private static void serve(int port, int threads, Connections connections) throws IOException {
        // Without TCP_NODELAY the JDK server's separate header and body writes meet the client's
        // delayed ACK and every response waits ~40 ms: a socket setting, not the cost being measured.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 256);
        ThreadLocal<PreparedStatement> select = ThreadLocal.withInitial(() -> {
            try {
                return connections.open().prepareStatement("select * from member where id = ?");
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        server.createContext("/members/", exchange -> {
            try (exchange) {
                handle(exchange, select.get());
            }
        });
        server.setExecutor(Executors.newFixedThreadPool(threads));
        server.start();
    }

    private static void handle(HttpExchange exchange, PreparedStatement select) throws IOException {
        String path = exchange.getRequestURI().getPath();
        byte[] body;
        int status;
        try {
            select.setObject(1, UUID.fromString(path.substring(path.lastIndexOf('/') + 1)));
            try (ResultSet r = select.executeQuery()) {
                if (r.next()) {
                    body = json(r).getBytes(StandardCharsets.UTF_8);
                    status = 200;
                } else {
                    body = "{\"status\":404}".getBytes(StandardCharsets.UTF_8);
                    status = 404;
                }
            }
        } catch (SQLException | IllegalArgumentException e) {
            body = ("{\"error\":\"" + e.getClass().getSimpleName() + "\"}").getBytes(StandardCharsets.UTF_8);
            status = 500;
        }
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static String json(ResultSet r) throws SQLException {
        ResultSetMetaData meta = r.getMetaData();
        StringBuilder out = new StringBuilder(1024).append('{');
        for (int i = 1; i <= meta.getColumnCount(); i++) {
            if (i > 1) {
                out.append(',');
            }
            String value = r.getString(i);
            out.append('"').append(meta.getColumnLabel(i)).append("\":");
            if (value == null) {
                out.append("null");
            } else {
                out.append('"').append(value.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
            }
        }
        return out.append('}').toString();
    }

    /**
     * The endpoint in a JVM of its own, so B1 can give it the same JIT flags as the service it is compared with:
     * {@code <port> <threads> <jdbc url> <user>}; runs until killed.
     */
    public static void main(String[] args) throws Exception {
        String url = args[2];
        String user = args[3];
        serve(Integer.parseInt(args[0]), Integer.parseInt(args[1]), () -> java.sql.DriverManager.getConnection(url, user, ""));
        Thread.currentThread().join();
    }

    /** What {@link #main} needs on its class path: this class and the PostgreSQL driver. */
    static String classPath() {
        return java.util.stream.Stream.of(BareEndpoint.class, org.postgresql.Driver.class)
                .map(type -> {
                    try {
                        return java.nio.file.Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
                    } catch (java.net.URISyntaxException e) {
                        throw new IllegalStateException(e);
                    }
                })
                .collect(java.util.stream.Collectors.joining(java.io.File.pathSeparator));
    }
}
