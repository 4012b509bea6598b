package org.dangjian.platform.api.input;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;

/** A value of the request body is larger than the platform reads ({@link JsonInputRules}); its path names the field. */
public class LimitExceeded extends InvalidFormatException {

    private static final long serialVersionUID = 1L;

    public LimitExceeded(JsonParser parser, String what) {
        super(parser, what, null, Object.class);
    }
}
