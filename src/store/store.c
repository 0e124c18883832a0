/* SPDX-License-Identifier: MIT */
/*
 * store.c: opening the database, its schema and migrations, transactions
 * and the statement cache.
 */
#include <config.h>

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "cause.h"
#include "store-int.h"
#include "text.h"
#include "xmalloc.h"


/* Wait this long for another copy of caseload to finish writing. */
#define STORE_BUSY_MS 15000

#define NOW "(strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))"
/*
 * A real YYYY-MM-DD date: date() with a modifier rolls 31 February over,
 * and IS (not =) refuses what date() cannot read at all.
 */
#define ISDATE(c) "CHECK (" c " IS date(" c ", '+0 days'))"
#define ISDATE_OR_NULL(c) \
	"CHECK (" c " IS NULL OR " c " IS date(" c ", '+0 days'))"

/*
 * migrations[i] takes a database from schema version i to i + 1.  Never
 * edit a migration that has shipped: add a new one.
 */
static const char *const migrations[] = {
	/* 0 -> 1: the first schema. */
	"PRAGMA application_id = 1129532484;"	/* STORE_APPLICATION_ID */
	"CREATE TABLE people ("
	"  id INTEGER PRIMARY KEY AUTOINCREMENT,"
	"  uuid TEXT NOT NULL UNIQUE CHECK (length(uuid) = 36),"
	"  name TEXT NOT NULL CHECK (name <> ''),"
	"  preferred_name TEXT,"
	"  dob TEXT NOT NULL " ISDATE("dob") ","
	"  phone TEXT,"
	"  email TEXT,"
	"  address TEXT,"
	"  interval_weeks INTEGER"
	"    CHECK (interval_weeks IS NULL OR interval_weeks BETWEEN 1 AND 52),"
	"  allocated_on TEXT NOT NULL " ISDATE("allocated_on") ","
	"  status TEXT NOT NULL CHECK (status IN ('up', 'down', 'archived')),"
	"  status_since TEXT NOT NULL " ISDATE("status_since") ","
	"  last_contact TEXT " ISDATE_OR_NULL("last_contact") ","
	"  last_letter TEXT " ISDATE_OR_NULL("last_letter") ","
	"  last_review TEXT " ISDATE_OR_NULL("last_review") ","
	"  created_at TEXT NOT NULL DEFAULT " NOW ","
	"  updated_at TEXT NOT NULL DEFAULT " NOW
	") STRICT;"
	"CREATE INDEX people_status ON people (status);"
	"CREATE TABLE status_changes ("
	"  id INTEGER PRIMARY KEY AUTOINCREMENT,"
	"  person_id INTEGER NOT NULL REFERENCES people (id),"
	"  status TEXT NOT NULL CHECK (status IN ('up', 'down', 'archived')),"
	"  on_date TEXT NOT NULL " ISDATE("on_date") ","
	"  reason TEXT,"
	"  recorded_at TEXT NOT NULL DEFAULT " NOW
	") STRICT;"
	"CREATE INDEX status_changes_person ON status_changes (person_id, on_date);"
	"CREATE TABLE contacts ("
	"  id INTEGER PRIMARY KEY AUTOINCREMENT,"
	"  person_id INTEGER NOT NULL REFERENCES people (id),"
	"  on_date TEXT NOT NULL " ISDATE("on_date") ","
	"  method TEXT NOT NULL CHECK (method IN ('visit', 'phone', 'video',"
	"    'text', 'email', 'letter', 'group', 'other')),"
	"  started_by TEXT NOT NULL CHECK (started_by IN ('worker', 'young-person')),"
	"  attempted INTEGER NOT NULL DEFAULT 0 CHECK (attempted IN (0, 1)),"
	"  note TEXT,"
	"  recorded_at TEXT NOT NULL DEFAULT " NOW ","
	"  struck_on TEXT " ISDATE_OR_NULL("struck_on") ","
	"  struck_reason TEXT"
	") STRICT;"
	"CREATE INDEX contacts_person ON contacts (person_id, on_date);"
	"CREATE TABLE letters ("
	"  id INTEGER PRIMARY KEY AUTOINCREMENT,"
	"  person_id INTEGER NOT NULL REFERENCES people (id),"
	"  sent_on TEXT NOT NULL " ISDATE("sent_on") ","
	"  recorded_at TEXT NOT NULL DEFAULT " NOW
	") STRICT;"
	"CREATE INDEX letters_person ON letters (person_id, sent_on);"
	"CREATE TABLE reviews ("
	"  id INTEGER PRIMARY KEY AUTOINCREMENT,"
	"  person_id INTEGER NOT NULL REFERENCES people (id),"
	"  on_date TEXT NOT NULL " ISDATE("on_date") ","
	"  recorded_at TEXT NOT NULL DEFAULT " NOW
	") STRICT;"
	"CREATE INDEX reviews_person ON reviews (person_id, on_date);"
	/* The record is never deleted, and a contact only ever gains a strike. */
	"CREATE TRIGGER people_kept BEFORE DELETE ON people BEGIN"
	"  SELECT RAISE(ABORT, 'young people are archived, never deleted'); END;"
	"CREATE TRIGGER status_changes_kept BEFORE DELETE ON status_changes BEGIN"
	"  SELECT RAISE(ABORT, 'status history is never deleted'); END;"
	"CREATE TRIGGER status_changes_fixed BEFORE UPDATE ON status_changes BEGIN"
	"  SELECT RAISE(ABORT, 'status history is never changed'); END;"
	"CREATE TRIGGER contacts_kept BEFORE DELETE ON contacts BEGIN"
	"  SELECT RAISE(ABORT, 'contacts are struck out, never deleted'); END;"
	"CREATE TRIGGER contacts_fixed BEFORE UPDATE ON contacts"
	"  WHEN OLD.struck_on IS NOT NULL OR NEW.struck_on IS NULL"
	"    OR NEW.person_id IS NOT OLD.person_id OR NEW.on_date IS NOT OLD.on_date"
	"    OR NEW.method IS NOT OLD.method OR NEW.started_by IS NOT OLD.started_by"
	"    OR NEW.attempted IS NOT OLD.attempted OR NEW.note IS NOT OLD.note"
	"    OR NEW.recorded_at IS NOT OLD.recorded_at BEGIN"
	"  SELECT RAISE(ABORT, 'a contact can only be struck out, once'); END;"
	"CREATE TRIGGER letters_kept BEFORE DELETE ON letters BEGIN"
	"  SELECT RAISE(ABORT, 'letters sent are never deleted'); END;"
	"CREATE TRIGGER reviews_kept BEFORE DELETE ON reviews BEGIN"
	"  SELECT RAISE(ABORT, 'reviews are never deleted'); END;",

	/*
	 * 1 -> 2: each young person's next contact date, kept beside the
	 * last contact (by the store, with the core's rule) and indexed, so
	 * that the due list and the screens read it in order instead of
	 * judging everyone; and the default interval it was computed with.
	 * store_migrate fills it in after this SQL.
	 */
	"ALTER TABLE people ADD COLUMN next_due TEXT"
	"  " ISDATE_OR_NULL("next_due") ";"
	/* Covering the due list's columns: read in order, from the index. */
	"CREATE INDEX people_due ON people (status, next_due, id, name,"
	"  preferred_name, dob, allocated_on, status_since, interval_weeks,"
	"  last_contact, last_letter, last_review, uuid);"
	"CREATE TABLE settings_used ("
	"  key TEXT PRIMARY KEY,"
	"  value INTEGER NOT NULL"
	") STRICT;"
	"INSERT INTO settings_used (key, value) VALUES ('interval_weeks', 8);",

	/*
	 * 2 -> 3: annual letters and pathway plan reviews recorded by mistake
	 * are struck out as contacts are: kept, with the date struck and the
	 * reason, and no longer counted (the summaries last_letter and
	 * last_review pass over them).  Such a row only ever gains a strike,
	 * once.  Existing rows are not struck, so nothing else changes.
	 */
	"ALTER TABLE letters ADD COLUMN struck_on TEXT"
	"  " ISDATE_OR_NULL("struck_on") ";"
	"ALTER TABLE letters ADD COLUMN struck_reason TEXT;"
	"ALTER TABLE reviews ADD COLUMN struck_on TEXT"
	"  " ISDATE_OR_NULL("struck_on") ";"
	"ALTER TABLE reviews ADD COLUMN struck_reason TEXT;"
	"CREATE TRIGGER letters_fixed BEFORE UPDATE ON letters"
	"  WHEN OLD.struck_on IS NOT NULL OR NEW.struck_on IS NULL"
	"    OR NEW.person_id IS NOT OLD.person_id"
	"    OR NEW.sent_on IS NOT OLD.sent_on"
	"    OR NEW.recorded_at IS NOT OLD.recorded_at BEGIN"
	"  SELECT RAISE(ABORT, 'a letter can only be struck out, once'); END;"
	"CREATE TRIGGER reviews_fixed BEFORE UPDATE ON reviews"
	"  WHEN OLD.struck_on IS NOT NULL OR NEW.struck_on IS NULL"
	"    OR NEW.person_id IS NOT OLD.person_id"
	"    OR NEW.on_date IS NOT OLD.on_date"
	"    OR NEW.recorded_at IS NOT OLD.recorded_at BEGIN"
	"  SELECT RAISE(ABORT, 'a review can only be struck out, once'); END;",

	/*
	 * 3 -> 4: one list of everything due.  Each young person's next
	 * review and next letter, the most urgent of their clocks (the date
	 * and its kind, rows_most_urgent) and their attempts since last seen
	 * are kept beside next_due, by the store with the core's rules, so
	 * that the caseload list is read in that order from an index and the
	 * header counts what is overdue of each kind from indexes; and the
	 * letter and review intervals they were worked out with.
	 * store_migrate fills them in after this SQL.  people_due gains the
	 * attempts, so that the due list still reads from it alone.
	 */
	"ALTER TABLE people ADD COLUMN attempts INTEGER NOT NULL DEFAULT 0"
	"  CHECK (attempts >= 0);"
	"ALTER TABLE people ADD COLUMN review_due TEXT"
	"  " ISDATE_OR_NULL("review_due") ";"
	"ALTER TABLE people ADD COLUMN letter_due TEXT"
	"  " ISDATE_OR_NULL("letter_due") ";"
	"ALTER TABLE people ADD COLUMN urgent_due TEXT"
	"  " ISDATE_OR_NULL("urgent_due") ";"
	"ALTER TABLE people ADD COLUMN urgent_kind TEXT CHECK (urgent_kind IS"
	"  NULL OR urgent_kind IN ('contact', 'review', 'letter'));"
	"DROP INDEX people_due;"
	"CREATE INDEX people_due ON people (status, next_due, id, name,"
	"  preferred_name, dob, allocated_on, status_since, interval_weeks,"
	"  last_contact, last_letter, last_review, uuid, attempts);"
	/* The caseload list's order, across every status, covering its rows. */
	"CREATE INDEX people_urgent ON people (urgent_due, id, status, name,"
	"  preferred_name, dob, allocated_on, status_since, interval_weeks,"
	"  last_contact, last_letter, last_review, uuid, attempts);"
	"CREATE INDEX people_review_due ON people (review_due)"
	"  WHERE review_due IS NOT NULL;"
	"CREATE INDEX people_letter_due ON people (letter_due)"
	"  WHERE letter_due IS NOT NULL;"
	"INSERT INTO settings_used (key, value) VALUES ('letter_months', 12),"
	"  ('review_months', 6);",

	/*
	 * 4 -> 5: calendars that stay in step.  calendar_items keeps, for
	 * each calendar item's UID, the hash of its content when last
	 * recorded, its SEQUENCE and LAST-MODIFIED (seconds since 1970), so
	 * that an item's sequence goes up when what it says changes.
	 * caldav_items keeps what was last published to each CalDAV
	 * collection: the item's name there (href), the server's ETag and
	 * the hash of what was sent.
	 */
	"CREATE TABLE calendar_items ("
	"  uid TEXT PRIMARY KEY,"
	"  hash TEXT NOT NULL,"
	"  sequence INTEGER NOT NULL CHECK (sequence >= 0),"
	"  modified INTEGER NOT NULL"
	") STRICT;"
	"CREATE TABLE caldav_items ("
	"  url TEXT NOT NULL,"
	"  uid TEXT NOT NULL,"
	"  href TEXT NOT NULL,"
	"  etag TEXT NOT NULL,"
	"  hash TEXT NOT NULL,"
	"  PRIMARY KEY (url, uid)"
	") STRICT;",

	/*
	 * 5 -> 6: the same checks, written so that SQLite tests each value
	 * with = instead of building a table of the allowed values for every
	 * row written (an IN list of three or more), which made an import of
	 * many young people slow.  The tables are rebuilt as SQLite says
	 * constraints are changed (lang_altertable.html, "other kinds of
	 * table schema changes"), keeping every row, id and sequence;
	 * store_migrate turns foreign keys off around it and checks them
	 * before it commits.
	 */
	"CREATE TABLE new_people ("
	"  id INTEGER PRIMARY KEY AUTOINCREMENT,"
	"  uuid TEXT NOT NULL UNIQUE CHECK (length(uuid) = 36),"
	"  name TEXT NOT NULL CHECK (name <> ''),"
	"  preferred_name TEXT,"
	"  dob TEXT NOT NULL " ISDATE("dob") ","
	"  phone TEXT,"
	"  email TEXT,"
	"  address TEXT,"
	"  interval_weeks INTEGER"
	"    CHECK (interval_weeks IS NULL OR interval_weeks BETWEEN 1 AND 52),"
	"  allocated_on TEXT NOT NULL " ISDATE("allocated_on") ","
	"  status TEXT NOT NULL CHECK (status = 'up' OR status = 'down' OR"
	"    status = 'archived'),"
	"  status_since TEXT NOT NULL " ISDATE("status_since") ","
	"  last_contact TEXT " ISDATE_OR_NULL("last_contact") ","
	"  last_letter TEXT " ISDATE_OR_NULL("last_letter") ","
	"  last_review TEXT " ISDATE_OR_NULL("last_review") ","
	"  created_at TEXT NOT NULL DEFAULT " NOW ","
	"  updated_at TEXT NOT NULL DEFAULT " NOW ","
	"  next_due TEXT " ISDATE_OR_NULL("next_due") ","
	"  attempts INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),"
	"  review_due TEXT " ISDATE_OR_NULL("review_due") ","
	"  letter_due TEXT " ISDATE_OR_NULL("letter_due") ","
	"  urgent_due TEXT " ISDATE_OR_NULL("urgent_due") ","
	"  urgent_kind TEXT CHECK (urgent_kind IS NULL OR"
	"    urgent_kind = 'contact' OR urgent_kind = 'review' OR"
	"    urgent_kind = 'letter')"
	") STRICT;"
	"INSERT INTO new_people SELECT id, uuid, name, preferred_name, dob,"
	"  phone, email, address, interval_weeks, allocated_on, status,"
	"  status_since, last_contact, last_letter, last_review, created_at,"
	"  updated_at, next_due, attempts, review_due, letter_due, urgent_due,"
	"  urgent_kind FROM people;"
	"CREATE TABLE new_status_changes ("
	"  id INTEGER PRIMARY KEY AUTOINCREMENT,"
	"  person_id INTEGER NOT NULL REFERENCES people (id),"
	"  status TEXT NOT NULL CHECK (status = 'up' OR status = 'down' OR"
	"    status = 'archived'),"
	"  on_date TEXT NOT NULL " ISDATE("on_date") ","
	"  reason TEXT,"
	"  recorded_at TEXT NOT NULL DEFAULT " NOW
	") STRICT;"
	"INSERT INTO new_status_changes SELECT id, person_id, status, on_date,"
	"  reason, recorded_at FROM status_changes;"
	"CREATE TABLE new_contacts ("
	"  id INTEGER PRIMARY KEY AUTOINCREMENT,"
	"  person_id INTEGER NOT NULL REFERENCES people (id),"
	"  on_date TEXT NOT NULL " ISDATE("on_date") ","
	"  method TEXT NOT NULL CHECK (method = 'visit' OR method = 'phone' OR"
	"    method = 'video' OR method = 'text' OR method = 'email' OR"
	"    method = 'letter' OR method = 'group' OR method = 'other'),"
	"  started_by TEXT NOT NULL CHECK (started_by = 'worker' OR"
	"    started_by = 'young-person'),"
	"  attempted INTEGER NOT NULL DEFAULT 0 CHECK (attempted = 0 OR"
	"    attempted = 1),"
	"  note TEXT,"
	"  recorded_at TEXT NOT NULL DEFAULT " NOW ","
	"  struck_on TEXT " ISDATE_OR_NULL("struck_on") ","
	"  struck_reason TEXT"
	") STRICT;"
	"INSERT INTO new_contacts SELECT id, person_id, on_date, method,"
	"  started_by, attempted, note, recorded_at, struck_on, struck_reason"
	"  FROM contacts;"
	/* Each table's AUTOINCREMENT sequence goes with it, as it was. */
	"DELETE FROM sqlite_sequence WHERE name IN ('new_people',"
	"  'new_status_changes', 'new_contacts');"
	"UPDATE sqlite_sequence SET name = 'new_' || name"
	"  WHERE name IN ('people', 'status_changes', 'contacts');"
	"DROP TABLE contacts;"
	"DROP TABLE status_changes;"
	"DROP TABLE people;"
	"ALTER TABLE new_people RENAME TO people;"
	"ALTER TABLE new_status_changes RENAME TO status_changes;"
	"ALTER TABLE new_contacts RENAME TO contacts;"
	/* Their indexes and triggers, as they were. */
	"CREATE INDEX people_status ON people (status);"
	"CREATE INDEX people_due ON people (status, next_due, id, name,"
	"  preferred_name, dob, allocated_on, status_since, interval_weeks,"
	"  last_contact, last_letter, last_review, uuid, attempts);"
	"CREATE INDEX people_urgent ON people (urgent_due, id, status, name,"
	"  preferred_name, dob, allocated_on, status_since, interval_weeks,"
	"  last_contact, last_letter, last_review, uuid, attempts);"
	"CREATE INDEX people_review_due ON people (review_due)"
	"  WHERE review_due IS NOT NULL;"
	"CREATE INDEX people_letter_due ON people (letter_due)"
	"  WHERE letter_due IS NOT NULL;"
	"CREATE INDEX status_changes_person ON status_changes (person_id, on_date);"
	"CREATE INDEX contacts_person ON contacts (person_id, on_date);"
	"CREATE TRIGGER people_kept BEFORE DELETE ON people BEGIN"
	"  SELECT RAISE(ABORT, 'young people are archived, never deleted'); END;"
	"CREATE TRIGGER status_changes_kept BEFORE DELETE ON status_changes BEGIN"
	"  SELECT RAISE(ABORT, 'status history is never deleted'); END;"
	"CREATE TRIGGER status_changes_fixed BEFORE UPDATE ON status_changes BEGIN"
	"  SELECT RAISE(ABORT, 'status history is never changed'); END;"
	"CREATE TRIGGER contacts_kept BEFORE DELETE ON contacts BEGIN"
	"  SELECT RAISE(ABORT, 'contacts are struck out, never deleted'); END;"
	"CREATE TRIGGER contacts_fixed BEFORE UPDATE ON contacts"
	"  WHEN OLD.struck_on IS NOT NULL OR NEW.struck_on IS NULL"
	"    OR NEW.person_id IS NOT OLD.person_id OR NEW.on_date IS NOT OLD.on_date"
	"    OR NEW.method IS NOT OLD.method OR NEW.started_by IS NOT OLD.started_by"
	"    OR NEW.attempted IS NOT OLD.attempted OR NEW.note IS NOT OLD.note"
	"    OR NEW.recorded_at IS NOT OLD.recorded_at BEGIN"
	"  SELECT RAISE(ABORT, 'a contact can only be struck out, once'); END;",

	/*
	 * 6 -> 7: safety flags, and where a contact took place and whether
	 * the young person was seen alone.  A flag is set on a date with a
	 * short note; while current its note may change; it ends once, on a
	 * date with a reason; it is never deleted.  Every note it has had
	 * is kept in flag_notes (the latest is flags.note), with who wrote
	 * it (the worker's name, when set), as is who set and ended the
	 * flag.  flags_current finds
	 * everyone's current flags for the lists' marker.  Contacts gain
	 * place and seen_alone (NULL: not recorded), fixed once logged as
	 * the rest of a contact is.
	 */
	"CREATE TABLE flags ("
	"  id INTEGER PRIMARY KEY AUTOINCREMENT,"
	"  person_id INTEGER NOT NULL REFERENCES people (id),"
	"  kind TEXT NOT NULL CHECK (kind = 'do-not-visit-alone' OR"
	"    kind = 'marac' OR kind = 'domestic-abuse' OR"
	"    kind = 'exploitation' OR kind = 'missing' OR kind = 'custody' OR"
	"    kind = 'other'),"
	"  note TEXT,"
	"  set_on TEXT NOT NULL " ISDATE("set_on") ","
	"  ended_on TEXT " ISDATE_OR_NULL("ended_on") ","
	"  ended_reason TEXT,"
	"  recorded_at TEXT NOT NULL DEFAULT " NOW ","
	"  set_by TEXT,"
	"  ended_by TEXT"
	") STRICT;"
	"CREATE INDEX flags_person ON flags (person_id, id);"
	"CREATE INDEX flags_current ON flags (person_id)"
	"  WHERE ended_on IS NULL;"
	"CREATE TRIGGER flags_kept BEFORE DELETE ON flags BEGIN"
	"  SELECT RAISE(ABORT, 'safety flags are ended, never deleted'); END;"
	"CREATE TRIGGER flags_fixed BEFORE UPDATE ON flags"
	"  WHEN OLD.ended_on IS NOT NULL"
	"    OR NEW.person_id IS NOT OLD.person_id OR NEW.kind IS NOT OLD.kind"
	"    OR NEW.set_on IS NOT OLD.set_on OR NEW.set_by IS NOT OLD.set_by"
	"    OR NEW.recorded_at IS NOT OLD.recorded_at BEGIN"
	"  SELECT RAISE(ABORT, 'an ended flag is kept as it was'); END;"
	"CREATE TABLE flag_notes ("
	"  id INTEGER PRIMARY KEY AUTOINCREMENT,"
	"  person_id INTEGER NOT NULL REFERENCES people (id),"
	"  flag_id INTEGER NOT NULL REFERENCES flags (id),"
	"  note TEXT,"
	"  on_date TEXT NOT NULL " ISDATE("on_date") ","
	"  noted_by TEXT,"
	"  recorded_at TEXT NOT NULL DEFAULT " NOW
	") STRICT;"
	"CREATE INDEX flag_notes_flag ON flag_notes (flag_id, id);"
	"CREATE TRIGGER flag_notes_kept BEFORE DELETE ON flag_notes BEGIN"
	"  SELECT RAISE(ABORT, 'notes of a flag are kept, never deleted');"
	"  END;"
	"CREATE TRIGGER flag_notes_fixed BEFORE UPDATE ON flag_notes BEGIN"
	"  SELECT RAISE(ABORT, 'notes of a flag are kept as written'); END;"
	"ALTER TABLE contacts ADD COLUMN place TEXT CHECK (place IS NULL OR"
	"  place = 'home' OR place = 'office' OR place = 'college' OR"
	"  place = 'community' OR place = 'online');"
	"ALTER TABLE contacts ADD COLUMN seen_alone INTEGER CHECK (seen_alone"
	"  IS NULL OR seen_alone = 0 OR seen_alone = 1);"
	"CREATE TRIGGER contacts_fixed_record BEFORE UPDATE ON contacts"
	"  WHEN NEW.place IS NOT OLD.place"
	"    OR NEW.seen_alone IS NOT OLD.seen_alone BEGIN"
	"  SELECT RAISE(ABORT, 'a contact can only be struck out, once'); END;",

	/*
	 * 7 -> 8: notes about a young person and the people around them.
	 * A note is dated, several lines, struck out once with a reason,
	 * never deleted.  A person around them has a role, a name, a
	 * phone, an email and a note, changed while involved; they stop
	 * being involved on a date and are never deleted.
	 */
	"CREATE TABLE notes ("
	"  id INTEGER PRIMARY KEY AUTOINCREMENT,"
	"  person_id INTEGER NOT NULL REFERENCES people (id),"
	"  on_date TEXT NOT NULL " ISDATE("on_date") ","
	"  text TEXT NOT NULL,"
	"  struck_on TEXT " ISDATE_OR_NULL("struck_on") ","
	"  struck_reason TEXT,"
	"  recorded_at TEXT NOT NULL DEFAULT " NOW
	") STRICT;"
	"CREATE INDEX notes_person ON notes (person_id, id);"
	"CREATE TRIGGER notes_kept BEFORE DELETE ON notes BEGIN"
	"  SELECT RAISE(ABORT, 'notes are struck out, never deleted'); END;"
	"CREATE TRIGGER notes_fixed BEFORE UPDATE ON notes"
	"  WHEN OLD.struck_on IS NOT NULL OR NEW.struck_on IS NULL"
	"    OR NEW.person_id IS NOT OLD.person_id"
	"    OR NEW.on_date IS NOT OLD.on_date OR NEW.text IS NOT OLD.text"
	"    OR NEW.recorded_at IS NOT OLD.recorded_at BEGIN"
	"  SELECT RAISE(ABORT, 'a note can only be struck out, once'); END;"
	"CREATE TABLE around ("
	"  id INTEGER PRIMARY KEY AUTOINCREMENT,"
	"  person_id INTEGER NOT NULL REFERENCES people (id),"
	"  role TEXT NOT NULL CHECK (role = 'social-worker' OR role = 'iro'"
	"    OR role = 'housing-officer' OR role = 'college-tutor'"
	"    OR role = 'family' OR role = 'other'),"
	"  name TEXT NOT NULL,"
	"  phone TEXT,"
	"  email TEXT,"
	"  note TEXT,"
	"  since TEXT NOT NULL " ISDATE("since") ","
	"  ended_on TEXT " ISDATE_OR_NULL("ended_on") ","
	"  recorded_at TEXT NOT NULL DEFAULT " NOW
	") STRICT;"
	"CREATE INDEX around_person ON around (person_id, id);"
	"CREATE TRIGGER around_kept BEFORE DELETE ON around BEGIN"
	"  SELECT RAISE(ABORT, 'people around a young person are ended,"
	" never deleted'); END;"
	"CREATE TRIGGER around_fixed BEFORE UPDATE ON around"
	"  WHEN OLD.ended_on IS NOT NULL"
	"    OR NEW.person_id IS NOT OLD.person_id"
	"    OR NEW.since IS NOT OLD.since"
	"    OR NEW.recorded_at IS NOT OLD.recorded_at BEGIN"
	"  SELECT RAISE(ABORT, 'someone no longer involved is kept as they"
	" were'); END;",

	/*
	 * 8 -> 9: what was agreed.  An agreed action belongs to a young
	 * person, and to the contact where it was agreed when there was
	 * one: its text, who does it, the day agreed and the day due.  It
	 * is closed once, done or dropped (with a reason), on a date; a
	 * closed action is kept as it was; none is deleted.  actions_open
	 * finds the open ones by due date for the agenda and the header.
	 */
	"CREATE TABLE actions ("
	"  id INTEGER PRIMARY KEY AUTOINCREMENT,"
	"  person_id INTEGER NOT NULL REFERENCES people (id),"
	"  contact_id INTEGER REFERENCES contacts (id),"
	"  text TEXT NOT NULL,"
	"  who TEXT NOT NULL,"
	"  agreed_on TEXT NOT NULL " ISDATE("agreed_on") ","
	"  due_on TEXT NOT NULL " ISDATE("due_on") ","
	"  closed_on TEXT " ISDATE_OR_NULL("closed_on") ","
	"  closed_as TEXT CHECK (closed_as IS NULL OR closed_as = 'done'"
	"    OR closed_as = 'dropped'),"
	"  reason TEXT,"
	"  created TEXT NOT NULL DEFAULT " NOW ","
	"  CHECK ((closed_on IS NULL) = (closed_as IS NULL)),"
	"  CHECK (due_on >= agreed_on)"
	") STRICT;"
	"CREATE INDEX actions_person ON actions (person_id, id);"
	"CREATE INDEX actions_open ON actions (due_on)"
	"  WHERE closed_on IS NULL;"
	"CREATE TRIGGER actions_kept BEFORE DELETE ON actions BEGIN"
	"  SELECT RAISE(ABORT, 'agreed actions are closed, never deleted');"
	"  END;"
	"CREATE TRIGGER actions_fixed BEFORE UPDATE ON actions"
	"  WHEN OLD.closed_on IS NOT NULL OR NEW.closed_on IS NULL"
	"    OR NEW.person_id IS NOT OLD.person_id"
	"    OR NEW.contact_id IS NOT OLD.contact_id"
	"    OR NEW.text IS NOT OLD.text OR NEW.who IS NOT OLD.who"
	"    OR NEW.agreed_on IS NOT OLD.agreed_on"
	"    OR NEW.due_on IS NOT OLD.due_on"
	"    OR NEW.created IS NOT OLD.created BEGIN"
	"  SELECT RAISE(ABORT, 'an agreed action is closed once, then kept"
	" as it was'); END;",
	/*
	 * 9 -> 10: where young people live.  Each move is a row: the day
	 * they moved in, the type, whether the local authority provides
	 * it, whether it is suitable (NULL: not known) and the address.
	 * A row is struck out once with a reason, never changed or
	 * deleted; the latest row not struck out is where they live.
	 * people.visit_due keeps the statutory visit clock's date, worked
	 * out by the store with the core's rules as next_due is, so that
	 * the list counts the visits overdue from an index.
	 */
	"CREATE TABLE accommodation ("
	"  id INTEGER PRIMARY KEY AUTOINCREMENT,"
	"  person_id INTEGER NOT NULL REFERENCES people (id),"
	"  from_date TEXT NOT NULL " ISDATE("from_date") ","
	"  type TEXT NOT NULL CHECK (type = 'with-parents-or-relatives'"
	"    OR type = 'staying-put' OR type = 'foster-care'"
	"    OR type = 'supported-lodgings' OR type = 'semi-independent'"
	"    OR type = 'independent-tenancy' OR type = 'higher-education'"
	"    OR type = 'custody' OR type = 'bed-and-breakfast'"
	"    OR type = 'sofa-surfing' OR type = 'no-fixed-abode'"
	"    OR type = 'other'),"
	"  provided_by_la INTEGER NOT NULL CHECK (provided_by_la = 0"
	"    OR provided_by_la = 1),"
	"  suitable INTEGER CHECK (suitable IS NULL OR suitable = 0"
	"    OR suitable = 1),"
	"  address TEXT,"
	"  struck_on TEXT " ISDATE_OR_NULL("struck_on") ","
	"  struck_reason TEXT,"
	"  recorded_at TEXT NOT NULL DEFAULT " NOW
	") STRICT;"
	"CREATE INDEX accommodation_person ON accommodation (person_id, id);"
	"CREATE TRIGGER accommodation_kept BEFORE DELETE ON accommodation BEGIN"
	"  SELECT RAISE(ABORT, 'accommodation is struck out, never deleted');"
	"  END;"
	"CREATE TRIGGER accommodation_fixed BEFORE UPDATE ON accommodation"
	"  WHEN OLD.struck_on IS NOT NULL OR NEW.struck_on IS NULL"
	"    OR NEW.person_id IS NOT OLD.person_id"
	"    OR NEW.from_date IS NOT OLD.from_date OR NEW.type IS NOT OLD.type"
	"    OR NEW.provided_by_la IS NOT OLD.provided_by_la"
	"    OR NEW.suitable IS NOT OLD.suitable"
	"    OR NEW.address IS NOT OLD.address"
	"    OR NEW.recorded_at IS NOT OLD.recorded_at BEGIN"
	"  SELECT RAISE(ABORT, 'accommodation can only be struck out, once');"
	"  END;"
	"ALTER TABLE people ADD COLUMN visit_due TEXT"
	"  " ISDATE_OR_NULL("visit_due") ";"
	"CREATE INDEX people_visit_due ON people (visit_due)"
	"  WHERE visit_due IS NOT NULL;",

	/*
	 * 10 -> 11 (STORE_VERSION_RETURNS): the birthday return.  One row
	 * per return recorded for a young person's 17th to 21st birthday:
	 * in touch, main activity, part-time, the day recorded.  Struck out
	 * once with a reason when recorded by mistake, never deleted;
	 * returns_one keeps one return standing per birthday.
	 */
	"CREATE TABLE returns ("
	"  id INTEGER PRIMARY KEY AUTOINCREMENT,"
	"  person_id INTEGER NOT NULL REFERENCES people (id),"
	"  age INTEGER NOT NULL CHECK (age >= 17 AND age <= 21),"
	"  in_touch TEXT NOT NULL,"
	"  activity TEXT,"
	"  part_time INTEGER NOT NULL DEFAULT 0"
	"    CHECK (part_time = 0 OR part_time = 1),"
	"  on_date TEXT NOT NULL " ISDATE("on_date") ","
	"  struck_on TEXT " ISDATE_OR_NULL("struck_on") ","
	"  struck_reason TEXT,"
	"  created TEXT NOT NULL DEFAULT " NOW
	") STRICT;"
	"CREATE INDEX returns_person ON returns (person_id, id);"
	"CREATE UNIQUE INDEX returns_one ON returns (person_id, age)"
	"  WHERE struck_on IS NULL;"
	"CREATE TRIGGER returns_kept BEFORE DELETE ON returns BEGIN"
	"  SELECT RAISE(ABORT, 'birthday returns are struck out, never"
	" deleted'); END;"
	"CREATE TRIGGER returns_fixed BEFORE UPDATE ON returns"
	"  WHEN OLD.struck_on IS NOT NULL OR NEW.struck_on IS NULL"
	"    OR NEW.person_id IS NOT OLD.person_id OR NEW.age IS NOT OLD.age"
	"    OR NEW.in_touch IS NOT OLD.in_touch"
	"    OR NEW.activity IS NOT OLD.activity"
	"    OR NEW.part_time IS NOT OLD.part_time"
	"    OR NEW.on_date IS NOT OLD.on_date"
	"    OR NEW.created IS NOT OLD.created BEGIN"
	"  SELECT RAISE(ABORT, 'a birthday return is struck out once, then"
	" kept as it was'); END;",
};

