package org.dangjian.bench;

import org.dangjian.local.DangjianService;
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

/**
 * A service from its built {@code target/quarkus-app}, as deploy/local's ServiceProcess starts it,
 * but with a choice of JIT: the run command caps the JIT at C1 ({@code -XX:TieredStopAtLevel=1}, for
 * start-up), while the Kubernetes deployment runs the full tiered JIT (C2 and its intrinsics).
 */
final class BenchService implements AutoCloseable {

    enum Jit {
        /** exactly the run command's flags */
        RUN_COMMAND(List.of("-Xmx320m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1")),
        /** the same heap and GC with the full tiered JIT, as deploy/k8s runs the services */
        FULL(List.of("-Xmx320m", "-XX:+UseSerialGC"));

        final List<String> flags;

        Jit(List<String> flags) {
            this.flags = flags;
        }
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    final DangjianService service;
    final Jit jit;
    private final int port;
    private final ChildProcess process;

    BenchService(DangjianService service, Jit jit, Path root, Path logs, Map<String, String> config) {
        this.service = service;
        this.jit = jit;
        this.port = Ports.free();
        Path runner = root.resolve(service.module()).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.isRegularFile(runner)) {
            throw new IllegalStateException(runner + " is missing: build first (./mvnw -q -DskipTests install)");
        }
        List<String> jvm = new ArrayList<>(jit.flags);
        jvm.add("-Dquarkus.http.port=" + port);
        jvm.add("-Dquarkus.http.host=127.0.0.1");
        config.forEach((key, value) -> jvm.add("-D" + key + "=" + value));
        this.process = new ChildProcess(service.module(), logs.resolve(service.module() + "-" + jit.name().toLowerCase() + ".log"),
                jvm, runner.toString(), "io.quarkus.bootstrap.runner.QuarkusEntryPoint", List.of(), Map.of());
    }

    BenchService start() {
        process.start();
        return this;
    }

    void awaitReady() {
        Ports.await(service.module() + " readiness", Duration.ofMinutes(3), () -> {
            if (!process.isAlive()) {
                throw new IllegalStateException(service.module() + " exited during start; see " + process.log());
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

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    long pid() {
        return process.pid();
    }

    Path log() {
        return process.log();
    }

    @Override
    public void close() {
        process.close();
    }
}
