package org.dangjian.organization.event;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.dangjian.organization.organization.Organization;
import org.dangjian.platform.messaging.Outbox;

import java.time.LocalDate;
import java.util.UUID;

/** What organization-service tells the other services, through its outbox (schemas in events/). */
@ApplicationScoped
public class OrganizationEvents {

    public static final String TOPIC = "dangjian.organization.v1";
    public static final String ESTABLISHED = "organization.established";

    /** Data of organization.* events: the node as consumers copy it into their local tree. */
    public record OrganizationNode(UUID id, String code, String name, String type, String sector, UUID parentId,
            String path, String status, LocalDate establishedOn, long version) {

        static OrganizationNode of(Organization o) {
            return new OrganizationNode(o.id(), o.code(), o.name(), o.type().name(),
                    o.sector() == null ? null : o.sector().name(), o.parentId(), o.path(), o.status().name(),
                    o.establishedOn(), o.version());
        }
    }

    @Inject
    Outbox outbox;

    public void established(Organization organization) {
        outbox.publish(TOPIC, ESTABLISHED, organization.id(), OrganizationNode.of(organization));
    }
}
