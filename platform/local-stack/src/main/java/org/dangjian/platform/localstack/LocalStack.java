package org.dangjian.platform.localstack;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.IntFunction;

/**
 * The no-Docker local stack: a real PostgreSQL (one database per service), a real Kafka broker and
 * a real OIDC issuer, started in parallel on loopback ports and stopped together. One instance
 * serves the run command, the end-to-end suite and (through {@link #shared()}) every
 * {@code @QuarkusTest} of a test JVM.
 */
public final class LocalStack implements AutoCloseable {

    public static final List<String> DATABASES = List.of("organization", "member", "activity", "assistance");
    public static final List<String> TOPICS = List.of("dangjian.organization.v1", "dangjian.member.v1",
            "dangjian.activity.v1", "dangjian.assistance.v1");
    public static final int PARTITIONS = 3;

    /** Where and how to start; a port of 0 means any free loopback port. */
    public record Settings(Path workDir, int postgresPort, int kafkaPort, int oidcPort, boolean durable,
            List<OidcIssuer.Client> clients) {

        public static Settings forTests(Path workDir) {
            return new Settings(workDir, 0, 0, 0, false, List.of());
        }
    }

    private static LocalStack shared;

    private final PostgresServer postgres;
    private final KafkaBroker kafka;
    private final OidcIssuer oidc;
    private final long startMillis;

    private LocalStack(Settings settings) {
        Path work = settings.workDir().toAbsolutePath();
        long begin = System.currentTimeMillis();
        CompletableFuture<PostgresServer> postgres = CompletableFuture.supplyAsync(() -> started(settings.postgresPort(),
                port -> new PostgresServer(work, port, settings.durable()), server -> server.start(DATABASES),
                server -> List.of(server.port())));
        CompletableFuture<KafkaBroker> kafka = CompletableFuture.supplyAsync(() -> started(settings.kafkaPort(),
                port -> new KafkaBroker(work, port), broker -> broker.start(TOPICS, PARTITIONS), KafkaBroker::ports));
        CompletableFuture<OidcIssuer> oidc = CompletableFuture.supplyAsync(() -> started(settings.oidcPort(),
                port -> new OidcIssuer(work, port, settings.clients()), OidcIssuer::start, issuer -> List.of(issuer.port())));
        try {
            CompletableFuture.allOf(postgres, kafka, oidc).join();
        } catch (CompletionException e) {
            for (CompletableFuture<? extends AutoCloseable> part : List.of(oidc, kafka, postgres)) {
                AutoCloseable started = part.getNow(null);
                if (started != null) {
                    closeQuietly(started, e.getCause());
                }
            }
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
        this.postgres = postgres.join();
        this.kafka = kafka.join();
        this.oidc = oidc.join();
        this.startMillis = System.currentTimeMillis() - begin;
    }

    /**
     * Creates and starts one server. When its port was ours to choose (0 requested) and it failed to
     * start while one of its ports is held by another process, it is started once more on new ports:
     * ports are chosen outside the ephemeral range and checked free ({@link Ports#free()}), but
     * another JVM may bind the same one in the seconds a child process takes to start.
     */
    static <T extends AutoCloseable> T started(int requestedPort, IntFunction<T> create, Consumer<T> start,
            Function<T, List<Integer>> ports) {
        T server = create.apply(Ports.orFree(requestedPort));
        try {
            start.accept(server);
            return server;
        } catch (RuntimeException first) {
            closeQuietly(server, first);
            boolean portTaken = ports.apply(server).stream().anyMatch(port -> !Ports.bindable(port));
            if (requestedPort != 0 || !portTaken) {
                throw first;
            }
            T again = create.apply(Ports.free());
            try {
                start.accept(again);
                return again;
            } catch (RuntimeException second) {
                closeQuietly(again, second);
                second.addSuppressed(first);
                throw second;
            }
        }
    }

    private static void closeQuietly(AutoCloseable part, Throwable failure) {
        try {
            part.close();
        } catch (Exception e) {
            failure.addSuppressed(e);
        }
    }

    public static LocalStack start(Settings settings) {
        return new LocalStack(settings);
    }

    /**
     * The stack of this JVM, started on first use and stopped when the JVM exits (normally, on
     * Ctrl-C or on a failed test run). Work files go to {@code target/local-stack}.
     */
    public static synchronized LocalStack shared() {
        if (shared == null) {
            LocalStack stack = start(Settings.forTests(Path.of("target", "local-stack")));
            Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "local-stack-stop"));
            shared = stack;
        }
        return shared;
    }

    public PostgresServer postgres() {
        return postgres;
    }

    public KafkaBroker kafka() {
        return kafka;
    }

    public OidcIssuer oidc() {
        return oidc;
    }

    public long startMillis() {
        return startMillis;
    }

    /**
     * Throw-away personal-data keys of the local stack only (tests and the run command); real
     * deployments take theirs from a Kubernetes Secret.
     */
    private static final Map<String, String> LOCAL_PII_KEYS = Map.of(
            "dangjian.pii.active-key", "local-1",
            "dangjian.pii.keys.local-1", "EiVBXKvCZuWEp9Ua74wnxVbmTUH4jmkoicK7hmaRBx0=",
            "dangjian.pii.blind-index-key", "2d1Q27zEi1I8kdCka8bKVNn/KWrWzCtFDeIBnfjRHss=");

    /** The configuration a Quarkus service needs to run against this stack. */
    public Map<String, String> quarkusConfig(String database) {
        Map<String, String> config = new java.util.HashMap<>(LOCAL_PII_KEYS);
        config.put("quarkus.datasource.jdbc.url", postgres.jdbcUrl(database));
        config.put("quarkus.datasource.username", PostgresServer.USER);
        config.put("quarkus.datasource.password", "");
        config.put("kafka.bootstrap.servers", kafka.bootstrapServers());
        config.put("quarkus.oidc.auth-server-url", oidc.issuerUrl());
        // Tests, demo data and the fault suite drive thousands of writes from one client; production
        // allowances apply when deployed (a test proves the limit with a per-caller allowance).
        config.put("dangjian.rate-limit.writes-per-minute", "1000000");
        config.put("dangjian.rate-limit.bulk-per-minute", "10000");
        return Map.copyOf(config);
    }

    @Override
    public void close() {
        RuntimeException failure = null;
        for (AutoCloseable part : new AutoCloseable[] {oidc, kafka, postgres}) {
            try {
                part.close();
            } catch (Exception e) {
                failure = failure == null ? new IllegalStateException("stopping the local stack failed", e) : failure;
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
