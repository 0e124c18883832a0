-- The floor for "caseload export": the same items (next contact, review,
-- letter, 18th/21st/25th birthdays within 365 days), printed by SQLite.
.mode list
WITH p AS (SELECT * FROM people WHERE status IN ('up', 'down')),
items AS (
  SELECT uuid, id, name, 'contact' AS kind,
         CASE WHEN last_contact IS NULL THEN allocated_on
              ELSE date(last_contact, '+' || (coalesce(interval_weeks, 8) * 7) || ' days')
         END AS due
  FROM p WHERE status = 'up'
  UNION ALL
  SELECT uuid, id, name, 'review',
         date(coalesce(last_review, allocated_on), '+6 months')
  FROM p WHERE status = 'up'
  UNION ALL
  SELECT uuid, id, name, 'letter',
         date(CASE WHEN last_letter >= status_since THEN last_letter
                   ELSE status_since END, '+12 months')
  FROM p WHERE status = 'down'
  UNION ALL
  SELECT uuid, id, name, 'birthday-' || a.age, date(dob, '+' || a.age || ' years')
  FROM p, (SELECT 18 AS age UNION ALL SELECT 21 UNION ALL SELECT 25) a)
SELECT 'BEGIN:VEVENT' || char(13, 10) ||
       'UID:' || uuid || '-' || kind || '@caseload' || char(13, 10) ||
       'DTSTART;VALUE=DATE:' || replace(max(due, @today), '-', '') || char(13, 10) ||
       'SUMMARY:' || kind || ' due: ' || name || ' #' || id || char(13, 10) ||
       'END:VEVENT'
FROM items WHERE due <= date(@today, '+364 days')
  AND (kind NOT LIKE 'birthday%' OR due >= @today);