#define STORE_SCHEMA_VERSION ((int)(sizeof migrations / sizeof migrations[0]))

static int store_load_interval(struct store *, char **);
static int store_rules_differ(const struct store *);
static int store_rules_refresh(struct store *, char **);
static int store_settle(struct store *, int, char **);
static void store_settling(struct store *, int);
static int store_migrate(struct store *, char **);
static int store_migrate_kept(struct store *, char **);
static int store_make_dirs(const char *, char **);

/* One entry of a schema: sqlite_schema's type, name and sql. */
struct schema_entry {
	char	*type;
	char	*name;
	char	*sql;		/* NULL for an automatic index */
};

struct schema_list {
	struct schema_entry	*e;
	size_t			 n;
};

static void
schema_list_free(struct schema_list *l)
{
	size_t i;

	for (i = 0; i < l->n; i++) {
		free(l->e[i].type);
		free(l->e[i].name);
		free(l->e[i].sql);
	}
	free(l->e);
	l->e = NULL;
	l->n = 0;
}

/*
 * Read db's schema.  SQLite's statistics tables (sqlite_stat1...), which
 * ANALYZE makes and which change no data, are left out.
 */
static int
schema_list_read(sqlite3 *db, struct schema_list *l, char **cause)
{
	sqlite3_stmt *stmt;
	const char *t;
	int rc;

	l->e = NULL;
	l->n = 0;
	if (sqlite3_prepare_v2(db, "SELECT type, name, sql FROM sqlite_schema"
	    " WHERE substr(name, 1, 11) <> 'sqlite_stat'"
	    " ORDER BY type, name", -1, &stmt, NULL) != SQLITE_OK)
		return xfail(cause, "cannot read the schema: %s",
		    sqlite3_errmsg(db));
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		struct schema_entry *e;

		l->e = xreallocarray(l->e, l->n + 1, sizeof *l->e);
		e = &l->e[l->n++];
		t = (const char *)sqlite3_column_text(stmt, 0);
		e->type = xstrdup(t != NULL ? t : "");
		t = (const char *)sqlite3_column_text(stmt, 1);
		e->name = xstrdup(t != NULL ? t : "");
		t = (const char *)sqlite3_column_text(stmt, 2);
		e->sql = t != NULL ? xstrdup(t) : NULL;
	}
	sqlite3_finalize(stmt);
	if (rc != SQLITE_DONE) {
		schema_list_free(l);
		return xfail(cause, "cannot read the schema: %s",
		    sqlite3_errmsg(db));
	}
	return 0;
}

