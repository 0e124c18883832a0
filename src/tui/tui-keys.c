/* SPDX-License-Identifier: MIT */
/*
 * tui-keys.c: the key table.  Every key of the full-screen interface is
 * one row here: the action, where it works, its keys, and its words for
 * help and the bottom line (calcurse's keydef[]).  Help is generated
 * from it.
 */
#include <config.h>

#include <stdio.h>
#include <wctype.h>

#include "tui-int.h"

#define K(k)		TUI_KEY(k)
/* Enter is \r (the screens turn nl off); \n is Ctrl-J, or Enter on a few. */
#define ENTER		'\r', K(KEY_ENTER), '\n'
#define MOVING		(TUI_ON_VIEWS | TUI_ON_PICK)

static const struct tui_keydef tui_keydefs[] = {
	/* Moving about: lists, pages, the agenda, help, pick lists. */
	{ TUI_UP, MOVING | TUI_ON_SEARCH, { K(KEY_UP), 'k' }, "Moving about",
	  "up one line", NULL, 0 },
	{ TUI_DOWN, MOVING | TUI_ON_SEARCH, { K(KEY_DOWN), 'j' }, "Moving about",
	  "down one line", NULL, 0 },
	{ TUI_PAGE_UP, MOVING, { K(KEY_PPAGE), TUI_CTRL('b') }, "Moving about",
	  "up one page", NULL, 0 },
	{ TUI_PAGE_DOWN, MOVING, { K(KEY_NPAGE), TUI_CTRL('f'), ' ' },
	  "Moving about", "down one page", NULL, 0 },
	{ TUI_TOP, MOVING, { K(KEY_HOME) }, "Moving about",
	  "to the top (g is the agenda)", NULL, 0 },
	{ TUI_BOTTOM, MOVING, { K(KEY_END), 'G' }, "Moving about",
	  "to the bottom", NULL, 0 },
	{ TUI_BACK, TUI_ON_PAGE | TUI_ON_AGENDA | TUI_ON_HELP | TUI_ON_LETTERS,
	  { TUI_ESC, 'q', K(KEY_LEFT) }, "Moving about", "go back", "back", 1 },
	{ TUI_QUIT, TUI_ON_LIST, { 'q' }, "Moving about",
	  "quit (on the caseload list)", "quit", 1 },
	{ TUI_CLEAR, TUI_ON_LIST, { TUI_ESC }, "Moving about",
	  "clear the search and the filter (on the caseload list)", NULL, 0 },
	{ TUI_HELP, TUI_ON_VIEWS, { '?', K(KEY_F(1)) }, "Moving about",
	  "this help, made from the key table", "help", 1 },
	{ TUI_OPEN, TUI_ON_LIST | TUI_ON_AGENDA | TUI_ON_LETTERS, { ENTER },
	  "Moving about",
	  "open the young person's page", "open", 1 },
	{ TUI_REDRAW, TUI_ON_VIEWS | TUI_ON_FORM | TUI_ON_PICK,
	  { TUI_CTRL('l') }, "Moving about", "draw the screen again", NULL, 0 },

	/* The jobs. */
	{ TUI_CONTACT, TUI_ON_LIST | TUI_ON_PAGE | TUI_ON_AGENDA | TUI_ON_LETTERS,
	  { 'c' },
	  "Jobs", "log a contact (today, a phone call, unless you change it)",
	  "contact", 1 },
	{ TUI_ADD, TUI_ON_LIST, { 'a' }, "Jobs", "add a young person", "add",
	  2 },
	{ TUI_EDIT, TUI_ON_LIST | TUI_ON_PAGE | TUI_ON_AGENDA | TUI_ON_LETTERS,
	  { 'e' }, "Jobs",
	  "edit a young person's details", "edit", 2 },
	{ TUI_STEP, TUI_ON_LIST | TUI_ON_PAGE | TUI_ON_LETTERS, { 's' }, "Jobs",
	  "step down, or step up again, with a date and a reason",
	  "step", 2 },
	{ TUI_REVIEW, TUI_ON_LIST | TUI_ON_PAGE, { 'r' }, "Jobs",
	  "record a pathway plan review", "review", 3 },
	{ TUI_STRIKE, TUI_ON_PAGE, { 'd' }, "Jobs",
	  "strike out a contact, letter or review recorded by mistake (on "
	  "their page; it stays, marked struck out)", "strike out", 3 },
	{ TUI_FLAG, TUI_ON_PAGE, { 'S' }, "Jobs",
	  "safety flags: set one (do not visit alone, MARAC...) with a note "
	  "and a date, change its note (the old one is kept), or end one (on "
	  "their page; it stays, marked ended)",
	  "flags", 3 },
	{ TUI_NOTE, TUI_ON_PAGE, { 'n' }, "Jobs",
	  "write a dated note about them: what they like to be called, what "
	  "helps, what to avoid (on their page)", "note", 3 },
	{ TUI_AROUND, TUI_ON_PAGE, { 'P' }, "Jobs",
	  "add one of the people around them: social worker, IRO, housing "
	  "officer, tutor, family (on their page)", "people", 3 },
	{ TUI_MOVED, TUI_ON_PAGE, { 'M' }, "Jobs",
	  "record a move: the type of accommodation, whether the local "
	  "authority provides it (which starts the statutory visit clock), "
	  "whether it is suitable, the address (on their page; kept as "
	  "history)", "moved", 3 },
	{ TUI_ACTION, TUI_ON_PAGE, { 'T' }, "Jobs",
	  "what was agreed: add an agreed action (what, who does it, by "
	  "when), mark one done or drop one (on their page; it stays, "
	  "marked)", "actions", 3 },
	{ TUI_RETURN, TUI_ON_PAGE, { 'R' }, "Jobs",
	  "record their birthday return (around the 17th to 21st "
	  "birthdays): in touch, main activity, full or part-time; or strike "
	  "out one recorded by mistake (on their page)", "return", 3 },
	{ TUI_SEARCH, TUI_ON_LIST, { '/' }, "Jobs",
	  "search by name or number as you type", "search", 1 },
	{ TUI_FILTER, TUI_ON_LIST, { 'f' }, "Jobs",
	  "filter: overdue, due soon, stepped up, stepped down, all, or "
	  "who lives in a type of accommodation",
	  "filter", 2 },
	{ TUI_AGENDA, TUI_ON_LIST | TUI_ON_PAGE, { 'g' }, "Jobs",
	  "agenda: contacts, letters, reviews and birthdays in the next four "
	  "weeks", "agenda", 2 },
	{ TUI_LETTERS, TUI_ON_LIST | TUI_ON_PAGE | TUI_ON_AGENDA, { 'l' }, "Jobs",
	  "annual letters: everyone stepped down with their next letter, most "
	  "overdue first", "letters", 3 },
	{ TUI_LETTER_SENT, TUI_ON_LETTERS, { 'm' }, "Jobs",
	  "mark the selected young person's annual letter sent (on the letters "
	  "view; today, unless you change the date)", "sent", 1 },
	{ TUI_WRITE_LETTERS, TUI_ON_LETTERS, { 'w' }, "Jobs",
	  "write the letters due today or overdue into a folder, one file "
	  "each from the letter template, as 'caseload letters write' does "
	  "(on the letters view)", "write", 2 },
	{ TUI_EXPORT, TUI_ON_LIST | TUI_ON_PAGE | TUI_ON_AGENDA | TUI_ON_LETTERS,
	  { 'x' }, "Jobs", "export the calendar to a file (iCalendar), as "
	  "'caseload export' does", "export", 3 },
	{ TUI_PUBLISH, TUI_ON_LIST | TUI_ON_PAGE | TUI_ON_AGENDA | TUI_ON_LETTERS,
	  { 'X' }, "Jobs", "publish the calendar to your CalDAV calendar "
	  "([caldav] url), as 'caseload publish' does", NULL, 0 },
	{ TUI_PRINT, TUI_ON_LIST | TUI_ON_LETTERS, { 'p' }, "Jobs",
	  "print the list on screen with [letters] print_command; asks first, "
	  "with names or initials only", "print", 3 },
	{ TUI_FIGURES, TUI_ON_LIST, { 'F' }, "Jobs",
	  "supervision figures: the caseload against the cap, contact within "
	  "the interval, recent contacts, letters and reviews, as 'caseload "
	  "stats' gives them", "figures", 3 },
	{ TUI_DATABASE, TUI_ON_LIST, { 'B' }, "Jobs",
	  "the database: back the caseload up to a file, restore it from a "
	  "backup, import young people another worker handed over or a "
	  "spreadsheet (CSV) holds (shown first, imported only when you say "
	  "yes), or check it, as 'caseload backup', 'restore', 'handover "
	  "import', 'import' and 'check' do", "database", 3 },
	{ TUI_HANDOVER, TUI_ON_PAGE, { 'H' }, "Jobs",
	  "hand the young person over to another worker: their whole record "
	  "to a file, as 'caseload handover export' writes it", NULL, 0 },
	{ TUI_ARCHIVE, TUI_ON_LIST | TUI_ON_PAGE | TUI_ON_LETTERS, { 'A' },
	  "Jobs", "archive a young person (25 or over, moved away, handed "
	  "over), with a reason; asks first, and s steps them up again", NULL,
	  0 },

	/* Typing a search. */
	{ TUI_SAVE, TUI_ON_SEARCH, { ENTER }, "Searching",
	  "keep the matches and go back to the list", "keep", 1 },
	{ TUI_CANCEL, TUI_ON_SEARCH, { TUI_ESC }, "Searching",
	  "clear the search", "clear", 1 },
	{ TUI_DEL_BACK, TUI_ON_SEARCH | TUI_ON_FORM,
	  { K(KEY_BACKSPACE), 127, TUI_CTRL('h') }, "Searching",
	  "rub out the character before the cursor", NULL, 0 },

	/* Forms and dialogs. */
	{ TUI_SAVE, TUI_ON_FORM, { '\r', K(KEY_ENTER) }, "Forms and dialogs",
	  "save (nothing is saved until every field is right)", "save", 1 },
	{ TUI_NEW_LINE, TUI_ON_FORM, { '\n' }, "Forms and dialogs",
	  "start a new line in a note (in any other field it saves, as Enter "
	  "does)", NULL, 0 },
	{ TUI_EDITOR, TUI_ON_FORM, { TUI_CTRL('x') }, "Forms and dialogs",
	  "write the note in your own editor ($VISUAL or $EDITOR), then come "
	  "back to the dialog with it", NULL, 0 },
	{ TUI_CANCEL, TUI_ON_FORM, { TUI_ESC }, "Forms and dialogs",
	  "cancel (asks first if you typed something)", "cancel", 1 },
	{ TUI_NEXT_FIELD, TUI_ON_FORM, { '\t', K(KEY_DOWN) },
	  "Forms and dialogs", "next field (in a note, Down goes down its lines "
	  "first)", "next field", 2 },
	{ TUI_PREV_FIELD, TUI_ON_FORM, { K(KEY_BTAB), K(KEY_UP) },
	  "Forms and dialogs", "previous field (in a note, Up goes up its lines "
	  "first)", NULL, 0 },
	{ TUI_PAGE_UP, TUI_ON_FORM, { K(KEY_PPAGE) }, "Forms and dialogs",
	  "up a boxful of lines in a note", NULL, 0 },
	{ TUI_PAGE_DOWN, TUI_ON_FORM, { K(KEY_NPAGE) }, "Forms and dialogs",
	  "down a boxful of lines in a note", NULL, 0 },
	{ TUI_LEFT, TUI_ON_FORM, { K(KEY_LEFT) }, "Forms and dialogs",
	  "move left in a field, or the previous choice", NULL, 0 },
	{ TUI_RIGHT, TUI_ON_FORM, { K(KEY_RIGHT) }, "Forms and dialogs",
	  "move right in a field, or the next choice", NULL, 0 },
	{ TUI_NEXT_CHOICE, TUI_ON_FORM, { ' ' }, "Forms and dialogs",
	  "the next choice (in a field with choices)", NULL, 0 },
	{ TUI_LINE_START, TUI_ON_FORM, { K(KEY_HOME), TUI_CTRL('a') },
	  "Forms and dialogs", "to the start of the field (or of the line, in "
	  "a note)", NULL, 0 },
	{ TUI_LINE_END, TUI_ON_FORM, { K(KEY_END), TUI_CTRL('e') },
	  "Forms and dialogs", "to the end of the field (or of the line, in a "
	  "note)", NULL, 0 },
	{ TUI_DEL_CHAR, TUI_ON_FORM, { K(KEY_DC), TUI_CTRL('d') },
	  "Forms and dialogs", "rub out the character under the cursor", NULL,
	  0 },
	{ TUI_CLEAR_FIELD, TUI_ON_FORM, { TUI_CTRL('u') }, "Forms and dialogs",
	  "clear the field", NULL, 0 },

	/* Pick lists and questions. */
	{ TUI_CHOOSE, TUI_ON_PICK, { ENTER }, "Pick lists and questions",
	  "choose", "choose", 1 },
	{ TUI_CANCEL, TUI_ON_PICK, { TUI_ESC, 'q' }, "Pick lists and questions",
	  "cancel", "cancel", 1 },
	{ TUI_YES, TUI_ON_CONFIRM, { 'y', 'Y' }, "Pick lists and questions",
	  "yes", "yes", 1 },
	{ TUI_NO, TUI_ON_CONFIRM, { 'n', 'N', TUI_ESC }, "Pick lists and questions",
	  "no", "no", 1 },
	{ TUI_INITIALS, TUI_ON_CONFIRM, { 'i', 'I' }, "Pick lists and questions",
	  "yes, with initials only instead of names (when printing)", NULL, 0 },
};
#define TUI_KEYDEF_COUNT (sizeof tui_keydefs / sizeof tui_keydefs[0])

