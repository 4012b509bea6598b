package org.dangjian.platform.localstack;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** A child JVM guarded by {@link OrphanGuard}, with its output in a log file. */
public final class ChildProcess implements AutoCloseable {

    private final String name;
    private final Path log;
    private final List<String> command;
    private final Map<String, String> environment;
    private Process process;

    public ChildProcess(String name, Path log, List<String> jvmOptions, String classpath, String mainClass,
            List<String> args, Map<String, String> environment) {
        this.name = name;
        this.log = log;
        this.environment = Map.copyOf(environment);
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvmOptions);
        cmd.add("-cp");
        cmd.add(guardLocation() + java.io.File.pathSeparator + classpath);
        cmd.add(OrphanGuard.class.getName());
        cmd.add(mainClass);
        cmd.addAll(args);
        this.command = List.copyOf(cmd);
    }

    /** Runs the command to completion (for one-shot tools such as Kafka's storage formatter). */
    public void runToCompletion(long timeoutSeconds) {
        start();
        try {
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                close();
                throw new IllegalStateException(name + " did not finish within " + timeoutSeconds + " s; see " + log);
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see " + log);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public synchronized void start() {
        if (isAlive()) {
            return;
        }
        try {
            Files.createDirectories(log.getParent());
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            // stdin stays a pipe on purpose: its end-of-file tells the child that we are gone.
            builder.environment().putAll(environment);
            process = builder.start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start " + name, e);
        }
    }

    public synchronized boolean isAlive() {
        return process != null && process.isAlive();
    }

    public synchronized long pid() {
        return process == null ? -1 : process.pid();
    }

    /** Graceful stop (SIGTERM), then a forced one if it does not end in time. */
    @Override
    public synchronized void close() {
        stop(false);
    }

    /** Stops the process; {@code kill} sends SIGKILL at once, as a crash would. */
    public synchronized void stop(boolean kill) {
        if (process == null) {
            return;
        }
        try {
            if (kill) {
                process.destroyForcibly();
            } else {
                process.destroy();
                if (!process.waitFor(20, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            }
            process.waitFor(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    public Path log() {
        return log;
    }

    private static String guardLocation() {
        try {
            return Path.of(OrphanGuard.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