/* The schema caseload makes at version, with extra_sql, in memory. */
static int
schema_list_expected(int version, const char *extra_sql,
    struct schema_list *l, char **cause)
{
	sqlite3 *db = NULL;
	int i, rc = -1;

	if (sqlite3_open_v2(":memory:", &db, SQLITE_OPEN_READWRITE, NULL) !=
	    SQLITE_OK) {
		xfail(cause, "cannot make the expected schema: out of memory");
		goto out;
	}
	for (i = 0; i < version && i < STORE_SCHEMA_VERSION; i++) {
		if (sqlite3_exec(db, migrations[i], NULL, NULL, NULL) !=
		    SQLITE_OK) {
			xfail(cause, "cannot make the expected schema: %s",
			    sqlite3_errmsg(db));
			goto out;
		}
	}
	if (extra_sql != NULL &&
	    sqlite3_exec(db, extra_sql, NULL, NULL, NULL) != SQLITE_OK) {
		xfail(cause, "cannot make the expected schema: %s",
		    sqlite3_errmsg(db));
		goto out;
	}
	rc = schema_list_read(db, l, cause);
out:
	sqlite3_close(db);
	return rc;
}

static const struct schema_entry *
schema_list_find(const struct schema_list *l, const char *type,
    const char *name)
{
	size_t i;

	for (i = 0; i < l->n; i++) {
		if (strcmp(l->e[i].type, type) == 0 &&
		    strcmp(l->e[i].name, name) == 0)
			return &l->e[i];
	}
	return NULL;
}

