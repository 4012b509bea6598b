package org.dangjian.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The demo organization tree, shaped on the seeds: a city committee over a district committee with
 * two townships (seed 004's 西城镇 with its 22 villages, and a smaller one), two streets' working
 * committees with community branches and a community general branch (seed 001), the district organs'
 * working committee (seed 002), a non-public-enterprise committee with enterprise and joint branches
 * (seeds 000, 004), a mobile members' branch away from home and a returned-graduates branch (seed 000).
 * Each branch has a model size (members at scale 5).
 */
final class DemoTree {

    /** A node to establish; {@code size} is the model's member count for a branch, 0 for a committee. */
    record Node(String name, String type, String sector, Node parent, int size) {

        boolean holdsMembers() {
            return type.endsWith("BRANCH") && !type.equals("GENERAL_BRANCH");
        }
    }

    /** Seed 004's 西城镇 has 22 villages. */
    static final List<String> XICHENG_VILLAGES = List.of("西城", "东湖", "南山", "北岭", "上林", "下洋", "石门", "溪头",
            "后坑", "前埔", "林边", "新圩", "田中", "坂头", "岭下", "洪塘", "渡头", "埔尾", "竹坝", "高山", "龙门", "湖里");
    private static final List<String> DONGPING_VILLAGES = List.of("东坪", "山美", "官田", "下坑", "岩前", "莲塘", "大厝", "清水");
    private static final List<String> ZHONGHUA_COMMUNITIES = List.of("百家村", "镇海", "大同", "中山");
    private static final List<String> LUJIANG_COMMUNITIES = List.of("鹭江", "营平", "开禾", "双莲池", "厦港");
    private static final List<String> ORGANS = List.of("区委组织部", "区委宣传部", "区发改局", "区教育局", "区民政局", "区财政局");
    private static final List<String> ENTERPRISES = List.of("厦门星海软件有限公司", "厦门云帆信息技术有限公司",
            "厦门嘉禾电子科技有限公司", "厦门鹭岛物流有限公司", "厦门明达精密机械有限公司", "厦门海韵食品有限公司");

    private final List<Node> nodes = new ArrayList<>();

    DemoTree() {
        Node city = add("厦门市委", "COMMITTEE", null, null, 0);
        Node district = add("思明区委", "COMMITTEE", null, city, 0);
        Node xicheng = add("西城镇党委", "COMMITTEE", "VILLAGE", district, 0);
        int[] villageSizes = {34, 22, 18, 27, 15, 30, 12, 9, 21, 25, 16, 19, 28, 14, 11, 23, 17, 20, 8, 26, 13, 24};
        for (int i = 0; i < XICHENG_VILLAGES.size(); i++) {
            add(XICHENG_VILLAGES.get(i) + "村党支部", "BRANCH", "VILLAGE", xicheng, villageSizes[i]);
        }
        add("回乡大学生党支部", "BRANCH", "RETURNED_GRADUATES", xicheng, 8);
        Node dongping = add("东坪镇党委", "COMMITTEE", "VILLAGE", district, 0);
        int[] dongpingSizes = {19, 14, 11, 16, 9, 13, 18, 10};
        for (int i = 0; i < DONGPING_VILLAGES.size(); i++) {
            add(DONGPING_VILLAGES.get(i) + "村党支部", "BRANCH", "VILLAGE", dongping, dongpingSizes[i]);
        }
        Node zhonghua = add("中华街道党工委", "WORKING_COMMITTEE", "COMMUNITY", district, 0);
        int[] zhonghuaSizes = {16, 12, 14, 10};
        for (int i = 0; i < ZHONGHUA_COMMUNITIES.size(); i++) {
            add(ZHONGHUA_COMMUNITIES.get(i) + "社区党支部", "BRANCH", "COMMUNITY", zhonghua, zhonghuaSizes[i]);
        }
        Node park = add("公园社区党总支", "GENERAL_BRANCH", "COMMUNITY", zhonghua, 0);
        add("公园社区第一党支部", "BRANCH", "COMMUNITY", park, 15);
        add("公园社区第二党支部", "BRANCH", "COMMUNITY", park, 12);
        add("公园社区离退休党支部", "BRANCH", "COMMUNITY", park, 20);
        Node lujiang = add("鹭江街道党工委", "WORKING_COMMITTEE", "COMMUNITY", district, 0);
        int[] lujiangSizes = {13, 11, 15, 9, 12};
        for (int i = 0; i < LUJIANG_COMMUNITIES.size(); i++) {
            add(LUJIANG_COMMUNITIES.get(i) + "社区党支部", "BRANCH", "COMMUNITY", lujiang, lujiangSizes[i]);
        }
        Node organs = add("区直机关工委", "WORKING_COMMITTEE", "GOVERNMENT_ORGAN", district, 0);
        int[] organSizes = {14, 11, 12, 16, 10, 9};
        for (int i = 0; i < ORGANS.size(); i++) {
            add(ORGANS.get(i) + "机关党支部", "BRANCH", "GOVERNMENT_ORGAN", organs, organSizes[i]);
        }
        Node park2 = add("软件园非公企业党委", "COMMITTEE", "NON_PUBLIC_ENTERPRISE", district, 0);
        int[] enterpriseSizes = {12, 9, 8, 7, 10, 8};
        for (int i = 0; i < ENTERPRISES.size(); i++) {
            add(ENTERPRISES.get(i) + "党支部", "BRANCH", "NON_PUBLIC_ENTERPRISE", park2, enterpriseSizes[i]);
        }
        add("软件园非公企业联合党支部", "JOINT_BRANCH", "NON_PUBLIC_ENTERPRISE", park2, 6);
        add("软件园第二联合党支部", "JOINT_BRANCH", "NON_PUBLIC_ENTERPRISE", park2, 5);
        add("驻厦流动党员党支部", "BRANCH", "MOBILE", city, 15);
    }

    List<Node> nodes() {
        return nodes;
    }

    List<Node> branches() {
        return nodes.stream().filter(Node::holdsMembers).toList();
    }

    private Node add(String name, String type, String sector, Node parent, int size) {
        Node node = new Node(name, type, sector, parent, size);
        nodes.add(node);
        return node;
    }

    /** Establishes the tree level by level (a level's nodes in parallel: their parents exist). */
    static Established establish(DemoClient api, DemoTree tree) {
        java.util.Map<Node, UUID> ids = new java.util.concurrent.ConcurrentHashMap<>();
        List<Node> level = tree.nodes.stream().filter(n -> n.parent() == null).toList();
        while (!level.isEmpty()) {
            api.parallel(level, node -> ids.put(node,
                    establish(api, node, node.parent() == null ? null : ids.get(node.parent()))));
            List<Node> current = level;
            level = tree.nodes.stream().filter(n -> current.contains(n.parent())).toList();
        }
        List<DemoData.Organization> organizations = tree.nodes.stream()
                .map(n -> new DemoData.Organization(n.name(), n.type(), ids.get(n))).toList();
        return new Established(organizations, ids);
    }

    record Established(List<DemoData.Organization> organizations, java.util.Map<Node, UUID> ids) {

        UUID id(Node node) {
            return ids.get(node);
        }

        /** Waits until {@code service}'s copy of the tree (fed by organization events) holds the organization. */
        void awaitCopy(DemoClient api, DangjianService service, UUID id) {
            api.await(service, "/api/v1/organization-tree/" + id, n -> true, Duration.ofSeconds(60));
        }

        UUID idOf(String name) {
            return organizations.stream().filter(o -> o.name().equals(name)).findFirst().orElseThrow().id();
        }
    }

    static final java.time.LocalDate ESTABLISHED_ON = java.time.LocalDate.of(2020, 1, 1);

    private static UUID establish(DemoClient api, Node node, UUID parentId) {
        // Established years ago, so the recorded year and its leadership (elected at its start) lie after it.
        ObjectNode body = DemoClient.json().createObjectNode().put("name", node.name()).put("type", node.type())
                .put("establishedOn", ESTABLISHED_ON.toString());
        if (node.sector() != null) {
            body.put("sector", node.sector());
        }
        if (parentId != null) {
            body.put("parentId", parentId.toString());
        }
        JsonNode created = api.post(DangjianService.ORGANIZATION, "/api/v1/organizations", body, 201);
        return UUID.fromString(created.get("id").asText());
    }
}
