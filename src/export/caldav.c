/* SPDX-License-Identifier: MIT */
/*
 * caldav.c: a CalDAV collection over HTTP(S) with libcurl (caldav.h).
 *
 * One easy handle is kept for the whole publish, so that its connection
 * is reused; it is reset before each request.  PROPFIND's multistatus
 * answer is read by a small reader that knows elements by their local
 * name, whatever namespace prefix the server chose (D:, d:, none), and
 * decodes XML's entities; it needs nothing else of XML.
 */
#include <config.h>

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/wait.h>
#include <arpa/inet.h>
#include <netinet/in.h>

#include <curl/curl.h>

#include "caldav.h"
#include "cause.h"
#include "xmalloc.h"

/* What one request gathers. */
struct caldav_buffer {
	char	*data;
	size_t	 len;
};

struct caldav {
	CURL			*curl;
	char			*url;		/* the collection, ending in / */
	char			*username;
	char			*password;
	long			 timeout;
	char			 error[CURL_ERROR_SIZE];
	struct caldav_buffer	 body;		/* the answer */
	char			*etag;		/* its ETag header, or NULL */
	int			 noproxy;	/* never through a proxy */
	int			 too_big;	/* the answer passed the limit */
};

/* The most of an answer that is read: a calendar is far smaller. */
#define CALDAV_ANSWER_MAX (16 * 1024 * 1024)

/* The host of a URL is this computer: localhost, 127.0.0.0/8 or ::1. */
static int
caldav_loopback(const char *host)
{
	struct in6_addr a6;
	struct in_addr a4;
	char bare[64];
	size_t len = strlen(host);

	if (strcasecmp(host, "localhost") == 0)
		return 1;
	if (inet_pton(AF_INET, host, &a4) == 1)
		return (ntohl(a4.s_addr) >> 24) == 127;
	if (len > 2 && len < sizeof bare && host[0] == '[' &&
	    host[len - 1] == ']') {
		memcpy(bare, host + 1, len - 2);
		bare[len - 2] = '\0';
		return inet_pton(AF_INET6, bare, &a6) == 1 &&
		    IN6_IS_ADDR_LOOPBACK(&a6);
	}
	return 0;
}

int
caldav_check_url(const char *url, int allow_http, char **cause)
{
	CURLU *u;
	char *scheme = NULL, *host = NULL, *user = NULL, *password = NULL;
	int rc = -1;

	if (*url == '\0')
		return xfail(cause, "[caldav] url is not set; set it to your "
		    "calendar's address, such as https://example.org/dav/"
		    "calendars/you/caseload/");
	u = curl_url();
	if (u == NULL)
		return xfail(cause, "out of memory");
	if (curl_url_set(u, CURLUPART_URL, url, 0) != CURLUE_OK ||
	    curl_url_get(u, CURLUPART_SCHEME, &scheme, 0) != CURLUE_OK ||
	    curl_url_get(u, CURLUPART_HOST, &host, 0) != CURLUE_OK) {
		xfail(cause, "[caldav] url is not a web address; give the whole "
		    "address of the calendar, starting https://");
		goto out;
	}
	if (curl_url_get(u, CURLUPART_USER, &user, 0) == CURLUE_OK ||
	    curl_url_get(u, CURLUPART_PASSWORD, &password, 0) == CURLUE_OK) {
		xfail(cause, "[caldav] url holds a user name or password; put "
		    "the user name in [caldav] username and let "
		    "password_command give the password");
		goto out;
	}
	if (strcmp(scheme, "https") != 0 && strcmp(scheme, "http") != 0) {
		xfail(cause, "[caldav] url must start https:// (or http:// "
		    "for a server on this computer)");
		goto out;
	}
	if (strcmp(scheme, "http") == 0 && !allow_http &&
	    !caldav_loopback(host)) {
		xfail(cause, "[caldav] url is plain http:// to another "
		    "computer, which would send the password unencrypted; use "
		    "https://, or set [caldav] allow_http = yes if the network "
		    "is safe");
		goto out;
	}
	rc = 0;
out:
	curl_free(scheme);
	curl_free(host);
	curl_free(user);
	curl_free(password);
	curl_url_cleanup(u);
	return rc;
}

/* Lower-case s in place (ASCII). */
static void
caldav_lower(char *s)
{
	for (; *s != '\0'; s++)
		*s = (char)tolower((unsigned char)*s);
}

