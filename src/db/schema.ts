// Kysely table types: the shape of every table, kept in step with the migrations.
import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json<T = unknown> = ColumnType<T, string | T, string | T>;

export interface MinistryTable {
  code: string;
  name_th: string;
  name_en: string;
}

export interface ProvinceTable {
  code: string; // DOPA code, 2 digits
  iso_code: string;
  name_th: string;
  name_en: string;
  region: string;
  region_th: string;
  region4: string;
  region4_th: string;
}

export interface ProvincialAgencyTypeTable {
  code: string;
  name_th: string;
  name_en: string;
  parent_budget_code: string | null;
  surveyed_2019: boolean;
  seq_2019: number | null;
}

/** One row per surveyable or registrable organisation of any level. */
export interface OrganisationTable {
  id: Generated<string>;
  level: 'department' | 'provincial_unit' | 'province' | 'lao';
  code: string; // stable natural key: budget code, "<type>-<province>", "PROV-<dopa>", LAO code
  name_th: string;
  name_en: string | null;
  ministry_code: string | null;
  province_code: string | null;
  org_type: string | null; // department org_type, provincial agency type code, or LAO type
  parent_id: string | null;
  serves_public: boolean;
  active: boolean;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface UserTable {
  id: Generated<string>;
  email: string;
  display_name: string;
  password_hash: string | null;
  role: 'admin' | 'reviewer' | 'coordinator' | 'contributor' | 'head' | 'judge' | 'lao_applicant';
  organisation_id: string | null;
  locale: 'th' | 'en';
  active: boolean;
  created_at: Timestamp;
  last_login_at: Timestamp | null;
}

export interface SessionTable {
  id: string; // sha-256 of the cookie token
  user_id: string;
  csrf_token: string;
  created_at: Timestamp;
  expires_at: Timestamp;
  last_seen_at: Timestamp;
}

export interface InvitationTable {
  id: Generated<string>;
  token_hash: string;
  email: string;
  role: UserTable['role'];
  organisation_id: string | null;
  invited_by: string | null;
  created_at: Timestamp;
  expires_at: Timestamp;
  used_at: Timestamp | null;
  used_by: string | null;
}

export interface AuditLogTable {
  id: Generated<string>; // bigserial, returned as string
  at: Timestamp;
  actor_id: string | null;
  action: string;
  entity: string;
  entity_id: string | null;
  organisation_id: string | null;
  before: Json | null;
  after: Json | null;
  prev_hash: string;
  hash: string;
}

export interface LoginAttemptTable {
  key: string;
  window_start: Timestamp;
  count: number;
}

export interface OutboxTable {
  id: Generated<string>;
  created_at: Timestamp;
  to_address: string;
  subject: string;
  body_text: string;
  kind: string;
  sent_at: Timestamp | null;
  error: string | null;
}

/** A validated framework document; (id, version) is immutable once stored. */
export interface FrameworkTable {
  id: string;
  version: string;
  document: Json;
  title_th: string;
  title_en: string;
  item_count: number;
  created_at: Timestamp;
  created_by: string | null;
}

export interface EditionTable {
  id: Generated<string>;
  year_be: number;
  title_th: string;
  title_en: string;
  framework_id: string;
  framework_version: string;
  state: Generated<'draft' | 'open' | 'closed' | 'verification' | 'scored' | 'published'>;
  opens_at: Timestamp;
  closes_at: Timestamp;
  opened_at: Timestamp | null;
  reminder_interval_days: Generated<number>;
  reminder_max: Generated<number>;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface EditionTransitionTable {
  id: Generated<string>;
  edition_id: string;
  from_state: string;
  to_state: string;
  at: Timestamp;
  actor_id: string | null;
  reason: string | null;
}

export interface ParticipantTable {
  edition_id: string;
  organisation_id: string;
  status: Generated<'not_started' | 'in_progress' | 'completed' | 'submitted'>;
  version: Generated<number>;
  contact_email: string | null;
  first_answer_at: Timestamp | null;
  completed_at: Timestamp | null;
  completed_by: string | null;
  submitted_at: Timestamp | null;
  submitted_by: string | null;
  reopened_at: Timestamp | null;
  reopened_reason: string | null;
  reminders_sent: Generated<number>;
  last_reminded_at: Timestamp | null;
  created_at: Timestamp;
}

export interface AnswerTable {
  edition_id: string;
  organisation_id: string;
  item_code: string;
  value: Json;
  version: number;
  updated_by: string;
  updated_at: Timestamp;
  last_request_id: string | null;
}

export interface AnswerHistoryTable {
  id: Generated<string>;
  edition_id: string;
  organisation_id: string;
  item_code: string;
  version: number;
  value: Json;
  at: Timestamp;
  by_user: string;
  request_id: string | null;
}

export interface AssignmentTable {
  edition_id: string;
  organisation_id: string;
  dimension_code: string;
  user_id: string;
  assigned_by: string | null;
  assigned_at: Timestamp;
}

export interface EvidenceBlobTable {
  sha256: string;
  size: number;
  mime_type: string;
  created_at: Timestamp;
}

export interface EvidenceFileTable {
  id: string;
  edition_id: string;
  organisation_id: string;
  item_code: string;
  sha256: string;
  filename: string;
  size: number;
  mime_type: string;
  uploaded_by: string;
  uploaded_at: Timestamp;
  deleted_at: Timestamp | null;
  deleted_by: string | null;
}

export interface ReminderLogTable {
  id: Generated<string>;
  edition_id: string;
  organisation_id: string;
  at: Timestamp;
  sequence: number;
  recipients: string[];
  outcome: 'sent' | 'no_recipient';
}

/** A frozen scoring run of one edition (immutable: a trigger refuses UPDATE and DELETE). */
export interface ResultSnapshotTable {
  id: string;
  edition_id: string;
  seq: number;
  framework_id: string;
  framework_version: string;
  engine_version: string;
  fingerprint: string;
  evidence_rule: string;
  options: Json;
  unit_count: number;
  summary: Json;
  robustness: Json;
  comparison: Json | null;
  previous_snapshot_id: string | null;
  created_by: string | null;
  created_at: Timestamp;
}

/** One unit of a snapshot: its exact engine input and result (immutable). */
export interface ResultUnitTable {
  snapshot_id: string;
  organisation_id: string;
  input: Json;
  result: Json;
  overall: number | null;
  stage: string | null;
  rank_interval: Json | null;
  yoy: Json | null;
}

export interface ResultOfficialTable {
  edition_id: string;
  snapshot_id: string;
  marked_by: string | null;
  marked_at: Timestamp;
}

export interface ResultJobTable {
  id: string;
  kind: 'score' | 'pdf_batch';
  edition_id: string;
  params: Json;
  state: Generated<'queued' | 'running' | 'done' | 'failed'>;
  progress: Generated<number>;
  total: Generated<number>;
  snapshot_id: string | null;
  output_path: string | null;
  error: string | null;
  attempts: Generated<number>;
  created_by: string | null;
  created_at: Timestamp;
  started_at: Timestamp | null;
  heartbeat_at: Timestamp | null;
  finished_at: Timestamp | null;
}

export interface Database {
  ministry: MinistryTable;
  province: ProvinceTable;
  provincial_agency_type: ProvincialAgencyTypeTable;
  organisation: OrganisationTable;
  app_user: UserTable;
  session: SessionTable;
  invitation: InvitationTable;
  audit_log: AuditLogTable;
  login_attempt: LoginAttemptTable;
  outbox: OutboxTable;
  framework: FrameworkTable;
  edition: EditionTable;
  edition_transition: EditionTransitionTable;
  participant: ParticipantTable;
  answer: AnswerTable;
  answer_history: AnswerHistoryTable;
  assignment: AssignmentTable;
  evidence_blob: EvidenceBlobTable;
  evidence_file: EvidenceFileTable;
  reminder_log: ReminderLogTable;
  result_snapshot: ResultSnapshotTable;
  result_unit: ResultUnitTable;
  result_official: ResultOfficialTable;
  result_job: ResultJobTable;
}
