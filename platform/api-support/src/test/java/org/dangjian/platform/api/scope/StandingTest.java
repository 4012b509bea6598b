package org.dangjian.platform.api.scope;

import org.dangjian.platform.api.Caller;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The access policy over every combination of the six roles (and a role it does not know). */
class StandingTest {

    static final List<String> ROLES = List.of(Caller.PLATFORM_ADMIN, Caller.ORG_ADMIN, Caller.BRANCH_SECRETARY,
            Caller.AUDITOR, Caller.INTEGRATION, Caller.MEMBER, "someone-else");

    static Stream<Set<String>> roleSets() {
        return IntStream.range(0, 1 << ROLES.size()).mapToObj(bits -> {
            Set<String> roles = new HashSet<>();
            for (int i = 0; i < ROLES.size(); i++) {
                if ((bits & (1 << i)) != 0) {
                    roles.add(ROLES.get(i));
                }
            }
            return roles;
        });
    }

    @ParameterizedTest
    @MethodSource("roleSets")
    void memberOnlyIsTheMemberRoleWithoutAnyRoleThatReadsASubtree(Set<String> roles) {
        // member-service's MemberAccess and assistance's BeneficiaryService decided it this way.
        boolean expected = roles.contains(Caller.MEMBER) && !roles.contains(Caller.PLATFORM_ADMIN)
                && !roles.contains(Caller.ORG_ADMIN) && !roles.contains(Caller.BRANCH_SECRETARY)
                && !roles.contains(Caller.AUDITOR) && !roles.contains(Caller.INTEGRATION);
        assertEquals(expected, Standing.of(roles).isMemberOnly(), roles.toString());
    }

    @ParameterizedTest
    @MethodSource("roleSets")
    void staffArePlatformAdminsOrgAdminsAndBranchSecretaries(Set<String> roles) {
        // assistance's CaseService and PairingService decided it this way.
        boolean expected = roles.contains(Caller.PLATFORM_ADMIN) || roles.contains(Caller.ORG_ADMIN)
                || roles.contains(Caller.BRANCH_SECRETARY);
        assertEquals(expected, Standing.of(roles).isStaff(), roles.toString());
    }

    @ParameterizedTest
    @MethodSource("roleSets")
    void theStrongestRoleDecides(Set<String> roles) {
        Standing standing = Standing.of(roles);
        Standing expected = roles.contains(Caller.PLATFORM_ADMIN) ? Standing.PLATFORM_ADMIN
                : roles.contains(Caller.ORG_ADMIN) || roles.contains(Caller.BRANCH_SECRETARY) ? Standing.STAFF
                : roles.contains(Caller.INTEGRATION) ? Standing.INTEGRATION
                : roles.contains(Caller.AUDITOR) ? Standing.AUDITOR
                : roles.contains(Caller.MEMBER) ? Standing.MEMBER : Standing.NONE;
        assertEquals(expected, standing, roles.toString());
    }

    @ParameterizedTest
    @MethodSource("roleSets")
    void anAuditorIsNeverStaffNorMemberOnly(Set<String> roles) {
        if (Standing.of(roles) == Standing.AUDITOR) {
            assertEquals(false, Standing.of(roles).isStaff());
            assertEquals(false, Standing.of(roles).isMemberOnly());
        }
    }
}