/*
 * The parts of url that say which resource it is, as new strings:
 * scheme and host lower-cased, the port as a number (the scheme's own
 * when none is given), the path (dot segments removed) percent-decoded.
 * -1 when url cannot be read or has a query or a fragment.
 */
static int
caldav_parts(CURLU *u, char **scheme, char **host, long *port, char **path)
{
	char *s = NULL, *h = NULL, *p = NULL, *n = NULL, *q = NULL;
	int rc = -1;

	*scheme = *host = *path = NULL;
	if (curl_url_get(u, CURLUPART_SCHEME, &s, 0) != CURLUE_OK ||
	    curl_url_get(u, CURLUPART_HOST, &h, 0) != CURLUE_OK ||
	    curl_url_get(u, CURLUPART_PORT, &n, CURLU_DEFAULT_PORT) !=
	    CURLUE_OK ||
	    curl_url_get(u, CURLUPART_PATH, &p, CURLU_URLDECODE) != CURLUE_OK)
		goto out;
	if (curl_url_get(u, CURLUPART_QUERY, &q, 0) == CURLUE_OK ||
	    curl_url_get(u, CURLUPART_FRAGMENT, &q, 0) == CURLUE_OK)
		goto out;
	*scheme = xstrdup(s);
	*host = xstrdup(h);
	caldav_lower(*scheme);
	caldav_lower(*host);
	*port = strtol(n, NULL, 10);
	*path = xstrdup(p);
	rc = 0;
out:
	curl_free(s);
	curl_free(h);
	curl_free(n);
	curl_free(p);
	curl_free(q);
	return rc;
}

int
caldav_normal_url(const char *url, char **out, char **scheme_out,
    char **host_out, char **cause)
{
	CURLU *u;
	char *scheme = NULL, *host = NULL, *n = NULL, *path = NULL;
	int rc = -1;

	*out = NULL;
	if ((u = curl_url()) == NULL)
		return xfail(cause, "out of memory");
	if (curl_url_set(u, CURLUPART_URL, url, 0) != CURLUE_OK ||
	    curl_url_get(u, CURLUPART_SCHEME, &scheme, 0) != CURLUE_OK ||
	    curl_url_get(u, CURLUPART_HOST, &host, 0) != CURLUE_OK ||
	    curl_url_get(u, CURLUPART_PATH, &path, 0) != CURLUE_OK) {
		xfail(cause, "[caldav] url is not a web address; give the whole "
		    "address of the calendar, starting https://");
		goto out;
	}
	caldav_lower(scheme);
	caldav_lower(host);
	/* Only a port that is not the scheme's own. */
	if (curl_url_get(u, CURLUPART_PORT, &n, CURLU_NO_DEFAULT_PORT) !=
	    CURLUE_OK)
		n = NULL;
	*out = xasprintf("%s://%s%s%s%s%s", scheme, host, n != NULL ? ":" : "",
	    n != NULL ? n : "", path, *path != '\0' &&
	    path[strlen(path) - 1] == '/' ? "" : "/");
	if (scheme_out != NULL)
		*scheme_out = xstrdup(scheme);
	if (host_out != NULL)
		*host_out = xstrdup(host);
	rc = 0;
out:
	curl_free(scheme);
	curl_free(host);
	curl_free(n);
	curl_free(path);
	curl_url_cleanup(u);
	return rc;
}

int
caldav_inside(const char *collection, const char *href, char **name)
{
	CURLU *u;
	char *s1 = NULL, *h1 = NULL, *p1 = NULL, *s2 = NULL, *h2 = NULL;
	char *p2 = NULL, *rest;
	long port1 = 0, port2 = 0;
	size_t len;
	int rc = -1;

	*name = NULL;
	if ((u = curl_url()) == NULL)
		return -1;
	if (curl_url_set(u, CURLUPART_URL, collection, 0) != CURLUE_OK ||
	    caldav_parts(u, &s1, &h1, &port1, &p1) != 0 ||
	    curl_url_set(u, CURLUPART_URL, href, 0) != CURLUE_OK ||
	    caldav_parts(u, &s2, &h2, &port2, &p2) != 0)
		goto out;
	if (strcmp(s1, s2) != 0 || strcmp(h1, h2) != 0 || port1 != port2)
		goto out;
	len = strlen(p1);
	if (len == 0 || p1[len - 1] != '/')
		goto out;
	/* The collection itself, with or without its last /. */
	if (strcmp(p1, p2) == 0 || (strlen(p2) == len - 1 &&
	    strncmp(p1, p2, len - 1) == 0)) {
		rc = 0;
		goto out;
	}
	if (strncmp(p1, p2, len) != 0)
		goto out;
	rest = p2 + len;
	if (*rest == '\0' || strchr(rest, '/') != NULL ||
	    strcmp(rest, ".") == 0 || strcmp(rest, "..") == 0)
		goto out;
	*name = xstrdup(rest);
	rc = 1;
out:
	free(s1);
	free(h1);
	free(p1);
	free(s2);
	free(h2);
	free(p2);
	curl_url_cleanup(u);
	return rc;
}