/* The kinds of difference store_schema_compare reports. */
enum schema_diff { SCHEMA_LACKS, SCHEMA_CHANGED, SCHEMA_EXTRA };

/* Report one difference; the name is shown escaped, as typed text is. */
static void
schema_report(store_problem_cb cb, void *arg, enum schema_diff diff,
    const char *type, const char *name)
{
	char *safe, *msg;

	if (cb == NULL)
		return;
	safe = text_escape(name, 0);
	switch (diff) {
	case SCHEMA_LACKS:
		msg = xasprintf("the schema lacks the %s %s", type, safe);
		break;
	case SCHEMA_CHANGED:
		msg = xasprintf("the schema has a changed definition of the "
		    "%s %s", type, safe);
		break;
	default:
		msg = xasprintf("the schema has an extra %s %s", type, safe);
		break;
	}
	cb(msg, arg);
	free(msg);
	free(safe);
}

int
store_schema_compare(sqlite3 *db, int version, const char *extra_sql,
    store_problem_cb cb, void *arg, char **cause)
{
	struct schema_list want, have;
	const struct schema_entry *e;
	size_t i;
	int problems = 0;

	if (schema_list_expected(version, extra_sql, &want, cause) != 0)
		return -1;
	if (schema_list_read(db, &have, cause) != 0) {
		schema_list_free(&want);
		return -1;
	}
	for (i = 0; i < want.n; i++) {
		e = schema_list_find(&have, want.e[i].type, want.e[i].name);
		if (e == NULL) {
			schema_report(cb, arg, SCHEMA_LACKS, want.e[i].type,
			    want.e[i].name);
			problems++;
		} else if ((e->sql == NULL) != (want.e[i].sql == NULL) ||
		    (e->sql != NULL && strcmp(e->sql, want.e[i].sql) != 0)) {
			schema_report(cb, arg, SCHEMA_CHANGED, e->type,
			    e->name);
			problems++;
		}
	}
	for (i = 0; i < have.n; i++) {
		if (schema_list_find(&want, have.e[i].type,
		    have.e[i].name) == NULL) {
			schema_report(cb, arg, SCHEMA_EXTRA, have.e[i].type,
			    have.e[i].name);
			problems++;
		}
	}
	schema_list_free(&want);
	schema_list_free(&have);
	return problems;
}

