package org.dangjian.organization.leadership;

/** A seat of the leadership team (班子成员). */
public enum Seat {
    /** 书记 */
    SECRETARY(true),
    /** 副书记 */
    DEPUTY_SECRETARY(false),
    /** 组织委员 */
    ORGANIZATION(true),
    /** 宣传委员 */
    PUBLICITY(true),
    /** 纪检委员 */
    DISCIPLINE(true),
    /** 其他委员 */
    OTHER(false);

    private final boolean single;

    Seat(boolean single) {
        this.single = single;
    }

    /** Whether only one member holds this seat at a time. */
    public boolean single() {
        return single;
    }
}