int
caldav_password(const char *command, char **out, char **cause)
{
	char *line = NULL;
	size_t size = 0;
	ssize_t n;
	FILE *f;
	int status;

	*out = NULL;
	if (command == NULL || *command == '\0')
		return xfail(cause, "[caldav] password_command is not set; set "
		    "it to a command that prints the password, such as: pass "
		    "show caseload");
	fflush(stdout);
	fflush(stderr);
	/* popen runs /bin/sh -c command. */
	if ((f = popen(command, "r")) == NULL)
		return xfail(cause, "cannot run [caldav] password_command: %s",
		    strerror(errno));
	n = getline(&line, &size, f);
	if (n < 0 && line != NULL)
		line[0] = '\0';	/* nothing read: nothing to wipe */
	/* Read the rest, so that the command is not stopped by SIGPIPE. */
	while (fgetc(f) != EOF)
		;
	status = pclose(f);
	if (n > 0 && line[n - 1] == '\n')
		line[--n] = '\0';
	if (n > 0 && line[n - 1] == '\r')
		line[--n] = '\0';
	if (status == -1 || !WIFEXITED(status) || WEXITSTATUS(status) != 0) {
		caldav_password_free(line);
		if (status != -1 && WIFEXITED(status))
			return xfail(cause, "[caldav] password_command failed "
			    "(exit status %d); try it in a shell",
			    WEXITSTATUS(status));
		return xfail(cause, "[caldav] password_command did not finish; "
		    "try it in a shell");
	}
	if (n <= 0) {
		caldav_password_free(line);
		return xfail(cause, "[caldav] password_command printed no "
		    "password; try it in a shell");
	}
	*out = line;
	return 0;
}

void
caldav_password_free(char *password)
{
	volatile char *p = password;

	if (password == NULL)
		return;
	while (*p != '\0')
		*p++ = '\0';
	free(password);
}

int
caldav_open(const char *url, const char *username, const char *password,
    int timeout, struct caldav **out, char **cause)
{
	struct caldav *dav;
	char *normal, *scheme, *host;

	*out = NULL;
	if (caldav_normal_url(url, &normal, &scheme, &host, cause) != 0)
		return -1;
	if (curl_global_init(CURL_GLOBAL_DEFAULT) != 0)
		return xfail(cause, "cannot start libcurl");
	dav = xcalloc(1, sizeof *dav);
	if ((dav->curl = curl_easy_init()) == NULL) {
		free(dav);
		free(normal);
		free(scheme);
		free(host);
		curl_global_cleanup();
		return xfail(cause, "cannot start libcurl");
	}
	dav->url = normal;
	dav->noproxy = strcmp(scheme, "http") == 0 || caldav_loopback(host);
	free(scheme);
	free(host);
	dav->username = xstrdup(username != NULL ? username : "");
	dav->password = xstrdup(password != NULL ? password : "");
	dav->timeout = timeout;
	*out = dav;
	return 0;
}

void
caldav_close(struct caldav *dav)
{
	if (dav == NULL)
		return;
	curl_easy_cleanup(dav->curl);
	curl_global_cleanup();		/* one for each curl_global_init */
	free(dav->url);
	free(dav->username);
	caldav_password_free(dav->password);
	free(dav->body.data);
	free(dav->etag);
	free(dav);
}

