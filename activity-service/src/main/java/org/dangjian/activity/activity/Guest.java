package org.dangjian.activity.activity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** Someone from another organization who attended (列席), not on the roster. */
@Embeddable
public class Guest {

    @Column(nullable = false)
    private String name;

    private String organization;

    protected Guest() {
    }

    public Guest(String name, String organization) {
        this.name = name;
        this.organization = organization;
    }

    public String name() {
        return name;
    }

    public String organization() {
        return organization;
    }

    boolean sameAs(Guest other) {
        return name.equals(other.name) && java.util.Objects.equals(organization, other.organization);
    }
}
