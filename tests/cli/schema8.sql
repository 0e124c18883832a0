-- SPDX-License-Identifier: MIT
-- Turn a database of schema 9 back into schema 8, as caseload wrote it
-- before agreed actions: for the tests that make an older file from the
-- fixture.
DROP TABLE actions;
DELETE FROM sqlite_sequence WHERE name = 'actions';
PRAGMA user_version = 8;
