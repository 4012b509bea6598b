package org.dangjian.member.member;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.dangjian.member.member.MemberDtos.MemberView;
import org.dangjian.platform.api.pii.Masking;
import org.dangjian.platform.api.pii.PersonalDataProtection;
import org.dangjian.platform.orgtree.OrgTree;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

/**
 * The masked read of one record — what most callers of {@code GET /members/{id}} get — as one JDBC
 * statement with the scope check, outside any transaction or persistence context. It is the service's
 * busiest read and the ORM's session, entity load and transaction were most of its cost (benchmark B1,
 * bench/notes/b1.md). {@code MaskedMemberReadsTest} holds this mapping equal to the entity's.
 */
@ApplicationScoped
public class MaskedMemberReads {

    private static final String SELECT = """
            select m.id, m.member_number, m.name, m.gender, m.ethnicity, m.birth_date, m.national_id, m.phone,
                   m.education, m.category, m.work_unit, m.org_id, m.group_id, m.grid, m.stage, m.applied_on,
                   m.activist_on, m.candidate_on, m.admitted_on, m.full_on, m.registered_on, m.transferred_out_on,
                   m.branch_dissolved_on, m.probation_extension_months, m.ended_on, m.end_reason, m.version
            from member m where m.id = ?""";

    private static final String SELECT_WITHIN = SELECT + " and " + OrgTree.withinRootSql("m.org_id");

    @Inject
    AgroalDataSource dataSource;

    @Inject
    PersonalDataProtection pii;

    /** The record masked, if it exists (a platform-admin's read). */
    public Optional<MemberView> anywhere(UUID id) {
        return read(SELECT, id, null);
    }

    /** The record masked, if it exists and lies in the subtree of {@code root} ({@code CallerScope.oneStatement}). */
    public Optional<MemberView> within(UUID id, UUID root) {
        return read(SELECT_WITHIN, id, root);
    }

    private Optional<MemberView> read(String sql, UUID id, UUID root) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setObject(1, id);
            if (root != null) {
                statement.setObject(2, root);
            }
            try (ResultSet row = statement.executeQuery()) {
                return row.next() ? Optional.of(masked(row)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading member " + id, e);
        }
    }

    private MemberView masked(ResultSet r) throws SQLException {
        return new MemberView(r.getObject("id", UUID.class), r.getString("member_number"), r.getString("name"),
                Gender.valueOf(r.getString("gender")), r.getString("ethnicity"), date(r, "birth_date"),
                Masking.nationalId(pii.decrypt(r.getString("national_id"))), Masking.phone(pii.decrypt(r.getString("phone"))),
                true, enumOf(Education.class, r.getString("education")), MemberCategory.valueOf(r.getString("category")),
                r.getString("work_unit"), r.getObject("org_id", UUID.class), r.getObject("group_id", UUID.class),
                r.getString("grid"), MemberStage.valueOf(r.getString("stage")), date(r, "applied_on"), date(r, "activist_on"),
                date(r, "candidate_on"), date(r, "admitted_on"), date(r, "full_on"), date(r, "registered_on"),
                date(r, "transferred_out_on"), r.getObject("branch_dissolved_on") != null, date(r, "branch_dissolved_on"),
                r.getInt("probation_extension_months"), date(r, "ended_on"),
                r.getString("end_reason"), r.getLong("version"));
    }

    private static LocalDate date(ResultSet r, String column) throws SQLException {
        return r.getObject(column, LocalDate.class);
    }

    private static <E extends Enum<E>> E enumOf(Class<E> type, String value) {
        return value == null ? null : Enum.valueOf(type, value);
    }
}
