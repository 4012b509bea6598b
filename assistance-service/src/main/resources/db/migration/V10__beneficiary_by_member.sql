-- member.transferred finds the member's beneficiaries of any status (BeneficiaryRepository.ofMember);
-- beneficiary_one_per_member covers only active ones, so that lookup read the whole table per event (B3).
create index beneficiary_member on beneficiary (member_id) where member_id is not null;
