package org.dangjian.local;

import org.dangjian.client.activity.api.ActivitiesApi;
import org.dangjian.client.activity.api.RosterApi;
import org.dangjian.client.activity.model.ActivityType;
import org.dangjian.client.activity.model.AttendanceLine;
import org.dangjian.client.activity.model.AttendanceStatus;
import org.dangjian.client.activity.model.MyActivity;
import org.dangjian.client.activity.model.PlanActivity;
import org.dangjian.client.activity.model.RecordActivity;
import org.dangjian.client.activity.model.ResponseKind;
import org.dangjian.client.activity.model.RosterEntry;
import org.dangjian.client.member.api.DuesApi;
import org.dangjian.client.member.api.MeApi;
import org.dangjian.client.member.api.TasksApi;
import org.dangjian.client.member.api.TransfersApi;
import org.dangjian.client.member.model.AcceptTransfer;
import org.dangjian.client.member.model.DuesMonth;
import org.dangjian.client.member.model.DuesStatement;
import org.dangjian.client.member.model.Member;
import org.dangjian.client.member.model.PayDues;
import org.dangjian.client.member.model.SetDuesBase;
import org.dangjian.client.member.model.Task;
import org.dangjian.client.member.model.TaskQueue;
import org.dangjian.client.member.model.Transfer;
import org.dangjian.client.member.model.TransferStatus;
import org.dangjian.platform.localstack.Tokens;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two users' days through the Java clients openapi-generator made from the four OpenAPI documents (issue 24) — no
 * hand-written HTTP: what a partner's developer gets from our contract is what these journeys use.
 */
final class ClientJourneys {

    private static final ZoneOffset SHANGHAI = ZoneOffset.ofHours(8);

    private final LocalSystem system;

    ClientJourneys(LocalSystem system) {
        this.system = system;
    }

    /** What the secretary's day left behind, for the member's day: the member who arrived and their branch. */
    record Arrival(UUID member, UUID branch) {
    }

    /**
     * A branch secretary's day (支部书记): their work queue shows the demo data's letter addressed to their branch; they
     * accept it (a retry with the same key answers the same), the letter leaves the queue, the member reaches the
     * branch's roster in activity-service, and the secretary records a branch general meeting (支部党员大会) with everyone present.
     */
    Arrival secretarysDay() throws Exception {
        TransfersApi adminTransfers = new TransfersApi(member(system.adminToken()));
        Transfer letter = adminTransfers.getTransfers(null, null, null, null, 200, null, TransferStatus.ISSUED).getItems().stream()
                .filter(t -> t.getToOrgId() != null).findFirst().orElseThrow(() -> new AssertionError("the demo data has no open letter"));
        UUID branch = letter.getToOrgId();
        String secretary = Tokens.issue(system.stack().oidc(), "journey-secretary", "branch-secretary", branch, null);

        TaskQueue queue = new TasksApi(member(secretary)).getTasks(null, 50, null);
        Task toAnswer = queue.getItems().stream().filter(t -> t.getKind().equals("TRANSFER_TO_ANSWER")
                && t.getSubject().getId().equals(letter.getId())).findFirst()
                .orElseThrow(() -> new AssertionError("the letter is not in the secretary's queue: " + queue));
        assertTrue(queue.getCounts().get("TRANSFER_TO_ANSWER") >= 1);
        assertEquals("/api/v1/transfers/" + letter.getId(), toAnswer.getLink());

        TransfersApi transfers = new TransfersApi(member(secretary));
        String key = UUID.randomUUID().toString();
        Transfer accepted = transfers.postTransfersByIdAccept(letter.getId(), new AcceptTransfer(), key);
        assertEquals(TransferStatus.ACCEPTED, accepted.getStatus());
        var again = transfers.postTransfersByIdAcceptWithHttpInfo(letter.getId(), new AcceptTransfer(), key);
        assertEquals(accepted, again.getData(), "the phone's retry gets the first answer");
        assertEquals(List.of("true"), again.getHeaders().get("Idempotent-Replayed"));
        assertFalse(new TasksApi(member(secretary)).getTasks(null, 50, null).getItems().stream()
                .anyMatch(t -> t.getSubject().getId().equals(letter.getId())), "an answered letter leaves the queue");

        // activity-service learns of the arrival from member.transferred: the branch's roster has the member
        RosterApi roster = new RosterApi(activity(secretary));
        await().atMost(Duration.ofSeconds(60)).until(() -> roster.getOrganizationsByOrgIdRoster(branch, null, null, 200, null)
                .getItems().stream().anyMatch(r -> r.getMemberId().equals(letter.getMemberId())));
        List<RosterEntry> present = roster.getOrganizationsByOrgIdRoster(branch, null, null, 200, null).getItems();

        ActivitiesApi activities = new ActivitiesApi(activity(secretary));
        OffsetDateTime start = OffsetDateTime.now(SHANGHAI).minusHours(3).withNano(0);
        Map<?, ?> planned = (Map<?, ?>) activities.postActivities(new PlanActivity().orgId(branch)
                .type(ActivityType.BRANCH_GENERAL_MEETING).topic("支部党员大会：欢迎新转入党员").plannedStart(start)
                .plannedEnd(start.plusHours(1)).place("党员活动室").host("支部书记").recorder("组织委员"), UUID.randomUUID().toString());
        UUID meeting = UUID.fromString((String) planned.get("id"));
        RecordActivity minutes = new RecordActivity().actualStart(start).actualEnd(start.plusHours(1))
                .minutes("学习转接组织关系的有关规定，安排新转入党员参加组织生活。");
        present.forEach(r -> minutes.addAttendanceItem(new AttendanceLine().memberId(r.getMemberId()).status(AttendanceStatus.PRESENT)));
        Map<?, ?> recorded = (Map<?, ?>) activities.postActivitiesByIdRecord(meeting, minutes,
                "\"" + ((Number) planned.get("version")).longValue() + "\"", UUID.randomUUID().toString());
        assertEquals("HELD", recorded.get("status"));
        return new Arrival(letter.getMemberId(), branch);
    }

