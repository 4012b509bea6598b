package org.dangjian.bench;

import org.dangjian.local.DangjianService;
import org.dangjian.local.LocalSystem;
import org.dangjian.platform.api.Caller;
import org.dangjian.platform.localstack.ChildProcess;
import org.dangjian.platform.localstack.LocalStack;
import org.dangjian.platform.localstack.Ports;
import org.dangjian.platform.localstack.Tokens;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One benchmark run: the real local stack (PostgreSQL, Kafka, OIDC), the services it needs started
 * from their built {@code target/quarkus-app} exactly as the run command starts them (so Flyway has
 * migrated their schemas before the scale data is copied in), and the results file.
 */
final class Bench implements AutoCloseable {

    final String name;
    final Path root;
    final Path work;
    final LocalStack stack;
    final Map<DangjianService, BenchService> services = new EnumMap<>(DangjianService.class);
    private final List<String> lines = new ArrayList<>();

    private Bench(String name, List<DangjianService> needed) {
        this.name = name;
        this.root = LocalSystem.root();
        this.work = root.resolve("bench/target/" + name);
        this.stack = LocalStack.start(LocalStack.Settings.forTests(work));
        try {
            for (DangjianService service : needed) {
                services.put(service, new BenchService(service, jit(), root, work.resolve("logs"),
                        stack.quarkusConfig(service.database())).start());
            }
            for (BenchService process : services.values()) {
                process.awaitReady();
            }
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    static Bench start(String name, DangjianService... needed) {
        System.out.printf("[%s] starting the local stack and %s ...%n", name, List.of(needed));
        return new Bench(name, List.of(needed));
    }

    /** {@code -Dbench.jit=RUN_COMMAND} (default: the run command's C1-only JVM) or {@code FULL} (as deploy/k8s). */
    static BenchService.Jit jit() {
        return BenchService.Jit.valueOf(System.getProperty("bench.jit", "RUN_COMMAND"));
    }

    static double scale() {
        return Double.parseDouble(System.getProperty("bench.scale", "0.02"));
    }

    static long seed() {
        return Long.getLong("bench.seed", 20261123L);
    }

    /** The middle of the values (the upper one of an even count), or -1 when there are none. */
    static long median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.isEmpty() ? -1 : sorted.get(sorted.size() / 2);
    }

    /**
     * Generates the scale data and COPYs it into the given services' databases (already migrated by
     * their start), printing rows and rows/s per table.
     */
    ScaleData load(DangjianService... into) throws SQLException {
        long begin = System.nanoTime();
        ScaleData data = new ScaleData(scale(), seed(), stack.quarkusConfig(DangjianService.MEMBER.database()));
        report("Data: " + data.shape() + ".");
        for (DangjianService service : into) {
            long start = System.nanoTime();
            try (Connection c = connect(service)) {
                Map<String, Long> counts = data.load(service, c);
                double seconds = (System.nanoTime() - start) / 1e9;
                long rows = counts.values().stream().mapToLong(Long::longValue).sum();
                report("Loaded %s: %s in %.1f s (%,.0f rows/s, COPY, sealed personal data, then VACUUM ANALYZE).",
                        service.database(), counts, seconds, rows / seconds);
            }
        }
        report("Scale data ready in %.1f s.", (System.nanoTime() - begin) / 1e9);
        return data;
    }

    Connection connect(DangjianService service) throws SQLException {
        return DriverManager.getConnection(stack.postgres().jdbcUrl(service.database()), "postgres", "");
    }

    /**
     * {@link BareEndpoint} in a JVM of its own with the JIT flags the service gets, so the anchor is compiled as the
     * service is; close it to stop it.
     */
    ChildProcess bareEndpoint(BenchService.Jit jit, int threads, int port) {
        ChildProcess process = new ChildProcess("bare-endpoint", work.resolve("logs/bare-endpoint-" + jit.name().toLowerCase() + ".log"),
                jit.flags, BareEndpoint.classPath(), BareEndpoint.class.getName(),
                List.of(Integer.toString(port), Integer.toString(threads), stack.postgres().jdbcUrl(DangjianService.MEMBER.database()),
                        "postgres"), Map.of());
        process.start();
        Ports.await("bare endpoint", Duration.ofMinutes(1), () -> {
            if (!process.isAlive()) {
                throw new IllegalStateException("bare endpoint exited during start; see " + process.log());
            }
            try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
                return true;
            } catch (IOException e) {
                return false;
            }
        });
        return process;
    }

    BenchService.Jit jitOf(DangjianService service) {
        return services.get(service).jit;
    }

    /** Replaces the running service by one with the given JIT (same database, already migrated and loaded). */
    void restart(DangjianService service, BenchService.Jit jit) {
        services.remove(service).close();
        BenchService process = new BenchService(service, jit, root, work.resolve("logs"), stack.quarkusConfig(service.database()));
        services.put(service, process.start());
        process.awaitReady();
    }

