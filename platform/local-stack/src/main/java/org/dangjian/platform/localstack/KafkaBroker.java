package org.dangjian.platform.localstack;

import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/** A real single-node Kafka broker (KRaft) in a child JVM. */
public final class KafkaBroker implements AutoCloseable {

    private final Path dir;
    private final int port;
    private final int controllerPort;
    private final String classpath;
    private ChildProcess broker;
    private KafkaCompanion companion;

    KafkaBroker(Path workDir, int port) {
        this.dir = workDir.resolve("kafka");
        this.port = port;
        this.controllerPort = Ports.free();
        this.classpath = RuntimeClasspath.of("kafka-runtime");
    }

    synchronized void start(List<String> topics, int partitions) {
        deleteData();
        Path properties = writeProperties(partitions);
        String clusterId = clusterId();
        new ChildProcess("kafka-storage-format", dir.resolve("format.log"), List.of("-Xmx256m"), classpath,
                "kafka.tools.StorageTool",
                List.of("format", "--cluster-id=" + clusterId, "-c", properties.toString(), "--ignore-formatted"), Map.of())
                .runToCompletion(60);
        broker = new ChildProcess("kafka", dir.getParent().resolve("logs/kafka.log"),
                List.of("-Xmx512m", "-Xms128m", "-XX:+UseSerialGC"), classpath, "kafka.Kafka",
                List.of(properties.toString()), Map.of());
        broker.start();
        awaitReady(Duration.ofSeconds(90));
        createTopics(topics, partitions);
    }

    /** The client and the controller port. */
    List<Integer> ports() {
        return List.of(port, controllerPort);
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    /**
     * The SmallRye Kafka test companion on this broker: how tests publish records (with CloudEvent
     * headers) and wait for the record they expect on a topic. Its consumers read from the beginning
     * of the topic in a group of their own.
     */
    public synchronized KafkaCompanion companion() {
        if (companion == null) {
            companion = new KafkaCompanion(bootstrapServers());
        }
        return companion;
    }

    /** Stops the broker, gracefully or as a crash would; its data stays for {@link #restart()}. */
    public synchronized void stop(boolean kill) {
        if (broker != null) {
            broker.stop(kill);
        }
    }

    public synchronized void restart() {
        broker.start();
        awaitReady(Duration.ofSeconds(90));
    }

    /** Every start is a fresh cluster: data left from an earlier run belongs to another cluster id. */
    private void deleteData() {
        Path data = dir.resolve("data");
        if (!Files.exists(data)) {
            return;
        }
        try (var paths = Files.walk(data)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clear " + data, e);
        }
    }

    private Path writeProperties(int partitions) {
        try {
            Files.createDirectories(dir);
            Properties p = new Properties();
            p.setProperty("process.roles", "broker,controller");
            p.setProperty("node.id", "1");
            p.setProperty("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
            p.setProperty("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
            p.setProperty("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
            p.setProperty("controller.listener.names", "CONTROLLER");
            p.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
            p.setProperty("inter.broker.listener.name", "PLAINTEXT");
            p.setProperty("log.dirs", dir.resolve("data").toString());
            p.setProperty("num.partitions", String.valueOf(partitions));
            p.setProperty("offsets.topic.replication.factor", "1");
            p.setProperty("offsets.topic.num.partitions", "5");
            p.setProperty("transaction.state.log.replication.factor", "1");
            p.setProperty("transaction.state.log.min.isr", "1");
            p.setProperty("group.initial.rebalance.delay.ms", "0");
            p.setProperty("auto.create.topics.enable", "true");
            Path file = dir.resolve("server.properties");
            try (var out = Files.newBufferedWriter(file)) {
                p.store(out, "generated by the Dangjian local stack");
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String clusterId() {
        UUID uuid = UUID.randomUUID();
        ByteBuffer bytes = ByteBuffer.allocate(16).putLong(uuid.getMostSignificantBits())
                .putLong(uuid.getLeastSignificantBits());
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.array());
    }

    private Admin admin() {
        return Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "2000",
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "3000"));
    }

    private void awaitReady(Duration timeout) {
        Ports.await("Kafka on " + bootstrapServers(), timeout, () -> {
            if (!broker.isAlive()) {
                throw new IllegalStateException("Kafka exited; see " + broker.log());
            }
            if (!Ports.isOpen(port)) {
                return false;
            }
            try (Admin admin = admin()) {
                return !admin.describeCluster().nodes().get(3, TimeUnit.SECONDS).isEmpty();
            } catch (Exception e) {
                return false;
            }
        });
    }

    private void createTopics(List<String> topics, int partitions) {
        try (Admin admin = admin()) {
            for (String topic : topics) {
                try {
                    admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get(30, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("cannot create topic " + topic, e);
                    }
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException("cannot create topics", e);
        }
    }

    @Override
    public synchronized void close() {
        if (companion != null) {
            companion.close();
        }
        stop(false);
    }
}
