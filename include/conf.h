/* SPDX-License-Identifier: MIT */
/*
 * conf.h: settings, read from caseload.ini with iniparser.
 *
 * Every setting is one row of a table (section, key, type, default,
 * range, help); loading, validation, --print-config and the manual page
 * all follow it.  A missing file means the defaults.
 */
#ifndef CASELOAD_CONF_H
#define CASELOAD_CONF_H

#include <stddef.h>
#include <stdio.h>

#include "date.h"
#include "rules.h"

enum conf_privacy { PRIVACY_INITIALS, PRIVACY_FULL };
enum conf_contacts_as { CONTACTS_AS_EVENT, CONTACTS_AS_TODO };
enum conf_colour { COLOUR_AUTO, COLOUR_ALWAYS, COLOUR_NEVER };

struct config {
	char			*worker_name;	/* "" when not set */
	char			*worker_title;
	char			*worker_phone;
	char			*worker_email;
	char			*worker_office;	/* may hold newlines */
	char			*worker_about;	/* up to three lines */
	struct rules_settings	 rules;
	char			*letters_template; /* "" = the installed one */
	char			*print_command;
	int			 privacy;	/* enum conf_privacy */
	int			 alarm_days_before;
	int			 contacts_as;	/* enum conf_contacts_as */
	int			 alarm_time;	/* minutes after midnight */
	char			*extra_holidays; /* as written: "" for none */
	date_t			*holidays;	/* read from it; the config owns
						 * them, rules.holidays points
						 * at them */
	char			*caldav_url;	/* "" when not set */
	char			*caldav_username;
	char			*caldav_password_command;
	int			 caldav_allow_http; /* 0 no, 1 yes */
	int			 caldav_timeout; /* seconds, in all */
	int			 colour;	/* enum conf_colour */
	char			*date_format;
	int			 csv_bom;	/* 1: CSV starts with a BOM */
	int			 backup_keep;
};

enum conf_type {
	CONF_STRING,		/* one line of text */
	CONF_TEXT,		/* text where \n starts a new line */
	CONF_INT,		/* a whole number in [min, max] */
	CONF_CHOICE,		/* one of choices */
	CONF_DATE_FORMAT,	/* a strftime format for dates */
	CONF_TIME,		/* a time of day, HH:MM: minutes after midnight */
	CONF_DATES		/* a list of dates (holiday_parse_list), read
				 * into holidays and rules.holidays: the one
				 * list, [calendar] extra_holidays */
};

/* One row of the settings table. */
struct conf_entry {
	const char		*section;
	const char		*key;
	enum conf_type		 type;
	const char		*def;		/* the default, as written in the file */
	int			 min, max;	/* CONF_INT; max lines for CONF_TEXT */
	const char *const	*choices;	/* CONF_CHOICE, NULL-terminated */
	size_t			 offset;	/* of the field in struct config */
	const char		*help;
};

/* The settings table: its rows and how many there are. */
const struct conf_entry *conf_table(size_t *count);

/* Fill cfg with every default.  Free with conf_free. */
void conf_defaults(struct config *cfg);

/*
 * Read the settings file at path over the defaults already in cfg.  When
 * the file does not exist, this is not an error unless must_exist is 1.
 * On error cfg keeps its defaults and *cause says what was wrong: the
 * file and line of a syntax error, or the file, the key and what is
 * expected of a bad value.
 */
int conf_load(struct config *cfg, const char *path, int must_exist,
    char **cause);

/* Free the strings of cfg; conf_free(NULL) does nothing. */
void conf_free(struct config *cfg);

/* Write cfg as a settings file that conf_load reads back. */
void conf_print(const struct config *cfg, FILE *f);

/* The value of one setting as it would be written in the file. */
char *conf_value(const struct config *cfg, const struct conf_entry *e);

/*
 * The default paths: $XDG_DATA_HOME/caseload/caseload.db and
 * $XDG_CONFIG_HOME/caseload/caseload.ini, falling back on ~/.local/share
 * and ~/.config.  Return a new string, or NULL with *cause when neither
 * the XDG variable nor HOME is set.
 */
char *conf_default_db_path(char **cause);
char *conf_default_config_path(char **cause);

#endif
