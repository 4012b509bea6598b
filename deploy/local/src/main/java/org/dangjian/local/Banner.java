package org.dangjian.local;

import java.nio.file.Path;

/** What the run command prints once everything is up: where things are and how to call them. */
final class Banner {

    private Banner() {
    }

    static void print(LocalSystem system, DemoData.Summary demo, Path work) {
        var stack = system.stack();
        StringBuilder out = new StringBuilder();
        out.append("\n==================== Dangjian is running ====================\n");
        out.append("stack started in %.1f s, services ready %.1f s later%n".formatted(system.stackMillis() / 1000.0,
                system.servicesMillis() / 1000.0));
        for (DangjianService service : DangjianService.values()) {
            out.append("  %-20s %s   (Swagger UI %s/q/swagger-ui, health %s/q/health/ready)%n".formatted(service.module(),
                    system.baseUrl(service), system.baseUrl(service), system.baseUrl(service)));
        }
        out.append("  %-20s %s%n".formatted("OIDC issuer", stack.oidc().issuerUrl()));
        out.append("  %-20s %s%n".formatted("Kafka", stack.kafka().bootstrapServers()));
        out.append("  %-20s %s (user postgres, databases organization, member, activity, assistance)%n"
                .formatted("PostgreSQL", "127.0.0.1:" + stack.postgres().port()));
        out.append("  logs: ").append(work.resolve("logs")).append('\n');
        out.append(("\nDemo data (loaded in %.1f s, %d requests): %d organizations, %d members, one transfer in flight;%n"
                + "  %d activities recorded in %d, behind on purpose: %s;%n"
                + "  next month's 主题党日 planned everywhere; hardship cases in every state: %s.%n").formatted(
                demo.loadMillis() / 1000.0, demo.requests(), demo.organizations().size(), demo.members(),
                demo.activitiesRecorded(), demo.activityYear(), String.join("、", demo.branchesBehind()), demo.casesByState()));
        out.append("Demo committees (branches: GET /api/v1/organizations/{id}/children):\n");
        for (DemoData.Organization o : demo.organizations()) {
            if (!o.type().contains("BRANCH")) {
                out.append("  %-40s %-18s %s%n".formatted(o.name(), o.type(), o.id()));
            }
        }
        String issuer = stack.oidc().tokenEndpoint();
        out.append("\nDemo users (client credentials against the issuer; any client secret):\n");
        out.append("  ").append(LocalSystem.ADMIN_CLIENT).append("  platform-admin, whole tree\n");
        out.append("  any other client id: pass role=<platform-admin|org-admin|branch-secretary|member|auditor|integration>,\n");
        out.append("  org_id=<an organization id above> and optionally member_id=<a member id>\n");
        out.append("\nTry it:\n");
        out.append("  TOKEN=$(curl -s -d grant_type=client_credentials -d client_id=").append(LocalSystem.ADMIN_CLIENT)
                .append(" -d client_secret=x ").append(issuer).append(" | sed -n 's/.*\"access_token\" *: *\"\\([^\"]*\\)\".*/\\1/p')\n");
        out.append("  curl -s -H \"Authorization: Bearer $TOKEN\" -H 'Content-Type: application/json' \\\n")
                .append("       -d '{\"name\":\"西城村第二党支部\",\"type\":\"BRANCH\",\"sector\":\"VILLAGE\",\"parentId\":\"")
                .append(demo.idOf("西城镇党委")).append("\"}' ").append(system.baseUrl(DangjianService.ORGANIZATION))
                .append("/api/v1/organizations\n");
        out.append("  curl -s -H \"Authorization: Bearer $TOKEN\" ").append(system.baseUrl(DangjianService.MEMBER))
                .append("/api/v1/organization-tree/<id from the answer>\n");
        out.append("  An org-admin of 西城镇党委: -d client_id=xicheng -d role=org-admin -d org_id=")
                .append(demo.idOf("西城镇党委")).append('\n');
        out.append("\nPress Ctrl-C to stop everything.\n");
        System.out.println(out);
    }
}
