package org.dangjian.bench;

import org.dangjian.local.DangjianService;
import org.dangjian.local.LocalSystem;
import org.dangjian.local.ServiceProcess;
import org.dangjian.platform.localstack.LocalStack;
import org.dangjian.platform.localstack.Ports;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * B6: start-up time and idle resident memory of each service in JVM mode, one service at a time on
 * the real local stack (so they do not compete for the two cores), each started {@code runs} times.
 * Prints the figures and writes them to bench/results/&lt;date&gt;-b6.md.
 */
public final class StartupAndMemory {

    private StartupAndMemory() {
    }

    public static void main(String[] args) throws Exception {
        int runs = Integer.getInteger("bench.runs", 3);
        Duration idle = Duration.ofSeconds(Long.getLong("bench.idle-seconds", 10));
        Path root = LocalSystem.root();
        Path work = root.resolve("bench/target/b6");
        List<String> rows = new ArrayList<>();
        rows.add("| service | start-up to ready, ms (median of %d) | idle RSS after %d s, MiB (median) |".formatted(runs, idle.toSeconds()));
        rows.add("|---|---|---|");
        try (LocalStack stack = LocalStack.start(LocalStack.Settings.forTests(work))) {
            for (DangjianService service : DangjianService.values()) {
                List<Long> millis = new ArrayList<>();
                List<Long> rss = new ArrayList<>();
                for (int run = 0; run < runs; run++) {
                    ServiceProcess process = new ServiceProcess(service, root, work.resolve("logs"), Ports.free(),
                            stack.quarkusConfig(service.database()));
                    long begin = System.nanoTime();
                    process.start();
                    process.awaitReady(Duration.ofMinutes(3));
                    millis.add(Duration.ofNanos(System.nanoTime() - begin).toMillis());
                    Thread.sleep(idle.toMillis());
                    rss.add(residentKiB(process.pid()) / 1024);
                    process.close();
                }
                String row = "| %s | %d | %d |".formatted(service.module(), Bench.median(millis), Bench.median(rss));
                System.out.println("[B6] " + row + "   runs: " + millis + " ms, " + rss + " MiB");
                rows.add(row);
            }
        }
        String machine = "%d cores, %s, Java %s".formatted(Runtime.getRuntime().availableProcessors(),
                System.getProperty("os.name") + " " + System.getProperty("os.arch"), System.getProperty("java.version"));
        Path results = root.resolve("bench/results/" + LocalDate.now() + "-b6.md");
        Files.createDirectories(results.getParent());
        Files.writeString(results, "# B6: start-up and idle memory (JVM mode)\n\nMachine: " + machine
                + ". Each service alone on the local stack, heap capped at 320 MiB (-Xmx320m, SerialGC), as the run command starts it.\n\n"
                + String.join("\n", rows) + "\n");
        System.out.println("[B6] written to " + results);
    }

    private static long residentKiB(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", ""));
            }
        }
        throw new IllegalStateException("no VmRSS for " + pid);
    }
}
