package org.dangjian.platform.api;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Who is calling, from the verified bearer token: roles, the organization they act for
 * ({@code org_id}, the root of their data scope) and, for members, their own record ({@code member_id}).
 */
@RequestScoped
public class Caller {

    public static final String PLATFORM_ADMIN = "platform-admin";
    public static final String ORG_ADMIN = "org-admin";
    public static final String BRANCH_SECRETARY = "branch-secretary";
    public static final String MEMBER = "member";
    public static final String AUDITOR = "auditor";
    public static final String INTEGRATION = "integration";

    @Inject
    SecurityIdentity identity;

    @Inject
    JsonWebToken token;

    public String subject() {
        return identity.getPrincipal().getName();
    }

    public boolean hasRole(String role) {
        return identity.hasRole(role);
    }

    /** Every role the token grants. */
    public Set<String> roles() {
        return identity.getRoles();
    }

    public Optional<UUID> orgId() {
        return uuidClaim("org_id");
    }

    public Optional<UUID> memberId() {
        return uuidClaim("member_id");
    }

    /**
     * The caller's own member record, for the {@code /me} endpoints; 403 NO_MEMBER_IDENTITY when the token names
     * none (a staff account that is not a member, an integration).
     */
    public UUID requireMemberId() {
        return memberId().orElseThrow(() -> new DomainException(403, "NO_MEMBER_IDENTITY"));
    }

    private Optional<UUID> uuidClaim(String name) {
        Object value = token.getClaim(name);
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(value.toString().replace("\"", "")));
        } catch (IllegalArgumentException e) {
            // "none" or anything else that is not an id: the token grants no scope of that kind.
            return Optional.empty();
        }
    }
}
