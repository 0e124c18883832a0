/* SPDX-License-Identifier: MIT */
/*
 * tui-int.h: what the files of the full-screen interface share; nobody
 * outside src/tui includes it (and nobody outside sees curses).
 *
 * The interface is one thread: wait for a key with a timeout, look the
 * key up in the key table (tui-keys.c), let the screen on top handle it,
 * then redraw once.  Screens are a stack: the caseload list at the
 * bottom, pages, forms and dialogs above it.  Each is a struct of
 * functions whose key handler returns result bits (TUI_DRAW ...).
 */
#ifndef CASELOAD_TUI_INT_H
#define CASELOAD_TUI_INT_H

#define NCURSES_WIDECHAR 1

#include <curses.h>
#include <form.h>
#include <menu.h>

#include "session.h"
#include "views.h"

/* The smallest window the screens are drawn for. */
#define TUI_MIN_COLS	80
#define TUI_MIN_LINES	24

/*
 * The database's page cache while the screens are up: they read a page
 * of the list at a time, and a count or a search goes through an index
 * once, so a small cache that is reused serves them best.
 */
#define TUI_CACHE_KIB	1024

/* How long to wait for a key before looking at signals and the database. */
#define TUI_TICK_MS	250

/*
 * A key: a character as itself, or a curses key code (KEY_UP ...) with
 * TUI_CODE set, so that the two never collide.
 */
#define TUI_CODE	0x1000000
#define TUI_KEY(k)	(TUI_CODE | (k))
#define TUI_CTRL(c)	((c) & 0x1f)
#define TUI_ESC		27

/* 1 when key is a character to be typed into a field. */
int tui_key_printable(int key);

/* Where a key works: bits of struct tui_keydef's where. */
#define TUI_ON_LIST	0x01u	/* the caseload list (home) */
#define TUI_ON_PAGE	0x02u	/* a young person's page */
#define TUI_ON_AGENDA	0x04u	/* the agenda */
#define TUI_ON_HELP	0x08u	/* this help */
#define TUI_ON_FORM	0x10u	/* forms and dialogs */
#define TUI_ON_PICK	0x20u	/* pick lists */
#define TUI_ON_SEARCH	0x40u	/* typing a search */
#define TUI_ON_CONFIRM	0x80u	/* a yes/no question */
#define TUI_ON_LETTERS	0x100u	/* the annual letters */
#define TUI_ON_VIEWS	(TUI_ON_LIST | TUI_ON_PAGE | TUI_ON_AGENDA | \
			 TUI_ON_HELP | TUI_ON_LETTERS)

enum tui_action {
	TUI_NONE,
	TUI_UP, TUI_DOWN, TUI_PAGE_UP, TUI_PAGE_DOWN, TUI_TOP, TUI_BOTTOM,
	TUI_OPEN, TUI_BACK, TUI_QUIT, TUI_CLEAR,
	TUI_CONTACT, TUI_ADD, TUI_EDIT, TUI_STEP, TUI_REVIEW, TUI_STRIKE,
	TUI_SEARCH, TUI_FILTER, TUI_AGENDA, TUI_HELP, TUI_REDRAW,
	TUI_SAVE, TUI_CANCEL, TUI_NEXT_FIELD, TUI_PREV_FIELD,
	TUI_LEFT, TUI_RIGHT, TUI_NEXT_CHOICE, TUI_LINE_START, TUI_LINE_END,
	TUI_DEL_BACK, TUI_DEL_CHAR, TUI_CLEAR_FIELD,
	TUI_CHOOSE, TUI_YES, TUI_NO,
	TUI_LETTERS, TUI_LETTER_SENT, TUI_EXPORT, TUI_PRINT, TUI_ARCHIVE,
	TUI_INITIALS, TUI_FIGURES, TUI_DATABASE, TUI_HANDOVER,
	TUI_WRITE_LETTERS, TUI_NEW_LINE, TUI_EDITOR, TUI_PUBLISH, TUI_FLAG,
	TUI_NOTE, TUI_AROUND, TUI_ACTION, TUI_MOVED,
	TUI_RETURN
};

#define TUI_KEYS_MAX 4

/* One row of the key table: an action, its keys, and how it is shown. */
struct tui_keydef {
	enum tui_action	 action;
	unsigned	 where;		/* TUI_ON_... */
	int		 keys[TUI_KEYS_MAX];	/* 0 ends the list */
	const char	*section;	/* heading in help */
	const char	*label;		/* what it does, for help */
	const char	*hint;		/* for the bottom line; NULL if not shown */
	int		 rank;		/* bottom line: 1 always, 2 if it */
					/* fits, 3 if room is left after 2 */
};

