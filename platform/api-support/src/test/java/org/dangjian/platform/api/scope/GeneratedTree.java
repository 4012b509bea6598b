package org.dangjian.platform.api.scope;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;

/**
 * A random organization tree for property tests. Path segments are short names, and siblings are named so that one
 * is a prefix of another ({@code b}, {@code bc}, {@code bcd} …), so a prefix test that forgets the closing slash
 * shows. Ancestry is kept as parent links, an oracle independent of the paths under test.
 */
final class GeneratedTree implements OrgPaths {

    final List<UUID> ids = new ArrayList<>();
    private final Map<UUID, UUID> parent = new HashMap<>();
    private final Map<UUID, String> path = new HashMap<>();

    GeneratedTree(long seed, int size) {
        Random random = new Random(seed);
        add(null, "r");
        while (ids.size() < size) {
            UUID p = ids.get(random.nextInt(ids.size()));
            long siblings = parent.values().stream().filter(p::equals).count();
            add(p, "b" + "c".repeat((int) siblings));
        }
    }

    private void add(UUID parentId, String name) {
        UUID id = UUID.randomUUID();
        ids.add(id);
        parent.put(id, parentId);
        path.put(id, (parentId == null ? "/" : path.get(parentId)) + name + "/");
    }

    /** Whether {@code id} is {@code root} or one of its descendants, by walking up the parent links. */
    boolean descends(UUID id, UUID root) {
        for (UUID at = id; at != null; at = parent.get(at)) {
            if (at.equals(root)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String table() {
        return "org_unit";
    }

    @Override
    public Optional<String> pathOf(UUID orgId) {
        return Optional.ofNullable(orgId == null ? null : path.get(orgId));
    }
}