    String baseUrl(DangjianService service) {
        return services.get(service).baseUrl();
    }

    Path log(DangjianService service) {
        return services.get(service).log();
    }

    /**
     * With {@code -Dbench.jfr=true}: a Flight Recorder profile of the service over the coming
     * measurement window (after the warm-up), to bench/target/&lt;bench&gt;/&lt;service&gt;.jfr, through jcmd.
     */
    void profile(DangjianService service, Duration delay, Duration duration) throws IOException, InterruptedException {
        if (!Boolean.getBoolean("bench.jfr")) {
            return;
        }
        Path file = work.resolve(service.module() + ".jfr").toAbsolutePath();
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        Process p = new ProcessBuilder(jcmd.toString(), Long.toString(services.get(service).pid()), "JFR.start",
                "settings=profile", "delay=" + delay.toSeconds() + "s", "duration=" + duration.toSeconds() + "s",
                "filename=" + file).inheritIO().start();
        p.waitFor();
        System.out.println("[" + name + "] profiling " + service.module() + " to " + file);
    }

    /** A real token from the stack's issuer. */
    String token(String role, UUID orgId) {
        return Tokens.issue(stack.oidc(), "bench-" + role, role, orgId, null);
    }

    /** A real token of a member acting for their branch, with their {@code member_id} (the /me endpoints). */
    String memberToken(UUID branch, UUID member) {
        return Tokens.issue(stack.oidc(), "bench-member", Caller.MEMBER, branch, member);
    }

    /** Prints a line and keeps it for the results file. */
    void report(String format, Object... args) {
        String line = args.length == 0 ? format : format.formatted(args);
        System.out.println("[" + name + "] " + line);
        lines.add(line);
    }

    /** Machine facts for the results file: what the figures were measured on. */
    String machine() throws SQLException, IOException {
        String pg;
        try (Connection c = connect(DangjianService.MEMBER); Statement s = c.createStatement();
                ResultSet r = s.executeQuery("show server_version")) {
            r.next();
            pg = r.getString(1);
        }
        long memKiB = 0;
        for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
            if (line.startsWith("MemTotal:")) {
                memKiB = Long.parseLong(line.replaceAll("\\D", ""));
            }
        }
        String cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                .findFirst().map(l -> l.substring(l.indexOf(':') + 1).strip()).orElse("?");
        return ("%d cores (%s), %d GiB RAM, %s %s, Java %s, PostgreSQL %s, Kafka %s. The machine was shared with other "
                + "sessions building and testing at the same time, so absolute figures are noisy; ratios are measured in the "
                + "same run. Services run from their quarkus-app as the run command starts them (-Xmx320m, SerialGC, JIT capped at C1) unless a line says \"full JIT\" (the same without the cap, as deploy/k8s runs them).").formatted(
                Runtime.getRuntime().availableProcessors(), cpu, Math.round(memKiB / 1048576.0),
                System.getProperty("os.name"), System.getProperty("os.arch"), System.getProperty("java.version"), pg,
                org.apache.kafka.common.utils.AppInfoParser.getVersion());
    }

    /**
     * Writes bench/results/&lt;date&gt;-&lt;name&gt;.md: the title, command, machine and the kept lines, then
     * {@code notes}, then bench/notes/&lt;name&gt;.md when present (the bottleneck analysis, written by hand
     * from EXPLAIN and profiles, kept outside the generated file so a re-run keeps it).
     */
    void write(String title, String notes) throws Exception {
        Path results = root.resolve("bench/results/" + LocalDate.now() + "-" + name + ".md");
        Files.createDirectories(results.getParent());
        String command = "./mvnw -q exec:java -pl bench -Dexec.mainClass=" + System.getProperty("exec.mainClass", "?")
                + " -Dbench.scale=" + scale() + otherOptions();
        Path analysis = root.resolve("bench/notes/" + name + ".md");
        Files.writeString(results, "# " + title + "\n\nCommand: `" + command + "` (run on " + LocalDate.now() + ")\n\nMachine: "
                + machine() + "\n\n" + String.join("\n", lines) + "\n"
                + (notes == null || notes.isBlank() ? "" : "\n" + notes.strip() + "\n")
                + (Files.isRegularFile(analysis) ? "\n" + Files.readString(analysis).strip() + "\n" : ""));
        System.out.println("[" + name + "] written to " + results);
    }

    /** The run's other {@code -Dbench.*} options, so a results file names the exact command that produced it. */
    private static String otherOptions() {
        return System.getProperties().stringPropertyNames().stream()
                .filter(key -> key.startsWith("bench.") && !key.equals("bench.scale")).sorted()
                .map(key -> " -D" + key + "=" + System.getProperty(key)).collect(java.util.stream.Collectors.joining());
    }

    @Override
    public void close() {
        for (BenchService process : services.values()) {
            try {
                process.close();
            } catch (RuntimeException e) {
                System.err.println("stopping " + process.baseUrl() + " failed: " + e);
            }
        }
        stack.close();
    }
}
