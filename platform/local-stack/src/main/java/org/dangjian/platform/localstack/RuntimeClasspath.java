package org.dangjian.platform.localstack;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** Reads a classpath recorded at build time by the kafka-runtime / oidc-runtime modules. */
final class RuntimeClasspath {

    private RuntimeClasspath() {
    }

    static String of(String runtime) {
        String resource = "dangjian/" + runtime + ".classpath";
        try (InputStream in = RuntimeClasspath.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing: build the platform/" + runtime + " module first");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
