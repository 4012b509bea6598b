package org.dangjian.platform.api.pii;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A field holding a national ID number with a valid birth date and check character (null passes). */
@Documented
@Constraint(validatedBy = ValidNationalId.Validator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface ValidNationalId {

    String message() default "{org.dangjian.ValidNationalId.message}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<ValidNationalId, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || NationalIdNumber.isValid(value);
        }
    }
}
