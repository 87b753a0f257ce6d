-- The audit trail is append-only: the database itself refuses to change or remove it (等保 安全审计 c).
-- Row triggers catch UPDATE and DELETE; TRUNCATE needs its own statement trigger.
CREATE FUNCTION audit_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '审计记录只能追加，不能修改或删除（%）', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER audit_log_no_update_delete BEFORE UPDATE OR DELETE ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change();
--> statement-breakpoint
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse_change();
--> statement-breakpoint
-- The chain head: one row, locked by each writer. It starts at the genesis hash.
ALTER TABLE audit_head ADD CONSTRAINT audit_head_single_row CHECK (id = 1);
--> statement-breakpoint
INSERT INTO audit_head (id, last_hash) VALUES (1, repeat('0', 64));
--> statement-breakpoint
CREATE TRIGGER audit_head_no_delete BEFORE DELETE OR TRUNCATE ON audit_head FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse_change();
