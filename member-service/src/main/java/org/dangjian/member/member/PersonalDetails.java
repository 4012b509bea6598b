package org.dangjian.member.member;

import java.time.LocalDate;
import java.util.UUID;

/** The descriptive part of a record that registration and correction both set. */
public record PersonalDetails(String name, Gender gender, String ethnicity, LocalDate birthDate, Education education,
        MemberCategory category, String workUnit, UUID groupId, String grid) {
}
