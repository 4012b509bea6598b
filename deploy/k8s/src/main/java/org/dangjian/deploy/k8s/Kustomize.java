package org.dangjian.deploy.k8s;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A Kustomize renderer for the subset of kustomization.yaml that deploy/k8s uses, with the same
 * semantics as {@code kubectl kustomize}: so CI can render and check every overlay on a machine
 * with nothing but a JDK. It refuses any kustomization field it does not implement rather than
 * silently rendering something different from what a cluster would get.
 *
 * <p>Supported: {@code resources} (files and directories holding a kustomization.yaml),
 * {@code namespace}, {@code labels} (metadata only: includeSelectors/includeTemplates false),
 * {@code images} (name → newName/newTag), {@code replicas}, {@code patches} (strategic-merge
 * patches from a file, matched by kind+name or by a {@code target} of kind/name/labelSelector),
 * {@code configMapGenerator} (files, literals) with {@code generatorOptions.disableNameSuffixHash: true}.
 *
 * <p>Patches of built-in kinds are strategic merges (lists merged by their Kubernetes merge key);
 * patches of custom resources are JSON merge patches (lists replaced). Kustomize merges custom
 * resources' lists by a heuristic key instead; the patches in this repository replace such a list
 * only with a complete one, where both give the same result.
 *
 * <p>Run {@code java -cp target/classes:... org.dangjian.deploy.k8s.Kustomize overlays/prod} to
 * print the rendered stream.
 */
public final class Kustomize {

    private static final Set<String> SUPPORTED = Set.of("apiVersion", "kind", "resources", "namespace", "labels",
            "images", "replicas", "patches", "configMapGenerator", "generatorOptions");
    /** Kinds without a namespace among those we render. */
    private static final Set<String> CLUSTER_SCOPED = Set.of("Namespace", "ClusterRole", "ClusterRoleBinding",
            "CustomResourceDefinition", "PersistentVolume", "StorageClass");
    /** Built-in API versions: strategic merge; custom resources get JSON merge patch (lists replaced), as in kustomize. */
    private static final Set<String> BUILT_IN = Set.of("v1", "apps/v1", "autoscaling/v2", "policy/v1", "networking.k8s.io/v1");
    /** Strategic-merge keys of the lists we patch (Kubernetes' patchMergeKey for these fields). */
    private static final Map<String, String> MERGE_KEYS = Map.of("containers", "name", "initContainers", "name",
            "env", "name", "volumes", "name", "volumeMounts", "mountPath", "ports", "port");