    /**
     * A member's day (党员): who am I (without knowing my id, personal data masked), pay this month's dues and see them
     * paid, see today's meeting in my activities and in my activity queue, sign in (twice: a second tap changes
     * nothing), and the meeting leaves my queue.
     */
    void membersDay(Arrival arrival) throws Exception {
        String token = Tokens.issue(system.stack().oidc(), "journey-member", "member", arrival.branch(), arrival.member());
        Member me = new MeApi(member(token)).getMe();
        assertEquals(arrival.member(), me.getId());
        assertEquals(arrival.branch(), me.getOrgId());
        assertTrue(me.getMasked());

        YearMonth month = YearMonth.now(ZoneId.of("Asia/Shanghai"));
        new DuesApi(member(system.adminToken())).putMembersByIdDuesBasesByYear(arrival.member(), month.getYear(),
                new SetDuesBase().monthlyIncome(new BigDecimal("6000.00")), UUID.randomUUID().toString());
        new MeApi(member(token)).postMeDuesPayments(new PayDues().months(List.of(month.toString())), UUID.randomUUID().toString());
        DuesStatement dues = new MeApi(member(token)).getMeDues(month.toString());
        DuesMonth thisMonth = dues.getMonths().stream().filter(m -> m.getMonth().equals(month.toString())).findFirst().orElseThrow();
        assertTrue(thisMonth.getPaid(), "paid: " + dues);

        String staff = Tokens.issue(system.stack().oidc(), "journey-secretary", "branch-secretary", arrival.branch(), null);
        OffsetDateTime start = OffsetDateTime.now(SHANGHAI).minusMinutes(5).withNano(0);
        Map<?, ?> planned = (Map<?, ?>) new ActivitiesApi(activity(staff)).postActivities(new PlanActivity().orgId(arrival.branch())
                .type(ActivityType.THEMED_PARTY_DAY).topic("主题党日：重温入党誓词").plannedStart(start).plannedEnd(start.plusHours(2))
                .place("党员活动室").host("支部书记").recorder("组织委员"), UUID.randomUUID().toString());
        UUID partyDay = UUID.fromString((String) planned.get("id"));

        var myQueue = new org.dangjian.client.activity.api.TasksApi(activity(token));
        assertTrue(myQueue.getTasks(null, 50, null).getItems().stream()
                .anyMatch(t -> t.getKind().equals("ACTIVITY_TO_SIGN_IN") && t.getSubject().getId().equals(partyDay)));
        var mine = new org.dangjian.client.activity.api.MeApi(activity(token));
        MyActivity signedIn = mine.postMeActivitiesByIdSignIn(partyDay, null);
        assertEquals(ResponseKind.SIGNED_IN, signedIn.getResponse().getKind());
        assertEquals(signedIn, mine.postMeActivitiesByIdSignIn(partyDay, null), "a second tap answers the same");
        assertTrue(mine.getMeActivities(null, LocalDate.now(SHANGHAI), 50, null, null, LocalDate.now(SHANGHAI), null).getItems()
                .stream().anyMatch(a -> a.getId().equals(partyDay) && a.getResponse() != null));
        assertFalse(myQueue.getTasks(null, 50, null).getItems().stream().anyMatch(t -> t.getSubject().getId().equals(partyDay)),
                "a signed-in activity leaves the queue");
    }

    private org.dangjian.client.member.ApiClient member(String token) {
        org.dangjian.client.member.ApiClient client = new org.dangjian.client.member.ApiClient();
        client.updateBaseUri(system.baseUrl(DangjianService.MEMBER));
        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
        return client;
    }

    private org.dangjian.client.activity.ApiClient activity(String token) {
        org.dangjian.client.activity.ApiClient client = new org.dangjian.client.activity.ApiClient();
        client.updateBaseUri(system.baseUrl(DangjianService.ACTIVITY));
        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
        return client;
    }
}
