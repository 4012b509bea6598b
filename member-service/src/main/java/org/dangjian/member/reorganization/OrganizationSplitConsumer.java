package org.dangjian.member.reorganization;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.dangjian.member.member.Member;
import org.dangjian.member.member.MemberRepository;
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
 * now belongs to the part, recorded like a transfer within the platform ({@link Reorganization#move}:
 * member.transferred without a letter), so rosters and assistance cases follow; everyone else stays.
 */
@ApplicationScoped
public class OrganizationSplitConsumer {

    static final String CONSUMER = "member-service.split";
    static final String SPLIT = "organization.split";
    static final String MOVED_BY_SPLIT = "MEMBER_MOVED_BY_SPLIT";
    private static final Logger LOG = Logger.getLogger(OrganizationSplitConsumer.class);

    @Inject
    EventReactions reactions;

    @Inject
    MemberRepository members;

    @Inject
    Reorganization reorganization;

    @Incoming("organization-split")
    @Blocking
    public void consume(ConsumerRecord<String, String> record) {
        reactions.applyOnce(CONSUMER, record, SPLIT::equals, this::apply);
    }

    /*
     * Every variant the schema allows: parts with empty (or, leniently, absent) memberIds and childIds move nobody;
     * sector and parentId are not read; a listed member who left the original meanwhile stays where they are. Members
     * nobody lists stay with the original; when originalDissolved, organization.dissolved follows and flags them
     * (OrganizationDissolvedConsumer, its own consumer group: whichever reads first, the result is the same, since a
     * move clears the flag and only members still in the original are flagged).
     */
    private void apply(IncomingEvent event) {
        JsonNode data = event.data();
        UUID original = UUID.fromString(data.get("id").asText());
        LocalDate splitOn = LocalDate.parse(data.get("splitOn").asText());
        int moved = 0;
        for (JsonNode part : data.path("parts")) {
            UUID partId = UUID.fromString(part.get("id").asText());
            for (JsonNode memberId : part.path("memberIds")) {
                Member member = members.byId(UUID.fromString(memberId.asText())).orElse(null);
                if (Reorganization.stillIn(member, original)) {
                    reorganization.move(member, partId, splitOn, false, MOVED_BY_SPLIT, null);
                    moved++;
                }
            }
            List<UUID> groups = new ArrayList<>();
            part.path("childIds").forEach(id -> groups.add(UUID.fromString(id.asText())));
            if (!groups.isEmpty()) {
                for (Member member : members.list("orgId = ?1 and groupId in ?2 order by id", original, groups)) {
                    if (Reorganization.stillIn(member, original)) {
                        reorganization.move(member, partId, splitOn, true, MOVED_BY_SPLIT, null);
                        moved++;
                    }
                }
            }
        }
        LOG.infof("organization %s split: %d members moved to its new parts", original, moved);
    }
}
