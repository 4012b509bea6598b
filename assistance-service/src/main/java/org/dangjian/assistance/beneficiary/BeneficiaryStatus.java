package org.dangjian.assistance.beneficiary;

public enum BeneficiaryStatus {
    ACTIVE
}
