package org.dangjian.organization.organization;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.dangjian.organization.event.OrganizationEvents;
import org.dangjian.organization.organization.OrganizationDtos.DissolveOrganization;
import org.dangjian.organization.organization.OrganizationDtos.EstablishOrganization;
import org.dangjian.organization.organization.OrganizationDtos.MergeOrganizations;
import org.dangjian.organization.organization.OrganizationDtos.MoveOrganization;
import org.dangjian.organization.organization.OrganizationDtos.RenameOrganization;
import org.dangjian.organization.organization.OrganizationDtos.SplitOrganization;
import org.dangjian.organization.organization.OrganizationDtos.SplitPart;
import org.dangjian.platform.api.BusinessClock;
import org.dangjian.platform.api.Caller;
import org.dangjian.platform.api.DomainException;
import org.dangjian.platform.api.scope.CallerScope;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Changes to the organization tree. Each one checks its rule, records who/when/what/why in the
 * history, keeps the as-of snapshots and writes its event to the outbox, all in one transaction.
 */
@ApplicationScoped
public class OrganizationService {

    @Inject
    OrganizationRepository organizations;

    @Inject
    OrganizationsInScope scope;

    @Inject
    CallerScope callerScope;

    @Inject
    OrganizationEvents events;

    @Inject
    Timeline timeline;

    @Inject
    BusinessClock clock;

    @Inject
    Caller caller;

    @Inject
    jakarta.enterprise.event.Event<Dissolution> dissolutions;

    @Transactional
    public Organization establish(EstablishOrganization request) {
        Organization parent = null;
        if (request.parentId() != null) {
            // A parent outside the caller's scope is reported exactly like a missing one.
            parent = scope.referenced(request.parentId(), "ORGANIZATION_PARENT_NOT_FOUND");
        } else if (!callerScope.isUnrestricted()) {
            throw DomainException.unprocessable("ORGANIZATION_ROOT_NOT_ALLOWED", request.type());
        }
        LocalDate on = request.establishedOn() != null ? request.establishedOn() : clock.today();
        return create(request.code(), request.name().strip(), request.type(), request.sector(), parent, on,
                Change.ESTABLISHED, null);
    }

    @Transactional
    public Organization get(UUID id) {
        return scope.find(id)
                .orElseThrow(() -> DomainException.notFound("ORGANIZATION_NOT_FOUND", id));
    }

    @Transactional
    public Organization rename(UUID id, Long expectedVersion, RenameOrganization request) {
        Organization already = get(id);
        if (already.status() == OrganizationStatus.ACTIVE && already.name().equals(request.name().strip())) {
            return already; // a retry, or nothing to change: the outcome asked for holds, nothing is recorded twice
        }
        Organization organization = current(id, expectedVersion);
        String before = organization.name();
        organization.rename(request.name().strip());
        LocalDate today = clock.today();
        timeline.changed(organization, today);
        timeline.record(organization, Change.RENAMED, today, request.reason(), Map.of("name", before),
                Map.of("name", organization.name()));
        events.changed(organization);
        return organization;
    }

    @Transactional
    public Organization move(UUID id, Long expectedVersion, MoveOrganization request) {
        Organization organization = get(id);
        requireHigherLevel(organization);
        Organization parent = scope.referenced(request.parentId(), "ORGANIZATION_PARENT_NOT_FOUND");
        if (organization.status() == OrganizationStatus.ACTIVE && parent.id().equals(organization.parentId())) {
            return organization; // already under that parent (a retry): 200 with what it is, no second move
        }
        current(id, expectedVersion);
        relocate(organization, parent, Change.MOVED, request.reason());
        return organization;
    }

    @Transactional
    public Organization dissolve(UUID id, Long expectedVersion, DissolveOrganization request) {
        Organization organization = get(id);
        requireHigherLevel(organization);
        if (alreadyDissolvedAsAsked(organization, request)) {
            return organization; // a retry: 200 with the dissolved organization, no second event
        }
        current(id, expectedVersion);
        LocalDate on = request.dissolvedOn() != null ? request.dissolvedOn() : clock.today();
        end(organization, on, request.reason(), null, Change.DISSOLVED);
        return organization;
    }

