package org.dangjian.activity.roster;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Replays one member's events in version order into membership periods and the member's current
 * state. Pure, so a late event is handled by replaying everything again rather than by patching.
 */
public final class MemberHistory {

    public static final String REGISTERED = "member.registered";
    public static final String STAGE_CHANGED = "member.stage-changed";
    public static final String TRANSFERRED = "member.transferred";
    public static final String ENDED = "member.ended";
    public static final String UPDATED = "member.updated";

    /** One event as stored, already in version order. */
    public record Event(String type, long version, JsonNode data) {
    }

    /** Member of {@code orgId} in {@code stage} from {@code from} (inclusive) to {@code to} (exclusive, null = still). */
    public record Period(UUID orgId, String stage, LocalDate from, LocalDate to) {
    }

    /**
     * The member now: {@code orgId} null once they left the platform ({@code transferredOutOn} says since when)
     * or when no event named their organization yet.
     */
    public record State(String name, UUID orgId, String stage, LocalDate endedOn, LocalDate transferredOutOn, long version,
            List<Period> periods) {
    }

    private final List<Period> periods = new ArrayList<>();
    private String name;
    private UUID orgId;
    private String stage;
    private LocalDate openSince;
    private LocalDate endedOn;
    private LocalDate transferredOutOn;
    private long version;

    private MemberHistory() {
    }

    public static State replay(List<Event> events) {
        MemberHistory history = new MemberHistory();
        events.forEach(history::apply);
        return history.state();
    }

    private void apply(Event event) {
        JsonNode d = event.data();
        version = Math.max(version, event.version());
        switch (event.type()) {
            case REGISTERED -> {
                name = text(d, "name");
                endedOn = null;
                transferredOutOn = null;
                open(uuid(d, "orgId"), text(d, "stage"), date(d, "registeredOn"));
            }
            case STAGE_CHANGED -> {
                UUID org = d.hasNonNull("orgId") ? uuid(d, "orgId") : orgId;
                open(org, text(d, "toStage"), date(d, "effectiveOn"));
            }
            case TRANSFERRED -> transferred(d);
            case ENDED -> {
                LocalDate on = date(d, "endedOn");
                close(on);
                // the branch the member belonged to, when no earlier event arrived; not brought back for one who left
                if (orgId == null && transferredOutOn == null && d.hasNonNull("orgId")) {
                    orgId = uuid(d, "orgId");
                }
                endedOn = on;
            }
            // A correction of the record: the name is what the roster shows; the branch moves only by a transfer.
            case UPDATED -> name = d.hasNonNull("name") ? text(d, "name") : name;
            default -> {
                // types added later change nothing a roster needs until this service learns them.
            }
        }
    }

    /**
     * Transfers move members, never applicants: the stage carries over, unknown if no earlier event arrived.
     * toOrgId null: the relationship went to an organization outside the platform, so the member belongs to no
     * organization here from that day. fromOrgId null (in from outside) opens a period like any other transfer.
     * transferId (null after a split or merge) is not read: the move is the same.
     */
    private void transferred(JsonNode d) {
        LocalDate on = date(d, "transferredOn");
        if (d.hasNonNull("toOrgId")) {
            transferredOutOn = null;
            open(uuid(d, "toOrgId"), stage, on);
        } else {
            close(on);
            orgId = null;
            transferredOutOn = on;
        }
    }

    private void open(UUID org, String newStage, LocalDate from) {
        close(from);
        orgId = org;
        stage = newStage;
        openSince = from;
    }

    private void close(LocalDate on) {
        if (openSince != null && orgId != null && on.isAfter(openSince)) {
            periods.add(new Period(orgId, stage, openSince, on));
        }
        openSince = null;
    }

    /**
     * The first day on which a member belongs to other organizations or stages under {@code after} than under
     * {@code before}, if any: the day from which anything counted from the periods can differ.
     */
    public static Optional<LocalDate> firstDifference(List<Period> before, List<Period> after) {
        TreeSet<LocalDate> boundaries = new TreeSet<>();
        for (List<Period> periods : List.of(before, after)) {
            for (Period p : periods) {
                boundaries.add(p.from());
                if (p.to() != null) {
                    boundaries.add(p.to());
                }
            }
        }
        // membership changes only at a period's start or end, so comparing there compares every day
        return boundaries.stream().filter(day -> !covering(before, day).equals(covering(after, day))).findFirst();
    }

    /** How many periods of each organization and stage cover {@code day}. */
    private static Map<List<Object>, Long> covering(List<Period> periods, LocalDate day) {
        return periods.stream().filter(p -> !p.from().isAfter(day) && (p.to() == null || p.to().isAfter(day)))
                .collect(Collectors.groupingBy(p -> Arrays.asList(p.orgId(), p.stage()), Collectors.counting()));
    }

    private State state() {
        List<Period> all = new ArrayList<>(periods);
        if (openSince != null && orgId != null) {
            all.add(new Period(orgId, stage, openSince, null));
        }
        return new State(name, orgId, stage, endedOn, transferredOutOn, version, List.copyOf(all));
    }

    private static String text(JsonNode d, String field) {
        return d.hasNonNull(field) ? d.get(field).asText() : null;
    }

    private static UUID uuid(JsonNode d, String field) {
        return UUID.fromString(d.get(field).asText());
    }

    private static LocalDate date(JsonNode d, String field) {
        return LocalDate.parse(d.get(field).asText());
    }
}
