package org.dangjian.activity.activity;

public enum AttendanceStatus {
    PRESENT,
    /** 请假: excused, with a reason. */
    LEAVE,
    ABSENT
}
