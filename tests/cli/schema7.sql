-- SPDX-License-Identifier: MIT
-- Turn a database of schema 8 back into schema 7, as caseload wrote it
-- before notes and the people around a young person: for the tests that
-- make an older file from the fixture.
DROP TABLE notes;
DROP TABLE around;
PRAGMA user_version = 7;
