package org.dangjian.member.reorganization;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.dangjian.member.event.MemberEvents;
import org.dangjian.member.member.Member;
import org.dangjian.member.member.MemberRepository;
import org.dangjian.member.member.MemberService;
import org.dangjian.platform.api.audit.AuditTrail;
import org.dangjian.platform.messaging.EventReactions;
import org.dangjian.platform.messaging.IncomingEvent;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A branch split (拆分) by organization-service names which members go to which new part: the
 * listed members, and the members of the groups (党小组) that moved with a part. Each such member
 * now belongs to the part, recorded like a transfer within the platform (member.transferred,
 * without a letter), so rosters and assistance cases follow; everyone else stays.
 */
@ApplicationScoped
public class OrganizationSplitConsumer {

    static final String CONSUMER = "member-service.split";
    static final String SPLIT = "organization.split";
    private static final Logger LOG = Logger.getLogger(OrganizationSplitConsumer.class);

    @Inject
    EventReactions reactions;

    @Inject
    MemberRepository members;

    @Inject
    MemberService memberService;

    @Inject
    MemberEvents events;

    @Inject
    AuditTrail audit;

    @Incoming("organization-split")
    @Blocking
    public void consume(ConsumerRecord<String, String> record) {
        reactions.applyOnce(CONSUMER, record, SPLIT::equals, this::apply);
    }

    private void apply(IncomingEvent event) {
        JsonNode data = event.data();
        UUID original = UUID.fromString(data.get("id").asText());
        LocalDate splitOn = LocalDate.parse(data.get("splitOn").asText());
        int moved = 0;
        for (JsonNode part : data.path("parts")) {
            UUID partId = UUID.fromString(part.get("id").asText());
            for (JsonNode memberId : part.path("memberIds")) {
                Member member = members.byId(UUID.fromString(memberId.asText())).orElse(null);
                if (stillIn(member, original)) {
                    move(member, original, partId, splitOn, false);
                    moved++;
                }
            }
            List<UUID> groups = new ArrayList<>();
            part.path("childIds").forEach(id -> groups.add(UUID.fromString(id.asText())));
            if (!groups.isEmpty()) {
                for (Member member : members.list("orgId = ?1 and groupId in ?2", original, groups)) {
                    if (stillIn(member, original)) {
                        move(member, original, partId, splitOn, true);
                        moved++;
                    }
                }
            }
        }
        LOG.infof("organization %s split: %d members moved to its new parts", original, moved);
    }

    /** A member already transferred elsewhere, ended or gone from the platform is not moved back. */
    private static boolean stillIn(Member member, UUID original) {
        return member != null && member.isHere() && original.equals(member.orgId()) && member.stage().isLive();
    }

    private void move(Member member, UUID from, UUID to, LocalDate on, boolean withGroup) {
        MemberService.Snapshot before = memberService.snapshot(member);
        if (withGroup) {
            member.followGroupTo(to);
        } else {
            member.moveTo(to);
        }
        members.flush();
        audit.write("MEMBER_MOVED_BY_SPLIT", "member", member.id(), before, memberService.snapshot(member));
        events.transferred(member, null, from, to, on);
    }
}
