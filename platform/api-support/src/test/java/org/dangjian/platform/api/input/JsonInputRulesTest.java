package org.dangjian.platform.api.input;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JsonInputRulesTest {

    record Budget(BigDecimal amount) {
    }

    record Household(String name, Integer size, List<String> notes, JsonNode extra) {
    }

    record Measure(double value) {
    }

    private final ObjectMapper everywhere = JsonInputRules.applyParserRules(new ObjectMapper());
    private final ObjectMapper requests = JsonInputRules.strictCopy(new ObjectMapper());

    @Test
    void aRepeatedKeyIsAnErrorOnEveryMapper() {
        JsonParseException e = assertThrows(JsonParseException.class,
                () -> everywhere.readValue("{\"amount\":1,\"amount\":2}", Budget.class));
        assertTrue(e.getOriginalMessage().startsWith("Duplicate field"), e.getMessage());
        assertThrows(JsonParseException.class, () -> everywhere.readTree("{\"a\":{\"b\":1,\"b\":1}}"));
    }

    @Test
    void nestingAndNumberLengthAreBounded() {
        String deep = "[".repeat(JsonInputRules.MAX_NESTING_DEPTH + 1) + "]".repeat(JsonInputRules.MAX_NESTING_DEPTH + 1);
        assertThrows(StreamConstraintsException.class, () -> everywhere.readTree(deep));
        JacksonException e = assertThrows(JacksonException.class,
                () -> everywhere.readValue("{\"amount\":" + "9".repeat(JsonInputRules.MAX_NUMBER_LENGTH + 1) + "}", Budget.class));
        assertInstanceOf(StreamConstraintsException.class, rootOf(e));
    }

    @Test
    void deepNestingInAnIgnoredFieldIsRefusedToo() {
        String deep = "[".repeat(500) + "]".repeat(500);
        JacksonException e = assertThrows(JacksonException.class,
                () -> requests.readValue("{\"name\":\"x\",\"ignored\":" + deep + "}", Household.class));
        assertInstanceOf(StreamConstraintsException.class, rootOf(e));
    }

    @Test
    void requestStringsMustBeTextWhereverTheyAre() throws Exception {
        assertPath("name", () -> requests.readValue("{\"name\":\"a\\u0000b\"}", Household.class));
        assertPath("notes[1]", () -> requests.readValue("{\"notes\":[\"ok\",\"\\ud800\"]}", Household.class));
        assertPath("extra.deep[0]", () -> requests.readValue("{\"extra\":{\"deep\":[\"\\u0007\"]}}", Household.class));
        assertEquals("帮扶\t资金\n😀", requests.readValue("{\"name\":\"帮扶\\t资金\\n\\ud83d\\ude00\"}", Household.class).name());
    }

    @Test
    void eventsAndStoredJsonKeepReadingWhatWasAcceptedBefore() throws Exception {
        assertEquals("a\u0007", everywhere.readValue("{\"name\":\"a\\u0007\"}", Household.class).name());
    }

    @Test
    void decimalsWithAHugeExponentAndInfiniteDoublesAreRefused() throws Exception {
        assertThrows(MismatchedInputException.class, () -> requests.readValue("{\"amount\":1e1000000000}", Budget.class));
        assertThrows(MismatchedInputException.class, () -> requests.readValue("{\"amount\":1e-400}", Budget.class));
        assertThrows(MismatchedInputException.class, () -> requests.readValue("{\"value\":1e400}", Measure.class));
        assertEquals(new BigDecimal("1234.50"), requests.readValue("{\"amount\":1234.50}", Budget.class).amount());
    }

    @Test
    void aNumberOutOfRangeOrAFractionIsNotAnInteger() throws Exception {
        assertThrows(JsonMappingException.class, () -> requests.readValue("{\"size\":99999999999999999999}", Household.class));
        assertThrows(MismatchedInputException.class, () -> requests.readValue("{\"size\":2.7}", Household.class));
        assertEquals(3, requests.readValue("{\"size\":3}", Household.class).size());
    }

    @Test
    void requestArraysHoldAtMostTheDocumentedNumberOfElements() throws Exception {
        String atLimit = "{\"ids\":[" + "1,".repeat(JsonInputRules.MAX_ARRAY_ITEMS - 1) + "1]}";
        assertEquals(JsonInputRules.MAX_ARRAY_ITEMS, requests.readValue(atLimit, Numbers.class).ids().size());
        String over = "{\"ids\":[" + "1,".repeat(JsonInputRules.MAX_ARRAY_ITEMS) + "1]}";
        LimitExceeded e = assertThrows(LimitExceeded.class, () -> requests.readValue(over, Numbers.class));
        assertEquals("ids", e.getPath().get(0).getFieldName());
        assertThrows(LimitExceeded.class, () -> requests.readValue(over, JsonNode.class));
        // Events and stored JSON are not request bodies: what was accepted before still reads.
        assertEquals(JsonInputRules.MAX_ARRAY_ITEMS + 1, everywhere.readValue(over, Numbers.class).ids().size());
    }

    @Test
    void requestStringsHoldAtMostTheDocumentedNumberOfCharacters() throws Exception {
        String atLimit = "{\"name\":\"" + "党".repeat(JsonInputRules.MAX_STRING_LENGTH) + "\"}";
        assertEquals(JsonInputRules.MAX_STRING_LENGTH, requests.readValue(atLimit, Named.class).name().length());
        String over = "{\"name\":\"" + "党".repeat(JsonInputRules.MAX_STRING_LENGTH + 1) + "\"}";
        JacksonException e = assertThrows(JacksonException.class, () -> requests.readValue(over, Named.class));
        assertInstanceOf(StreamConstraintsException.class, rootOf(e));
    }

    record Numbers(java.util.List<Integer> ids) {
    }

    record Named(String name) {
    }

    private static void assertPath(String path, org.junit.jupiter.api.function.Executable read) {
        InvalidCharacters e = assertThrows(InvalidCharacters.class, read);
        String actual = e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .reduce((a, b) -> a + "." + b).orElse("").replace(".[", "[");
        assertEquals(path, actual);
    }

    private static Throwable rootOf(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root;
    }
}
