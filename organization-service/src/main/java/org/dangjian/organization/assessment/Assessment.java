package org.dangjian.organization.assessment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.dangjian.platform.api.DomainException;
import org.dangjian.platform.api.Ids;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/** One organization's assessment against a set: self-assessed, then reviewed by the set's level. */
@Entity
@Table(name = "assessment")
public class Assessment {

    public enum Status {
        SELF_ASSESSED,
        REVIEWED;

        private static final Map<Status, Set<Status>> NEXT = Map.of(SELF_ASSESSED, Set.of(REVIEWED), REVIEWED, Set.of());

        boolean mayBecome(Status next) {
            return NEXT.get(this).contains(next);
        }
    }

    public enum Rating {
        EXCELLENT, GOOD, PASS, FAIL
    }

    @Id
    private UUID id;

    @Column(name = "set_id", nullable = false)
    private UUID setId;

    @Column(name = "organization_id", nullable = false)
    private UUID organizationId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "self_scores", nullable = false)
    private Map<String, BigDecimal> selfScores;

    @Column(name = "self_score", nullable = false)
    private BigDecimal selfScore;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "review_scores")
    private Map<String, BigDecimal> reviewScores;

    private BigDecimal score;

    @Enumerated(EnumType.STRING)
    private Rating rating;

    @Column(name = "reviewed_by")
    private String reviewedBy;

    @Version
    private long version;

    protected Assessment() {
    }

    Assessment(AssessmentSet set, UUID organizationId, Map<String, BigDecimal> scores) {
        this.id = Ids.next();
        this.setId = set.id();
        this.organizationId = organizationId;
        this.selfScore = set.weightedScore(scores);
        this.selfScores = scores;
        this.status = Status.SELF_ASSESSED;
    }

    void review(AssessmentSet set, Map<String, BigDecimal> scores, Function<BigDecimal, Rating> rate, String reviewer) {
        if (!status.mayBecome(Status.REVIEWED)) {
            throw DomainException.conflict("ASSESSMENT_ALREADY_REVIEWED");
        }
        this.score = set.weightedScore(scores);
        this.reviewScores = scores;
        this.rating = rate.apply(score);
        this.reviewedBy = reviewer;
        this.status = Status.REVIEWED;
    }

    public UUID id() {
        return id;
    }

    public UUID setId() {
        return setId;
    }

    public UUID organizationId() {
        return organizationId;
    }

    public Status status() {
        return status;
    }

    public Map<String, BigDecimal> selfScores() {
        return selfScores == null ? Map.of() : Map.copyOf(selfScores);
    }

    public Map<String, BigDecimal> reviewScores() {
        return reviewScores == null ? null : Map.copyOf(reviewScores);
    }

    public BigDecimal selfScore() {
        return selfScore;
    }

    public BigDecimal score() {
        return score;
    }

    public Rating rating() {
        return rating;
    }

    public String reviewedBy() {
        return reviewedBy;
    }

    public long version() {
        return version;
    }
}
