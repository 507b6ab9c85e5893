-- import-table.sql - the first floor of the import benchmark: a table of the
-- same shape as the survey records of a CSV file (its columns, CHECK and
-- UNIQUE constraints, group codes as text), for the sqlite3 shell's
-- `.import --csv`: the fastest way SQLite itself loads the file.
CREATE TABLE survey_floor (
  "group" TEXT NOT NULL,
  date TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'
                            AND date(date, '+0 days') = date),
  surveyed INTEGER NOT NULL CHECK (surveyed BETWEEN 0 AND 2147483647),
  with_extinguisher INTEGER NOT NULL CHECK (with_extinguisher BETWEEN 0 AND 2147483647),
  extinguishers INTEGER CHECK (extinguishers IS NULL OR extinguishers >= with_extinguisher),
  CHECK (with_extinguisher <= surveyed),
  UNIQUE ("group", date)
) STRICT;