int
store_copy_db(sqlite3 *to, sqlite3 *from)
{
	sqlite3_backup *bk;
	int rc;

	if ((bk = sqlite3_backup_init(to, "main", from, "main")) == NULL)
		return sqlite3_errcode(to) != SQLITE_OK ? sqlite3_errcode(to) :
		    SQLITE_ERROR;
	do {
		rc = sqlite3_backup_step(bk, -1);
		if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
			sqlite3_sleep(50);
	} while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
	sqlite3_backup_finish(bk);
	return rc;
}

/* A big-endian number of the SQLite file header. */
static unsigned long
store_header_number(const unsigned char *p, int bytes)
{
	unsigned long v = 0;
	int i;

	for (i = 0; i < bytes; i++)
		v = (v << 8) | p[i];
	return v;
}

int
store_read_header(const char *path, struct store_header *h, char **cause)
{
	unsigned char b[100];
	unsigned long page_size, pages;
	struct stat sb;
	ssize_t got;
	int fd;

	memset(h, 0, sizeof *h);
	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) < 0)
		return xfail(cause, "cannot read %s: %s", path,
		    strerror(errno));
	if (fstat(fd, &sb) != 0 || !S_ISREG(sb.st_mode)) {
		close(fd);
		return xfail(cause, "%s is not a file", path);
	}
	got = read(fd, b, sizeof b);
	close(fd);
	h->size = (long long)sb.st_size;
	if (got != (ssize_t)sizeof b || memcmp(b, "SQLite format 3", 16) != 0)
		return 0;
	h->sqlite = 1;
	h->app = store_header_number(b + 68, 4);
	h->version = store_header_number(b + 60, 4);
	h->wal = b[18] != 1 || b[19] != 1;
	page_size = store_header_number(b + 16, 2);
	if (page_size == 1)
		page_size = 65536;
	h->page_ok = page_size >= 512 && (page_size & (page_size - 1)) == 0;
	if (!h->page_ok)
		return 0;
	pages = store_header_number(b + 28, 4);
	/* The page count is good while its change counter matches. */
	if (pages != 0 && store_header_number(b + 92, 4) ==
	    store_header_number(b + 24, 4))
		h->want = (unsigned long long)pages * page_size;
	h->whole_pages = sb.st_size % (off_t)page_size == 0;
	return 0;
}

void
store_problem_keep(const char *problem, void *arg)
{
	struct store_problems *sp = arg;

	if (sp->n++ == 0)
		sp->first = xstrdup(problem);
}

int
store_schema_refuse(sqlite3 *db, const char *path, int version,
    const char *extra_sql, char **cause)
{
	struct store_problems r = { NULL, 0 };
	int n;

	n = store_schema_compare(db, version, extra_sql, store_problem_keep,
	    &r, cause);
	if (n <= 0)
		return n;
	if (n == 1)
		xfail(cause, "%s is not as caseload made it (%s): it may have "
		    "been tampered with; caseload will not use it", path,
		    r.first);
	else
		xfail(cause, "%s is not as caseload made it (%s, and %d more "
		    "difference%s; 'caseload --db FILE check' lists them): it "
		    "may have been tampered with; caseload will not use it",
		    path, r.first, n - 1, n == 2 ? "" : "s");
	free(r.first);
	return -1;
}

int
store_schema_version(void)
{
	return STORE_SCHEMA_VERSION;
}

const char *
store_path(const struct store *st)
{
	return st->path;
}

int
store_fail(struct store *st, char **cause, const char *doing)
{
	int code = sqlite3_extended_errcode(st->db);
	const char *msg = sqlite3_errmsg(st->db);

	switch (code & 0xff) {
	case SQLITE_BUSY:
	case SQLITE_LOCKED:
		return xfail(cause, "%s: %s is busy: another copy of caseload "
		    "kept it locked for too long; try again", doing, st->path);
	case SQLITE_READONLY:
		if (code == SQLITE_READONLY_ROLLBACK)
			return xfail(cause, "%s: a change to %s was stopped half "
			    "way, and it cannot be put back as it was without "
			    "writing to it; check its permissions and those of "
			    "its folder", doing, st->path);
		return xfail(cause, "%s: %s is read-only; check its permissions "
		    "and those of its folder", doing, st->path);
	case SQLITE_FULL:
		return xfail(cause, "%s: the disk is full; free some space and "
		    "try again (nothing was saved)", doing);
	case SQLITE_CORRUPT:
	case SQLITE_NOTADB:
		return xfail(cause, "%s: %s is damaged (%s); run 'caseload check' "
		    "and restore a backup", doing, st->path, msg);
	case SQLITE_IOERR:
		if (code == SQLITE_IOERR_WRITE || code == SQLITE_IOERR_FSYNC ||
		    code == SQLITE_IOERR_TRUNCATE || code == SQLITE_IOERR_SHMSIZE)
			return xfail(cause, "%s: cannot write %s (%s): the disk "
			    "may be full; free some space and try again (nothing "
			    "was saved)", doing, st->path, msg);
		return xfail(cause, "%s: cannot read or write %s (%s)", doing,
		    st->path, msg);
	case SQLITE_CANTOPEN:
		return xfail(cause, "%s: cannot open %s (%s); check that its "
		    "folder exists and that you may write there", doing,
		    st->path, msg);
	}
	return xfail(cause, "%s: %s", doing, msg);
}

int
store_exec(struct store *st, const char *sql, char **cause)
{
	if (sqlite3_exec(st->db, sql, NULL, NULL, NULL) != SQLITE_OK)
		return store_fail(st, cause, "database");
	return 0;
}

sqlite3_stmt *
store_prepare(struct store *st, const char *sql, char **cause)
{
	sqlite3_stmt *stmt;
	size_t i;

	for (i = 0; i < STORE_CACHE_SIZE; i++) {
		if (st->cache[i].sql == sql)
			return st->cache[i].stmt;
		if (st->cache[i].sql == NULL)
			break;
	}
	if (sqlite3_prepare_v3(st->db, sql, -1, SQLITE_PREPARE_PERSISTENT,
	    &stmt, NULL) != SQLITE_OK) {
		store_fail(st, cause, "database");
		return NULL;
	}
	if (i == STORE_CACHE_SIZE) {
		/* Every statement is a literal, so this is a caseload bug. */
		sqlite3_finalize(stmt);
		xfail(cause, "database: more statements than the cache holds");
		return NULL;
	}
	st->cache[i].sql = sql;
	st->cache[i].stmt = stmt;
	return stmt;
}

void
store_done(sqlite3_stmt *stmt)
{
	sqlite3_reset(stmt);
	sqlite3_clear_bindings(stmt);
}