    public static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS))
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    public static final ObjectMapper JSON = new ObjectMapper();

    private Kustomize() {
    }

    /** Renders the kustomization in {@code dir}: the objects a cluster would receive, in order. */
    public static List<ObjectNode> render(Path dir) {
        Path file = dir.resolve("kustomization.yaml");
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("no kustomization.yaml in " + dir);
        }
        ObjectNode k = (ObjectNode) readAll(file).get(0);
        k.fieldNames().forEachRemaining(f -> {
            if (!SUPPORTED.contains(f)) {
                throw new IllegalArgumentException(file + ": kustomization field '" + f + "' is not supported by this renderer");
            }
        });
        List<ObjectNode> objects = new ArrayList<>();
        for (JsonNode r : k.path("resources")) {
            Path p = dir.resolve(r.asText()).normalize();
            objects.addAll(Files.isDirectory(p) ? render(p) : readAll(p));
        }
        objects.addAll(generateConfigMaps(dir, k));
        for (JsonNode patch : k.path("patches")) {
            applyPatch(dir, patch, objects);
        }
        for (JsonNode r : k.path("replicas")) {
            objects.stream().filter(o -> o.path("metadata").path("name").asText().equals(r.path("name").asText()))
                    .filter(o -> o.path("spec").has("template"))
                    .forEach(o -> ((ObjectNode) o.get("spec")).put("replicas", r.path("count").asInt()));
        }
        for (JsonNode image : k.path("images")) {
            objects.forEach(o -> setImage(o, image));
        }
        if (k.has("labels")) {
            for (JsonNode l : k.get("labels")) {
                if (l.path("includeSelectors").asBoolean(false) || l.path("includeTemplates").asBoolean(false)) {
                    throw new IllegalArgumentException(file + ": only metadata labels are supported");
                }
                objects.forEach(o -> metadata(o).with("labels").setAll((ObjectNode) l.get("pairs")));
            }
        }
        if (k.has("namespace")) {
            String ns = k.get("namespace").asText();
            objects.stream().filter(o -> !CLUSTER_SCOPED.contains(o.path("kind").asText()))
                    .forEach(o -> metadata(o).put("namespace", ns));
        }
        return objects;
    }

    private static List<ObjectNode> generateConfigMaps(Path dir, ObjectNode k) {
        List<ObjectNode> maps = new ArrayList<>();
        if (!k.path("configMapGenerator").isEmpty() && !k.path("generatorOptions").path("disableNameSuffixHash").asBoolean()) {
            throw new IllegalArgumentException(dir + ": configMapGenerator needs generatorOptions.disableNameSuffixHash: true here");
        }
        for (JsonNode g : k.path("configMapGenerator")) {
            ObjectNode cm = JsonNodeFactory.instance.objectNode();
            cm.put("apiVersion", "v1").put("kind", "ConfigMap");
            cm.putObject("metadata").put("name", g.get("name").asText());
            ObjectNode data = cm.putObject("data");
            for (JsonNode f : g.path("files")) {
                Path p = dir.resolve(f.asText());
                data.put(p.getFileName().toString(), read(p));
            }
            for (JsonNode l : g.path("literals")) {
                String[] kv = l.asText().split("=", 2);
                data.put(kv[0], kv[1]);
            }
            maps.add(cm);
        }
        return maps;
    }

    private static void applyPatch(Path dir, JsonNode patchRef, List<ObjectNode> objects) {
        ObjectNode patch = (ObjectNode) readAll(dir.resolve(patchRef.get("path").asText())).get(0);
        JsonNode target = patchRef.get("target");
        int matched = 0;
        for (ObjectNode o : objects) {
            boolean matches = target == null
                    ? o.path("kind").equals(patch.path("kind")) && metadata(o).path("name").equals(patch.path("metadata").path("name"))
                    : matchesTarget(o, target);
            if (matches) {
                ObjectNode p = patch.deepCopy();
                // With a target the patch's own kind/name only satisfy the format (as in kustomize).
                p.remove("apiVersion");
                p.remove("kind");
                ((ObjectNode) p.with("metadata")).remove("name");
                merge(o, p, BUILT_IN.contains(o.path("apiVersion").asText()));
                matched++;
            }
        }
        if (matched == 0) {
            throw new IllegalArgumentException(dir + ": patch " + patchRef + " matched no object");
        }
    }

    private static boolean matchesTarget(ObjectNode o, JsonNode target) {
        if (target.has("kind") && !target.get("kind").asText().equals(o.path("kind").asText())) {
            return false;
        }
        if (target.has("name") && !o.path("metadata").path("name").asText().matches(target.get("name").asText())) {
            return false;
        }
        if (target.has("labelSelector")) {
            for (String term : target.get("labelSelector").asText().split(",")) {
                String[] kv = term.trim().split("=", 2);
                if (!kv[1].equals(o.path("metadata").path("labels").path(kv[0]).asText(null))) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * Kubernetes strategic merge (built-in kinds): maps merge, keyed lists merge by key, other lists
     * are replaced, null deletes. Without {@code strategic}: JSON merge patch (RFC 7386).
     */
    static void merge(ObjectNode into, ObjectNode patch, boolean strategic) {
        Iterator<Map.Entry<String, JsonNode>> it = patch.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode current = into.get(e.getKey());
            JsonNode value = e.getValue();
            if (value.isNull()) {
                into.remove(e.getKey());
            } else if (value.isObject() && current != null && current.isObject()) {
                merge((ObjectNode) current, (ObjectNode) value, strategic);
            } else if (strategic && value.isArray() && current != null && current.isArray() && MERGE_KEYS.containsKey(e.getKey())) {
                mergeList((ArrayNode) current, (ArrayNode) value, MERGE_KEYS.get(e.getKey()));
            } else {
                into.set(e.getKey(), value.deepCopy());
            }
        }
    }

    private static void mergeList(ArrayNode current, ArrayNode patch, String listKey) {
        for (JsonNode item : patch) {
            // A container's ports merge by containerPort, a Service's by port.
            String key = item.has("containerPort") ? "containerPort" : listKey;
            ObjectNode existing = null;
            for (JsonNode c : current) {
                if (c.path(key).equals(item.path(key))) {
                    existing = (ObjectNode) c;
                }
            }
            if (existing == null) {
                current.add(item.deepCopy());
            } else {
                merge(existing, (ObjectNode) item, true);
            }
        }
    }

    private static void setImage(ObjectNode o, JsonNode image) {
        JsonNode podSpec = o.path("spec").path("template").path("spec");
        for (String list : List.of("initContainers", "containers")) {
            for (JsonNode c : podSpec.path(list)) {
                String current = c.path("image").asText();
                String name = current.replaceFirst("@.*$", "").replaceFirst(":[^:/]*$", "");
                if (name.equals(image.get("name").asText())) {
                    String tag = current.substring(name.length());
                    String newName = image.path("newName").asText(name);
                    String newTag = image.has("newTag") ? ":" + image.get("newTag").asText() : tag;
                    ((ObjectNode) c).put("image", newName + newTag);
                }
            }
        }
    }

    private static ObjectNode metadata(ObjectNode o) {
        return o.with("metadata");
    }

    public static List<ObjectNode> readAll(Path file) {
        try (MappingIterator<JsonNode> it = YAML.readerFor(JsonNode.class).readValues(file.toFile())) {
            List<ObjectNode> docs = new ArrayList<>();
            while (it.hasNext()) {
                JsonNode doc = it.next();
                if (doc != null && !doc.isNull() && !doc.isMissingNode() && !doc.isEmpty()) {
                    docs.add((ObjectNode) doc);
                }
            }
            return docs;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void main(String[] args) throws IOException {
        for (ObjectNode o : render(Path.of(args[0]))) {
            System.out.println("---");
            System.out.print(YAML.writeValueAsString(o));
        }
    }
}
