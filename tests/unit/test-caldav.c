/* SPDX-License-Identifier: MIT */
/*
 * test-caldav.c: the parts of the CalDAV client that need no server:
 * which addresses are taken, the password command, and reading the
 * multistatus answers servers write (with any namespace prefix).
 */
#include <config.h>

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "caldav.h"

/* url is taken (ok 1) or refused with a message holding text. */
static void
check_url(const char *url, int allow_http, int ok, const char *text)
{
	char *cause = NULL;
	int rc = caldav_check_url(url, allow_http, &cause);

	if (ok) {
		if (rc != 0)
			fail_msg("%s refused: %s", url, cause);
		assert_null(cause);
		return;
	}
	assert_int_equal(rc, -1);
	assert_non_null(cause);
	if (strstr(cause, text) == NULL)
		fail_msg("%s: '%s' lacks '%s'", url, cause, text);
	free(cause);
}

static void
test_urls(void **state)
{
	(void)state;
	check_url("https://dav.example.org/cal/", 0, 1, NULL);
	check_url("http://127.0.0.1:5232/sam/caseload/", 0, 1, NULL);
	check_url("http://127.1.2.3/cal/", 0, 1, NULL);
	check_url("http://localhost/cal/", 0, 1, NULL);
	check_url("http://[::1]:5232/cal/", 0, 1, NULL);
	check_url("http://dav.example.org/cal/", 1, 1, NULL);
	check_url("http://dav.example.org/cal/", 0, 0, "allow_http = yes");
	check_url("http://127.0.0.1.example.org/cal/", 0, 0, "allow_http");
	check_url("https://sam:secret@dav.example.org/cal/", 0, 0,
	    "user name or password");
	check_url("https://sam@dav.example.org/cal/", 0, 0, "user name");
	check_url("ftp://dav.example.org/cal/", 0, 0, "https://");
	check_url("", 0, 0, "[caldav] url is not set");
	check_url("not a url", 0, 0, "not a web address");
}

static void
test_password(void **state)
{
	char *pw = NULL, *cause = NULL;

	(void)state;
	assert_int_equal(caldav_password("printf 'first line\\nsecond\\n'",
	    &pw, &cause), 0);
	assert_string_equal(pw, "first line");
	caldav_password_free(pw);
	assert_int_equal(caldav_password("printf 'no newline'", &pw, &cause),
	    0);
	assert_string_equal(pw, "no newline");
	caldav_password_free(pw);
	assert_int_equal(caldav_password("printf 'crlf\\r\\n'", &pw, &cause),
	    0);
	assert_string_equal(pw, "crlf");
	caldav_password_free(pw);

	assert_int_equal(caldav_password("echo secret; exit 3", &pw, &cause),
	    -1);
	assert_null(pw);
	assert_non_null(strstr(cause, "exit status 3"));
	assert_null(strstr(cause, "secret"));
	free(cause);
	cause = NULL;
	assert_int_equal(caldav_password("true", &pw, &cause), -1);
	assert_non_null(strstr(cause, "printed no password"));
	free(cause);
	cause = NULL;
	assert_int_equal(caldav_password("", &pw, &cause), -1);
	assert_non_null(strstr(cause, "is not set"));
	free(cause);
	caldav_password_free(NULL);
}

/* xml lists n items: name and etag of each, in order. */
static void
check_list(const char *xml, size_t n, const char *const *names,
    const char *const *etags)
{
	struct caldav_entry *e;
	char *cause = NULL;
	size_t got, k;

	if (caldav_multistatus(xml, &e, &got, &cause) != 0)
		fail_msg("caldav_multistatus: %s", cause);
	assert_int_equal(got, n);
	for (k = 0; k < n; k++) {
		assert_string_equal(e[k].name, names[k]);
		assert_string_equal(e[k].etag, etags[k]);
	}
	caldav_entries_free(e, got);
}

static void
test_multistatus(void **state)
{
	static const char *const names[] = {
		"a-contact@caseload.ics", "team 1.ics"
	};
	static const char *const etags[] = { "\"e1\"", "\"e&2\"" };
	static const char *const bare_etags[] = { "\"e1\"", "" };
	struct caldav_entry *e;
	char *cause = NULL;
	size_t n;

	(void)state;
	/* Radicale's way: D: for DAV:, the collection first. */
	check_list("<?xml version='1.0' encoding='utf-8'?>\n"
	    "<multistatus xmlns=\"DAV:\"><response><href>/sam/cal/</href>"
	    "<propstat><prop><getetag>\"c\"</getetag></prop>"
	    "<status>HTTP/1.1 200 OK</status></propstat></response>"
	    "<response><href>/sam/cal/a-contact%40caseload.ics</href>"
	    "<propstat><prop><getetag>\"e1\"</getetag></prop></propstat>"
	    "</response><response><href>/sam/cal/team%201.ics</href>"
	    "<propstat><prop><getetag>&quot;e&amp;2&quot;</getetag></prop>"
	    "</propstat></response></multistatus>", 2, names, etags);
	/* Nextcloud's: d: prefixes, an absolute href, a comment. */
	check_list("<?xml version=\"1.0\"?>\n<d:multistatus xmlns:d=\"DAV:\" "
	    "xmlns:s=\"http://sabredav.org/ns\"><!-- <d:response> -->"
	    "<d:response><d:href>https://x.example/dav/a-contact@caseload.ics"
	    "</d:href><d:propstat><d:prop><d:getetag>\n  \"e1\"\n"
	    "</d:getetag><d:resourcetype/></d:prop></d:propstat>"
	    "</d:response><d:response><d:href>team%201.ics</d:href>"
	    "<d:propstat><d:prop><d:getetag>&#34;e&#x26;2&#34;</d:getetag>"
	    "</d:prop></d:propstat></d:response></d:multistatus>", 2, names,
	    etags);
	/* D: in capitals, and an item with no ETag (a 404 propstat). */
	check_list("<D:multistatus xmlns:D=\"DAV:\"><D:response>"
	    "<D:href>/c/a-contact%40caseload.ics</D:href><D:propstat>"
	    "<D:prop><D:getetag>\"e1\"</D:getetag></D:prop></D:propstat>"
	    "</D:response><D:response><D:href>/c/team%201.ics</D:href>"
	    "<D:propstat><D:prop><D:getetag/></D:prop><D:status>HTTP/1.1 "
	    "404 Not Found</D:status></D:propstat></D:response>"
	    "</D:multistatus>", 2, names, bare_etags);
	/* An empty collection. */
	check_list("<multistatus xmlns='DAV:'><response><href>/c/</href>"
	    "</response></multistatus>", 0, NULL, NULL);
	/* Not a multistatus at all. */
	assert_int_equal(caldav_multistatus("<html><body>Login</body></html>",
	    &e, &n, &cause), -1);
	assert_non_null(strstr(cause, "not a WebDAV multistatus"));
	free(cause);
	cause = NULL;
	assert_int_equal(caldav_multistatus("", &e, &n, &cause), -1);
	free(cause);
}

