-- The floor for "caseload list --format csv": every young person's row.
.mode csv
.headers on
SELECT id, uuid, name, preferred_name, dob, status, status_since,
       allocated_on, interval_weeks, phone, email, address, last_contact
FROM people WHERE status IN ('up', 'down') ORDER BY id;
