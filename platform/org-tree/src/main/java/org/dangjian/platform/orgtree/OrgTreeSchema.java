package org.dangjian.platform.orgtree;

import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.dangjian.platform.api.schema.PlatformSchema;

import java.util.List;

/**
 * org-tree's table in the database of every service that keeps a copy of the organization tree: {@code org_unit}
 * ({@link OrgUnit}, {@link OrgTreeConsumer}), from {@code db/platform/org-tree}; after messaging's.
 */
@Dependent
public class OrgTreeSchema {

    public static final PlatformSchema PART = new PlatformSchema("org-tree", 30, OrgTreeSchema.class,
            List.of("org_unit"),
            List.of("V1__org_unit.sql", "V2__org_unit_by_parent.sql"));

    @Produces
    @Singleton
    static PlatformSchema part() {
        return PART;
    }
}