/* libcurl's write callback: keep the answer. */
static size_t
caldav_write(char *data, size_t size, size_t n, void *arg)
{
	struct caldav *dav = arg;
	struct caldav_buffer *b = &dav->body;

	size *= n;
	if (size > CALDAV_ANSWER_MAX - b->len) {
		dav->too_big = 1;
		return 0;	/* stops the transfer */
	}
	b->data = xreallocarray(b->data, b->len + size + 1, 1);
	memcpy(b->data + b->len, data, size);
	b->len += size;
	b->data[b->len] = '\0';
	return size;
}

/* libcurl's header callback: keep the ETag. */
static size_t
caldav_header(char *data, size_t size, size_t n, void *arg)
{
	struct caldav *dav = arg;
	size_t len = size * n, end;

	if (len > 5 && strncasecmp(data, "ETag:", 5) == 0) {
		data += 5;
		end = len - 5;
		while (end > 0 && isspace((unsigned char)*data)) {
			data++;
			end--;
		}
		while (end > 0 && isspace((unsigned char)data[end - 1]))
			end--;
		free(dav->etag);
		dav->etag = xmalloc(end + 1);
		memcpy(dav->etag, data, end);
		dav->etag[end] = '\0';
	}
	return len;
}

/* What an HTTP status means to the worker, doing what. */
static int
caldav_status_cause(long status, const char *doing, char **cause)
{
	switch (status) {
	case 401:
		return xfail(cause, "the server refused the user name or "
		    "password (401 Unauthorized) %s; check [caldav] username "
		    "and what password_command prints", doing);
	case 403:
		return xfail(cause, "the server does not let this account "
		    "change the calendar (403 Forbidden) %s; check [caldav] "
		    "url and the account's rights", doing);
	case 404:
		return xfail(cause, "there is no calendar at [caldav] url (404 "
		    "Not Found) %s; check the address, which must name a "
		    "calendar collection", doing);
	case 507:
		return xfail(cause, "the server has no room left (507 "
		    "Insufficient Storage) %s; ask its administrator, or "
		    "delete old items", doing);
	default:
		return xfail(cause, "the server answered HTTP %ld %s", status,
		    doing);
	}
}

/*
 * Send one request: method to url with headers and body (NULL for none).
 * Sets *status to the HTTP status; -1 with *cause when nothing came back.
 */
static int
caldav_request(struct caldav *dav, const char *method, const char *url,
    struct curl_slist *headers, const char *body, long *status,
    const char *doing, char **cause)
{
	CURL *c = dav->curl;
	CURLcode rc;

	*status = 0;
	free(dav->body.data);
	dav->body.data = NULL;
	dav->body.len = 0;
	free(dav->etag);
	dav->etag = NULL;
	dav->error[0] = '\0';
	dav->too_big = 0;

	curl_easy_reset(c);
	curl_easy_setopt(c, CURLOPT_URL, url);
#if LIBCURL_VERSION_NUM >= 0x075500
	curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https");
#endif
	curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
	/* Never to another address, and never the password with it. */
	curl_easy_setopt(c, CURLOPT_FOLLOWLOCATION, 0L);
	curl_easy_setopt(c, CURLOPT_UNRESTRICTED_AUTH, 0L);
	/* Plain http:// through a proxy would show it the password. */
	if (dav->noproxy)
		curl_easy_setopt(c, CURLOPT_NOPROXY, "*");
	curl_easy_setopt(c, CURLOPT_SSL_VERIFYPEER, 1L);
	curl_easy_setopt(c, CURLOPT_SSL_VERIFYHOST, 2L);
	curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT, dav->timeout < 15 ?
	    dav->timeout : 15L);
	curl_easy_setopt(c, CURLOPT_TIMEOUT, dav->timeout);
	curl_easy_setopt(c, CURLOPT_USERAGENT, "caseload/" PACKAGE_VERSION);
	curl_easy_setopt(c, CURLOPT_ERRORBUFFER, dav->error);
	if (*dav->username != '\0') {
		curl_easy_setopt(c, CURLOPT_HTTPAUTH, (long)CURLAUTH_BASIC);
		curl_easy_setopt(c, CURLOPT_USERNAME, dav->username);
		curl_easy_setopt(c, CURLOPT_PASSWORD, dav->password);
	}
	curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, caldav_write);
	curl_easy_setopt(c, CURLOPT_WRITEDATA, dav);
	curl_easy_setopt(c, CURLOPT_HEADERFUNCTION, caldav_header);
	curl_easy_setopt(c, CURLOPT_HEADERDATA, dav);
	curl_easy_setopt(c, CURLOPT_HTTPHEADER, headers);
	curl_easy_setopt(c, CURLOPT_CUSTOMREQUEST, method);
	if (body != NULL) {
		curl_easy_setopt(c, CURLOPT_POSTFIELDS, body);
		curl_easy_setopt(c, CURLOPT_POSTFIELDSIZE, (long)strlen(body));
	}
	rc = curl_easy_perform(c);
	if (dav->too_big)
		return xfail(cause, "the server's answer %s is larger than "
		    "%d MiB, far more than a calendar needs; check [caldav] "
		    "url", doing, CALDAV_ANSWER_MAX / 1024 / 1024);
	if (rc == CURLE_OPERATION_TIMEDOUT)
		return xfail(cause, "the server did not answer within %ld "
		    "seconds %s; try again later, or raise [caldav] timeout",
		    dav->timeout, doing);
	if (rc == CURLE_PEER_FAILED_VERIFICATION ||
	    rc == CURLE_SSL_CACERT_BADFILE || rc == CURLE_SSL_CONNECT_ERROR)
		return xfail(cause, "cannot trust the server's certificate %s: "
		    "%s", doing, dav->error[0] != '\0' ? dav->error :
		    curl_easy_strerror(rc));
	if (rc != CURLE_OK)
		return xfail(cause, "cannot reach the server %s: %s", doing,
		    dav->error[0] != '\0' ? dav->error :
		    curl_easy_strerror(rc));
	curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, status);
	return 0;
}