/* CDATA is skipped to its ]]>, whatever it holds. */
static void
test_cdata(void **state)
{
	static const char *const names[] = { "a-contact@caseload.ics" };
	static const char *const etags[] = { "\"e1\"" };

	(void)state;
	check_list("<d:multistatus xmlns:d=\"DAV:\"><d:response>"
	    "<d:href>/c/a-contact@caseload.ics</d:href><d:propstat><d:prop>"
	    "<d:getetag>\"e1\"</d:getetag><d:displayname><![CDATA[ a > b "
	    "<d:response><d:href>/c/evil@caseload.ics</d:href>"
	    "</d:response> ]]></d:displayname></d:prop></d:propstat>"
	    "</d:response></d:multistatus>", 1, names, etags);
}

/* inside(href): what caldav_inside says of href in the collection. */
static int
inside(const char *href, const char *want)
{
	char *name;
	int rc;

	rc = caldav_inside("http://cal.example:8080/sam/cal%201/", href,
	    &name);
	if (rc == 1)
		assert_string_equal(name, want);
	else
		assert_null(name);
	free(name);
	return rc;
}

static void
test_inside(void **state)
{
	(void)state;
	assert_int_equal(inside("/sam/cal%201/a%40caseload.ics",
	    "a@caseload.ics"), 1);
	assert_int_equal(inside("a@caseload.ics", "a@caseload.ics"), 1);
	assert_int_equal(inside("HTTP://CAL.example:8080/sam/cal%201/b.ics",
	    "b.ics"), 1);
	assert_int_equal(inside("/sam/cal%201/x/../c.ics", "c.ics"), 1);
	/* The collection itself. */
	assert_int_equal(inside("/sam/cal%201/", NULL), 0);
	assert_int_equal(inside("/sam/cal%201", NULL), 0);
	/* Elsewhere. */
	assert_int_equal(inside("http://other.example:8080/sam/cal%201/a.ics",
	    NULL), -1);
	assert_int_equal(inside("http://cal.example/sam/cal%201/a.ics", NULL),
	    -1);
	assert_int_equal(inside("https://cal.example:8080/sam/cal%201/a.ics",
	    NULL), -1);
	assert_int_equal(inside("/sam/other/a.ics", NULL), -1);
	assert_int_equal(inside("/sam/cal%201/../../etc/a.ics", NULL), -1);
	assert_int_equal(inside("../a.ics", NULL), -1);
	assert_int_equal(inside("/sam/cal%201/sub/a.ics", NULL), -1);
	assert_int_equal(inside("/sam/cal%201/x%2Fa.ics", NULL), -1);
	assert_int_equal(inside("/sam/cal%201/%2e%2e", NULL), -1);
	assert_int_equal(inside("/sam/cal%201/a.ics?x=1", NULL), -1);
	assert_int_equal(inside("/sam/cal%201a.ics", NULL), -1);
}

/* One spelling of a collection's address. */
static void
test_normal_url(void **state)
{
	static const char *const cases[][2] = {
		{ "https://Cal.Example.ORG/dav/cal", "https://cal.example.org/"
		    "dav/cal/" },
		{ "HTTPS://cal.example.org:443/dav/cal/", "https://cal.example"
		    ".org/dav/cal/" },
		{ "http://127.0.0.1:80/dav/", "http://127.0.0.1/dav/" },
		{ "http://127.0.0.1:5232/a/b/../cal", "http://127.0.0.1:5232/"
		    "a/cal/" },
		{ "https://cal.example.org", "https://cal.example.org/" },
	};
	char *out, *cause = NULL;
	size_t k;

	(void)state;
	for (k = 0; k < sizeof cases / sizeof cases[0]; k++) {
		if (caldav_normal_url(cases[k][0], &out, NULL, NULL,
		    &cause) != 0)
			fail_msg("%s: %s", cases[k][0], cause);
		assert_string_equal(out, cases[k][1]);
		free(out);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_urls),
		cmocka_unit_test(test_password),
		cmocka_unit_test(test_multistatus),
		cmocka_unit_test(test_cdata),
		cmocka_unit_test(test_inside),
		cmocka_unit_test(test_normal_url),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
