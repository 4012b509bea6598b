package org.dangjian.platform.api.input;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;

/** A JSON string of the request holds a character {@link Text} does not allow; its path names the field. */
public class InvalidCharacters extends InvalidFormatException {

    private static final long serialVersionUID = 1L;

    public InvalidCharacters(JsonParser parser, int index) {
        super(parser, "forbidden character at index " + index + " of a string (control character or unpaired surrogate)",
                null, String.class);
    }
}
