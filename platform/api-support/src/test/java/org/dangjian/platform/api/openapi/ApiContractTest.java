package org.dangjian.platform.api.openapi;

import org.dangjian.platform.api.input.JsonInputRules;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ApiContractTest {

    @Test
    void anOperationIdIsTheMethodAndThePathInCamelCase() {
        assertEquals("getMembersByMemberIdParticipation",
                ApiContract.operationId(PathItem.HttpMethod.GET, "/api/v1/members/{memberId}/participation"));
        assertEquals("postTransfersByTransferIdAcceptance",
                ApiContract.operationId(PathItem.HttpMethod.POST, "/api/v1/transfers/{transferId}/acceptance"));
        assertEquals("getAuditEntries", ApiContract.operationId(PathItem.HttpMethod.GET, "/api/v1/audit-entries"));
        // Different paths never share an id: a path parameter is marked, so /members/{id} is not /members/id.
        assertFalse(ApiContract.operationId(PathItem.HttpMethod.GET, "/members/{id}")
                .equals(ApiContract.operationId(PathItem.HttpMethod.GET, "/members/id")));
    }

    @Test
    void aReadOfOneRecordDocumentsItsProblemAnswersButNoWriteAnswers() {
        Operation read = OASFactory.createOperation().responses(OASFactory.createAPIResponses()
                .addAPIResponse("200", OASFactory.createAPIResponse().description("OK"))
                .addAPIResponse("401", OASFactory.createAPIResponse().description("Not Authorized")));
        filtered("/api/v1/members/{memberId}", PathItem.HttpMethod.GET, read);

        assertEquals(Set.of("200", "400", "401", "403", "404", "500"), read.getResponses().getAPIResponses().keySet());
        assertEquals("#/components/responses/Unauthorized", read.getResponses().getAPIResponse("401").getRef());
        assertNull(read.getResponses().getAPIResponse("200").getHeaders(), "reads are not rate-limited");
        assertEquals("getMembersByMemberId", read.getOperationId());
    }

    @Test
    void aWriteDocumentsConflictsRulesTheRateLimitAndItsFields() {
        Operation write = OASFactory.createOperation().operationId("acceptTransfer").responses(OASFactory.createAPIResponses()
                .addAPIResponse("200", OASFactory.createAPIResponse().description("accepted")));
        filtered("/api/v1/transfers/{transferId}/acceptance", PathItem.HttpMethod.PUT, write);

        assertEquals(Set.of("200", "400", "401", "403", "404", "409", "412", "413", "422", "429", "500"),
                write.getResponses().getAPIResponses().keySet());
        assertEquals("acceptTransfer", write.getOperationId(), "an id the resource names is kept");
        assertEquals(Set.of("RateLimit", "RateLimit-Policy"), write.getResponses().getAPIResponse("200").getHeaders().keySet());
    }

    @Test
    void valuesWithoutTheirOwnLimitGetThePlatformsEnforcedBounds() {
        Schema free = OASFactory.createSchema().addType(Schema.SchemaType.STRING);
        Schema id = OASFactory.createSchema().addType(Schema.SchemaType.STRING).format("uuid");
        Schema named = OASFactory.createSchema().addType(Schema.SchemaType.STRING).maxLength(200);
        Schema code = OASFactory.createSchema().addType(Schema.SchemaType.STRING).enumeration(List.of("A", "B"));
        Schema count = OASFactory.createSchema().addType(Schema.SchemaType.INTEGER).format("int32");
        Schema year = OASFactory.createSchema().addType(Schema.SchemaType.INTEGER).format("int32")
                .minimum(BigDecimal.valueOf(2000)).maximum(BigDecimal.valueOf(2100));
        Schema ids = OASFactory.createSchema().addType(Schema.SchemaType.ARRAY).items(id);
        OpenAPI document = OASFactory.createOpenAPI().components(OASFactory.createComponents().addSchema("Thing",
                OASFactory.createSchema().addType(Schema.SchemaType.OBJECT).addProperty("free", free).addProperty("named", named)
                        .addProperty("code", code).addProperty("count", count).addProperty("year", year).addProperty("ids", ids)));
        new ApiContract().filterOpenAPI(document);

        assertEquals(JsonInputRules.MAX_STRING_LENGTH, free.getMaxLength());
        assertEquals(36, id.getMaxLength());
        assertEquals(200, named.getMaxLength());
        assertNull(code.getMaxLength(), "an enumeration bounds itself");
        assertEquals(BigDecimal.valueOf(Integer.MIN_VALUE), count.getMinimum());
        assertEquals(BigDecimal.valueOf(Integer.MAX_VALUE), count.getMaximum());
        assertEquals(BigDecimal.valueOf(2000), year.getMinimum());
        assertEquals(JsonInputRules.MAX_ARRAY_ITEMS, ids.getMaxItems());
        assertTrue(document.getComponents().getSchemas().containsKey("Problem"));
    }

    private static void filtered(String path, PathItem.HttpMethod method, Operation operation) {
        PathItem item = OASFactory.createPathItem();
        item.setOperation(method, operation);
        new ApiContract().filterOpenAPI(OASFactory.createOpenAPI().paths(OASFactory.createPaths().addPathItem(path, item)));
    }
}
