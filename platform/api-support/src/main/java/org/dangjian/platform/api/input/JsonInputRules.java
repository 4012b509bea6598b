package org.dangjian.platform.api.input;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.deser.std.JsonNodeDeserializer;
import com.fasterxml.jackson.databind.deser.std.NumberDeserializers;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.ArrayType;
import com.fasterxml.jackson.databind.type.CollectionType;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.lang.reflect.Array;
import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.Iterator;
import java.util.Map;

/**
 * How JSON is read. On every mapper of the service (this customizer): a repeated key is an error
 * (Jackson otherwise keeps the last value, or, for a record, fails in a way that answered 500), and
 * documents are bounded ({@link #MAX_NESTING_DEPTH} levels, numbers of at most {@link #MAX_NUMBER_LENGTH}
 * digits). On request bodies only ({@link #strictCopy}, used by {@link RequestBodyMapper}): strings
 * must be {@link Text text}, decimals keep their exponent within ±{@link #MAX_DECIMAL_SCALE}, doubles are
 * finite, and a fraction is not silently cut into an integer. Those value rules stay off the mapper that
 * reads events and stored JSON, which may hold what was accepted before them.
 */
@Singleton
public class JsonInputRules implements ObjectMapperCustomizer {

    public static final int MAX_NESTING_DEPTH = 100;
    public static final int MAX_NUMBER_LENGTH = 100;
    public static final int MAX_DECIMAL_SCALE = 100;
    /** The longest string a request body may hold where a field names no limit of its own (the OpenAPI documents say so). */
    public static final int MAX_STRING_LENGTH = 100_000;
    /** The most elements an array of a request body may hold where a field names no limit of its own. */
    public static final int MAX_ARRAY_ITEMS = 10_000;

    @Override
    public void customize(ObjectMapper mapper) {
        applyParserRules(mapper);
    }

