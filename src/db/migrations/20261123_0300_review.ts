// Evidence verification: reason catalogue, reviewer assignments, item decisions (append-only), current item state, send-backs.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE review_reason (
      code text PRIMARY KEY CHECK (code ~ '^[A-Z0-9_]{2,40}$'),
      applies_to text NOT NULL CHECK (applies_to IN ('insufficient','rejected','any')),
      label_th text NOT NULL,
      label_en text NOT NULL,
      active boolean NOT NULL DEFAULT true,
      sort integer NOT NULL DEFAULT 0
    );
    INSERT INTO review_reason (code, applies_to, label_th, label_en, sort) VALUES
      ('MISSING_FILE', 'insufficient', 'ไม่พบไฟล์หลักฐานที่อ้างถึง', 'The evidence file referred to is missing', 10),
      ('UNREADABLE', 'insufficient', 'ไฟล์หลักฐานเปิดไม่ได้หรืออ่านไม่ออก', 'The evidence file cannot be opened or read', 20),
      ('INCOMPLETE', 'insufficient', 'หลักฐานไม่ครบถ้วนตามที่ตอบ', 'The evidence does not cover everything the answer claims', 30),
      ('OUTDATED', 'insufficient', 'หลักฐานไม่อยู่ในช่วงเวลาของรอบการสำรวจ', 'The evidence is outside the period of the survey', 40),
      ('NOT_APPROVED', 'insufficient', 'เอกสารยังไม่ได้รับการอนุมัติหรือลงนาม', 'The document has not been approved or signed', 50),
      ('WRONG_ORGANISATION', 'rejected', 'หลักฐานเป็นของหน่วยงานอื่น', 'The evidence belongs to another organisation', 60),
      ('UNRELATED', 'rejected', 'หลักฐานไม่เกี่ยวข้องกับคำถาม', 'The evidence is unrelated to the question', 70),
      ('CONTRADICTS', 'rejected', 'หลักฐานขัดแย้งกับคำตอบ', 'The evidence contradicts the answer', 80),
      ('OTHER', 'any', 'อื่น ๆ (ระบุในความเห็น)', 'Other (see the comment)', 1000);

    CREATE TABLE review_assignment (
      edition_id uuid NOT NULL REFERENCES edition(id) ON DELETE CASCADE,
      organisation_id uuid NOT NULL REFERENCES organisation(id),
      reviewer_id uuid NOT NULL REFERENCES app_user(id),
      assigned_by uuid REFERENCES app_user(id),
      assigned_at timestamptz NOT NULL,
      PRIMARY KEY (edition_id, organisation_id)
    );
    CREATE INDEX review_assignment_reviewer_idx ON review_assignment (edition_id, reviewer_id);

    CREATE TABLE review_send_back (
      id uuid PRIMARY KEY,
      edition_id uuid NOT NULL REFERENCES edition(id) ON DELETE CASCADE,
      organisation_id uuid NOT NULL REFERENCES organisation(id),
      round integer NOT NULL,
      message text,
      deadline timestamptz NOT NULL,
      status text NOT NULL CHECK (status IN ('open','resubmitted','expired')),
      created_by uuid NOT NULL REFERENCES app_user(id),
      created_at timestamptz NOT NULL,
      resubmitted_by uuid REFERENCES app_user(id),
      resubmitted_at timestamptz,
      reminder_sent_at timestamptz,
      UNIQUE (edition_id, organisation_id, round)
    );
    -- At most one open send-back per organisation and edition.
    CREATE UNIQUE INDEX review_send_back_open_idx ON review_send_back (edition_id, organisation_id) WHERE status = 'open';
    CREATE INDEX review_send_back_deadline_idx ON review_send_back (deadline) WHERE status = 'open';

    CREATE TABLE review_send_back_item (
      send_back_id uuid NOT NULL REFERENCES review_send_back(id) ON DELETE CASCADE,
      item_code text NOT NULL,
      reason_code text NOT NULL REFERENCES review_reason(code),
      comment text,
      answer_before jsonb,
      answer_version_before integer,
      files_before jsonb NOT NULL DEFAULT '[]',
      PRIMARY KEY (send_back_id, item_code)
    );

    -- Append-only: every decision ever made; the current one per item is in review_item.
    CREATE TABLE review_decision (
      id bigserial PRIMARY KEY,
      edition_id uuid NOT NULL REFERENCES edition(id) ON DELETE CASCADE,
      organisation_id uuid NOT NULL REFERENCES organisation(id),
      item_code text NOT NULL,
      decision text NOT NULL CHECK (decision IN ('accepted','insufficient','rejected')),
      reason_code text REFERENCES review_reason(code),
      comment text,
      internal_note text,
      reviewer_id uuid NOT NULL REFERENCES app_user(id),
      decided_at timestamptz NOT NULL,
      answer_version integer,
      files jsonb NOT NULL DEFAULT '[]'
    );
    CREATE INDEX review_decision_item_idx ON review_decision (edition_id, organisation_id, item_code, id);

    CREATE TABLE review_item (
      edition_id uuid NOT NULL REFERENCES edition(id) ON DELETE CASCADE,
      organisation_id uuid NOT NULL REFERENCES organisation(id),
      item_code text NOT NULL,
      status text NOT NULL CHECK (status IN ('accepted','insufficient','rejected','returned','resubmitted')),
      decision text CHECK (decision IN ('accepted','insufficient','rejected')),
      last_decision_id bigint REFERENCES review_decision(id),
      send_back_id uuid REFERENCES review_send_back(id),
      final boolean NOT NULL DEFAULT false,
      updated_at timestamptz NOT NULL,
      PRIMARY KEY (edition_id, organisation_id, item_code)
    );
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE review_item; DROP TABLE review_decision; DROP TABLE review_send_back_item; DROP TABLE review_send_back; DROP TABLE review_assignment; DROP TABLE review_reason;`.execute(db);
}
