-- SPDX-License-Identifier: MIT
-- Turn a database of schema 11 back into schema 10, as caseload wrote it
-- before birthday returns: for the tests that make an older file from the
-- fixture.
DROP TABLE returns;
DELETE FROM sqlite_sequence WHERE name = 'returns';
PRAGMA user_version = 10;
