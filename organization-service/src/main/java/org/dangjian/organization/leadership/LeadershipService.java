package org.dangjian.organization.leadership;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.dangjian.organization.config.OrganizationRules;
import org.dangjian.organization.event.OrganizationEvents;
import org.dangjian.organization.event.OrganizationEvents.LeadershipChanged;
import org.dangjian.organization.leadership.LeadershipDtos.Appointment;
import org.dangjian.organization.leadership.LeadershipDtos.Election;
import org.dangjian.organization.leadership.LeadershipDtos.LeadershipView;
import org.dangjian.organization.leadership.LeadershipDtos.SeatEnd;
import org.dangjian.organization.leadership.LeadershipDtos.SeatHolder;
import org.dangjian.organization.leadership.LeadershipDtos.SeatView;
import org.dangjian.organization.leadership.LeadershipDtos.TermDue;
import org.dangjian.organization.organization.Change;
import org.dangjian.organization.organization.OrganizationsInScope;
import org.dangjian.organization.organization.Dissolution;
import org.dangjian.organization.organization.Organization;
import org.dangjian.organization.organization.OrganizationRepository;
import org.dangjian.organization.organization.OrganizationService;
import org.dangjian.organization.organization.Timeline;
import org.dangjian.organization.structure.KnownMembers;
import org.dangjian.organization.structure.MemberDeparture;
import org.dangjian.platform.api.BusinessClock;
import org.dangjian.platform.api.DomainException;
import org.dangjian.platform.api.list.Cursor;
import org.dangjian.platform.api.list.ListPage;
import org.dangjian.platform.api.list.ListQuery;
import org.dangjian.platform.api.scope.CallerScope;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** 班子: elections, seats, and which terms are due or overdue for re-election (换届). */
@ApplicationScoped
public class LeadershipService {

    @Inject
    LeadershipRepository teams;

    @Inject
    OrganizationService organizations;

    @Inject
    Timeline timeline;

    @Inject
    OrganizationEvents events;

    @Inject
    OrganizationRules rules;

    @Inject
    BusinessClock clock;

    @Inject
    OrganizationsInScope scope;

    @Inject
    CallerScope callerScope;

    @Inject
    KnownMembers members;

    @Inject
    OrganizationRepository repository;

    @Transactional
    public LeadershipView view(UUID organizationId) {
        Organization organization = organizations.get(organizationId);
        LeadershipTeam team = teams.findByIdOptional(organization.id()).orElse(null);
        List<LeadershipSeat> seats = team == null ? List.of() : teams.openSeats(organization.id());
        return view(organization.id(), team, seats);
    }

    @Transactional
    public LeadershipView elect(UUID organizationId, Election election) {
        Organization organization = organizations.get(organizationId);
        organization.requireActive();
        int years = rules.leadership().termYears().of(organization.type()).orElseThrow(
                () -> DomainException.unprocessable("LEADERSHIP_NO_TERM_FOR_TYPE", organization.type()));
        List<SeatHolder> elected = election.seats() == null ? List.of() : election.seats();
        elected.forEach(holder -> members.requireIn(organization, holder.memberId()));
        LocalDate on = election.electedOn() != null ? election.electedOn() : clock.today();
        LeadershipTeam team = teams.lockedTeam(organization.id());
        List<LeadershipSeat> ended = teams.openSeats(organization.id());
        team.elect(on, years, ended);
        teams.flush();
        for (SeatHolder holder : elected) {
            teams.persistSeat(team.appoint(holder.seat(), holder.memberId(), holder.memberName().strip(), on,
                    teams.openSeats(organization.id())));
            teams.flush();
        }
        timeline.record(organization, Change.ELECTED, on, "换届选举", null, Map.of(
                "termStartedOn", team.termStartedOn().toString(), "termEndsOn", team.termEndsOn().toString(),
                "seats", elected.stream().map(h -> h.seat() + " " + h.memberName()).toList()));
        return changed(organization, team, ended);
    }

    @Transactional
    public LeadershipView appoint(UUID organizationId, Appointment request) {
        Organization organization = organizations.get(organizationId);
        organization.requireActive();
        members.requireIn(organization, request.memberId());
        LocalDate on = request.startedOn() != null ? request.startedOn() : clock.today();
        LeadershipTeam team = teams.lockedTeam(organization.id());
        LeadershipSeat seat = team.appoint(request.seat(), request.memberId(), request.memberName().strip(), on,
                teams.openSeats(organization.id()));
        teams.persistSeat(seat);
        teams.flush();
        timeline.record(organization, Change.SEAT_TAKEN, on, request.reason(), null,
                Map.of("seat", seat.seat().name(), "memberId", seat.memberId().toString(), "memberName", seat.memberName()));
        return changed(organization, team, List.of());
    }

    @Transactional
    public LeadershipView end(UUID organizationId, UUID seatId, SeatEnd request) {
        Organization organization = organizations.get(organizationId);
        LeadershipTeam team = teams.lockedTeam(organization.id()); // before the seat is read: it may be ending right now
        LeadershipSeat seat = teams.seat(seatId);
        if (seat == null || !seat.organizationId().equals(organization.id())) {
            throw DomainException.notFound("LEADERSHIP_SEAT_NOT_FOUND", seatId);
        }
        if (!seat.isOpen() && (request.endedOn() == null || request.endedOn().equals(seat.endedOn()))) {
            // A retry of the end (or the seat ended meanwhile by a member event): the team as it is, no second event.
            return view(organization.id(), team, teams.openSeats(organization.id()));
        }
        LocalDate on = request.endedOn() != null ? request.endedOn() : clock.today();
        vacate(organization, team, seat, on, request.reason());
        return changed(organization, team, List.of(seat));
    }