const struct tui_keydef *
tui_keys(size_t *count)
{
	*count = TUI_KEYDEF_COUNT;
	return tui_keydefs;
}

enum tui_action
tui_key_action(int key, unsigned where)
{
	size_t i, k;

	for (i = 0; i < TUI_KEYDEF_COUNT; i++) {
		if ((tui_keydefs[i].where & where) == 0)
			continue;
		for (k = 0; k < TUI_KEYS_MAX && tui_keydefs[i].keys[k] != 0;
		    k++) {
			if (tui_keydefs[i].keys[k] == key)
				return tui_keydefs[i].action;
		}
	}
	return TUI_NONE;
}

int
tui_key_printable(int key)
{
	if (key & TUI_CODE)
		return 0;
	return key >= 0x20 && key != 0x7f && iswprint((wint_t)key);
}

const char *
tui_key_name(int key, char *buf, size_t size)
{
	static const struct {
		int		 key;
		const char	*name;
	} names[] = {
		{ K(KEY_UP), "Up" }, { K(KEY_DOWN), "Down" },
		{ K(KEY_LEFT), "Left" }, { K(KEY_RIGHT), "Right" },
		{ K(KEY_PPAGE), "PgUp" }, { K(KEY_NPAGE), "PgDn" },
		{ K(KEY_HOME), "Home" }, { K(KEY_END), "End" },
		{ K(KEY_ENTER), "Enter" }, { '\n', "Ctrl-J" }, { '\r', "Enter" },
		{ K(KEY_BACKSPACE), "Backspace" }, { 127, "Backspace" },
		{ K(KEY_DC), "Delete" }, { K(KEY_BTAB), "Shift-Tab" },
		{ K(KEY_F(1)), "F1" }, { '\t', "Tab" }, { TUI_ESC, "Esc" },
		{ ' ', "Space" },
	};
	size_t i;

	for (i = 0; i < sizeof names / sizeof names[0]; i++) {
		if (names[i].key == key) {
			snprintf(buf, size, "%s", names[i].name);
			return buf;
		}
	}
	if (!(key & TUI_CODE) && key > 0 && key < 0x20)
		snprintf(buf, size, "Ctrl-%c", key + 'A' - 1);
	else if (!(key & TUI_CODE) && key < 0x80)
		snprintf(buf, size, "%c", key);
	else
		snprintf(buf, size, "key %d", key & ~TUI_CODE);
	return buf;
}
