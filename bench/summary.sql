-- summary.sql - the floor of the summary benchmark: what `wardsafe summary
-- --period P --format tsv` computes, as plain SELECTs for the sqlite3 shell.
-- bench/run replaces @START@ and @END@ with the first and last day of the
-- period, and runs it for the period, the one before and the same period a
-- year earlier (the three columns of the summary).
-- Stocks: per active group, the latest record on or before the end.
SELECT sum(hh), sum(res), sum(surveyed), sum(with_ext), sum(pccc), sum(antt), sum(installs),
       sum(teams), sum(team_hh), sum(points)
FROM (SELECT g.hh, g.res,
  (SELECT surveyed FROM survey x WHERE x.group_id = g.id AND x.date <= '@END@' AND surveyed IS NOT NULL ORDER BY x.date DESC, x.id DESC LIMIT 1) AS surveyed,
  (SELECT with_extinguisher FROM survey x WHERE x.group_id = g.id AND x.date <= '@END@' AND with_extinguisher IS NOT NULL ORDER BY x.date DESC, x.id DESC LIMIT 1) AS with_ext,
  (SELECT pccc FROM commitment x WHERE x.group_id = g.id AND x.date <= '@END@' AND pccc IS NOT NULL ORDER BY x.date DESC, x.id DESC LIMIT 1) AS pccc,
  (SELECT antt FROM commitment x WHERE x.group_id = g.id AND x.date <= '@END@' AND antt IS NOT NULL ORDER BY x.date DESC, x.id DESC LIMIT 1) AS antt,
  (SELECT installs FROM app114 x WHERE x.group_id = g.id AND x.date <= '@END@' AND installs IS NOT NULL ORDER BY x.date DESC, x.id DESC LIMIT 1) AS installs,
  (SELECT count(*) FROM fireteam f WHERE f.group_id = g.id AND f.kind = 'team' AND f.established <= '@END@' AND (f.closed IS NULL OR f.closed > '@END@')) AS teams,
  (SELECT sum(households) FROM fireteam f WHERE f.group_id = g.id AND f.kind = 'team' AND f.established <= '@END@' AND (f.closed IS NULL OR f.closed > '@END@')) AS team_hh,
  (SELECT count(*) FROM fireteam f WHERE f.group_id = g.id AND f.kind = 'point' AND f.established <= '@END@' AND (f.closed IS NULL OR f.closed > '@END@')) AS points
  FROM (SELECT r.id, p.households AS hh, p.residents AS res FROM rgroup r
        JOIN population p ON p.id = (SELECT id FROM population y WHERE y.group_id = r.id
             AND y.date <= '@END@' ORDER BY y.date DESC, y.id DESC LIMIT 1)
        WHERE (r.closed IS NULL AND r.active = 1) OR r.closed > '@END@') g);
-- Establishments: the latest record on or before the end.
SELECT managed, with_file FROM establishments WHERE date <= '@END@' ORDER BY date DESC, id DESC LIMIT 1;
-- Flows: sums inside the period, by category and by kind.
SELECT c.code, coalesce(sum(i.count), 0) FROM category c
  LEFT JOIN incident i ON i.category_id = c.id AND i.date BETWEEN '@START@' AND '@END@'
  GROUP BY c.id ORDER BY c.id;
SELECT kind, sum(sessions) FROM outreach WHERE date BETWEEN '@START@' AND '@END@' GROUP BY kind;
-- Targets in force for the year of the period end.
SELECT indicator, value FROM target WHERE year = CAST(substr('@END@', 1, 4) AS INTEGER);
