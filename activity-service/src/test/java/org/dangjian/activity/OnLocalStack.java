package org.dangjian.activity;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import org.dangjian.platform.localstack.LocalStackTestResource;

/** Every test of this module runs against the real local stack, with the activity database. */
@QuarkusTestResource(value = LocalStackTestResource.class, restrictToAnnotatedClass = false,
        initArgs = @ResourceArg(name = "database", value = "activity"))
public final class OnLocalStack {

    private OnLocalStack() {
    }
}
