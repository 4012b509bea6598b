package org.dangjian.platform.localstack;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

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
        this.postgres = new PostgresServer(work, Ports.orFree(settings.postgresPort()), settings.durable());
        this.kafka = new KafkaBroker(work, Ports.orFree(settings.kafkaPort()));
        this.oidc = new OidcIssuer(work, Ports.orFree(settings.oidcPort()), settings.clients());
        long begin = System.currentTimeMillis();
        try {
            CompletableFuture.allOf(
                    CompletableFuture.runAsync(() -> postgres.start(DATABASES)),
                    CompletableFuture.runAsync(() -> kafka.start(TOPICS, PARTITIONS)),
                    CompletableFuture.runAsync(oidc::start)).join();
        } catch (CompletionException e) {
            close();
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
        this.startMillis = System.currentTimeMillis() - begin;
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
