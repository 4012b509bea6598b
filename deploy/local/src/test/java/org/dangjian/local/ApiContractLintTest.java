package org.dangjian.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each service's OpenAPI document, as its build wrote it (target/openapi), passes the real linter — Spectral
 * with its OpenAPI rules and the OWASP API Security ruleset (src/test/spectral, installed by this module's
 * build with npm ci from the committed lock file) — at 0 errors, so that clients can be generated from it.
 */
class ApiContractLintTest {

    private static final Path ROOT = Path.of(System.getProperty("dangjian.root", "../.."));
    private static final Path SPECTRAL = Path.of("target", "spectral");

    @ParameterizedTest
    @ValueSource(strings = {"member-service", "organization-service", "activity-service", "assistance-service"})
    void theServicesOpenApiDocumentHasNoLintErrors(String service) throws Exception {
        Path document = ROOT.resolve(service).resolve("target/openapi/openapi.yaml");
        assertTrue(Files.isRegularFile(document), "the build of " + service + " writes " + document);

        List<JsonNode> findings = lint(document);
        Map<String, Integer> errors = new TreeMap<>();
        Map<String, Integer> warnings = new TreeMap<>();
        List<String> errorLines = new ArrayList<>();
        for (JsonNode finding : findings) {
            String rule = finding.path("code").asText();
            if (finding.path("severity").asInt() == 0) {
                errors.merge(rule, 1, Integer::sum);
                errorLines.add(rule + " at " + finding.path("path") + ": " + finding.path("message").asText());
            } else {
                warnings.merge(rule, 1, Integer::sum);
            }
        }
        System.out.printf("[api-contract] %s: %d errors %s, %d warnings %s%n", service, errorLines.size(), errors,
                warnings.values().stream().mapToInt(Integer::intValue).sum(), warnings);
        assertEquals(List.of(), errorLines, service);
    }

    private static List<JsonNode> lint(Path document) throws IOException, InterruptedException {
        Path cli = SPECTRAL.resolve("node_modules/.bin/spectral");
        assertTrue(Files.isExecutable(cli), "npm ci installed Spectral in " + SPECTRAL);
        Path report = Files.createTempFile("spectral", ".json");
        Process lint = new ProcessBuilder(cli.toAbsolutePath().toString(), "lint", document.toAbsolutePath().toString(),
                "--ruleset", SPECTRAL.resolve(".spectral.yaml").toAbsolutePath().toString(),
                "--format", "json", "--output", report.toString(), "--fail-severity", "error", "--quiet")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertTrue(lint.waitFor(5, TimeUnit.MINUTES), "spectral finished");
        String json = Files.readString(report, StandardCharsets.UTF_8);
        Files.delete(report);
        // Exit 1 means "errors found", reported below with the findings; anything else is the linter failing.
        assertTrue(lint.exitValue() == 0 || lint.exitValue() == 1, "spectral exit " + lint.exitValue() + ": " + json);
        List<JsonNode> findings = new ArrayList<>();
        new ObjectMapper().readTree(json.isBlank() ? "[]" : json).forEach(findings::add);
        return findings;
    }
}
