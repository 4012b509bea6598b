package org.dangjian.deploy.k8s;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A service's effective configuration as the repository defines it: its application.properties
 * over the defaults of the platform modules it depends on (their META-INF/microprofile-config.properties),
 * without profile-specific keys. Read from the sources, so a new key or channel shows up here
 * without anyone updating the deployment tests.
 */
record ServiceConfig(String service, Map<String, String> properties, Set<String> topicsInCode) {

    private static final Pattern TOPIC_LITERAL = Pattern.compile("\"(dangjian\\.[a-z-]+\\.v[0-9]+)\"");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}:]+)(?::([^}]*))?}");
    private static final Pattern CHANNEL_KEY = Pattern.compile("mp\\.messaging\\.(incoming|outgoing)\\.([^.]+)\\.(.+)");

    static ServiceConfig of(String service) {
        Path repo = Manifests.repoDir();
        Path dir = repo.resolve(service);
        Map<String, String> props = new LinkedHashMap<>();
        String pom = read(dir.resolve("pom.xml"));
        for (Path module : platformModules(repo)) {
            String artifact = module.getFileName().toString();
            if (pom.contains("<artifactId>" + artifact + "</artifactId>")) {
                load(module.resolve("src/main/resources/META-INF/microprofile-config.properties"), props);
            }
        }
        load(dir.resolve("src/main/resources/application.properties"), props);
        props.keySet().removeIf(k -> k.startsWith("%"));
        props.replaceAll((k, v) -> resolve(v, props));
        Set<String> topics = new TreeSet<>();
        Path sources = dir.resolve("src/main/java");
        try (Stream<Path> files = Files.exists(sources) ? Files.walk(sources) : Stream.empty()) {
            files.filter(f -> f.toString().endsWith(".java")).forEach(f -> {
                Matcher m = TOPIC_LITERAL.matcher(read(f));
                while (m.find()) {
                    topics.add(m.group(1));
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ServiceConfig(service, props, topics);
    }

    /** The topics this service reads from. */
    Set<String> consumedTopics() {
        Set<String> topics = new TreeSet<>();
        channels("incoming").forEach(ch -> topics.add(properties.getOrDefault(key("incoming", ch, "topic"), ch)));
        return topics;
    }

    /** The dead-letter topics of its consumers (SmallRye's default name when none is set). */
    Set<String> deadLetterTopics() {
        Set<String> topics = new TreeSet<>();
        for (String ch : channels("incoming")) {
            if ("dead-letter-queue".equals(properties.get(key("incoming", ch, "failure-strategy")))) {
                topics.add(properties.getOrDefault(key("incoming", ch, "dead-letter-queue.topic"), "dead-letter-topic-" + ch));
            }
        }
        return topics;
    }

    /** The consumer groups of its incoming channels (SmallRye defaults group.id to the application name). */
    Set<String> consumerGroups() {
        Set<String> groups = new TreeSet<>();
        channels("incoming").forEach(ch -> groups.add(properties.getOrDefault(key("incoming", ch, "group.id"),
                properties.get("quarkus.application.name"))));
        return groups;
    }

    /**
     * The topics it writes: the outbox relay routes each record to the topic named in code, so the
     * outbox channel's configured topic is only the connector's placeholder and never receives data.
     */
    Set<String> producedTopics() {
        Set<String> topics = new TreeSet<>(topicsInCode);
        topics.removeAll(consumedTopics());
        for (String ch : channels("outgoing")) {
            if (!ch.equals("outbox")) {
                topics.add(properties.getOrDefault(key("outgoing", ch, "topic"), ch));
            }
        }
        return topics;
    }

    private Set<String> channels(String direction) {
        Set<String> channels = new TreeSet<>();
        for (String k : properties.keySet()) {
            Matcher m = CHANNEL_KEY.matcher(k);
            if (m.matches() && m.group(1).equals(direction) && "smallrye-kafka".equals(
                    properties.get(key(direction, m.group(2), "connector")))) {
                channels.add(m.group(2));
            }
        }
        return channels;
    }

    private static String key(String direction, String channel, String attribute) {
        return "mp.messaging." + direction + "." + channel + "." + attribute;
    }

    /** MicroProfile Config's environment variable for a property name. */
    static String envName(String property) {
        return property.replaceAll("[^A-Za-z0-9]", "_").toUpperCase();
    }

    private static String resolve(String value, Map<String, String> props) {
        Matcher m = PLACEHOLDER.matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String replacement = props.getOrDefault(m.group(1), m.group(2) == null ? m.group() : m.group(2));
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        return m.appendTail(out).toString();
    }

    private static Iterable<Path> platformModules(Path repo) {
        try (Stream<Path> dirs = Files.list(repo.resolve("platform"))) {
            return dirs.filter(Files::isDirectory).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void load(Path file, Map<String, String> into) {
        if (!Files.exists(file)) {
            return;
        }
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        p.stringPropertyNames().forEach(k -> into.put(k, p.getProperty(k)));
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
