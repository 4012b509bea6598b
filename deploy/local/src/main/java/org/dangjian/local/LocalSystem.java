package org.dangjian.local;

import org.dangjian.platform.localstack.LocalStack;
import org.dangjian.platform.localstack.OidcIssuer;
import org.dangjian.platform.localstack.Tokens;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * The whole Dangjian system on one machine: the local stack plus the four services as child
 * processes. {@link #main} is the README's run command; the end-to-end tests start it too.
 */
public final class LocalSystem implements AutoCloseable {

    /** The demo platform administrator (client credentials; any secret). */
    public static final String ADMIN_CLIENT = "dangjian-admin";

    /** Ports of the stack and the services; 0 means any free loopback port. */
    public record PortPlan(int postgres, int kafka, int oidc, Map<DangjianService, Integer> services) {

        public static PortPlan fixed() {
            Map<DangjianService, Integer> services = new EnumMap<>(DangjianService.class);
            for (DangjianService service : DangjianService.values()) {
                services.put(service, Integer.getInteger("dangjian.port." + service.database(), service.defaultPort()));
            }
            return new PortPlan(Integer.getInteger("dangjian.port.postgres", 15432), Integer.getInteger("dangjian.port.kafka", 19092),
                    Integer.getInteger("dangjian.port.oidc", 8090), services);
        }

        public static PortPlan free() {
            Map<DangjianService, Integer> services = new EnumMap<>(DangjianService.class);
            for (DangjianService service : DangjianService.values()) {
                services.put(service, org.dangjian.platform.localstack.Ports.free());
            }
            return new PortPlan(0, 0, 0, services);
        }
    }

    private final LocalStack stack;
    private final Map<DangjianService, ServiceProcess> services = new EnumMap<>(DangjianService.class);
    private final long stackMillis;
    private final long servicesMillis;

    private LocalSystem(Path root, Path workDir, PortPlan ports, boolean durable) {
        stack = LocalStack.start(new LocalStack.Settings(workDir, ports.postgres(), ports.kafka(), ports.oidc(), durable,
                List.of(new OidcIssuer.Client(ADMIN_CLIENT, List.of("platform-admin"), null, null))));
        stackMillis = stack.startMillis();
        long begin = System.currentTimeMillis();
        try {
            for (DangjianService service : DangjianService.values()) {
                ServiceProcess process = new ServiceProcess(service, root, workDir.resolve("logs"),
                        ports.services().get(service), stack.quarkusConfig(service.database()));
                services.put(service, process);
                process.start();
            }
            for (ServiceProcess process : services.values()) {
                process.awaitReady(Duration.ofSeconds(180));
            }
        } catch (RuntimeException e) {
            close();
            throw e;
        }
        servicesMillis = System.currentTimeMillis() - begin;
    }

    public static LocalSystem start(Path root, Path workDir, PortPlan ports, boolean durable) {
        return new LocalSystem(root, workDir, ports, durable);
    }

    /** The repository root: {@code -Ddangjian.root}, else the nearest folder above holding the services. */
    public static Path root() {
        String configured = System.getProperty("dangjian.root");
        Path dir = Path.of(configured != null ? configured : ".").toAbsolutePath().normalize();
        for (Path candidate = dir; candidate != null; candidate = candidate.getParent()) {
            if (Files.isDirectory(candidate.resolve("organization-service"))) {
                return candidate;
            }
        }
        throw new IllegalStateException("cannot find the repository root above " + dir);
    }

    public String baseUrl(DangjianService service) {
        return services.get(service).baseUrl();
    }

    public ServiceProcess process(DangjianService service) {
        return services.get(service);
    }

    public LocalStack stack() {
        return stack;
    }

    public String adminToken() {
        return Tokens.forClient(stack.oidc(), ADMIN_CLIENT);
    }

    public long stackMillis() {
        return stackMillis;
    }

    public long servicesMillis() {
        return servicesMillis;
    }

    @Override
    public void close() {
        List<Thread> stopping = new ArrayList<>();
        for (ServiceProcess process : services.values()) {
            Thread thread = new Thread(process::close, "stop-" + process);
            thread.start();
            stopping.add(thread);
        }
        for (Thread thread : stopping) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        stack.close();
    }

    /** The run command: start everything, load the demo data, print how to use it, stop on Ctrl-C. */
    public static void main(String[] args) throws Exception {
        Path root = root();
        Path work = root.resolve("deploy/local/target/local-run");
        System.out.println("Starting PostgreSQL, Kafka and the OIDC issuer, then the four services ...");
        LocalSystem system = start(root, work, PortPlan.fixed(), true);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("\nStopping the Dangjian services and the local stack ...");
            system.close();
            stopped.countDown();
        }, "local-system-stop"));
        DemoData.Summary demo = new DemoData(system, Integer.getInteger("dangjian.demo.scale", 5)).load();
        Banner.print(system, demo, work);
        stopped.await();
    }
}
