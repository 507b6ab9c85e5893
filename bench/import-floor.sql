-- import-floor.sql - the second floor of the import benchmark: the same work
-- as `wardsafe import survey.csv` done by the sqlite3 shell in the
-- wardsafe database itself, with no checks beyond the schema's: load the
-- CSV, turn group codes into ids, insert into the survey table (its CHECK
-- and UNIQUE constraints apply) and write one audit row per record as the
-- program's audit trigger does.  bench/run replaces @CSV@ with the file.
CREATE TEMP TABLE staging (g TEXT, date TEXT, surveyed INTEGER, with_extinguisher INTEGER,
                           extinguishers INTEGER);
.import --csv --skip 1 @CSV@ staging
CREATE TEMP TRIGGER bench_audit AFTER INSERT ON main.survey BEGIN
  INSERT INTO audit (at, operator, tbl, row_id, action, old, new) VALUES
  (strftime('%Y-%m-%d %H:%M:%S', 'now', 'localtime'), 'bench', 'survey', NEW.id, 'insert', NULL,
   json_object('id', NEW.id, 'group_id', NEW.group_id, 'date', NEW.date, 'surveyed', NEW.surveyed,
               'with_extinguisher', NEW.with_extinguisher, 'extinguishers', NEW.extinguishers));
END;
BEGIN;
INSERT INTO survey (group_id, date, surveyed, with_extinguisher, extinguishers)
  SELECT (SELECT id FROM rgroup WHERE code = g), date, surveyed, with_extinguisher,
         nullif(extinguishers, '')
  FROM staging;
COMMIT;
