// Single audit entries are chained at commit: a transaction stages its entry (with the canonical text to hash) and a
// deferred constraint trigger advances the chain head and writes the audit row while the transaction commits, so the
// head is locked only inside PostgreSQL's commit, never across a round trip to the application.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE audit_pending (
      id bigserial PRIMARY KEY,
      at timestamptz NOT NULL,
      actor_id uuid,
      action text NOT NULL,
      entity text NOT NULL,
      entity_id text,
      organisation_id uuid,
      before jsonb,
      after jsonb,
      body text NOT NULL
    );
    CREATE FUNCTION audit_chain_pending() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE h record;
    BEGIN
      UPDATE audit_chain_head SET prev_hash = hash, hash = encode(sha256(convert_to(hash || NEW.body, 'UTF8')), 'hex') WHERE id = 1
        RETURNING prev_hash, hash INTO h;
      IF NOT FOUND THEN RAISE EXCEPTION 'audit_chain_head is missing'; END IF;
      INSERT INTO audit_log (at, actor_id, action, entity, entity_id, organisation_id, before, after, prev_hash, hash)
      VALUES (NEW.at, NEW.actor_id, NEW.action, NEW.entity, NEW.entity_id, NEW.organisation_id, NEW.before, NEW.after, h.prev_hash, h.hash);
      DELETE FROM audit_pending WHERE id = NEW.id;
      RETURN NULL;
    END $$;
    CREATE CONSTRAINT TRIGGER audit_pending_chain AFTER INSERT ON audit_pending
      DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION audit_chain_pending();
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE audit_pending; DROP FUNCTION audit_chain_pending();`.execute(db);
}
