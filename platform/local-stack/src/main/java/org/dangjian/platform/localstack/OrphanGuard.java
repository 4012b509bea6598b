package org.dangjian.platform.localstack;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.util.Arrays;

/**
 * Entry point of every child JVM the local stack starts. It runs the real main class and exits the
 * JVM as soon as its standard input reaches end-of-file, which happens when the parent dies for
 * any reason (Ctrl-C, a crashed test JVM, kill -9). So no broker, issuer or service outlives the
 * process that started it, even when the parent had no chance to run its shutdown hooks.
 */
public final class OrphanGuard {

    private OrphanGuard() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            throw new IllegalArgumentException("usage: OrphanGuard <main-class> [args...]");
        }
        Thread watcher = new Thread(OrphanGuard::exitWhenParentGone, "orphan-guard");
        watcher.setDaemon(true);
        watcher.start();
        Method main = Class.forName(args[0]).getMethod("main", String[].class);
        main.invoke(null, (Object) Arrays.copyOfRange(args, 1, args.length));
    }

    private static void exitWhenParentGone() {
        InputStream in = System.in;
        byte[] buffer = new byte[256];
        try {
            while (in.read(buffer) >= 0) {
                // The parent never writes; anything read is ignored.
            }
        } catch (IOException ignored) {
            // A broken pipe means the same as end-of-file: the parent is gone.
        }
        System.exit(0);
    }
}
