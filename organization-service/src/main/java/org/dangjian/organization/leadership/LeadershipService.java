package org.dangjian.organization.leadership;

import jakarta.enterprise.context.ApplicationScoped;
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
import org.dangjian.organization.organization.DataScope;
import org.dangjian.organization.organization.Organization;
import org.dangjian.organization.organization.OrganizationService;
import org.dangjian.organization.organization.Timeline;
import org.dangjian.platform.api.BusinessClock;
import org.dangjian.platform.api.DomainException;

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
    DataScope scope;

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
        LocalDate on = election.electedOn() != null ? election.electedOn() : clock.today();
        LeadershipTeam team = team(organization);
        List<LeadershipSeat> ended = teams.openSeats(organization.id());
        team.elect(on, years, ended);
        teams.flush();
        List<SeatHolder> elected = election.seats() == null ? List.of() : election.seats();
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
        LocalDate on = request.startedOn() != null ? request.startedOn() : clock.today();
        LeadershipTeam team = team(organization);
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
        LeadershipSeat seat = teams.seat(seatId);
        if (seat == null || !seat.organizationId().equals(organization.id())) {
            throw DomainException.notFound("LEADERSHIP_SEAT_NOT_FOUND", seatId);
        }
        LeadershipTeam team = teams.findById(organization.id());
        LocalDate on = request.endedOn() != null ? request.endedOn() : clock.today();
        team.vacate(seat, on, request.reason());
        teams.flush();
        timeline.record(organization, Change.SEAT_ENDED, on, request.reason(),
                Map.of("seat", seat.seat().name(), "memberId", seat.memberId().toString(), "memberName", seat.memberName()),
                null);
        return changed(organization, team, List.of(seat));
    }

    /** Terms in the caller's subtree that end within {@code withinDays} from today, today included. */
    @Transactional
    public List<TermDue> reElectionDue(Integer withinDays, int page, int size) {
        int days = withinDays != null ? withinDays : rules.leadership().reElectionNoticeDays();
        LocalDate today = clock.today();
        return scope.subtreePrefix().map(prefix -> teams.termsEnding(prefix, today, today.plusDays(days), page, size))
                .orElse(List.of());
    }

    /** Terms in the caller's subtree whose last day has passed without a new election. */
    @Transactional
    public List<TermDue> overdue(int page, int size) {
        LocalDate yesterday = clock.today().minusDays(1);
        return scope.subtreePrefix().map(prefix -> teams.termsEnding(prefix, LocalDate.of(1900, 1, 1), yesterday, page, size))
                .orElse(List.of());
    }

    private LeadershipTeam team(Organization organization) {
        return teams.findByIdOptional(organization.id()).orElseGet(() -> {
            LeadershipTeam created = new LeadershipTeam(organization.id());
            teams.persistAndFlush(created);
            return created;
        });
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
