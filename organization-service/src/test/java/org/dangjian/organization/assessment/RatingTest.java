package org.dangjian.organization.assessment;

import org.dangjian.organization.config.OrganizationRules;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RatingTest {

    private static final OrganizationRules.Assessment DEFAULTS = new OrganizationRules.Assessment() {
        public int excellentFrom() {
            return 90;
        }

        public int goodFrom() {
            return 80;
        }

        public int passFrom() {
            return 60;
        }
    };

    @ParameterizedTest
    @CsvSource({"100, EXCELLENT", "90.00, EXCELLENT", "89.99, GOOD", "80, GOOD", "79.99, PASS", "60.00, PASS",
            "59.99, FAIL", "0, FAIL"})
    void eachRatingStartsAtItsConfiguredScore(BigDecimal score, Assessment.Rating expected) {
        assertEquals(expected, AssessmentService.rating(score, DEFAULTS));
    }
}
