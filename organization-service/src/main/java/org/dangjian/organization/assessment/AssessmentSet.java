package org.dangjian.organization.assessment;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.dangjian.platform.api.DomainException;
import org.dangjian.platform.api.Ids;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** A year's criteria (e.g. 五个好) with weights summing to 100, set by an organization for its subtree. */
@Entity
@Table(name = "assessment_set")
public class AssessmentSet {

    @Embeddable
    public static class Criterion {
        @Column(nullable = false)
        String code;
        @Column(nullable = false)
        String name;
        @Column(nullable = false, precision = 5, scale = 2)
        BigDecimal weight;

        protected Criterion() {
        }

        Criterion(String code, String name, BigDecimal weight) {
            this.code = code;
            this.name = name;
            this.weight = weight;
        }

        public String code() {
            return code;
        }

        public String name() {
            return name;
        }

        public BigDecimal weight() {
            return weight;
        }
    }

    @Id
    private UUID id;

    @Column(name = "organization_id", nullable = false)
    private UUID organizationId;

    @Column(nullable = false)
    private int year;

    @Column(nullable = false)
    private String name;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "assessment_criterion", joinColumns = @JoinColumn(name = "set_id"))
    private List<Criterion> criteria = new ArrayList<>();

    @Version
    private long version;

    protected AssessmentSet() {
    }

    AssessmentSet(UUID organizationId, int year, String name, List<Criterion> criteria) {
        BigDecimal total = criteria.stream().map(Criterion::weight).reduce(BigDecimal.ZERO, BigDecimal::add);
        if (total.compareTo(BigDecimal.valueOf(100)) != 0) {
            throw DomainException.unprocessable("ASSESSMENT_WEIGHTS_NOT_100", total.stripTrailingZeros().toPlainString());
        }
        Set<String> codes = new HashSet<>();
        for (Criterion c : criteria) {
            if (!codes.add(c.code)) {
                throw DomainException.unprocessable("ASSESSMENT_CRITERION_DUPLICATE", c.code);
            }
        }
        this.id = Ids.next();
        this.organizationId = organizationId;
        this.year = year;
        this.name = name;
        this.criteria.addAll(criteria);
    }

    /** Σ weight × score / 100, to 2 decimals; every criterion scored 0–100, no other. */
    BigDecimal weightedScore(Map<String, BigDecimal> scores) {
        Set<String> expected = new HashSet<>();
        criteria.forEach(c -> expected.add(c.code));
        if (!expected.equals(scores.keySet())) {
            throw DomainException.unprocessable("ASSESSMENT_SCORES_INCOMPLETE", String.join(", ", expected));
        }
        BigDecimal total = BigDecimal.ZERO;
        for (Criterion c : criteria) {
            BigDecimal score = scores.get(c.code);
            if (score.signum() < 0 || score.compareTo(BigDecimal.valueOf(100)) > 0) {
                throw DomainException.unprocessable("ASSESSMENT_SCORE_OUT_OF_RANGE", c.code, score);
            }
            total = total.add(c.weight.multiply(score));
        }
        return total.divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP);
    }

    public UUID id() {
        return id;
    }

    public UUID organizationId() {
        return organizationId;
    }

    public int year() {
        return year;
    }

    public String name() {
        return name;
    }

    public List<Criterion> criteria() {
        return List.copyOf(criteria);
    }

    public long version() {
        return version;
    }
}
