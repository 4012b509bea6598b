package org.dangjian.member.event;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.dangjian.member.member.Member;
import org.dangjian.platform.messaging.Outbox;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * What member-service tells the other services, through its outbox (schemas in events/). Key and
 * subject = member id. No event ever carries a national ID or a phone number.
 */
@ApplicationScoped
public class MemberEvents {

    public static final String TOPIC = "dangjian.member.v1";
    public static final String REGISTERED = "member.registered";
    public static final String UPDATED = "member.updated";
    public static final String STAGE_CHANGED = "member.stage-changed";
    public static final String TRANSFERRED = "member.transferred";
    public static final String ENDED = "member.ended";

    public record Registered(UUID memberId, String memberNumber, UUID orgId, String stage, String name,
            LocalDate registeredOn, long version) {
    }

    public record Updated(UUID memberId, UUID orgId, String name, long version) {
    }

    public record StageChanged(UUID memberId, UUID orgId, String fromStage, String toStage, LocalDate effectiveOn,
            long version) {
    }

    public record Transferred(UUID memberId, UUID transferId, UUID fromOrgId, UUID toOrgId, LocalDate transferredOn,
            long version) {
    }

    public record Ended(UUID memberId, UUID orgId, String endType, LocalDate endedOn, long version) {
    }

    @Inject
    Outbox outbox;

    public void registered(Member m) {
        outbox.publish(TOPIC, REGISTERED, m.id(), registeredData(m));
    }

    /** {@code member.registered} of a record a bulk import writes, built off the request thread (thread-safe). */
    public Outbox.PreparedEvent prepareRegistered(Member m) {
        return outbox.prepare(REGISTERED, m.id(), registeredData(m));
    }

    /** The prepared {@code member.registered} events of a bulk import's chunk, in row order. */
    public void registeredAll(List<Outbox.PreparedEvent> registered) {
        outbox.publishAll(TOPIC, REGISTERED, registered);
    }

    private static Registered registeredData(Member m) {
        return new Registered(m.id(), m.memberNumber(), m.orgId(), m.stage().name(), m.name(), m.registeredOn(), m.version());
    }

    public void updated(Member m) {
        outbox.publish(TOPIC, UPDATED, m.id(), new Updated(m.id(), m.orgId(), m.name(), m.version()));
    }

    public void stageChanged(Member m, String fromStage, LocalDate effectiveOn) {
        outbox.publish(TOPIC, STAGE_CHANGED, m.id(), new StageChanged(m.id(), m.orgId(), fromStage, m.stage().name(),
                effectiveOn, m.version()));
    }

    public void transferred(Member m, UUID transferId, UUID fromOrgId, UUID toOrgId, LocalDate on) {
        outbox.publish(TOPIC, TRANSFERRED, m.id(), new Transferred(m.id(), transferId, fromOrgId, toOrgId, on, m.version()));
    }

    public void ended(Member m, LocalDate endedOn) {
        outbox.publish(TOPIC, ENDED, m.id(), new Ended(m.id(), m.orgId(), m.stage().name(), endedOn, m.version()));
    }
}
