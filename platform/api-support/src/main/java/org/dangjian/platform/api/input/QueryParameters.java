package org.dangjian.platform.api.input;

import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;
import org.jboss.resteasy.reactive.RestQuery;

import java.lang.annotation.Annotation;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Reads query parameters the way JAX-RS does (a static {@code valueOf(String)} / {@code fromString(String)},
 * a {@code String} constructor; {@code fromString} first for enums), but a value that cannot be read is
 * {@link InvalidParameter} (400 INVALID_PARAMETER naming the parameter) instead of the specification's
 * 404. Booleans are read strictly ({@code true}/{@code false}, any case): JAX-RS reads every other word
 * as false. Strings must be {@link Text text}.
 *
 * <p>Quarkus REST asks a provider like this one for every query parameter type except the java.time
 * types, which it converts itself; {@link org.dangjian.platform.api.ProblemMappers} answers those alike
 * from the failed value. Path parameters are left alone: a malformed id in the path names no resource (404).
 */
@Provider
public class QueryParameters implements ParamConverterProvider {

    private static final Map<Class<?>, Class<?>> BOXES = Map.of(int.class, Integer.class, long.class, Long.class,
            short.class, Short.class, byte.class, Byte.class, double.class, Double.class, float.class, Float.class,
            boolean.class, Boolean.class);

    @Override
    @SuppressWarnings("unchecked")
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        String name = queryParameterName(annotations);
        if (name == null) {
            return null;
        }
        Function<String, ?> reader = reader(rawType);
        return reader == null ? null : (ParamConverter<T>) new Checked<>(name, reader);
    }

    private static String queryParameterName(Annotation[] annotations) {
        if (annotations == null) {
            return null;
        }
        for (Annotation annotation : annotations) {
            if (annotation instanceof QueryParam query) {
                return query.value();
            }
            if (annotation instanceof RestQuery query) {
                return query.value();
            }
        }
        return null;
    }

    /** How JAX-RS would read a value of {@code type}, or null when this provider leaves the type to Quarkus. */
    static Function<String, ?> reader(Class<?> type) {
        Class<?> boxed = BOXES.getOrDefault(type, type);
        if (boxed == String.class) {
            return value -> value;
        }
        if (boxed == Boolean.class) {
            return QueryParameters::strictBoolean;
        }
        if (boxed.isEnum()) {
            Method fromString = staticStringMethod(boxed, "fromString");
            return invoking(fromString != null ? fromString : staticStringMethod(boxed, "valueOf"));
        }
        try {
            Constructor<?> constructor = boxed.getConstructor(String.class);
            return value -> {
                try {
                    return constructor.newInstance(value);
                } catch (InvocationTargetException e) {
                    throw new IllegalArgumentException(e.getCause());
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            };
        } catch (NoSuchMethodException e) {
            // no String constructor: a factory method, as JAX-RS looks for them
        }
        Method valueOf = staticStringMethod(boxed, "valueOf");
        Method factory = valueOf != null ? valueOf : staticStringMethod(boxed, "fromString");
        return factory == null ? null : invoking(factory);
    }

    private static Method staticStringMethod(Class<?> type, String name) {
        try {
            Method method = type.getMethod(name, String.class);
            return Modifier.isStatic(method.getModifiers()) && type.isAssignableFrom(method.getReturnType()) ? method : null;
        } catch (NoSuchMethodException e) {
            return null;
        }
    }

    private static Function<String, ?> invoking(Method method) {
        if (method == null) {
            return null;
        }
        return value -> {
            try {
                return method.invoke(null, value);
            } catch (InvocationTargetException e) {
                throw new IllegalArgumentException(e.getCause());
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        };
    }

    private static Boolean strictBoolean(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw new IllegalArgumentException("not a boolean: " + value);
        };
    }

    private record Checked<T>(String name, Function<String, T> reader) implements ParamConverter<T> {

        @Override
        public T fromString(String value) {
            if (value == null) {
                return null;
            }
            if (!Text.isAllowed(value)) {
                throw new InvalidParameter(name, "INVALID_CHARACTERS", null);
            }
            try {
                return reader.apply(value);
            } catch (IllegalStateException e) {
                throw e;
            } catch (RuntimeException e) {
                throw new InvalidParameter(name, "INVALID_VALUE", e);
            }
        }

        @Override
        public String toString(T value) {
            return value == null ? null : value.toString();
        }
    }
}