    public static ObjectMapper applyParserRules(ObjectMapper mapper) {
        mapper.getFactory().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION.mappedFeature());
        mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(MAX_NESTING_DEPTH)
                .maxNumberLength(MAX_NUMBER_LENGTH)
                .build());
        return mapper;
    }

    /** A copy of {@code base} (with its modules and settings) that also applies the request-body value rules. */
    public static ObjectMapper strictCopy(ObjectMapper base) {
        ObjectMapper strict = applyParserRules(base.copy());
        strict.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(MAX_NESTING_DEPTH)
                .maxNumberLength(MAX_NUMBER_LENGTH)
                .maxStringLength(MAX_STRING_LENGTH)
                .build());
        SimpleModule rules = new SimpleModule("dangjian-request-body-rules");
        rules.setDeserializerModifier(new BoundedArrays());
        add(rules, String.class, new CheckedStrings(StringDeserializer.instance));
        add(rules, JsonNode.class, new CheckedTree(JsonNodeDeserializer.getDeserializer(JsonNode.class)));
        add(rules, BigDecimal.class, new BoundedDecimals(NumberDeserializers.BigDecimalDeserializer.instance));
        add(rules, Double.class, new FiniteDoubles(NumberDeserializers.find(Double.class, Double.class.getName())));
        add(rules, Double.TYPE, new FiniteDoubles(NumberDeserializers.find(Double.TYPE, "double")));
        strict.registerModule(rules);
        // 2.7 people in a household is a mistake to report, not a 2 to store.
        strict.coercionConfigFor(LogicalType.Integer).setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
        return strict;
    }

    @SuppressWarnings("unchecked")
    private static <T> void add(SimpleModule module, Class<T> type, JsonDeserializer<?> deserializer) {
        module.addDeserializer(type, (JsonDeserializer<? extends T>) deserializer);
    }

    private abstract static class Checked extends DelegatingDeserializer {

        private static final long serialVersionUID = 1L;

        Checked(JsonDeserializer<?> delegate) {
            super(delegate);
        }

        @Override
        public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            Object value = super.deserialize(p, ctxt);
            if (value != null) {
                check(value, p);
            }
            return value;
        }

        abstract void check(Object value, JsonParser p) throws IOException;
    }

    private static final class CheckedStrings extends Checked {

        private static final long serialVersionUID = 1L;

        CheckedStrings(JsonDeserializer<?> delegate) {
            super(delegate);
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> delegatee) {
            return new CheckedStrings(delegatee);
        }

        @Override
        public LogicalType logicalType() {
            return LogicalType.Textual;
        }

        @Override
        void check(Object value, JsonParser p) throws IOException {
            int bad = Text.firstForbidden((String) value);
            if (bad >= 0) {
                throw new InvalidCharacters(p, bad);
            }
        }
    }

    /** Free-form JSON (a {@code JsonNode} field): every key and string inside it is text too. */
    private static final class CheckedTree extends Checked {

        private static final long serialVersionUID = 1L;

        CheckedTree(JsonDeserializer<?> delegate) {
            super(delegate);
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> delegatee) {
            return new CheckedTree(delegatee);
        }

        @Override
        void check(Object value, JsonParser p) throws IOException {
            if (tooLarge((JsonNode) value)) {
                throw new LimitExceeded(p, "an array of more than " + MAX_ARRAY_ITEMS + " elements");
            }
            Deque<Object> path = new ArrayDeque<>();
            if (!allowed((JsonNode) value, path)) {
                JsonMappingException e = new InvalidCharacters(p, 0);
                // innermost first: prependPath builds the path from the field outwards
                for (Object step : path) {
                    e.prependPath(step instanceof Integer index ? new JsonMappingException.Reference(null, index)
                            : new JsonMappingException.Reference(null, (String) step));
                }
                throw e;
            }
        }

        private static boolean tooLarge(JsonNode node) {
            if (node.isArray() && node.size() > MAX_ARRAY_ITEMS) {
                return true;
            }
            for (JsonNode child : node) {
                if (tooLarge(child)) {
                    return true;
                }
            }
            return false;
        }

        private static boolean allowed(JsonNode node, Deque<Object> path) {
            if (node.isTextual()) {
                return Text.isAllowed(node.textValue());
            }
            if (node.isArray()) {
                for (int i = 0; i < node.size(); i++) {
                    if (!allowed(node.get(i), path)) {
                        path.addLast(i);
                        return false;
                    }
                }
            } else if (node.isObject()) {
                for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> field = it.next();
                    if (!Text.isAllowed(field.getKey()) || !allowed(field.getValue(), path)) {
                        path.addLast(field.getKey());
                        return false;
                    }
                }
            }
            return true;
        }
    }

    /** 1e1000000000 is a valid JSON number and a valid BigDecimal, and a denial of service once scaled or printed. */
    private static final class BoundedDecimals extends Checked {

        private static final long serialVersionUID = 1L;

        BoundedDecimals(JsonDeserializer<?> delegate) {
            super(delegate);
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> delegatee) {
            return new BoundedDecimals(delegatee);
        }

        @Override
        void check(Object value, JsonParser p) throws IOException {
            BigDecimal decimal = (BigDecimal) value;
            if (Math.abs(decimal.scale()) > MAX_DECIMAL_SCALE) {
                throw InvalidFormatException.from(p, "decimal exponent beyond ±" + MAX_DECIMAL_SCALE, null, BigDecimal.class);
            }
        }
    }

    /** 1e400 reads as Infinity. */
    private static final class FiniteDoubles extends Checked {

        private static final long serialVersionUID = 1L;

        FiniteDoubles(JsonDeserializer<?> delegate) {
            super(delegate);
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> delegatee) {
            return new FiniteDoubles(delegatee);
        }

        @Override
        void check(Object value, JsonParser p) throws IOException {
            if (!Double.isFinite((Double) value)) {
                throw InvalidFormatException.from(p, "number out of range", null, Double.class);
            }
        }
    }

    /** Lists and arrays bound from a request body: at most {@link #MAX_ARRAY_ITEMS} elements. */
    private static final class BoundedArrays extends BeanDeserializerModifier {

        private static final long serialVersionUID = 1L;

        @Override
        public JsonDeserializer<?> modifyCollectionDeserializer(DeserializationConfig config, CollectionType type,
                BeanDescription description, JsonDeserializer<?> deserializer) {
            return new BoundedCollection(deserializer);
        }

        @Override
        public JsonDeserializer<?> modifyArrayDeserializer(DeserializationConfig config, ArrayType type,
                BeanDescription description, JsonDeserializer<?> deserializer) {
            return new BoundedCollection(deserializer);
        }
    }

    private static final class BoundedCollection extends Checked {

        private static final long serialVersionUID = 1L;

        BoundedCollection(JsonDeserializer<?> delegate) {
            super(delegate);
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> delegatee) {
            return new BoundedCollection(delegatee);
        }

        @Override
        void check(Object value, JsonParser p) throws IOException {
            int size = value instanceof Collection<?> c ? c.size() : value.getClass().isArray() ? Array.getLength(value) : 0;
            if (size > MAX_ARRAY_ITEMS) {
                throw new LimitExceeded(p, "an array of " + size + " elements, more than " + MAX_ARRAY_ITEMS);
            }
        }
    }
}