    /**
     * A member who moved away, left the platform or whose membership ended loses the seats of each
     * organization they no longer belong to, on the day it happened (never before a seat began), with the
     * holding kept; each team changed is published like any other change. Runs in the member event's transaction.
     */
    void memberDeparted(@Observes MemberDeparture departure) {
        for (UUID organizationId : teams.organizationsSeating(departure.memberId())) {
            Organization organization = repository.byId(organizationId).orElseThrow();
            if (departure.keepsRolesIn(organization)) {
                continue;
            }
            LeadershipTeam team = teams.lockedTeam(organizationId);
            List<LeadershipSeat> seats = teams.openSeats(organizationId).stream()
                    .filter(s -> s.memberId().equals(departure.memberId())).toList();
            for (LeadershipSeat seat : seats) {
                vacate(organization, team, seat, departure.endOf(seat.startedOn()), departure.reason());
            }
            changed(organization, team, seats);
        }
    }

    /** A dissolved (or merged) organization's open seats end on the day it is dissolved, published before it. */
    void organizationDissolved(@Observes Dissolution dissolution) {
        Organization organization = dissolution.organization();
        if (!teams.hasOpenSeats(organization.id())) {
            return;
        }
        LeadershipTeam team = teams.lockedTeam(organization.id());
        List<LeadershipSeat> open = teams.openSeats(organization.id());
        for (LeadershipSeat seat : open) {
            vacate(organization, team, seat, dissolution.on(), dissolution.mergedInto() ? "组织合并" : "组织撤销");
        }
        changed(organization, team, open);
    }

    private void vacate(Organization organization, LeadershipTeam team, LeadershipSeat seat, LocalDate on, String reason) {
        team.vacate(seat, on, reason);
        teams.flush();
        timeline.record(organization, Change.SEAT_ENDED, on, reason,
                Map.of("seat", seat.seat().name(), "memberId", seat.memberId().toString(), "memberName", seat.memberName()),
                null);
    }

    /** The first day of the overdue window: no term ends before it. */
    public static final LocalDate LONG_AGO = LocalDate.of(1900, 1, 1);

    /** Terms in the caller's subtree that end within {@code withinDays} from today, today included. */
    @Transactional
    public ListPage<TermDue> reElectionDue(Integer withinDays, ListQuery query) {
        query.sort("termEndsOn");
        Cursor after = query.after().orElse(null);
        LocalDate today = clock.today();
        List<TermDue> due = teams.termsEnding(callerScope.get(), today, today.plusDays(noticeDays(withinDays)), after,
                query.limit());
        return ListPage.of(due, query, t -> Cursor.at(t.termEndsOn(), t.path()));
    }

    /** The notice asked for, else dangjian.organization.leadership.re-election-notice-days. */
    public int noticeDays(Integer withinDays) {
        return withinDays != null ? withinDays : rules.leadership().reElectionNoticeDays();
    }

    /** Terms in the caller's subtree whose last day has passed without a new election, oldest first. */
    @Transactional
    public ListPage<TermDue> overdue(ListQuery query) {
        query.sort("termEndsOn");
        Cursor after = query.after().orElse(null);
        LocalDate yesterday = clock.today().minusDays(1);
        List<TermDue> due = teams.termsEnding(callerScope.get(), LONG_AGO, yesterday, after, query.limit());
        return ListPage.of(due, query, t -> Cursor.at(t.termEndsOn(), t.path()));
    }

    /**
     * Publishes the team: its open seats, and the seats that ended in the current term (those its election
     * ended included) or in this change, with their end dates. Each event thus carries every end a consumer
     * may have missed since the term began, so it never has to guess an end from the day it hears of it.
     */
    private LeadershipView changed(Organization organization, LeadershipTeam team, List<LeadershipSeat> endedNow) {
        teams.flush();
        List<LeadershipSeat> seats = teams.openSeats(organization.id());
        List<OrganizationEvents.SeatHolder> holders = new ArrayList<>();
        for (LeadershipSeat s : seats) {
            holders.add(new OrganizationEvents.SeatHolder(s.id(), s.seat().name(), s.memberId(), s.memberName(), s.startedOn()));
        }
        Map<UUID, LeadershipSeat> ended = new LinkedHashMap<>();
        for (LeadershipSeat s : teams.endedSeats(organization.id(), team.termStartedOn())) {
            ended.put(s.id(), s);
        }
        // an end dated before the term (a late correction of an earlier holding) is still this change's news
        endedNow.forEach(s -> ended.putIfAbsent(s.id(), s));
        List<OrganizationEvents.EndedSeat> endedSeats = ended.values().stream()
                .map(s -> new OrganizationEvents.EndedSeat(s.id(), s.seat().name(), s.memberId(), s.memberName(),
                        s.startedOn(), s.endedOn()))
                .toList();
        events.leadershipChanged(new LeadershipChanged(organization.id(), organization.path(), team.termStartedOn(),
                team.termEndsOn(), holders, endedSeats, team.version()));
        return view(organization.id(), team, seats);
    }

    private static LeadershipView view(UUID organizationId, LeadershipTeam team, List<LeadershipSeat> seats) {
        boolean secretaryVacant = seats.stream().noneMatch(s -> s.seat() == Seat.SECRETARY);
        return new LeadershipView(organizationId, team == null ? null : team.termStartedOn(),
                team == null ? null : team.termEndsOn(), secretaryVacant, seats.stream().map(SeatView::of).toList(),
                team == null ? 0 : team.version());
    }
}