    /**
     * Whether the organization was dissolved (not merged) as this request asks: on its date when it names one.
     * A merged organization, or one dissolved on another day, is a different outcome and stays refused.
     */
    private static boolean alreadyDissolvedAsAsked(Organization organization, DissolveOrganization request) {
        return organization.status() == OrganizationStatus.DISSOLVED && organization.mergedIntoId() == null
                && (request.dissolvedOn() == null || request.dissolvedOn().equals(organization.dissolvedOn()));
    }

    /**
     * 合并: the absorbed branch's active children move to the survivor, then the absorbed branch is
     * dissolved naming the survivor. Its members follow through member-service on organization.dissolved.
     */
    @Transactional
    public Organization merge(UUID survivorId, Long expectedVersion, MergeOrganizations request) {
        Organization survivor = current(survivorId, expectedVersion);
        Organization absorbed = scope.referenced(request.absorbedId(), "ORGANIZATION_MERGE_SOURCE_NOT_FOUND");
        requireHigherLevel(absorbed);
        if (absorbed.id().equals(survivor.id())) {
            throw DomainException.unprocessable("ORGANIZATION_MERGE_SELF", survivor.name());
        }
        if (!survivor.isBranch() || !absorbed.isBranch()) {
            throw DomainException.unprocessable("ORGANIZATION_MERGE_NOT_BRANCHES", absorbed.type(), survivor.type());
        }
        survivor.requireActive();
        absorbed.requireActive();
        LocalDate on = request.mergedOn() != null ? request.mergedOn() : clock.today();
        String reason = request.reason();
        for (Organization child : organizations.activeChildren(absorbed.id())) {
            relocate(child, survivor, Change.MOVED, reason);
        }
        end(absorbed, on, reason, survivor.id(), Change.MERGED_INTO);
        timeline.record(survivor, Change.ABSORBED, on, reason, null,
                Map.of("absorbedId", absorbed.id().toString(), "absorbedName", absorbed.name()));
        return survivor;
    }

    /**
     * 拆分: each part becomes a new sibling of the same type and sector, taking the listed child
     * organizations; the original is dissolved afterwards when asked (and then must be left empty).
     */
    @Transactional
    public List<Organization> split(UUID id, Long expectedVersion, SplitOrganization request) {
        Organization original = current(id, expectedVersion);
        requireHigherLevel(original);
        original.requireActive();
        if (original.parentId() == null) {
            throw DomainException.unprocessable("ORGANIZATION_SPLIT_ROOT", original.name());
        }
        Organization parent = organizations.byId(original.parentId()).orElseThrow();
        LocalDate today = clock.today();
        String reason = request.reason();
        requireMembersOf(original, request.parts());
        List<Organization> parts = new ArrayList<>();
        List<OrganizationEvents.SplitPart> published = new ArrayList<>();
        for (SplitPart part : request.parts()) {
            Organization created = create(part.code(), part.name().strip(), original.type(), original.sector(), parent,
                    today, Change.SPLIT_FROM, reason);
            for (UUID childId : part.childIds() == null ? List.<UUID>of() : part.childIds()) {
                Organization child = organizations.byId(childId)
                        .filter(c -> original.id().equals(c.parentId()) && c.status() == OrganizationStatus.ACTIVE)
                        .orElseThrow(() -> DomainException.unprocessable("ORGANIZATION_SPLIT_CHILD_NOT_FOUND", childId, original.name()));
                relocate(child, created, Change.MOVED, reason);
            }
            parts.add(created);
            published.add(new OrganizationEvents.SplitPart(created.id(), created.code(), created.name(),
                    listOrEmpty(part.childIds()), listOrEmpty(part.memberIds())));
        }
        List<String> partIds = parts.stream().map(p -> p.id().toString()).toList();
        timeline.record(original, Change.SPLIT, today, reason, null, Map.of("parts", partIds,
                "memberIds", published.stream().collect(Collectors.toMap(
                        p -> p.id().toString(), p -> p.memberIds().stream().map(UUID::toString).toList()))));
        // Before the original's dissolution, so a consumer learns where its members go before it is told it ended.
        events.split(original, today, reason, request.dissolveOriginal(), published);
        if (request.dissolveOriginal()) {
            end(original, today, reason, null, Change.DISSOLVED);
        }
        return parts;
    }

