package org.dangjian.organization.event;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.dangjian.organization.organization.Organization;
import org.dangjian.platform.messaging.Outbox;

import java.time.LocalDate;
import java.util.UUID;

/**
 * What organization-service tells the other services, through its outbox (schemas in events/).
 * Every organization.* event carries the whole node, so a consumer simply upserts its copy.
 */
@ApplicationScoped
public class OrganizationEvents {

    public static final String TOPIC = "dangjian.organization.v1";
    public static final String ESTABLISHED = "organization.established";
    public static final String CHANGED = "organization.changed";
    public static final String MOVED = "organization.moved";
    public static final String DISSOLVED = "organization.dissolved";
    public static final String LEADERSHIP_CHANGED = "organization.leadership-changed";
    public static final String SPLIT = "organization.split";

    /** What a consumer does with the members of a split organization (also in the event's schema). */
    public static final String SPLIT_MEMBER_RULE = "Each part's memberIds now belong to that part; members of a part's "
            + "childIds (groups) follow their group; all other members stay with the original organization, or, "
            + "when originalDissolved, are to be reassigned as after organization.dissolved.";

    /** Data of organization.* events: the node as consumers copy it into their local tree. */
    public record OrganizationNode(UUID id, String code, String name, String type, String sector, UUID parentId,
            String path, String status, LocalDate establishedOn, long version) {

        static OrganizationNode of(Organization o) {
            return new OrganizationNode(o.id(), o.code(), o.name(), o.type().name(),
                    o.sector() == null ? null : o.sector().name(), o.parentId(), o.path(), o.status().name(),
                    o.establishedOn(), o.version());
        }
    }

    /** organization.moved: the node with its new parent and path, and where its subtree was before. */
    public record OrganizationMoved(@JsonUnwrapped OrganizationNode node, UUID oldParentId, String oldPath) {
    }

    /** organization.dissolved: the node, the date and reason, and the survivor when it was merged. */
    public record OrganizationDissolved(@JsonUnwrapped OrganizationNode node, LocalDate dissolvedOn, String reason,
            UUID mergedIntoId) {
    }

    /**
     * organization.leadership-changed: the whole team as it is now (open seats), so consumers replace their
     * copy, and the seats that ended in this term or in this change with their real end dates, so a change
     * recorded late does not end a seat on the day it was recorded.
     */
    public record LeadershipChanged(UUID organizationId, String path, LocalDate termStartedOn, LocalDate termEndsOn,
            java.util.List<SeatHolder> seats, java.util.List<EndedSeat> endedSeats, long version) {
    }

    /**
     * organization.split: the original node (so a tree copy can upsert it like any organization.*
     * event), the new parts with the child organizations and the members each takes, and the rule.
     */
    public record OrganizationSplit(@JsonUnwrapped OrganizationNode node, LocalDate splitOn, String reason,
            boolean originalDissolved, java.util.List<SplitPart> parts, String memberRule) {
    }

    public record SplitPart(UUID id, String code, String name, java.util.List<UUID> childIds,
            java.util.List<UUID> memberIds) {
    }

    public record SeatHolder(UUID seatId, String seat, UUID memberId, String memberName, LocalDate startedOn) {
    }

    /** A holding that ended: held from startedOn, no longer from endedOn (a successor may start that day). */
    public record EndedSeat(UUID seatId, String seat, UUID memberId, String memberName, LocalDate startedOn,
            LocalDate endedOn) {
    }

    @Inject
    Outbox outbox;

    public void leadershipChanged(LeadershipChanged team) {
        outbox.publish(TOPIC, LEADERSHIP_CHANGED, team.organizationId(), team);
    }

    public void established(Organization organization) {
        outbox.publish(TOPIC, ESTABLISHED, organization.id(), OrganizationNode.of(organization));
    }

    public void changed(Organization organization) {
        outbox.publish(TOPIC, CHANGED, organization.id(), OrganizationNode.of(organization));
    }

    public void moved(Organization organization, UUID oldParentId, String oldPath) {
        outbox.publish(TOPIC, MOVED, organization.id(),
                new OrganizationMoved(OrganizationNode.of(organization), oldParentId, oldPath));
    }

    public void split(Organization original, LocalDate on, String reason, boolean originalDissolved,
            java.util.List<SplitPart> parts) {
        outbox.publish(TOPIC, SPLIT, original.id(), new OrganizationSplit(OrganizationNode.of(original), on, reason,
                originalDissolved, parts, SPLIT_MEMBER_RULE));
    }

    public void dissolved(Organization organization) {
        outbox.publish(TOPIC, DISSOLVED, organization.id(), new OrganizationDissolved(OrganizationNode.of(organization),
                organization.dissolvedOn(), organization.dissolutionReason(), organization.mergedIntoId()));
    }
}
