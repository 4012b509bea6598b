package org.dangjian.local;

/** The four services, their databases and the ports the run command gives them. */
public enum DangjianService {
    ORGANIZATION("organization-service", "organization", 8082),
    MEMBER("member-service", "member", 8081),
    ACTIVITY("activity-service", "activity", 8083),
    ASSISTANCE("assistance-service", "assistance", 8084);

    private final String module;
    private final String database;
    private final int defaultPort;

    DangjianService(String module, String database, int defaultPort) {
        this.module = module;
        this.database = database;
        this.defaultPort = defaultPort;
    }

    public String module() {
        return module;
    }

    public String database() {
        return database;
    }

    public int defaultPort() {
        return defaultPort;
    }
}
