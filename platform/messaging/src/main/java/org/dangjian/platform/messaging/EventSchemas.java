package org.dangjian.platform.messaging;

/** Names of event contracts: each event type has a JSON Schema in its producer's {@code events/} folder. */
public final class EventSchemas {

    private EventSchemas() {
    }

    /** The CloudEvents {@code dataschema} of a type, e.g. {@code urn:dangjian:event:organization.established:v1}. */
    public static String uriOf(String type) {
        return "urn:dangjian:event:" + type + ":v1";
    }
}
