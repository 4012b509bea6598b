package org.dangjian.platform.orgtree;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/**
 * This service's read copy of one Party organization, owned by organization-service and kept
 * current by its events. Subtree questions become local prefix queries on {@code path}.
 */
@Entity
@Table(name = "org_unit")
public class OrgUnit {

    @Id
    private UUID id;

    @Column(name = "parent_id")
    private UUID parentId;

    @Column(nullable = false)
    private String path;

    @Column(nullable = false)
    private String code;

    @Column(nullable = false)
    private String name;

    @Column(nullable = false)
    private String type;

    @Column(nullable = false)
    private String status;

    /** The organization's version in organization-service when this copy was taken. */
    @Column(name = "source_version", nullable = false)
    private long sourceVersion;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected OrgUnit() {
    }

    OrgUnit(UUID id) {
        this.id = id;
    }

    void copy(UUID parentId, String path, String code, String name, String type, String status, long sourceVersion) {
        this.parentId = parentId;
        this.path = path;
        this.code = code;
        this.name = name;
        this.type = type;
        this.status = status;
        this.sourceVersion = sourceVersion;
        this.updatedAt = Instant.now();
    }

    public UUID id() {
        return id;
    }

    public UUID parentId() {
        return parentId;
    }

    public String path() {
        return path;
    }

    public String code() {
        return code;
    }

    public String name() {
        return name;
    }

    public String type() {
        return type;
    }

    public String status() {
        return status;
    }

    public long sourceVersion() {
        return sourceVersion;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
