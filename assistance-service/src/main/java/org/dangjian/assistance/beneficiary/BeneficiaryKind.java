package org.dangjian.assistance.beneficiary;

public enum BeneficiaryKind {
    /** 困难党员: known by their member id; member-service holds the record. */
    MEMBER,
    /** 困难群众: a resident the branch looks after (空巢老人, 残疾人, 下岗职工, 低保户). */
    RESIDENT
}