/* The collection's URL with name, percent-encoded, after it. */
static char *
caldav_item_url(const struct caldav *dav, const char *name)
{
	static const char hex[] = "0123456789ABCDEF";
	char *out, *p;
	unsigned char c;

	p = out = xmalloc(strlen(dav->url) + strlen(name) * 3 + 1);
	p = stpcpy(p, dav->url);
	for (; *name != '\0'; name++) {
		c = (unsigned char)*name;
		if (isalnum(c) || c == '-' || c == '.' || c == '_' ||
		    c == '~')
			*p++ = (char)c;
		else {
			*p++ = '%';
			*p++ = hex[c >> 4];
			*p++ = hex[c & 15];
		}
	}
	*p = '\0';
	return out;
}

/* ------------------------------------------------- reading multistatus */

/* Decode XML's entities in s[0..len) into a new string. */
static char *
caldav_xml_text(const char *s, size_t len)
{
	static const struct {
		const char	*name;
		char		 c;
	} named[] = {
		{ "amp;", '&' }, { "lt;", '<' }, { "gt;", '>' },
		{ "quot;", '"' }, { "apos;", '\'' },
	};
	char *out = xmalloc(len + 1), *p = out, *end;
	const char *stop = s + len;
	unsigned long code;
	size_t k;

	while (s < stop) {
		if (*s != '&') {
			*p++ = *s++;
			continue;
		}
		for (k = 0; k < sizeof named / sizeof named[0]; k++) {
			if ((size_t)(stop - s - 1) >= strlen(named[k].name) &&
			    strncmp(s + 1, named[k].name,
			    strlen(named[k].name)) == 0)
				break;
		}
		if (k < sizeof named / sizeof named[0]) {
			*p++ = named[k].c;
			s += 1 + strlen(named[k].name);
		} else if (s + 2 < stop && s[1] == '#') {
			code = s[2] == 'x' ? strtoul(s + 3, &end, 16) :
			    strtoul(s + 2, &end, 10);
			/* An ETag or a path is ASCII in practice. */
			*p++ = code > 0 && code < 128 ? (char)code : '?';
			s = end < stop && *end == ';' ? end + 1 : end;
		} else
			*p++ = *s++;
	}
	*p = '\0';
	return out;
}

/* Trim spaces from both ends of s, in place. */
static void
caldav_trim(char *s)
{
	size_t start = 0, end = strlen(s);

	while (end > 0 && isspace((unsigned char)s[end - 1]))
		end--;
	while (start < end && isspace((unsigned char)s[start]))
		start++;
	memmove(s, s + start, end - start);
	s[end - start] = '\0';
}

