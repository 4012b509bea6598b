package org.dangjian.member.dues;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.dangjian.member.config.MemberRules;
import org.dangjian.member.member.MemberCategory;
import org.dangjian.platform.api.DomainException;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The monthly dues of a category and income, from the configured bracket table, in exact decimals
 * rounded half-up to the fen.
 */
@ApplicationScoped
public class DuesTable {

    /** One bracket: incomes up to and including {@code upTo} (null: no limit) pay {@code rate}. */
    public record Bracket(BigDecimal upTo, BigDecimal rate) {
    }

    /** A fixed amount, or a range the branch chooses in ({@code min == max} when fixed). */
    public record Fixed(BigDecimal min, BigDecimal max) {
    }

    /** The amount and how it was found. */
    public record Due(BigDecimal monthlyAmount, BigDecimal rate) {
    }

    private final Map<MemberCategory, List<Bracket>> rates = new EnumMap<>(MemberCategory.class);
    private final Map<MemberCategory, Fixed> fixed = new EnumMap<>(MemberCategory.class);

    @Inject
    public DuesTable(MemberRules rules) {
        rules.dues().rates().forEach((category, table) -> rates.put(MemberCategory.valueOf(category), brackets(table)));
        rules.dues().fixed().forEach((category, amount) -> fixed.put(MemberCategory.valueOf(category), fixedAmount(amount)));
        for (MemberCategory category : MemberCategory.values()) {
            if (rates.containsKey(category) == fixed.containsKey(category)) {
                throw new IllegalStateException("dues of " + category + " need exactly one of dangjian.member.dues.rates / fixed");
            }
        }
    }

    /**
     * @param income the after-tax monthly income, for categories paying a rate
     * @param chosen the amount a branch chose, for categories paying a fixed amount in a range
     */
    public Due monthly(MemberCategory category, BigDecimal income, BigDecimal chosen) {
        List<Bracket> brackets = rates.get(category);
        if (brackets != null) {
            if (income == null) {
                throw DomainException.unprocessable("DUES_INCOME_REQUIRED", category);
            }
            Bracket bracket = brackets.stream().filter(b -> b.upTo() == null || income.compareTo(b.upTo()) <= 0).findFirst()
                    .orElseThrow();
            return new Due(income.multiply(bracket.rate()).setScale(2, RoundingMode.HALF_UP), bracket.rate());
        }
        Fixed range = fixed.get(category);
        if (range.min().compareTo(range.max()) == 0) {
            return new Due(range.min(), null);
        }
        if (chosen == null || chosen.compareTo(range.min()) < 0 || chosen.compareTo(range.max()) > 0) {
            throw DomainException.unprocessable("DUES_AMOUNT_OUT_OF_RANGE", category, range.min(), range.max());
        }
        return new Due(chosen.setScale(2, RoundingMode.UNNECESSARY), null);
    }

    private static List<Bracket> brackets(String table) {
        List<Bracket> brackets = new ArrayList<>();
        for (String entry : table.split(",")) {
            String[] parts = entry.strip().split(":");
            BigDecimal upTo = "*".equals(parts[0].strip()) ? null : new BigDecimal(parts[0].strip());
            brackets.add(new Bracket(upTo, new BigDecimal(parts[1].strip())));
        }
        for (int i = 0; i < brackets.size(); i++) {
            BigDecimal upTo = brackets.get(i).upTo();
            boolean last = i == brackets.size() - 1;
            if ((upTo == null) != last || (i > 0 && upTo != null && upTo.compareTo(brackets.get(i - 1).upTo()) <= 0)) {
                throw new IllegalStateException("dues brackets must ascend and end with *: " + table);
            }
        }
        return List.copyOf(brackets);
    }

    private static Fixed fixedAmount(String amount) {
        String[] parts = amount.strip().split("-");
        BigDecimal min = new BigDecimal(parts[0].strip()).setScale(2, RoundingMode.UNNECESSARY);
        BigDecimal max = parts.length > 1 ? new BigDecimal(parts[1].strip()).setScale(2, RoundingMode.UNNECESSARY) : min;
        return new Fixed(min, max);
    }
}
