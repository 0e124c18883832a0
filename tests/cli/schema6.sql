-- SPDX-License-Identifier: MIT
-- Turn a database of schema 7 back into schema 6, as caseload wrote it
-- before safety flags and a contact's place: for the tests that make an
-- older file from the fixture.
DROP TRIGGER contacts_fixed_record;
DROP TABLE flag_notes;
DROP TABLE flags;
ALTER TABLE contacts DROP COLUMN place;
ALTER TABLE contacts DROP COLUMN seen_alone;
PRAGMA user_version = 6;
