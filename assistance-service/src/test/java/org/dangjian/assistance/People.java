package org.dangjian.assistance;

import org.dangjian.platform.api.pii.NationalIdNumber;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** Fictitious people for tests: valid-checksum national IDs, unique per call. */
public final class People {

    private People() {
    }

    public static String nationalId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        LocalDate birth = LocalDate.of(1935, 1, 1).plusDays(random.nextInt(30_000));
        String first17 = "350203" + birth.format(DateTimeFormatter.BASIC_ISO_DATE) + "%03d".formatted(random.nextInt(1000));
        return first17 + NationalIdNumber.checkCharacter(first17);
    }

    public static Map<String, Object> resident(UUID orgId, String nationalId) {
        Map<String, Object> body = new HashMap<>();
        body.put("kind", "RESIDENT");
        body.put("orgId", orgId);
        body.put("name", "王秀英");
        body.put("nationalId", nationalId);
        body.put("address", "西城镇东街3号");
        body.put("householdSize", 2);
        body.put("categories", List.of("ELDERLY_ALONE", "ILLNESS"));
        body.put("hardshipDetails", "独居，患慢性病，每月药费约800元");
        return body;
    }

    public static Map<String, Object> member(UUID orgId, UUID memberId) {
        Map<String, Object> body = new HashMap<>();
        body.put("kind", "MEMBER");
        body.put("orgId", orgId);
        body.put("memberId", memberId);
        body.put("categories", List.of("UNEMPLOYMENT"));
        body.put("hardshipDetails", "下岗失业，子女上学");
        return body;
    }
}
