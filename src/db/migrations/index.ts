// The ordered list of migrations; add new ones here (name = timestamp + purpose) so built and source runs agree.
import type { Migration } from 'kysely';
import * as foundation from './20261123_0001_foundation.js';
import * as registrySearch from './20261123_0002_registry_search.js';
import * as organisationSearchText from './20261123_0003_organisation_search_text.js';
import * as editions from './20261123_0100_editions.js';
import * as answersEvidence from './20261123_0101_answers_evidence.js';
import * as reminders from './20261123_0102_reminders.js';
import * as autosaveFunction from './20261124_0103_autosave_function.js';
import * as autosaveInSession from './20261124_0104_autosave_in_session.js';
import * as results from './20261123_0200_results.js';
import * as review from './20261123_0300_review.js';
import * as reviewTotals from './20261123_0301_review_totals.js';
import * as auditChainHead from './20261124_0302_audit_chain_head.js';
import * as auditChainAtCommit from './20261124_0303_audit_chain_at_commit.js';
import * as awards from './20261124_0400_awards.js';
import * as digitalLocal from './20261124_0500_digital_local.js';
import * as awardCertificateRevocation from './20261125_0610_award_certificate_revocation.js';
import * as dlJudgeCapacity from './20261125_0620_dl_judge_capacity.js';
import * as awardNominationEdits from './20261125_0621_award_nomination_edits.js';
import * as awardRecusals from './20261125_0710_award_recusals.js';
import * as dlVoidedSheets from './20261125_0741_dl_voided_sheets.js';
import * as dlDeclarationKind from './20261125_0742_dl_declaration_kind.js';
import * as dlApplicantApproval from './20261125_0743_dl_applicant_approval.js';
import * as awardCertificateMinistry from './20261125_0760_award_certificate_ministry.js';

export const migrations: Record<string, Migration> = {
  '20261123_0001_foundation': foundation,
  '20261123_0002_registry_search': registrySearch,
  '20261123_0003_organisation_search_text': organisationSearchText,
  '20261123_0100_editions': editions,
  '20261123_0101_answers_evidence': answersEvidence,
  '20261123_0102_reminders': reminders,
  '20261124_0103_autosave_function': autosaveFunction,
  '20261124_0104_autosave_in_session': autosaveInSession,
  '20261123_0200_results': results,
  '20261123_0300_review': review,
  '20261123_0301_review_totals': reviewTotals,
  '20261124_0302_audit_chain_head': auditChainHead,
  '20261124_0303_audit_chain_at_commit': auditChainAtCommit,
  '20261124_0400_awards': awards,
  '20261124_0500_digital_local': digitalLocal,
  '20261125_0610_award_certificate_revocation': awardCertificateRevocation,
  '20261125_0620_dl_judge_capacity': dlJudgeCapacity,
  '20261125_0621_award_nomination_edits': awardNominationEdits,
  '20261125_0710_award_recusals': awardRecusals,
  '20261125_0741_dl_voided_sheets': dlVoidedSheets,
  '20261125_0742_dl_declaration_kind': dlDeclarationKind,
  '20261125_0743_dl_applicant_approval': dlApplicantApproval,
  '20261125_0760_award_certificate_ministry': awardCertificateMinistry,
};
