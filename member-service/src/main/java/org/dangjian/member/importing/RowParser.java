package org.dangjian.member.importing;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.MessageInterpolator;
import jakarta.validation.Path;
import jakarta.validation.TraversableResolver;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import org.dangjian.member.importing.MemberImport.RowResult;
import org.dangjian.member.importing.MemberImport.RowStatus;
import org.dangjian.member.member.Education;
import org.dangjian.member.member.Gender;
import org.dangjian.member.member.MemberCategory;
import org.dangjian.member.member.MemberDtos.RegisterMember;
import org.dangjian.member.member.MemberStage;
import org.dangjian.platform.api.Messages;
import org.dangjian.platform.api.Problem.FieldError;

import java.lang.annotation.ElementType;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * Turns an import file's rows into registration requests with exactly the API's Bean Validation, its messages in the
 * caller's language. Thread-safe, so one file's rows can be parsed on several threads (benchmark B4: on the request's
 * thread alone, parsing and validation were the largest serial part of an import).
 */
final class RowParser {

    /** A data row as a registration request, or refused with its result. */
    sealed interface Parsed permits Request, Refused {
    }

    /** {@code index} counts the data rows from 0. */
    record Request(int index, RegisterMember request) implements Parsed {
    }

    record Refused(RowResult result) implements Parsed {
    }

    private final Map<String, Integer> header;
    private final String invalid;
    private final String validationFailed;
    private final Validator validator;

    /** {@code header}: each column's position in a row. */
    RowParser(Map<String, Integer> header, Locale locale, ValidatorFactory validators) {
        this.header = header;
        this.invalid = Messages.get(locale, "INVALID_VALUE.field");
        this.validationFailed = Messages.get(locale, "VALIDATION_FAILED.detail");
        // Fixed to the caller's language, whichever thread validates.
        this.validator = validators.usingContext()
                .messageInterpolator(new InLocale(validators.getMessageInterpolator(), locale))
                .traversableResolver(EVERY_PROPERTY).getValidator();
    }

    /** Data row {@code index} (from 0; a user sees it as row {@code index + 1} after the header). */
    Parsed parse(int index, List<String> cells) {
        List<FieldError> errors = new ArrayList<>();
        Function<String, String> cell = column -> {
            Integer position = header.get(column);
            String value = position == null || position >= cells.size() ? null : cells.get(position).strip();
            return value == null || value.isEmpty() ? null : value;
        };
        Cells p = new Cells(cell, errors, invalid);
        RegisterMember request = new RegisterMember(cell.apply("name"), p.parse("gender", Gender::valueOf), cell.apply("ethnicity"),
                p.parse("birthDate", LocalDate::parse), cell.apply("nationalId"), cell.apply("phone"),
                p.parse("education", Education::valueOf), p.parse("category", MemberCategory::valueOf), cell.apply("workUnit"),
                p.parse("orgId", UUID::fromString), p.parse("groupId", UUID::fromString), cell.apply("grid"),
                p.parse("stage", MemberStage::valueOf), p.parse("appliedOn", LocalDate::parse),
                p.parse("activistOn", LocalDate::parse), p.parse("candidateOn", LocalDate::parse),
                p.parse("admittedOn", LocalDate::parse), p.parse("fullOn", LocalDate::parse));
        for (ConstraintViolation<RegisterMember> v : validator.validate(request)) {
            String field = v.getPropertyPath().toString();
            if (errors.stream().noneMatch(e -> e.field().equals(field))) {
                String code = v.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName()
                        .replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
                errors.add(new FieldError(field, code, v.getMessage()));
            }
        }
        if (!errors.isEmpty()) {
            errors.sort(Comparator.comparing(FieldError::field));
            return new Refused(new RowResult(index + 1, RowStatus.REJECTED, null, "VALIDATION_FAILED", validationFailed, errors));
        }
        return new Request(index, request);
    }

    /** Turns cells into typed values, noting a field error instead of failing the row on the first bad cell. */
    private record Cells(Function<String, String> cell, List<FieldError> errors, String invalid) {

        <T> T parse(String column, Function<String, T> parse) {
            String value = cell.apply(column);
            if (value == null) {
                return null;
            }
            try {
                return parse.apply(value);
            } catch (RuntimeException e) {
                errors.add(new FieldError(column, "INVALID_VALUE", invalid));
                return null;
            }
        }
    }

    /**
     * A request is a plain record, never a lazily loaded entity: the default resolver asked Hibernate ORM whether
     * each property was loaded, a tenth of the file's validation (B4 profile).
     */
    private static final TraversableResolver EVERY_PROPERTY = new TraversableResolver() {
        @Override
        public boolean isReachable(Object bean, Path.Node property, Class<?> rootBean, Path path, ElementType type) {
            return true;
        }

        @Override
        public boolean isCascadable(Object bean, Path.Node property, Class<?> rootBean, Path path, ElementType type) {
            return true;
        }
    };

    /** Bean Validation's messages in the import's language, whichever thread validates. */
    private record InLocale(MessageInterpolator interpolator, Locale locale) implements MessageInterpolator {

        @Override
        public String interpolate(String template, Context context) {
            return interpolator.interpolate(template, context, locale);
        }

        @Override
        public String interpolate(String template, Context context, Locale ignored) {
            return interpolator.interpolate(template, context, locale);
        }
    }
}
