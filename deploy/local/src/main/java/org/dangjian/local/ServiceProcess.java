package org.dangjian.local;

import org.dangjian.platform.localstack.ChildProcess;
import org.dangjian.platform.localstack.Ports;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** One service, run from its built {@code target/quarkus-app} as a child JVM. */
public final class ServiceProcess implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2)).build();

    private final DangjianService service;
    private final int port;
    private final ChildProcess process;

    public ServiceProcess(DangjianService service, Path root, Path logs, int port, Map<String, String> config) {
        this.service = service;
        this.port = port;
        Path runner = root.resolve(service.module()).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.isRegularFile(runner)) {
            throw new IllegalStateException(runner + " is missing: build the project first (./mvnw -DskipTests package)");
        }
        List<String> jvm = new ArrayList<>(List.of("-Xmx320m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-Dquarkus.http.port=" + port, "-Dquarkus.http.host=127.0.0.1"));
        config.forEach((key, value) -> jvm.add("-D" + key + "=" + value));
        this.process = new ChildProcess(service.module(), logs.resolve(service.module() + ".log"), jvm,
                runner.toString(), "io.quarkus.bootstrap.runner.QuarkusEntryPoint", List.of(), Map.of());
    }

    public void start() {
        if (Ports.isOpen(port)) {
            throw new IllegalStateException("port " + port + " for " + service.module() + " is already in use");
        }
        process.start();
    }

    public void awaitReady(Duration timeout) {
        Ports.await(service.module() + " readiness", timeout, () -> {
            if (!process.isAlive()) {
                throw new IllegalStateException(service.module() + " exited during start; see " + process.log() + "\n"
                        + tail(process.log()));
            }
            try {
                HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl() + "/q/health/ready"))
                        .timeout(Duration.ofSeconds(3)).build();
                return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
            } catch (IOException e) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        });
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public Path log() {
        return process.log();
    }

    /** The service JVM's process id (the guard runs inside it). */
    public long pid() {
        return process.pid();
    }

    /** Stops the service: gracefully, or as a crash would. */
    public void stop(boolean kill) {
        process.stop(kill);
    }

    @Override
    public void close() {
        process.close();
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "";
        }
    }
}
