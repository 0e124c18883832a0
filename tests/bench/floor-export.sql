-- The floor for "caseload export": the same items (next contact, review,
-- letter, 18th/21st/25th birthdays within 365 days) with the same
-- properties (UID, DTSTAMP, DTSTART, DTEND, TRANSP, SUMMARY, DESCRIPTION,
-- CLASS and a VALARM on contacts and letters), printed by SQLite itself.
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
  FROM p, (SELECT 18 AS age UNION ALL SELECT 21 UNION ALL SELECT 25) a),
shown AS (
  SELECT *, max(due, @today) AS day,
         substr(name, 1, 1) || '. #' || id AS who
  FROM items WHERE due <= date(@today, '+364 days')
    AND (kind NOT LIKE 'birthday%' OR due >= @today))
SELECT 'BEGIN:VEVENT' || char(13, 10) ||
       'UID:' || uuid || '-' || kind || '@caseload' || char(13, 10) ||
       'DTSTAMP:20261127T120000Z' || char(13, 10) ||
       'DTSTART;VALUE=DATE:' || replace(day, '-', '') || char(13, 10) ||
       'DTEND;VALUE=DATE:' || replace(date(day, '+1 day'), '-', '') || char(13, 10) ||
       'TRANSP:TRANSPARENT' || char(13, 10) ||
       'SUMMARY:' || kind || ' due since ' || strftime('%d/%m/%Y', due) || ': ' || who || char(13, 10) ||
       'DESCRIPTION:The ' || kind || ' of ' || who || ' is due on ' ||
           strftime('%d/%m/%Y', due) || '.\nRecord it with: caseload ' || kind ||
           ' ' || id || char(13, 10) ||
       'CLASS:PRIVATE' || char(13, 10) ||
       CASE WHEN kind IN ('contact', 'letter') THEN
         'BEGIN:VALARM' || char(13, 10) || 'ACTION:DISPLAY' || char(13, 10) ||
         'TRIGGER:-P1D' || char(13, 10) || 'DESCRIPTION:' || kind || ' due: ' || who ||
         char(13, 10) || 'END:VALARM' || char(13, 10)
       ELSE '' END ||
       'END:VEVENT'
FROM shown;
