-- The floor for "caseload due --within 14 --format csv": the same rows,
-- judged and sorted by SQLite itself.  :today is set by the runner.
.mode csv
.headers on
WITH d AS (
  SELECT id, name, status, last_contact, preferred_name, dob,
         CASE WHEN last_contact IS NULL THEN allocated_on
              ELSE date(last_contact, '+' || (coalesce(interval_weeks, 8) * 7) || ' days')
         END AS next_due
  FROM people WHERE status = 'up')
SELECT id, name, 'stepped-up' AS status, last_contact, next_due,
       max(0, CAST(julianday(@today) - julianday(next_due) AS INTEGER)) AS days_overdue,
       CASE WHEN next_due < @today THEN 'overdue'
            WHEN next_due <= date(@today, '+14 days') THEN 'due-soon'
            ELSE 'ok' END AS state,
       preferred_name, dob
FROM d WHERE next_due <= date(@today, '+14 days')
ORDER BY next_due, id;
