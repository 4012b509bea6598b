package org.dangjian.organization.structure;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.dangjian.organization.organization.OrganizationRepository;
import org.dangjian.organization.structure.MemberRoster.Placement;
import org.dangjian.platform.api.BusinessClock;
import org.dangjian.platform.messaging.EventReactions;
import org.dangjian.platform.messaging.IncomingEvent;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import java.time.LocalDate;
import java.util.UUID;

/**
 * Keeps the member roster and the counts per organization from member-service's events (topic
 * dangjian.member.v1, key = member id), and ends the roles a member loses when they transfer or their
 * membership ends, in the same transaction. Only the fields read here are relied upon (the contract is
 * member-service's JSON Schemas). A redelivered event is recognized by its id; an event older than what
 * was applied for that member (version not above it) is ignored, its effects included.
 *
 * <p>Every type of the topic is acknowledged: member.updated (a correction of the record, which never
 * moves a member) and the transfer letters in flight (member.transfer-issued/-rejected/-cancelled/-expired:
 * the member stays where they are until member.transferred) change nothing here.
 */
@ApplicationScoped
public class MemberEventConsumer {

    private static final Logger LOG = Logger.getLogger(MemberEventConsumer.class);
    /** The name processed event ids are kept under (unchanged since this consumer only kept counts). */
    static final String CONSUMER = "organization-service.member-counts";

    @Inject
    EventReactions reactions;

    @Inject
    MemberRoster roster;

    @Inject
    OrganizationRepository organizations;

    @Inject
    Event<MemberDeparture> departures;

    @Inject
    BusinessClock clock;

    @Incoming("member-events")
    @Blocking // ordered (the default): one record at a time keeps each aggregate's events in order
    public void consume(ConsumerRecord<String, String> record) {
        reactions.applyOnce(CONSUMER, record, type -> type.startsWith("member."), this::apply);
    }

    private void apply(IncomingEvent event) {
        JsonNode data = event.data();
        UUID member = uuid(data, "memberId");
        long version = data.path("version").asLong(0);
        switch (event.type()) {
            case "member.registered" ->
                    roster.apply(member, version, before -> new Placement(uuid(data, "orgId"), text(data, "stage"), false));
            case "member.stage-changed" ->
                    roster.apply(member, version, before -> new Placement(uuid(data, "orgId"), text(data, "toStage"), false));
            case "member.transferred" -> transferred(member, version, data);
            case "member.ended" -> ended(member, version, data);
            default -> LOG.debugf("event type %s changes no roster", event.type());
        }
    }

    /**
     * toOrgId null: the member left for an organization outside the platform and is on no roster here;
     * fromOrgId null: they came (back) from outside and are counted in toOrgId again.
     */
    private void transferred(UUID member, long version, JsonNode data) {
        UUID to = uuid(data, "toOrgId");
        roster.apply(member, version, before -> new Placement(to, before == null ? null : before.stage(), false))
                .ifPresent(after -> departures.fire(new MemberDeparture(member,
                        to == null ? null : organizations.byId(to).orElse(null), date(data, "transferredOn"),
                        to == null ? "组织关系转出本平台" : "组织关系转接")));
    }

    /** The member is no longer counted; their last branch is kept (null stays null for one who had left). */
    private void ended(UUID member, long version, JsonNode data) {
        roster.apply(member, version, before -> before == null ? new Placement(uuid(data, "orgId"), null, true)
                        : new Placement(before.organizationId(), before.stage(), true))
                .ifPresent(after -> departures.fire(new MemberDeparture(member, null, date(data, "endedOn"),
                        "党籍终止：" + endLabel(text(data, "endType")))));
    }

    private static String endLabel(String endType) {
        return switch (endType == null ? "" : endType) {
            case "DECEASED" -> "去世";
            case "WITHDRAWN" -> "退党";
            case "REMOVED" -> "除名";
            case "EXPELLED" -> "开除党籍";
            default -> String.valueOf(endType);
        };
    }

    private LocalDate date(JsonNode data, String field) {
        // Required by the producer's schema; an event without it ends roles on the day it is applied.
        return data.hasNonNull(field) ? LocalDate.parse(data.get(field).asText()) : clock.today();
    }

    private static UUID uuid(JsonNode data, String field) {
        return data.hasNonNull(field) ? UUID.fromString(data.get(field).asText()) : null;
    }

    private static String text(JsonNode data, String field) {
        return data.hasNonNull(field) ? data.get(field).asText() : null;
    }
}