int
store_bind_date(sqlite3_stmt *stmt, int idx, date_t date)
{
	char iso[DATE_ISO_SIZE];

	if (date == DATE_NONE)
		return sqlite3_bind_null(stmt, idx);
	date_format_iso(date, iso);
	return sqlite3_bind_text(stmt, idx, iso, -1, SQLITE_TRANSIENT);
}

const char *
store_stamp(struct store *st)
{
	time_t now = time(NULL);
	struct tm tm;

	if (st->stamp[0] == '\0' || now != st->stamp_at) {
		if (gmtime_r(&now, &tm) == NULL ||
		    strftime(st->stamp, sizeof st->stamp, "%Y-%m-%dT%H:%M:%SZ",
		    &tm) == 0)
			snprintf(st->stamp, sizeof st->stamp,
			    "1970-01-01T00:00:00Z");
		st->stamp_at = now;
	}
	return st->stamp;
}

int
store_bind_text(sqlite3_stmt *stmt, int idx, const char *s)
{
	if (s == NULL)
		return sqlite3_bind_null(stmt, idx);
	return sqlite3_bind_text(stmt, idx, s, -1, SQLITE_STATIC);
}

date_t
store_column_date(sqlite3_stmt *stmt, int col)
{
	const char *s = store_column_text(stmt, col);
	date_t d;

	if (s == NULL || date_parse_iso(s, &d) != 0)
		return DATE_NONE;
	return d;
}

const char *
store_column_text(sqlite3_stmt *stmt, int col)
{
	/*
	 * Only text is text: a number or a blob where caseload writes text
	 * (a file edited by hand) reads as missing, not as its digits or
	 * its bytes.
	 */
	if (sqlite3_column_type(stmt, col) != SQLITE_TEXT)
		return NULL;
	return (const char *)sqlite3_column_text(stmt, col);
}

const char *
store_column_required(sqlite3_stmt *stmt, int col)
{
	const char *s = store_column_text(stmt, col);

	return s != NULL ? s : "";
}

int
store_column_int(sqlite3_stmt *stmt, int col, int min, int max, int none)
{
	sqlite3_int64 v;

	if (sqlite3_column_type(stmt, col) != SQLITE_INTEGER)
		return none;
	v = sqlite3_column_int64(stmt, col);
	return v < min || v > max ? none : (int)v;
}

int
store_begin(struct store *st, char **cause)
{
	char sql[32];

	if (st->depth == 0) {
		/*
		 * A read-only store takes a consistent read (query_only
		 * refuses any write but its copy's settling).
		 */
		if (store_exec(st, (st->flags & STORE_READ_ONLY) ? "BEGIN" :
		    "BEGIN IMMEDIATE", cause) != 0)
			return -1;
		/*
		 * Another copy of caseload, with other settings, may have
		 * worked every next_due out again since this one read the
		 * interval: write with the one the file holds now (once the
		 * schema has it).
		 */
		if (st->interval_weeks > 0 &&
		    store_load_interval(st, cause) != 0) {
			store_exec(st, "ROLLBACK", NULL);
			return -1;
		}
		/*
		 * The settings ask for another interval: every kept date is
		 * worked out again first, in this transaction, so that a
		 * write that fails leaves them as they were.
		 */
		if (store_rules_differ(st) &&
		    (!(st->flags & STORE_READ_ONLY) || st->settling) &&
		    store_rules_refresh(st, cause) != 0) {
			store_exec(st, "ROLLBACK", NULL);
			store_load_interval(st, NULL);
			return -1;
		}
	} else {
		snprintf(sql, sizeof sql, "SAVEPOINT s%d", st->depth);
		if (store_exec(st, sql, cause) != 0)
			return -1;
	}
	st->depth++;
	return 0;
}

int
store_commit(struct store *st, char **cause)
{
	char sql[32];

	if (st->depth == 0)
		return xfail(cause, "database: commit without a transaction");
	if (st->depth == 1) {
		if (store_exec(st, "COMMIT", cause) != 0) {
			store_rollback(st);
			return -1;
		}
	} else {
		snprintf(sql, sizeof sql, "RELEASE s%d", st->depth - 1);
		if (store_exec(st, sql, cause) != 0) {
			store_rollback(st);
			return -1;
		}
	}
	st->depth--;
	return 0;
}

void
store_rollback(struct store *st)
{
	char sql[64];

	if (st->depth == 0)
		return;
	st->depth--;
	if (st->depth == 0) {
		sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
		/* The rollback put back any indexes a batch set aside. */
		store_aside_free(st);
		/* Dates worked out in it are gone: the file's interval again. */
		if (st->interval_weeks > 0)
			store_load_interval(st, NULL);
	} else {
		snprintf(sql, sizeof sql, "ROLLBACK TO s%d; RELEASE s%d",
		    st->depth, st->depth);
		sqlite3_exec(st->db, sql, NULL, NULL, NULL);
	}
}

/* Create the missing folders of path's directory, mode 0700. */
static int
store_make_dirs(const char *path, char **cause)
{
	char *dir = xstrdup(path), *p;
	struct stat sb;

	p = strrchr(dir, '/');
	if (p == NULL || p == dir) {
		free(dir);
		return 0;
	}
	*p = '\0';
	for (p = dir + 1; ; p++) {
		if (*p != '/' && *p != '\0')
			continue;
		char c = *p;
		*p = '\0';
		if (stat(dir, &sb) != 0) {
			if (mkdir(dir, 0700) != 0 && errno != EEXIST) {
				xfail(cause, "cannot create the folder %s: %s", dir,
				    strerror(errno));
				free(dir);
				return -1;
			}
		} else if (!S_ISDIR(sb.st_mode)) {
			xfail(cause, "%s is not a folder", dir);
			free(dir);
			return -1;
		}
		*p = c;
		if (c == '\0')
			break;
	}
	free(dir);
	return 0;
}

int
store_step_long(struct store *st, sqlite3_stmt *stmt, long *out,
    const char *doing, char **cause)
{
	int rc;

	rc = sqlite3_step(stmt);
	if (rc == SQLITE_ROW)
		*out = (long)sqlite3_column_int64(stmt, 0);
	store_done(stmt);
	if (rc != SQLITE_ROW)
		return store_fail(st, cause, doing);
	return 0;
}

int
store_write_one(struct store *st, sqlite3_stmt *stmt, const char *doing,
    const char *missing, char **cause)
{
	int rc;

	rc = sqlite3_step(stmt);
	store_done(stmt);
	if (rc != SQLITE_DONE) {
		store_fail(st, cause, doing);
		store_rollback(st);
		return -1;
	}
	if (sqlite3_changes(st->db) != 1) {
		store_rollback(st);
		return xfail(cause, "%s", missing);
	}
	return 0;
}

int
store_rows(struct store *st, const char *sql, long id, int number,
    store_row_cb row, void *arg, const char *doing, char **cause)
{
	sqlite3_stmt *stmt;
	int rc, n = 0;

	if ((stmt = store_prepare(st, sql, cause)) == NULL)
		return -1;
	sqlite3_bind_int64(stmt, 1, id);
	if (number > 0)
		sqlite3_bind_int(stmt, 2, number);
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		n++;
		if (row(stmt, arg) != 0) {
			rc = SQLITE_DONE;
			break;
		}
	}
	store_done(stmt);
	if (rc != SQLITE_DONE)
		return store_fail(st, cause, doing);
	return n;
}

int
store_query_long(struct store *st, const char *sql, long *out, char **cause)
{
	sqlite3_stmt *stmt = store_prepare(st, sql, cause);

	if (stmt == NULL)
		return -1;
	return store_step_long(st, stmt, out, "reading the database", cause);
}

/* The same, for a value that fits an int. */
static int
store_query_int(struct store *st, const char *sql, int *out, char **cause)
{
	long value = 0;

	if (store_query_long(st, sql, &value, cause) != 0)
		return -1;
	*out = (int)value;
	return 0;
}

/* Check that the file is caseload's and not from a newer caseload. */
static int
store_check_version(struct store *st, int *version, char **cause)
{
	int app, tables;

	if (store_query_int(st, "PRAGMA user_version", version, cause) != 0 ||
	    store_query_int(st, "PRAGMA application_id", &app, cause) != 0 ||
	    store_query_int(st, "SELECT count(*) FROM sqlite_schema", &tables,
	    cause) != 0)
		return -1;
	if (*version == 0 && tables != 0)
		return xfail(cause, "%s is a SQLite database, but not caseload's; "
		    "give another file with --db", st->path);
	if (*version != 0 && app != STORE_APPLICATION_ID)
		return xfail(cause, "%s is not a caseload database; give another "
		    "file with --db", st->path);
	if (*version > STORE_SCHEMA_VERSION)
		return xfail(cause, "%s was written by a newer caseload (schema "
		    "%d; this one knows up to %d): use the newer caseload, this "
		    "one will not touch it", st->path, *version,
		    STORE_SCHEMA_VERSION);
	return 0;
}

/*
 * Bring the schema to the current version, in one transaction, after a
 * backup of a database that already holds a caseload.
 */
