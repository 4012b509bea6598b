package org.dangjian.member.member;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.dangjian.member.TestIds;
import org.dangjian.member.TestTree;
import org.dangjian.member.member.MemberDtos.MemberView;
import org.dangjian.platform.api.Caller;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

import static org.dangjian.member.Api.as;
import static org.dangjian.member.Api.fullMember;
import static org.dangjian.member.Api.registered;
import static org.dangjian.member.Api.with;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The one-statement masked read of {@code GET /members/{id}} (benchmark B1) shows what the entity would. */
@QuarkusTest
class MaskedMemberReadsTest {

    @Inject
    MaskedMemberReads maskedReads;

    @Inject
    MemberService service;

    @Inject
    EntityManager em;

    @Test
    void everyColumnReadsAsTheEntitysMaskedView() {
        TestTree.Node branch = TestTree.branch(TestTree.committee());
        var body = with(fullMember(branch.id(), TestIds.nationalId(LocalDate.of(1979, 3, 2)), "13912345678"), "workUnit", "厦门港务");
        UUID id = registered(body);
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                        update member set probation_extension_months = 6, transferred_out_on = date '2026-05-01', branch_dissolved_on = date '2026-04-01',
                        ended_on = date '2026-06-01', end_reason = 'test', grid = '第三网格' where id = ?1""")
                .setParameter(1, id).executeUpdate());

        MemberView expected = QuarkusTransaction.requiringNew().call(() -> service.maskedView(em.find(Member.class, id)));

        assertEquals(Optional.of(expected), maskedReads.anywhere(id));
    }

    @Test
    void aRecordOutsideTheSubtreeIsNotRead() {
        TestTree.Node committee = TestTree.committee();
        UUID id = registered(TestTree.branch(committee).id());

        assertTrue(maskedReads.within(id, committee.id()).isPresent());
        assertEquals(Optional.empty(), maskedReads.within(id, TestTree.committee().id()));
    }

    @Test
    void anAuditorReadsARecordOfTheirSubtreeMaskedAndAnyOtherAsMissing() {
        TestTree.Node committee = TestTree.committee();
        UUID id = registered(fullMember(TestTree.branch(committee).id(), TestIds.nationalId(LocalDate.of(1985, 6, 15)),
                "13812345678"));

        as(Caller.AUDITOR, committee.id()).get("/api/v1/members/{id}", id).then().statusCode(200)
                .header("ETag", equalTo("\"0\""))
                .body("masked", equalTo(true)).body("phone", equalTo("138****5678"));
        as(Caller.AUDITOR, TestTree.committee().id()).get("/api/v1/members/{id}", id).then().statusCode(404)
                .body("code", equalTo("MEMBER_NOT_FOUND"));
    }
}