/* The last segment of a path, percent-decoded; "" for one ending in /. */
static char *
caldav_href_name(const char *href)
{
	const char *slash = strrchr(href, '/'), *s;
	char *out, *p, hex[3];

	s = slash != NULL ? slash + 1 : href;
	p = out = xmalloc(strlen(s) + 1);
	for (; *s != '\0'; s++) {
		if (*s == '%' && isxdigit((unsigned char)s[1]) &&
		    isxdigit((unsigned char)s[2])) {
			hex[0] = s[1];
			hex[1] = s[2];
			hex[2] = '\0';
			*p++ = (char)strtol(hex, NULL, 16);
			s += 2;
		} else if (*s == '?' || *s == '#')
			break;
		else
			*p++ = *s;
	}
	*p = '\0';
	return out;
}

/* One <response> being read. */
struct caldav_response {
	char	*href;
	char	*etag;
};

/* Keep a finished response as an entry, when it is an item. */
static void
caldav_keep(struct caldav_response *r, struct caldav_entry **list,
    size_t *n)
{
	struct caldav_entry *e;
	char *name;

	if (r->href != NULL) {
		name = caldav_href_name(r->href);
		if (*name != '\0') {
			*list = xreallocarray(*list, *n + 1, sizeof **list);
			e = &(*list)[(*n)++];
			e->href = r->href;
			e->name = name;
			e->etag = r->etag != NULL ? r->etag : xstrdup("");
			r->href = r->etag = NULL;
		} else
			free(name);
	}
	free(r->href);
	free(r->etag);
	r->href = r->etag = NULL;
}

int
caldav_multistatus(const char *xml, struct caldav_entry **list, size_t *n,
    char **cause)
{
	struct caldav_response r = { NULL, NULL };
	const char *p = xml, *end, *name, *colon, *text = NULL;
	char **want = NULL;
	size_t len;
	int closing, multistatus = 0;

	*list = NULL;
	*n = 0;
	while ((p = strchr(p, '<')) != NULL) {
		if (strncmp(p, "<!--", 4) == 0 || strncmp(p, "<![CDATA[", 9) ==
		    0 || p[1] == '?' || p[1] == '!') {
			if (strncmp(p, "<!--", 4) == 0)
				end = strstr(p, "-->");
			else if (strncmp(p, "<![CDATA[", 9) == 0)
				end = strstr(p, "]]>");
			else
				end = strchr(p, '>');
			if (end == NULL)
				break;
			p = end[0] == '>' ? end + 1 : end + 3;
			continue;
		}
		if ((end = strchr(p, '>')) == NULL)
			break;
		closing = p[1] == '/';
		name = p + 1 + closing;
		len = strcspn(name, " \t\r\n/>");
		/* The local name: after any prefix. */
		if ((colon = memchr(name, ':', len)) != NULL) {
			len -= (size_t)(colon + 1 - name);
			name = colon + 1;
		}
#define IS(word) (len == strlen(word) && strncmp(name, word, len) == 0)
		if (IS("multistatus"))
			multistatus = 1;
		else if (IS("response"))
			caldav_keep(&r, list, n);	/* ends one before */
		else if ((IS("href") || IS("getetag")) && end[-1] != '/') {
			if (!closing) {
				want = IS("href") ? &r.href : &r.etag;
				text = end + 1;
			} else if (want != NULL && text != NULL &&
			    p >= text) {
				/* The first href of a response is its own. */
				if (*want == NULL || want == &r.etag) {
					free(*want);
					*want = caldav_xml_text(text,
					    (size_t)(p - text));
					caldav_trim(*want);
				}
				want = NULL;
				text = NULL;
			}
		}
#undef IS
		p = end + 1;
	}
	caldav_keep(&r, list, n);
	if (!multistatus) {
		caldav_entries_free(*list, *n);
		*list = NULL;
		*n = 0;
		return xfail(cause, "the server's list of items is not a "
		    "WebDAV multistatus answer; check [caldav] url");
	}
	return 0;
}

/*
 * Judge where each of the n entries is: one directly inside the
 * collection gets its name from there; one elsewhere is marked so; the
 * collection itself is dropped.
 */
