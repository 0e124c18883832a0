/* SPDX-License-Identifier: MIT */
/*
 * paths.c: where caseload keeps its database and settings (XDG).
 */
#include <config.h>

#include <stdlib.h>

#include "cause.h"
#include "conf.h"
#include "xmalloc.h"

/* $var/leaf, or $HOME/fallback/leaf; NULL with *cause. */
static char *
conf_xdg_path(const char *var, const char *fallback, const char *leaf,
    char **cause)
{
	const char *base = getenv(var), *home;

	if (base != NULL && base[0] == '/')
		return xasprintf("%s/caseload/%s", base, leaf);
	home = getenv("HOME");
	if (home == NULL || home[0] != '/') {
		xfail(cause, "neither %s nor HOME is set; give the file with "
		    "--db and --config", var);
		return NULL;
	}
	return xasprintf("%s/%s/caseload/%s", home, fallback, leaf);
}

char *
conf_default_db_path(char **cause)
{
	return conf_xdg_path("XDG_DATA_HOME", ".local/share", "caseload.db",
	    cause);
}

char *
conf_default_config_path(char **cause)
{
	return conf_xdg_path("XDG_CONFIG_HOME", ".config", "caseload.ini",
	    cause);
}
