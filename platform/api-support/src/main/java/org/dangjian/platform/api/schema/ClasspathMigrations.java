package org.dangjian.platform.api.schema;

import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.ResourceProvider;
import org.flywaydb.core.api.resource.LoadableResource;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * The migrations of one {@link PlatformSchema}, named rather than found: Flyway's class-path scanner lists folders,
 * which Quarkus' runner class loader ({@code quarkus-run.jar}) does not offer for a dependency's jar, while reading a
 * resource by its full name works under every class loader.
 */
final class ClasspathMigrations implements ResourceProvider {

    private final List<LoadableResource> resources;

    ClasspathMigrations(PlatformSchema part) {
        ClassLoader loader = part.anchor().getClassLoader();
        this.resources = part.migrations().stream()
                .<LoadableResource>map(name -> new Migration(loader, part.location() + "/" + name, name))
                .toList();
        for (LoadableResource resource : resources) {
            if (loader.getResource(resource.getAbsolutePath()) == null) {
                throw new FlywayException("platform migration " + resource.getAbsolutePath() + " is not on the class path of "
                        + part.anchor().getName());
            }
        }
    }

    @Override
    public LoadableResource getResource(String name) {
        return resources.stream()
                .filter(r -> r.getRelativePath().equals(name) || r.getAbsolutePath().equals(name))
                .findFirst().orElse(null);
    }

    @Override
    public Collection<LoadableResource> getResources(String prefix, String... suffixes) {
        return resources.stream()
                .filter(r -> r.getFilename().startsWith(prefix))
                .filter(r -> Arrays.stream(suffixes).anyMatch(r.getFilename()::endsWith))
                .toList();
    }

    private static final class Migration extends LoadableResource {

        private final ClassLoader loader;
        private final String path;
        private final String name;

        Migration(ClassLoader loader, String path, String name) {
            this.loader = loader;
            this.path = path;
            this.name = name;
        }

        @Override
        public Reader read() {
            InputStream in = loader.getResourceAsStream(path);
            if (in == null) {
                throw new FlywayException("platform migration " + path + " is not on the class path");
            }
            return new InputStreamReader(in, StandardCharsets.UTF_8);
        }

        @Override
        public String getAbsolutePath() {
            return path;
        }

        @Override
        public String getAbsolutePathOnDisk() {
            URL url = loader.getResource(path);
            return url == null ? path : url.toString();
        }

        @Override
        public String getFilename() {
            return name;
        }

        @Override
        public String getRelativePath() {
            return name;
        }
    }
}
