package org.dangjian.member.member;

/** 性别 (GB/T 2261.1: 1 male, 2 female). */
public enum Gender {
    MALE,
    FEMALE
}
