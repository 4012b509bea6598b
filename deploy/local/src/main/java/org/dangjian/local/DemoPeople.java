package org.dangjian.local;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;

/** Plausible, fictitious people: Chinese names and national ID numbers with a valid check character, never twice. */
final class DemoPeople {

    private static final String[] SURNAMES = {"林", "陈", "黄", "张", "李", "王", "吴", "刘", "蔡", "杨", "郑", "许", "洪",
        "曾", "苏", "周", "叶", "庄", "邱", "柯"};
    private static final String[] GIVEN = {"志", "强", "秀", "英", "建", "国", "美", "玲", "文", "华", "明", "丽", "海", "燕",
        "春", "梅", "金", "水", "荣", "福", "伟", "芳", "平", "辉", "婷", "鑫", "晓", "雅", "俊", "红"};
    /** 思明区 and 湖里区 of 厦门 (3502xx). */
    private static final String[] REGIONS = {"350203", "350206", "350211", "350212"};

    private final Random random;
    private final Set<String> used = new HashSet<>();

    DemoPeople(Random random) {
        this.random = random;
    }

    String name() {
        return SURNAMES[random.nextInt(SURNAMES.length)] + GIVEN[random.nextInt(GIVEN.length)]
                + (random.nextInt(4) == 0 ? "" : GIVEN[random.nextInt(GIVEN.length)]);
    }

    /** A national ID number for someone born on {@code birth}, unique in this demo. */
    String nationalId(LocalDate birth, boolean male) {
        while (true) {
            int sequence = random.nextInt(500) * 2 + (male ? 1 : 0);
            String first17 = REGIONS[random.nextInt(REGIONS.length)] + birth.toString().replace("-", "")
                    + "%03d".formatted(sequence);
            String id = first17 + checkCharacter(first17);
            if (used.add(id)) {
                return id;
            }
        }
    }

    LocalDate birth(int fromYear, int years) {
        return LocalDate.of(fromYear + random.nextInt(years), 1 + random.nextInt(12), 1 + random.nextInt(28));
    }

    String mobile() {
        String[] prefixes = {"135", "136", "137", "138", "139", "150", "158", "159", "186", "188"};
        return prefixes[random.nextInt(prefixes.length)] + "%08d".formatted(random.nextInt(100_000_000));
    }

    /** GB 11643 check character (ISO 7064 MOD 11-2), so the fictitious numbers pass validation. */
    static char checkCharacter(String first17) {
        int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * weights[i];
        }
        return "10X98765432".charAt(sum % 11);
    }
}
