package org.dangjian.activity.leadership;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.dangjian.platform.api.BusinessClock;
import org.dangjian.platform.messaging.EventReactions;
import org.dangjian.platform.messaging.IncomingEvent;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Keeps {@link LeadershipCopy} current from organization.leadership-changed. It reads the
 * organization topic in its own consumer group, beside the tree copy and the dissolution reaction.
 * Each event carries the whole team with its version, so a repeated event (same id) is skipped and
 * a late one (older version) changes nothing. Newer events also name the seats that ended, with their
 * real end dates; for older ones a seat missing from the team ends on the event's day.
 */
@ApplicationScoped
public class OrganizationLeadershipChangedConsumer {

    static final String CONSUMER = "activity-service.leadership";
    static final String LEADERSHIP_CHANGED = "organization.leadership-changed";
    private static final Logger LOG = Logger.getLogger(OrganizationLeadershipChangedConsumer.class);

    @Inject
    EventReactions reactions;

    @Inject
    LeadershipCopy leadership;

    @Inject
    BusinessClock clock;

    @Incoming("organization-leadership")
    @Blocking // ordered (the default): one record at a time keeps each organization's events in order
    public void consume(ConsumerRecord<String, String> record) {
        reactions.applyOnce(CONSUMER, record, LEADERSHIP_CHANGED::equals, this::apply);
    }

    private void apply(IncomingEvent event) {
        LeadershipCopy.Team team = team(event.data());
        // Seats that left the team without an end date in the event (older events carry none) ended on the
        // day of the change: the best an event recorded late can say of them.
        LocalDate changedOn = event.time().atZoneSameInstant(clock.zone()).toLocalDate();
        if (leadership.replace(team, changedOn)) {
            LOG.infof("leadership of organization %s at version %d: %d open seats", team.orgId(), team.version(),
                    team.seats().size());
        } else {
            LOG.infof("leadership of organization %s at version %d ignored: the copy is newer", team.orgId(), team.version());
        }
    }

    static LeadershipCopy.Team team(JsonNode data) {
        List<LeadershipCopy.SeatHolder> seats = new ArrayList<>();
        for (JsonNode s : data.path("seats")) {
            seats.add(new LeadershipCopy.SeatHolder(UUID.fromString(s.get("seatId").asText()), s.get("seat").asText(),
                    UUID.fromString(s.get("memberId").asText()), s.get("memberName").asText(),
                    LocalDate.parse(s.get("startedOn").asText())));
        }
        // endedSeats was added to the event later: absent from older events, which then name no end dates.
        List<LeadershipCopy.EndedSeat> ended = new ArrayList<>();
        for (JsonNode s : data.path("endedSeats")) {
            ended.add(new LeadershipCopy.EndedSeat(UUID.fromString(s.get("seatId").asText()), s.get("seat").asText(),
                    UUID.fromString(s.get("memberId").asText()), s.get("memberName").asText(),
                    LocalDate.parse(s.get("startedOn").asText()), LocalDate.parse(s.get("endedOn").asText())));
        }
        return new LeadershipCopy.Team(UUID.fromString(data.get("organizationId").asText()), date(data, "termStartedOn"),
                date(data, "termEndsOn"), seats, ended, data.get("version").asLong());
    }

    private static LocalDate date(JsonNode data, String field) {
        JsonNode value = data.get(field);
        return value == null || value.isNull() ? null : LocalDate.parse(value.asText());
    }
}