static void
caldav_place(const struct caldav *dav, struct caldav_entry *e, size_t *n)
{
	size_t k, kept = 0;
	char *name;
	int rc;

	for (k = 0; k < *n; k++) {
		rc = caldav_inside(dav->url, e[k].href, &name);
		if (rc == 0) {
			free(e[k].href);
			free(e[k].name);
			free(e[k].etag);
			continue;
		}
		if (rc == 1) {
			free(e[k].name);
			e[k].name = name;
		}
		e[k].elsewhere = rc != 1;
		e[kept++] = e[k];
	}
	*n = kept;
}

int
caldav_list(struct caldav *dav, struct caldav_entry **out, size_t *n,
    char **cause)
{
	static const char body[] =
	    "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
	    "<d:propfind xmlns:d=\"DAV:\"><d:prop><d:getetag/>"
	    "<d:resourcetype/></d:prop></d:propfind>\n";
	struct curl_slist *headers = NULL;
	long status;
	int rc;

	*out = NULL;
	*n = 0;
	headers = curl_slist_append(headers, "Depth: 1");
	headers = curl_slist_append(headers,
	    "Content-Type: application/xml; charset=utf-8");
	rc = caldav_request(dav, "PROPFIND", dav->url, headers, body, &status,
	    "listing the calendar", cause);
	curl_slist_free_all(headers);
	if (rc != 0)
		return -1;
	if (status != 207)
		return caldav_status_cause(status, "listing the calendar",
		    cause);
	if (caldav_multistatus(dav->body.data != NULL ? dav->body.data : "",
	    out, n, cause) != 0)
		return -1;
	caldav_place(dav, *out, n);
	return 0;
}

void
caldav_entries_free(struct caldav_entry *e, size_t n)
{
	size_t k;

	for (k = 0; k < n; k++) {
		free(e[k].href);
		free(e[k].name);
		free(e[k].etag);
	}
	free(e);
}

enum caldav_result
caldav_put(struct caldav *dav, const char *name, const char *text,
    const char *etag, char **new_etag, char **cause)
{
	struct curl_slist *headers = NULL;
	char *url, *line;
	long status;
	int rc;

	*new_etag = NULL;
	url = caldav_item_url(dav, name);
	headers = curl_slist_append(headers,
	    "Content-Type: text/calendar; charset=utf-8");
	line = etag != NULL ? xasprintf("If-Match: %s", etag) :
	    xstrdup("If-None-Match: *");
	headers = curl_slist_append(headers, line);
	free(line);
	rc = caldav_request(dav, "PUT", url, headers, text, &status,
	    "sending an item", cause);
	curl_slist_free_all(headers);
	free(url);
	if (rc != 0)
		return CALDAV_FAILED;
	if (status == 412)
		return CALDAV_CHANGED;
	if (status < 200 || status > 299) {
		caldav_status_cause(status, "sending an item", cause);
		return CALDAV_FAILED;
	}
	*new_etag = dav->etag;
	dav->etag = NULL;
	return CALDAV_DONE;
}

int
caldav_get(struct caldav *dav, const char *name, char **text, char **cause)
{
	char *url;
	long status;
	int rc;

	*text = NULL;
	url = caldav_item_url(dav, name);
	rc = caldav_request(dav, "GET", url, NULL, NULL, &status,
	    "reading an item", cause);
	free(url);
	if (rc != 0)
		return -1;
	if (status != 200)
		return caldav_status_cause(status, "reading an item", cause);
	*text = dav->body.data != NULL ? dav->body.data : xstrdup("");
	dav->body.data = NULL;
	dav->body.len = 0;
	return 0;
}

enum caldav_result
caldav_delete(struct caldav *dav, const char *name, const char *etag,
    char **cause)
{
	struct curl_slist *headers = NULL;
	char *url, *line;
	long status;
	int rc;

	url = caldav_item_url(dav, name);
	if (etag != NULL && *etag != '\0') {
		line = xasprintf("If-Match: %s", etag);
		headers = curl_slist_append(headers, line);
		free(line);
	}
	rc = caldav_request(dav, "DELETE", url, headers, NULL, &status,
	    "deleting an item", cause);
	curl_slist_free_all(headers);
	free(url);
	if (rc != 0)
		return CALDAV_FAILED;
	if (status == 412)
		return CALDAV_CHANGED;
	if (status == 404)
		return CALDAV_DONE;	/* gone already */
	if (status < 200 || status > 299) {
		caldav_status_cause(status, "deleting an item", cause);
		return CALDAV_FAILED;
	}
	return CALDAV_DONE;
}
