/* SPDX-License-Identifier: MIT */
/*
 * caldav.h: a CalDAV calendar collection over HTTP(S), with libcurl: list
 * its items and their ETags (PROPFIND), put an item (PUT, new or in
 * place of the version whose ETag is known) and delete one.
 *
 * HTTPS is verified; plain http:// is taken only for this computer
 * (localhost, 127.0.0.0/8, ::1) unless allowed.  The password is handed
 * to libcurl and never to a command line or a message.
 */
#ifndef CASELOAD_CALDAV_H
#define CASELOAD_CALDAV_H

#include <stddef.h>

struct caldav;

/* What a request came to. */
enum caldav_result {
	CALDAV_DONE,		/* 2xx */
	CALDAV_CHANGED,		/* 412: the item is not as expected */
	CALDAV_FAILED		/* anything else: *cause says what */
};

/* One item of the collection, as PROPFIND listed it. */
struct caldav_entry {
	char	*href;		/* as the server wrote it, decoded of XML */
	char	*name;		/* its last path segment, percent-decoded */
	char	*etag;		/* "" when the server gave none */
	int	 elsewhere;	/* not directly inside the collection:
				 * never to be touched */
};

/*
 * Check url before anything is sent: http or https, a host, no user name
 * or password in it, and http:// only to this computer unless
 * allow_http.  0, or -1 with *cause saying what to change.
 */
int caldav_check_url(const char *url, int allow_http, char **cause);

/*
 * Run command with /bin/sh -c and set *out to the first line of what it
 * writes (the caller wipes and frees it with caldav_password_free).  -1
 * with *cause when it cannot run, fails or writes nothing.
 */
int caldav_password(const char *command, char **out, char **cause);
void caldav_password_free(char *password);

/*
 * Get ready to talk to the collection at url (checked; made one
 * spelling, caldav_normal_url) as username
 * ("" for none) with password (copied), each request given timeout
 * seconds in all.  Free with caldav_close.
 */
int caldav_open(const char *url, const char *username, const char *password,
    int timeout, struct caldav **out, char **cause);
void caldav_close(struct caldav *dav);

/*
 * List the collection's items (PROPFIND, Depth 1), not the collection
 * itself, into a new array *out of *n (free with caldav_entries_free).
 * An entry whose href is not directly inside the collection (another
 * host, port or scheme, another folder) is marked elsewhere.  Answers
 * larger than 16 MiB are refused.  Requests never follow a redirect,
 * and plain http:// (or any request to this computer) never goes
 * through a proxy.
 */
int caldav_list(struct caldav *dav, struct caldav_entry **out, size_t *n,
    char **cause);
void caldav_entries_free(struct caldav_entry *e, size_t n);

/*
 * The collection's address url made one spelling: scheme and host in
 * lower case, the scheme's own port left out, the path ending in / (a
 * new string in *out; with scheme and host, when not NULL, new strings
 * too).  -1 with *cause when url cannot be read.
 */
int caldav_normal_url(const char *url, char **out, char **scheme,
    char **host, char **cause);

/*
 * Where href (as a server listed it, resolved against collection, which
 * ends in /) is: 1 directly inside the collection, with the same scheme,
 * host and port and one more path segment (percent-decoded into a new
 * *name, never empty, "." or ".." and never holding a /); 0 the
 * collection itself; -1 anywhere else, or unreadable.
 */
int caldav_inside(const char *collection, const char *href, char **name);

/*
 * Read a WebDAV multistatus answer (the body of PROPFIND's 207): each
 * response's href and getetag, known by their local names whatever the
 * namespace prefix (D:, d:, none), XML's entities decoded; a response
 * whose href ends in / (the collection) is left out.  Comments,
 * processing instructions and CDATA are passed over.  -1 with *cause
 * when xml is not a multistatus.
 */
int caldav_multistatus(const char *xml, struct caldav_entry **out,
    size_t *n, char **cause);

/*
 * PUT text (an iCalendar object) as name in the collection: only when
 * nothing is there with etag NULL, or only in place of that version.
 * *new_etag is the server's ETag for it, or NULL when it gave none (the
 * caller frees it).
 */
enum caldav_result caldav_put(struct caldav *dav, const char *name,
    const char *text, const char *etag, char **new_etag, char **cause);

/*
 * GET the item called name, inside the collection (never where an href
 * points), into *text (the caller frees it).
 */
int caldav_get(struct caldav *dav, const char *name, char **text,
    char **cause);

/*
 * DELETE the item called name, inside the collection, if it is still
 * that version (etag).
 */
enum caldav_result caldav_delete(struct caldav *dav, const char *name,
    const char *etag, char **cause);

#endif
