package org.dangjian.deploy.k8s;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The renderer's transformations behave as kustomize's do, on a small kustomization of its own. */
class KustomizeTest {

    private static final String DEPLOYMENT = """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web, labels: {tier: api}}
            spec:
              replicas: 1
              selector: {matchLabels: {app: web}}
              template:
                metadata: {labels: {app: web}}
                spec:
                  containers:
                    - name: app
                      image: shop/web:old
                      args: [a, b]
                      env: [{name: A, value: "1"}, {name: B, value: "2"}]
                    - name: sidecar
                      image: proxy:1
            """;

    @Test
    void overlayPatchesMergeByKeyReplaceOtherListsAndDeleteNulls(@TempDir Path dir) throws Exception {
        Path base = Files.createDirectories(dir.resolve("base"));
        Files.writeString(base.resolve("d.yaml"), DEPLOYMENT);
        Files.writeString(base.resolve("kustomization.yaml"), "resources: [d.yaml]\n");
        Path overlay = Files.createDirectories(dir.resolve("overlay"));
        Files.writeString(overlay.resolve("p.yaml"), """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: any}
                spec:
                  template:
                    spec:
                      containers:
                        - name: app
                          args: [c]
                          env: [{name: B, value: "3"}, {name: C, value: "4"}]
                  strategy: null
                """);
        Files.writeString(overlay.resolve("kustomization.yaml"), """
                namespace: shop
                resources: [../base]
                labels: [{pairs: {env: test}}]
                images: [{name: shop/web, newName: reg.example/shop/web, newTag: "2.0"}]
                replicas: [{name: web, count: 3}]
                patches: [{path: p.yaml, target: {kind: Deployment, labelSelector: tier=api}}]
                configMapGenerator: [{name: extra, literals: [K=V]}]
                generatorOptions: {disableNameSuffixHash: true}
                """);
        List<ObjectNode> out = Kustomize.render(overlay);
        ObjectNode d = Manifests.find(out, "Deployment", "web");
        assertEquals("shop", d.at("/metadata/namespace").asText());
        assertEquals("test", d.at("/metadata/labels/env").asText());
        assertEquals("web", d.at("/spec/template/metadata/labels/app").asText(), "template labels untouched");
        assertEquals(1, d.at("/spec/selector/matchLabels").size(), "selectors untouched");
        assertEquals(3, d.at("/spec/replicas").asInt());
        assertEquals("reg.example/shop/web:2.0", d.at("/spec/template/spec/containers/0/image").asText());
        assertEquals("proxy:1", d.at("/spec/template/spec/containers/1/image").asText());
        assertEquals("[\"c\"]", d.at("/spec/template/spec/containers/0/args").toString());
        assertEquals("[{\"name\":\"A\",\"value\":\"1\"},{\"name\":\"B\",\"value\":\"3\"},{\"name\":\"C\",\"value\":\"4\"}]",
                d.at("/spec/template/spec/containers/0/env").toString());
        assertEquals(2, d.at("/spec/template/spec/containers").size());
        ObjectNode cm = Manifests.find(out, "ConfigMap", "extra");
        assertEquals("V", cm.at("/data/K").asText());
        assertEquals("shop", cm.at("/metadata/namespace").asText());
    }

    @Test
    void printedYamlReadsBackAsTheSameObjects() throws Exception {
        // What `Kustomize overlays/prod | kubectl apply -f -` sends: strings like "8080" or "true" stay strings.
        for (String overlay : Manifests.OVERLAYS) {
            for (ObjectNode o : Manifests.overlay(overlay)) {
                String yaml = Kustomize.YAML.writeValueAsString(o);
                assertEquals(o, Kustomize.YAML.readTree(yaml), Manifests.id(o));
            }
        }
    }
}