    /**
     * The organization a caller acts for (their token's org_id, the root of their scope) is moved,
     * merged, split or dissolved only by a level above it, which a platform-admin always is.
     */
    private void requireHigherLevel(Organization organization) {
        if (!callerScope.isUnrestricted() && caller.orgId().filter(organization.id()::equals).isPresent()) {
            throw new DomainException(403, "ORGANIZATION_CHANGE_NEEDS_HIGHER_LEVEL", organization.name());
        }
    }

    /**
     * The members a split assigns to its parts must be on the original's roster (as the member.*
     * events have told it) and each in one part only; everyone else stays with the original.
     */
    private void requireMembersOf(Organization original, List<SplitPart> parts) {
        Set<UUID> assigned = new HashSet<>();
        for (SplitPart part : parts) {
            for (UUID member : listOrEmpty(part.memberIds())) {
                if (!assigned.add(member)) {
                    throw DomainException.unprocessable("ORGANIZATION_SPLIT_MEMBER_TWICE", member);
                }
            }
        }
        if (assigned.isEmpty()) {
            return;
        }
        Set<UUID> onRoster = organizations.activeMembersAmong(original.id(), assigned);
        for (UUID member : assigned) {
            if (!onRoster.contains(member)) {
                throw DomainException.unprocessable("ORGANIZATION_SPLIT_MEMBER_NOT_IN_ORIGINAL", member, original.name());
            }
        }
    }

    private static <T> List<T> listOrEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }

    private Organization create(String requestedCode, String name, OrganizationType type, Sector sector,
            Organization parent, LocalDate on, Change change, String reason) {
        String code = requestedCode != null ? requestedCode : organizations.nextCode();
        if (organizations.codeTaken(code)) {
            throw DomainException.conflict("ORGANIZATION_CODE_TAKEN", code);
        }
        Organization organization = Organization.establish(code, name, type, sector, parent, on);
        organizations.persistAndFlush(organization);
        timeline.opened(organization);
        timeline.record(organization, change, on, reason, null, state(organization));
        events.established(organization);
        return organization;
    }

    /** Re-parents a node and rewrites its whole subtree's paths in one set-based update. */
    private void relocate(Organization organization, Organization parent, Change change, String reason) {
        String oldPath = organization.path();
        UUID oldParentId = organization.parentId();
        Map<String, Object> before = state(organization);
        organization.moveUnder(parent);
        organizations.flush();
        organizations.rewriteDescendantPaths(organization.id(), oldPath, organization.path());
        LocalDate today = clock.today();
        timeline.subtreeChanged(organization.path(), today);
        timeline.record(organization, change, today, reason, before, state(organization));
        events.moved(organization, oldParentId, oldPath);
    }

    /** Dissolves a node (refused while it still has active children) and closes its place in the tree. */
    private void end(Organization organization, LocalDate on, String reason, UUID mergedInto, Change change) {
        long activeChildren = organizations.countActiveChildren(organization.id());
        if (activeChildren > 0) {
            throw DomainException.unprocessable("ORGANIZATION_HAS_ACTIVE_CHILDREN", organization.name(), activeChildren);
        }
        Map<String, Object> before = state(organization);
        LocalDate lastChange = timeline.lastChange(organization.id()).orElse(organization.establishedOn());
        organization.dissolve(on, reason, lastChange, mergedInto);
        organizations.flush();
        // Its open seats end the same day (LeadershipService), published before organization.dissolved.
        dissolutions.fire(new Dissolution(organization, on, mergedInto != null));
        timeline.closed(organization, on);
        timeline.record(organization, change, on, reason, before, state(organization));
        events.dissolved(organization);
    }

    /** The node in scope (else 404), at the version the client last saw when it sent If-Match (else 412). */
    private Organization current(UUID id, Long expectedVersion) {
        Organization organization = get(id);
        if (expectedVersion != null && expectedVersion != organization.version()) {
            throw new DomainException(412, "PRECONDITION_FAILED", expectedVersion, organization.version());
        }
        return organization;
    }

    private static Map<String, Object> state(Organization o) {
        Map<String, Object> state = new HashMap<>();
        state.put("name", o.name());
        state.put("parentId", o.parentId() == null ? null : o.parentId().toString());
        state.put("path", o.path());
        state.put("status", o.status().name());
        if (o.dissolvedOn() != null) {
            state.put("dissolvedOn", o.dissolvedOn().toString());
        }
        if (o.mergedIntoId() != null) {
            state.put("mergedIntoId", o.mergedIntoId().toString());
        }
        return state;
    }
}