/* The key table, in the order help lists it. */
const struct tui_keydef *tui_keys(size_t *count);

/* The action of key where it is pressed, or TUI_NONE. */
enum tui_action tui_key_action(int key, unsigned where);

/* A key's name as help shows it ("Enter", "PgDn", "k"), into buf. */
const char *tui_key_name(int key, char *buf, size_t size);

/* Result bits of a screen's key handler. */
#define TUI_DONE	0x00	/* handled; nothing to redraw */
#define TUI_DRAW	0x01	/* redraw */
#define TUI_CLOSE	0x02	/* close this screen */
#define TUI_CLOSE_BELOW	0x04	/* ... and the one beneath it */
#define TUI_EXIT	0x08	/* leave caseload */
#define TUI_PASS	0x10	/* not handled here: the loop's own keys */

struct tui;
struct tui_screen;

/* What a screen does: a struct of functions (htop's panels). */
struct tui_screen_ops {
	const char	*name;
	unsigned	 where;		/* TUI_ON_... for the key table */
	int		 overlay;	/* drawn over the screen beneath */
	/* Draw into stdscr or the screen's own windows (wnoutrefresh only). */
	void		(*draw)(struct tui *, struct tui_screen *);
	/* Handle a key; returns result bits. */
	int		(*key)(struct tui *, struct tui_screen *, int key);
	/* The window changed size (at least TUI_MIN_COLS x TUI_MIN_LINES). */
	void		(*resize)(struct tui *, struct tui_screen *);
	/* Free what the screen holds (and the data pointer). */
	void		(*free)(struct tui_screen *);
};

struct tui_screen {
	const struct tui_screen_ops	*ops;
	void				*data;
	unsigned			 where;	/* ops->where, or changed */
	WINDOW				*frame;	/* its own window, or NULL */
	WINDOW				*input;	/* keys and cursor; NULL: stdscr */
	int				 cursor; /* show the cursor */
};

#define TUI_STACK_MAX 16

/* Styles, as colour or (monochrome) attributes. */
enum tui_style {
	STYLE_NORMAL, STYLE_OVERDUE, STYLE_SOON, STYLE_DOWN, STYLE_HEADER,
	STYLE_TITLE, STYLE_ERROR, STYLE_DIM, STYLE_FIELD, STYLE_SELECTED,
	STYLE_OK
};

/* The whole interface. */
/*
 * The screens' state.  The settings, today and the database are the
 * session's (ses->cfg, ses->today, ses->st), never copies, so that a new
 * day or a restore is seen everywhere at once.
 */
struct tui {
	struct session			*ses;
	struct due_counts		 counts; /* of the whole caseload */
	long				 last_id; /* the highest number */
	struct due_row			 row;	/* tui_row's, or person NULL */
	int				 first_drawn; /* first screen up */
	unsigned			 generation; /* bumped by every change */
	long				 data_version;
	struct tui_screen		*stack[TUI_STACK_MAX];
	int				 depth;
	int				 colour;
	int				 dirty;
	int				 too_small;
	char				*message;	/* the status line */
	int				 message_error;
	int				 message_box;	/* too long: in a box */
	int				 cursor_y, cursor_x; /* on stdscr, or -1 */
	char				*export_file;	/* as last typed, or NULL */
	int				 export_days;
	char				*letters_dir;	/* as last typed, or NULL */
};

/* tui.c */
/* A new window with keys and the loop's timeout set up; free with delwin. */
WINDOW *tui_window(int rows, int cols, int y, int x);
/* Open a screen on top; the stack owns data and frees it with ops->free. */
void tui_push(struct tui *t, const struct tui_screen_ops *ops, void *data);
/*
 * Say something on the status line until the next key (escaped there);
 * a message too long for the line is shown whole in a box, which the
 * next key closes (the key then does its work, as after a short one).
 */
