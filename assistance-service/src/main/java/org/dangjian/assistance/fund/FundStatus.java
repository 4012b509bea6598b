package org.dangjian.assistance.fund;

public enum FundStatus {
    ACTIVE
}
