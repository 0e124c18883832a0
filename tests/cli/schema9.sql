-- SPDX-License-Identifier: MIT
-- Turn a database of schema 10 back into schema 9, as caseload wrote it
-- before the accommodation history: for the tests that make an older
-- file from the fixture.
DROP TABLE accommodation;
DELETE FROM sqlite_sequence WHERE name = 'accommodation';
DROP INDEX people_visit_due;
ALTER TABLE people DROP COLUMN visit_due;
PRAGMA user_version = 9;