void tui_message(struct tui *t, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* The same for something that went wrong, such as a database error. */
void tui_error(struct tui *t, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* The attributes of a style: colour, or bold, dim and reverse without. */
attr_t tui_style(const struct tui *t, enum tui_style style);
/* Rows of the body: between the header and the status line. */
int tui_body_top(void);
int tui_body_rows(void);
/* A date as text that date_parse reads back: the shown form, or ISO. */
void tui_date_input(const struct tui *t, date_t date, char *out, size_t size);
/*
 * Write s at y, x of win fitted to exactly cols columns (padded, cut
 * with an ellipsis, control characters escaped).
 */
void tui_put(WINDOW *win, int y, int x, int cols, attr_t attr, const char *s);
/*
 * Split s (which may hold newlines) into lines of at most cols columns,
 * at spaces where it can; calls cb for each line.
 */
void tui_wrap(const char *s, int cols, void (*cb)(const char *line,
    void *arg), void *arg);
/*
 * Leave the screen for a program that needs the terminal (def_prog_mode,
 * endwin), and come back to it (reset_prog_mode, then a full redraw).
 */
void tui_suspend(struct tui *t);
void tui_resume(struct tui *t);
/* 1 when a signal asked caseload to stop. */
int tui_interrupted(void);
/*
 * The caseload changed: the counts are read again and every screen
 * reads what it shows again when next drawn; 0 or -1.
 */
int tui_changed(struct tui *t);
/*
 * Young person id's row of the due list, read from the database; valid
 * until the next call.  NULL when there is no such person, or after an
 * error (shown on the status line).
 */
const struct due_row *tui_row(struct tui *t, long id);

/* tui-list.c: the caseload list, the home screen. */
extern const struct tui_screen_ops tui_list_ops;
void *tui_list_new(struct tui *t);
/* Select person id on the list (after adding them). */
void tui_list_select(struct tui *t, long id);

/* tui-person.c: a young person's page. */
void tui_person_open(struct tui *t, long id);

/* tui-agenda.c */
void tui_agenda_open(struct tui *t);

/* tui-letters.c: the annual letters of those who have stepped down. */
void tui_letters_open(struct tui *t);

/* tui-export.c: the calendar, written to a file as 'caseload export'. */
void tui_export_dialog(struct tui *t);
/*
 * Publish the calendar to [caldav] url (X), as 'caseload publish' does,
 * through the same job, and say what it did on the status line.
 */
void tui_publish(struct tui *t);
/*
 * A path as typed in a form, "~" or a leading "~/" meaning the home
 * folder; a new string the caller frees, or NULL when HOME is not set.
 */
char *tui_path(const char *typed);
/*
 * The path a screen offers for a new file called name: "~/name", or in
 * a demo caseload name inside the demo's own throwaway folder, so that
 * trying the demo never writes over the worker's real files.  A new
 * string the caller frees.
 */
char *tui_offer_path(const struct tui *t, const char *name);

/* tui-letters-write.c: write the letters due, as 'caseload letters write'. */
void tui_letters_write_dialog(struct tui *t);

/*
 * tui-print.c: print a list as 'caseload due --print' and 'letters
 * --print' do, after asking (with names, or initials only).  The due
 * list prints the rows that filter and search pick (read from the
 * database as they are printed); subset says which, for the title (or
 * NULL).
 */
void tui_print_due(struct tui *t, enum views_filter filter,
    const char *search, const char *subset);
void tui_print_letters(struct tui *t, const struct letter_list *list);

/* tui-help.c */
void tui_help_open(struct tui *t);

/* tui-database.c */
/*
 * Back the caseload up, restore it, or import a handover file, as the
 * commands do (a pick list).
 */
void tui_database_open(struct tui *t);
/* tui-return.c */
/* Record young person id's birthday return, as 'caseload return'. */
void tui_return_dialog(struct tui *t, long id);

/* Hand young person id over to a file, as 'caseload handover export'. */
void tui_handover_dialog(struct tui *t, long id);
/* Import a handover file, as 'caseload handover import', after asking. */
void tui_handover_import_dialog(struct tui *t);

/*
 * tui-report.c: show text to read in a box over the screen beneath: body
 * (which may hold newlines; a line starting with two spaces is an item of
 * a list) wrapped to the box and scrolled when longer than it, then
 * verdict (or NULL) in style, always in sight.  Esc, q or
 * Enter closes it.  The strings are copied.
 */
void tui_report(struct tui *t, const char *title, const char *body,
    const char *verdict, enum tui_style style);

/* tui-figures.c */
/* Open the supervision figures, as 'caseload stats' gives them. */
void tui_figures_open(struct tui *t);

/* tui-form.c: forms (the FORM library) and the add and edit forms. */
/*
 * FIELD_LINES is a box of several lines (a note: tui-textbox.c), as many
 * rows high as the screen leaves room for, from 3 to 8; its width is
 * that of the dialog, up to width, and max is in bytes.
 */
enum tui_field_kind { FIELD_TEXT, FIELD_CHOICE, FIELD_LINES };

struct tui_field_spec {
	const char		*label;
	enum tui_field_kind	 kind;
	int			 width;		/* columns on screen */
	int			 max;		/* characters at most (text) */
	const char *const	*choices;	/* FIELD_CHOICE: NULL-terminated */
	const char		*hint;		/* beside the field, or NULL */
	int			 joined;	/* errors shown under the next */
};

struct tui_form;

/*
 * What a form does when the worker saves: read the values, check them,
 * write.  Return 0 to close the form, or -1 to keep it open (after
 * setting errors beside fields with tui_form_error, or a database error
 * with tui_error).
 */
typedef int (*tui_form_save_cb)(struct tui *, struct tui_form *, void *arg);

/*
 * Open a form of n fields with their first values (NULL for "", or the
 * choice's text); dialog draws it as a box over the screen beneath,
 * otherwise as a page.  intro is shown above the fields (may be NULL).
 * arg is freed with free_arg when the form closes.
 */
void tui_form_open(struct tui *t, const char *title, const char *intro,
    const struct tui_field_spec *specs, size_t n, const char *const *values,
    int dialog, const char *save_label, tui_form_save_cb save, void *arg,
    void (*free_arg)(void *));

/* The text of field i, trimmed (caller frees); for choices, the index. */
char *tui_form_value(struct tui_form *f, size_t i);
int tui_form_choice(struct tui_form *f, size_t i);
/* 1 when field i is as it was when the form opened. */
int tui_form_unchanged(struct tui_form *f, size_t i);
/* Show an error beside field i (NULL clears it). */
void tui_form_error(struct tui_form *f, size_t i, const char *msg);

/*
 * What the dialogs share (tui-dialog.c).  tui_dialog_date reads date
 * field i of f into *on: 0, or -1 after an error beside it.
 * tui_dialog_failed says a job that was not done: a refused input beside
 * field i (when i is not -1), anything else on the status line; it frees
 * *cause and what r holds and returns -1, for a save function to return.
 */
struct job_result;
int tui_dialog_date(struct tui *t, struct tui_form *f, size_t i,
    date_t *on);
int tui_dialog_failed(struct tui *t, struct tui_form *f, int i,
    struct job_result *r, char **cause);

/* Add (id 0) or edit young person id. */
void tui_person_form(struct tui *t, long id);

/* tui-dialog.c: the small jobs. */
void tui_contact_dialog(struct tui *t, long id);
void tui_step_dialog(struct tui *t, long id);
void tui_review_dialog(struct tui *t, long id);
void tui_strike_dialog(struct tui *t, long id);
void tui_letter_sent_dialog(struct tui *t, long id);
void tui_archive_dialog(struct tui *t, long id);
/*
 * Ask a yes/no question over the screen beneath; on yes, close that
 * screen too (used to confirm throwing away typed text).
 */
void tui_confirm_discard(struct tui *t, const char *question);
/*
 * Ask a question in a box titled title, the keys to answer it explained
 * in answers; y calls cb with TUI_YES (and i with TUI_INITIALS when
 * initials is 1), n or Esc just closes the box.  cb returns result bits
 * for the box (TUI_CLOSE_BELOW to close the screen beneath too).  arg is
 * freed with free_arg when the box closes.
 */
typedef int (*tui_ask_cb)(struct tui *, enum tui_action answer, void *arg);
void tui_ask(struct tui *t, const char *title, const char *question,
    const char *answers, int initials, tui_ask_cb cb, void *arg,
    void (*free_arg)(void *));

/*
 * tui-textbox.c: a box of several lines to type into.  The text keeps
 * the worker's own line breaks and only those: it is wrapped to the box
 * only when shown.
 */
struct tui_textbox;

/* What tui_textbox_draw showed: for a scroll indicator and the cursor. */
struct tui_textbox_view {
	size_t	lines;		/* lines the text takes in the box */
	size_t	top;		/* the first shown */
	int	cursor_y, cursor_x;
};

/* A box holding text (NULL for none), of at most max bytes; caller frees. */
struct tui_textbox *tui_textbox_new(const char *text, size_t max);
void tui_textbox_free(struct tui_textbox *tb);
/* Put text in the box instead of what it held, the cursor at its end. */
void tui_textbox_set(struct tui_textbox *tb, const char *text);
/*
 * The text as it is to be kept: each line without the spaces after it,
 * no blank lines at the start or end.  The caller frees it.
 */
char *tui_textbox_value(const struct tui_textbox *tb);
/* The text exactly as typed, valid until the box changes. */
const char *tui_textbox_text(const struct tui_textbox *tb);
/*
 * Handle a key in a box shown rows high and cols wide: TUI_DRAW, or
 * TUI_PASS for a key that is not the box's (Up on its first line, Down
 * on its last, Enter, Tab, Esc ...).  *full is set to 1 when a
 * character did not go in because the box holds max bytes already.
 */
int tui_textbox_key(struct tui_textbox *tb, int key, int rows, int cols,
    int *full);
/*
 * Draw the box at y, x of win, rows by cols, scrolled so that the
 * cursor shows; says in *view where the cursor is and what shows.
 */
void tui_textbox_draw(struct tui_textbox *tb, WINDOW *win, int y, int x,
    int rows, int cols, attr_t attr, struct tui_textbox_view *view);
/*
 * Write the text of the box in the worker's own editor ($VISUAL, else
 * $EDITOR, else vi), the screens put away meanwhile, from a temporary
 * file of mode 0600 that is removed afterwards.  0 with *text what the
 * file held after (without a newline at its end; \r\n read as \n), for
 * the caller to free and put in the box; -1 with *cause when the editor
 * could not run or failed (the box is then as it was).
 */
int tui_textbox_edit(struct tui *t, const struct tui_textbox *tb,
    char **text, char **cause);

/* tui-flag.c: safety flags. */
/*
 * The marker and a space ("⚑ ", or "F " when the user's locale is not
 * UTF-8) before the name of a young person with a current safety flag
 * (flagged not 0), else "".  Static.
 */
const char *tui_flag_mark(const struct tui *t, int flagged);
/* Set a safety flag on young person id, or end one of theirs. */
void tui_flag_dialog(struct tui *t, long id);

/* tui-around.c: notes about a young person and the people around them. */
/* Write a dated note about young person id (n on their page). */
void tui_note_dialog(struct tui *t, long id);
/* Add one of the people around young person id (P on their page). */
void tui_around_dialog(struct tui *t, long id);

/* On a page, M: record a move (tui-moved.c). */
void tui_moved_dialog(struct tui *t, long id);

/*
 * The agreed actions dialog of young person id (T on their page): add
 * one, mark an open one done or drop it, through the same jobs as
 * 'caseload action'.
 */
void tui_action_dialog(struct tui *t, long id);

/* tui-pick.c: pick lists (the MENU library). */
typedef int (*tui_pick_cb)(struct tui *, size_t chosen, void *arg);
/*
 * Offer n choices; when one is chosen, close the list and call cb.
 * arg is freed with free_arg when the list closes.
 */
void tui_pick_open(struct tui *t, const char *title, const char *const *items,
    size_t n, size_t selected, tui_pick_cb cb, void *arg,
    void (*free_arg)(void *));

/* A scrolling list of lines shared by the page, the agenda and help. */
struct tui_lines {
	struct tui_line	*lines;
	size_t		 n, size;
	size_t		 top;		/* first line shown */
	size_t		 selected;	/* with selectable lines */
	int		 selectable;	/* move a selection, not the view */
	/* Writes a line whose text is NULL, when drawn (long lists). */
	void		(*format)(void *ctx, const struct tui_line *line,
			    char *buf, size_t size);
	void		*ctx;
};

struct tui_line {
	char		*text;		/* NULL: made by the lines' format */
	size_t		 item;		/* for format: which of the owner's */
	enum tui_style	 style;
	long		 id;		/* a young person, or 0 */
	int		 marker;	/* a text marker in column 0, or 0 */
};

void tui_lines_add(struct tui_lines *l, enum tui_style style, long id,
    int marker, const char *fmt, ...) __attribute__((format(printf, 5, 6)));
void tui_lines_clear(struct tui_lines *l);
/* Make room for n more lines at once (a long agenda grows once). */
void tui_lines_reserve(struct tui_lines *l, size_t n);
/* Add a line written only when drawn, by l->format (with item). */
void tui_lines_add_item(struct tui_lines *l, enum tui_style style, long id,
    int marker, size_t item);
void tui_lines_draw(struct tui *t, struct tui_lines *l, int y, int rows);
/* Move for a key action; returns TUI_DRAW, or TUI_PASS if not a move. */
int tui_lines_move(struct tui_lines *l, enum tui_action action, int rows);
/* The young person on the selected line, or 0. */
long tui_lines_selected(const struct tui_lines *l);

#endif