static int
store_migrate(struct store *st, char **cause)
{
	struct rules_settings rs;
	int version, from, broken;
	char sql[96];

	if (store_check_version(st, &version, cause) != 0)
		return -1;
	if (version == STORE_SCHEMA_VERSION)
		return 0;
	if (version > 0 && !st->memory &&
	    store_backup_before(st, "schema", cause) != 0)
		return -1;
	/*
	 * Tables are rebuilt (5 -> 6) with foreign keys off, which only
	 * outside a transaction takes effect; they are checked before commit.
	 */
	if (store_exec(st, "PRAGMA foreign_keys = OFF", cause) != 0)
		return -1;
	if (store_begin(st, cause) != 0)
		goto fail_keys;
	/* Another copy of caseload may have migrated it meanwhile. */
	if (store_check_version(st, &version, cause) != 0)
		goto fail;
	from = version;
	for (; version < STORE_SCHEMA_VERSION; version++) {
		if (store_exec(st, migrations[version], cause) != 0)
			goto fail;
	}
	if (store_query_int(st, "SELECT count(*) FROM pragma_foreign_key_check",
	    &broken, cause) != 0)
		goto fail;
	if (broken != 0) {
		xfail(cause, "%s has %d rows that refer to missing rows and "
		    "cannot be brought to this caseload's schema: restore it "
		    "from a backup", st->path, broken);
		goto fail;
	}
	/*
	 * 1 -> 2 added next_due (with 8 weeks, as it says) and 3 -> 4 the
	 * other kept dates and the attempts: work them out for everyone, with
	 * the rules the file keeps its dates by.
	 */
	if (from > 0 && from < STORE_VERSION_URGENT &&
	    store_migrate_kept(st, cause) != 0)
		goto fail;
	/*
	 * A new caseload's dates follow the default first_contact_days from
	 * the start; an older file's say nothing until worked out again.
	 */
	rules_settings_default(&rs);
	snprintf(sql, sizeof sql, "INSERT INTO settings_used (key, value)"
	    " VALUES ('first_contact_days', %d)", rs.first_contact_days);
	if (from == 0 && store_exec(st, sql, cause) != 0)
		goto fail;
	snprintf(sql, sizeof sql, "PRAGMA user_version = %d",
	    STORE_SCHEMA_VERSION);
	if (store_exec(st, sql, cause) != 0 || store_commit(st, cause) != 0)
		goto fail;
	st->version = STORE_SCHEMA_VERSION;
	return store_exec(st, "PRAGMA foreign_keys = ON", cause);

fail:
	store_rollback(st);
fail_keys:
	store_exec(st, "PRAGMA foreign_keys = ON", NULL);
	return -1;
}

/*
 * Work every kept date and count out, after a migration from before
 * STORE_VERSION_URGENT, with the rules that settings_used holds now.
 */
static int
store_migrate_kept(struct store *st, char **cause)
{
	struct store_kept k;

	if (store_query_int(st, "SELECT value FROM settings_used"
	    " WHERE key = 'interval_weeks'", &k.weeks, cause) != 0 ||
	    store_query_int(st, "SELECT coalesce((SELECT value FROM"
	    " settings_used WHERE key = 'first_contact_days'), -1)", &k.first,
	    cause) != 0 ||
	    store_query_int(st, "SELECT value FROM settings_used"
	    " WHERE key = 'letter_months'", &k.letter, cause) != 0 ||
	    store_query_int(st, "SELECT value FROM settings_used"
	    " WHERE key = 'review_months'", &k.review, cause) != 0)
		return -1;
	return store_refresh_all_due(st, &k, 1, cause);
}

int
store_upgrade(struct store *st, char **cause)
{
	int rc;

	/* The file may be older than the interval it keeps (restore). */
	st->interval_weeks = 0;
	store_settling(st, 1);
	rc = store_migrate(st, cause);
	store_settling(st, 0);
	return rc == 0 ? store_load_interval(st, cause) : -1;
}

/* Read the default interval the next_due dates were worked out with. */
static int
store_load_interval(struct store *st, char **cause)
{
	struct rules_settings rs;

	/* Before schema 4, the letter and review intervals by default. */
	rules_settings_default(&rs);
	st->letter_months = rs.letter_months;
	st->review_months = rs.review_months;
	/* Before schema 2 the dates were not kept: 8 weeks, as 1 -> 2 says. */
	if (st->version == 1) {
		st->interval_weeks = 8;
		st->first_days = -1;
		return 0;
	}
	if (st->version >= STORE_VERSION_URGENT &&
	    (store_query_int(st, "SELECT value FROM settings_used"
	    " WHERE key = 'letter_months'", &st->letter_months, cause) != 0 ||
	    store_query_int(st, "SELECT value FROM settings_used"
	    " WHERE key = 'review_months'", &st->review_months, cause) != 0))
		return -1;
	/* Files from before first_contact_days do not say: -1. */
	if (store_query_int(st, "SELECT coalesce((SELECT value FROM"
	    " settings_used WHERE key = 'first_contact_days'), -1)",
	    &st->first_days, cause) != 0)
		return -1;
	return store_query_int(st, "SELECT value FROM settings_used"
	    " WHERE key = 'interval_weeks'", &st->interval_weeks, cause);
}

/*
 * 1 when the settings ask for other rules than the kept dates were worked
 * out with (and the file keeps them at all).
 */
static int
store_rules_differ(const struct store *st)
{
	if (st->interval_weeks <= 0 || st->want_weeks <= 0)
		return 0;
	return st->want_weeks != st->interval_weeks ||
	    st->want_first != st->first_days ||
	    st->want_letter != st->letter_months ||
	    st->want_review != st->review_months;
}

int
store_reload_interval(struct store *st, char **cause)
{
	return store_load_interval(st, cause);
}

/*
 * Work every kept date out again with want_weeks and want_first (in a
 * transaction).
 */
static int
store_rules_refresh(struct store *st, char **cause)
{
	struct store_kept k = { st->want_weeks, st->want_first,
	    st->want_letter, st->want_review };
	char sql[320];

	snprintf(sql, sizeof sql, "UPDATE settings_used SET value = %d"
	    " WHERE key = 'interval_weeks'; INSERT OR REPLACE INTO"
	    " settings_used (key, value) VALUES ('first_contact_days', %d),"
	    " ('letter_months', %d), ('review_months', %d)",
	    k.weeks, k.first, k.letter, k.review);
	if (store_exec(st, sql, cause) != 0 ||
	    store_refresh_all_due(st, &k, 0, cause) != 0)
		return -1;
	return 0;
}

int
store_set_rules(struct store *st, const struct rules_settings *settings,
    char **cause)
{
	st->want_weeks = settings->interval_weeks;
	st->want_first = settings->first_contact_days;
	st->want_letter = settings->letter_months;
	st->want_review = settings->review_months;
	if (!store_rules_differ(st))
		return 0;
	if (!(st->flags & STORE_READ_ONLY))
		return 0;		/* the next write brings them up to date */
	if (st->flags & STORE_AS_IS)
		return 0;		/* taken as the file has it */
	/* Read-only: work the dates out in a copy that nothing writes back. */
	return store_settle(st, 0, cause);
}

/*
 * Allow (on) or forbid again the writes that bring a read-only store's
 * copy in memory up to date; nothing else ever writes to it.
 */
static void
store_settling(struct store *st, int on)
{
	st->settling = on;
	if ((st->flags & STORE_READ_ONLY) && st->memory)
		sqlite3_exec(st->db, on ? "PRAGMA query_only = OFF" :
		    "PRAGMA query_only = ON", NULL, NULL, NULL);
}

/*
 * Bring a read-only store's copy in memory up to date: the schema (when
 * migrate) and the kept dates.
 */
static int
store_settle(struct store *st, int migrate, char **cause)
{
	int rc;

	if (store_to_memory(st, cause) != 0)
		return -1;
	store_settling(st, 1);
	if (migrate)
		rc = store_migrate(st, cause);
	else if ((rc = store_begin(st, cause)) == 0)
		rc = store_commit(st, cause);
	store_settling(st, 0);
	return rc;
}

int
store_apply_rules(struct store *st, char **cause)
{
	if (!store_rules_differ(st))
		return 0;
	if (store_begin(st, cause) != 0)
		return -1;
	return store_commit(st, cause);
}

int
store_read_only(const struct store *st)
{
	return (st->flags & STORE_READ_ONLY) != 0;
}

/* What a path names, for messages about a path that is not a file. */
static const char *
store_file_kind(mode_t mode)
{
	if (S_ISDIR(mode))
		return "a folder";
	if (S_ISCHR(mode) || S_ISBLK(mode))
		return "a device";
	if (S_ISFIFO(mode))
		return "a FIFO (named pipe)";
	if (S_ISSOCK(mode))
		return "a socket";
	return "not a regular file";
}

int
store_check_path(const char *path, int create, char **cause)
{
	struct stat sb;
	char *dir, *safe;
	int rc = 0;

	if (*path == '\0')
		return xfail(cause, "the database path is empty; give a file "
		    "name");
	safe = text_escape(path, 0);
	if (lstat(path, &sb) == 0) {
		if (S_ISLNK(sb.st_mode))
			rc = xfail(cause, "%s is a symbolic link: caseload opens "
			    "a database only by its real name, because SQLite "
			    "keeps its journal beside the name it is given; "
			    "give the file the link points to", safe);
		else if (!S_ISREG(sb.st_mode))
			rc = xfail(cause, "%s is %s, not a database file; give "
			    "a file name", safe, store_file_kind(sb.st_mode));
	} else if (errno != ENOENT && errno != ENOTDIR)
		rc = xfail(cause, "cannot open %s: %s", safe, strerror(errno));
	else if (!create) {
		dir = text_path_folder(path);
		if (stat(dir, &sb) != 0 || !S_ISDIR(sb.st_mode)) {
			char *sdir = text_escape(dir, 0);

			rc = xfail(cause, "the folder %s does not exist: check "
			    "the path of %s (caseload makes only its own "
			    "folder, ~/.local/share/caseload)", sdir, safe);
			free(sdir);
		}
		free(dir);
	}
	free(safe);
	return rc;
}

