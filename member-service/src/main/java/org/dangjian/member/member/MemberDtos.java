package org.dangjian.member.member;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.dangjian.platform.api.pii.ValidNationalId;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Request and response bodies of the members API. */
public final class MemberDtos {

    /** GB/T 3304 民族 codes: 01–56, 97 (未识别民族), 98 (外国血统中国籍人士). */
    static final String ETHNICITY = "0[1-9]|[1-4][0-9]|5[0-6]|9[78]";
    static final String MOBILE = "1[3-9][0-9]{9}";

    private MemberDtos() {
    }

    @Schema(name = "RegisterMember", description = "建立党员档案: a record in a branch, at the stage its files show")
    public record RegisterMember(
            @Schema(example = "林志强") @NotBlank @Size(max = 50) String name,
            @Schema(example = "MALE") @NotNull Gender gender,
            @Schema(description = "GB/T 3304 code", example = "01") @NotNull @Pattern(regexp = ETHNICITY) String ethnicity,
            @Schema(description = "taken from the national ID when omitted; must agree with it") @Past LocalDate birthDate,
            @Schema(description = "居民身份证号码 (GB 11643 check character)", example = "35020319900101123X")
            @NotNull @ValidNationalId String nationalId,
            @Schema(example = "13812345678") @Pattern(regexp = MOBILE) String phone,
            Education education,
            @Schema(example = "EMPLOYED") @NotNull MemberCategory category,
            @Schema(example = "厦门某科技有限公司") @Size(max = 200) String workUnit,
            @Schema(description = "a branch, joint branch or temporary branch in your scope") @NotNull UUID orgId,
            @Schema(description = "a party group (党小组) of that branch") UUID groupId,
            @Schema(example = "第三网格") @Size(max = 100) String grid,
            @Schema(example = "FULL") @NotNull MemberStage stage,
            @PastOrPresent LocalDate appliedOn,
            @PastOrPresent LocalDate activistOn,
            @PastOrPresent LocalDate candidateOn,
            @Schema(description = "接收为预备党员: date of the branch general meeting's vote") @PastOrPresent LocalDate admittedOn,
            @PastOrPresent LocalDate fullOn) {

        StageDates dates() {
            return new StageDates(appliedOn, activistOn, candidateOn, admittedOn, fullOn);
        }
    }

    @Schema(name = "CorrectMember", description = "更正党员档案: only the fields given change; branch and stage have their own procedures")
    public record CorrectMember(
            @Size(min = 1, max = 50) String name,
            Gender gender,
            @Pattern(regexp = ETHNICITY) String ethnicity,
            @Past LocalDate birthDate,
            @ValidNationalId String nationalId,
            @Pattern(regexp = MOBILE) String phone,
            Education education,
            MemberCategory category,
            @Size(max = 200) String workUnit,
            UUID groupId,
            @Size(max = 100) String grid,
            @Schema(hidden = true) @JsonAnySetter Map<String, Object> others) {

        /**
         * Every field of the body this record has no place for (orgId, stage, memberNumber, a typo): refused, not
         * silently dropped, so a caller never believes a change was made that was not.
         */
        public CorrectMember {
            others = others == null ? Map.of() : others;
        }
    }

    @Schema(name = "Member", description = "A member record; nationalId and phone are masked unless your role allows (masked=false)")
    public record MemberView(UUID id, String memberNumber, String name, Gender gender, String ethnicity, LocalDate birthDate,
            @Schema(example = "3502**********1236") String nationalId,
            @Schema(example = "138****5678") String phone,
            boolean masked, Education education, MemberCategory category, String workUnit, UUID orgId, UUID groupId,
            String grid, MemberStage stage, LocalDate appliedOn, LocalDate activistOn, LocalDate candidateOn,
            LocalDate admittedOn, LocalDate fullOn, LocalDate registeredOn,
            @Schema(description = "set when the member transferred to an organization outside the platform") LocalDate transferredOutOn,
            @Schema(description = "the member's branch was dissolved (撤销, not merged) while they were in it: they need a "
                    + "branch until a reassignment (POST /members/reassignments) or an accepted transfer moves them; "
                    + "orgId still names the dissolved branch") boolean needsBranch,
            @Schema(description = "the day the member's branch was dissolved, while needsBranch; else null") LocalDate branchDissolvedOn,
            @Schema(description = "延长预备期, months") int probationExtensionMonths, LocalDate endedOn, String endReason,
            long version) {

        static MemberView of(Member m, String nationalId, String phone, boolean masked) {
            PersonalDetails d = m.details();
            StageDates s = m.dates();
            return new MemberView(m.id(), m.memberNumber(), d.name(), d.gender(), d.ethnicity(), d.birthDate(), nationalId,
                    phone, masked, d.education(), d.category(), d.workUnit(), m.orgId(), d.groupId(), d.grid(), m.stage(),
                    s.appliedOn(), s.activistOn(), s.candidateOn(), s.admittedOn(), s.fullOn(), m.registeredOn(),
                    m.transferredOutOn(), m.needsBranch(), m.branchDissolvedOn(), m.probationExtensionMonths(), m.endedOn(),
                    m.endReason(), m.version());
        }
    }
}