int
store_private_folder(const char *path, char **cause)
{
	char *dir = text_path_folder(path);
	struct stat sb;
	int rc = 0;

	if (lstat(dir, &sb) == 0 && S_ISDIR(sb.st_mode) &&
	    sb.st_uid == geteuid() && (sb.st_mode & 077) != 0 &&
	    chmod(dir, 0700) != 0)
		rc = xfail(cause, "the folder %s can be read by others and "
		    "cannot be made private: %s", dir, strerror(errno));
	free(dir);
	return rc;
}

void
store_one_thread(void)
{
	if (sqlite3_config(SQLITE_CONFIG_SINGLETHREAD) == SQLITE_OK)
		sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
}

/* The settings of a new connection to the database. */
static int
store_setup(struct store *st, char **cause)
{
	sqlite3_extended_result_codes(st->db, 1);
	sqlite3_busy_timeout(st->db, STORE_BUSY_MS);
	if (store_add_functions(st, cause) != 0)
		return -1;
	if (store_exec(st, "PRAGMA foreign_keys = ON", cause) != 0 ||
	    store_set_cache(st, STORE_PAGE_CACHE_KIB, cause) != 0 ||
	    store_exec(st, "PRAGMA trusted_schema = OFF", cause) != 0)
		return -1;
	if (st->flags & STORE_READ_ONLY)
		return store_exec(st, st->settling ? "PRAGMA query_only = OFF" :
		    "PRAGMA query_only = ON", cause);
	if (st->memory)
		return 0;
	return store_exec(st, "PRAGMA synchronous = FULL", cause);
}

/* Forget the prepared statements (before the connection changes). */
static void
store_cache_clear(struct store *st)
{
	size_t i;

	for (i = 0; i < STORE_CACHE_SIZE; i++) {
		if (st->cache[i].stmt != NULL)
			sqlite3_finalize(st->cache[i].stmt);
		st->cache[i].stmt = NULL;
		st->cache[i].sql = NULL;
	}
}

int
store_to_memory(struct store *st, char **cause)
{
	sqlite3 *mem = NULL;
	char sql[64];
	int rc;

	if (st->memory)
		return 0;
	if (sqlite3_open_v2(":memory:", &mem, SQLITE_OPEN_READWRITE, NULL) !=
	    SQLITE_OK) {
		sqlite3_close(mem);
		return xfail(cause, "reading %s: out of memory", st->path);
	}
	/* An in-memory copy takes the page size of the file it copies. */
	if (store_query_int(st, "PRAGMA page_size", &rc, cause) != 0) {
		sqlite3_close(mem);
		return -1;
	}
	snprintf(sql, sizeof sql, "PRAGMA page_size = %d", rc);
	sqlite3_exec(mem, sql, NULL, NULL, NULL);
	rc = store_copy_db(mem, st->db);
	if (rc != SQLITE_DONE) {
		xfail(cause, "reading %s: %s", st->path, sqlite3_errstr(rc));
		sqlite3_close(mem);
		return -1;
	}
	store_cache_clear(st);
	sqlite3_close(st->db);
	st->db = mem;
	st->memory = 1;
	return store_setup(st, cause);
}

/* A read-only store of an empty caseload, for a file not made yet. */
static int
store_open_empty(const char *path, unsigned flags, struct store **out,
    char **cause)
{
	struct store *st = xcalloc(1, sizeof *st);

	st->path = xstrdup(path);
	st->flags = flags;
	st->memory = 1;
	store_one_thread();
	if (sqlite3_open_v2(":memory:", &st->db, SQLITE_OPEN_READWRITE,
	    NULL) != SQLITE_OK) {
		xfail(cause, "opening the database: out of memory");
		goto fail;
	}
	store_settling(st, 1);
	if (store_setup(st, cause) != 0 || store_migrate(st, cause) != 0 ||
	    store_load_interval(st, cause) != 0)
		goto fail;
	store_settling(st, 0);
	*out = st;
	return 0;
fail:
	store_close(st);
	return -1;
}

/* Create the database file 0600 whatever the umask, if it is missing. */
static int
store_create_file(const char *path, char **cause)
{
	int fd;

	fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC,
	    0600);
	if (fd < 0 && errno != EEXIST)
		return xfail(cause, "cannot create %s: %s", path,
		    strerror(errno));
	if (fd >= 0) {
		fchmod(fd, 0600);
		close(fd);
	}
	return 0;
}

/*
 * A write stopped half way while the file kept a rollback journal (a
 * large import killed as it committed, store_people_journal) leaves a
 * journal that a read-only connection cannot play back
 * (SQLITE_READONLY_ROLLBACK).  Play it back through a connection that
 * may write, as SQLite does for any copy that writes: the file is then as
 * it was before that write.  A file that cannot be written is left as it
 * is (store_fail says why).
 */
static void
store_roll_back_hot(struct store *st)
{
	sqlite3 *db = NULL;

	if (sqlite3_exec(st->db, "SELECT count(*) FROM sqlite_schema", NULL,
	    NULL, NULL) == SQLITE_OK ||
	    sqlite3_extended_errcode(st->db) != SQLITE_READONLY_ROLLBACK)
		return;
	if (sqlite3_open_v2(st->path, &db, SQLITE_OPEN_READWRITE, NULL) ==
	    SQLITE_OK) {
		sqlite3_busy_timeout(db, STORE_BUSY_MS);
		sqlite3_exec(db, "SELECT count(*) FROM sqlite_schema", NULL,
		    NULL, NULL);
	}
	sqlite3_close(db);
}

int
store_open(const char *path, struct store **out, char **cause)
{
	return store_open_flags(path, 0, out, cause);
}

int
store_open_flags(const char *path, unsigned flags, struct store **out,
    char **cause)
{
	struct store *st;
	struct stat sb;
	int ro = (flags & STORE_READ_ONLY) != 0, rc;

	*out = NULL;
	if (!ro)
		flags &= ~STORE_AS_IS;
	if (store_check_path(path, 1, cause) != 0)
		return -1;
	if (lstat(path, &sb) != 0) {
		if (flags & STORE_AS_IS)
			return xfail(cause, "there is no database at %s", path);
		if (ro)
			return store_open_empty(path, flags, out, cause);
		if (store_make_dirs(path, cause) != 0 ||
		    store_create_file(path, cause) != 0)
			return -1;
	}

	st = xcalloc(1, sizeof *st);
	st->path = xstrdup(path);
	st->flags = flags;
	/*
	 * Not SQLITE_OPEN_NOFOLLOW, which refuses a link anywhere in the path
	 * (a home folder reached through a link): store_check_path refused a
	 * link as the file itself.
	 */
	store_one_thread();
	rc = sqlite3_open_v2(path, &st->db, ro ? SQLITE_OPEN_READONLY :
	    SQLITE_OPEN_READWRITE, NULL);
	if (rc != SQLITE_OK) {
		if (st->db != NULL)
			store_fail(st, cause, "opening the database");
		else
			xfail(cause, "cannot open %s", path);
		store_close(st);
		return -1;
	}
	if (ro)
		store_roll_back_hot(st);
	if (store_setup(st, cause) != 0)
		goto fail;
	if (!ro && sqlite3_db_readonly(st->db, "main") == 1) {
		xfail(cause, "%s is read-only; check its permissions and those "
		    "of its folder", path);
		goto fail;
	}
	if (store_check_version(st, &st->version, cause) != 0)
		goto fail;
	if (st->version > 0 && !(flags & STORE_AS_IS) &&
	    store_schema_refuse(st->db, path, st->version, NULL, cause) != 0)
		goto fail;
	if (ro) {
		if ((flags & STORE_AS_IS) && st->version == 0) {
			xfail(cause, "%s holds no caseload: it is empty", path);
			goto fail;
		}
		/* An older file is brought up to date in memory alone. */
		if (st->version < STORE_SCHEMA_VERSION &&
		    !(flags & STORE_AS_IS) && store_settle(st, 1, cause) != 0)
			goto fail;
		if (store_load_interval(st, cause) != 0)
			goto fail;
		*out = st;
		return 0;
	}
	if (store_migrate(st, cause) != 0 ||
	    store_load_interval(st, cause) != 0)
		goto fail;
	/*
	 * While a large import elsewhere keeps a rollback journal
	 * (store_people_journal), the log cannot be put back: that journal
	 * is as safe, this connection waits its turn to write, and the log
	 * comes back after the import or at the next open.
	 */
	if (sqlite3_exec(st->db, "PRAGMA journal_mode = WAL", NULL, NULL,
	    NULL) != SQLITE_OK && (sqlite3_errcode(st->db) & 0xff) !=
	    SQLITE_BUSY) {
		store_fail(st, cause, "database");
		goto fail;
	}
	*out = st;
	return 0;

fail:
	store_close(st);
	return -1;
}

int
store_set_cache(struct store *st, int kib, char **cause)
{
	char sql[64];

	snprintf(sql, sizeof sql, "PRAGMA cache_size = %d", -kib);
	return store_exec(st, sql, cause);
}

void
store_close(struct store *st)
{
	size_t i;

	if (st == NULL)
		return;
	for (i = 0; i < STORE_CACHE_SIZE; i++) {
		if (st->cache[i].stmt != NULL)
			sqlite3_finalize(st->cache[i].stmt);
	}
	if (st->db != NULL)
		sqlite3_close(st->db);
	store_aside_free(st);
	free(st->path);
	free(st);
}

int
store_data_version(struct store *st, long *out, char **cause)
{
	return store_query_long(st, "PRAGMA data_version", out, cause);
}
