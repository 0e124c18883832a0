/* SPDX-License-Identifier: MIT */
/*
 * letter.c: annual contact letters: reading and filling templates, and
 * saving each letter as a private file.
 */
#include <config.h>

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cause.h"
#include "letter.h"
#include "rules.h"
#include "target.h"
#include "tempfile.h"
#include "text.h"
#include "xmalloc.h"

#ifndef CASELOAD_DATADIR
#define CASELOAD_DATADIR "/usr/local/share/caseload"
#endif
#define LETTER_INSTALLED	CASELOAD_DATADIR "/letter.txt"

#define LETTER_TEMPLATE_MAX	(64 * 1024)
#define LETTER_SLUG_MAX		40

static const char *const letter_fields[LETTER_FIELD_COUNT] = {
	"name", "preferred_name", "address", "worker_name", "worker_title",
	"worker_phone", "worker_email", "office", "date", "next_letter_date"
};

/* A piece of a template: text as it is, or a placeholder. */
struct letter_piece {
	int		 field;		/* -1 for text */
	const char	*text;		/* into the template's own copy */
	size_t		 len;
};

struct letter_template {
	char			*text;	/* the parsed copy, braces unescaped */
	struct letter_piece	*pieces;
	size_t			 n;
	unsigned		 uses;	/* a bit per field */
};

const char *
letter_field_name(enum letter_field field)
{
	if ((int)field < 0 || field >= LETTER_FIELD_COUNT)
		return "";
	return letter_fields[field];
}

void
letter_date(date_t date, char *out, size_t size)
{
	/* Letters are written in English, whatever the locale says. */
	static const char *const months[] = {
		"January", "February", "March", "April", "May", "June", "July",
		"August", "September", "October", "November", "December"
	};
	int y, m, d;

	if (date == DATE_NONE) {
		if (size > 0)
			out[0] = '\0';
		return;
	}
	date_to_ymd(date, &y, &m, &d);
	snprintf(out, size, "%d %s %d", d, months[m - 1], y);
}

void
letter_values_set(struct letter_values *v, const struct person *p,
    const struct config *cfg, date_t due, date_t today)
{
	struct person_facts after = p->facts;
	struct rules_due next;

	memset(v, 0, sizeof *v);
	/* The next letter, as if this one is sent on the day it is due. */
	after.last_letter = due;
	next = rules_letter_due(&after, &cfg->rules, today);
	letter_date(today, v->date, sizeof v->date);
	letter_date(next.due, v->next, sizeof v->next);

	v->value[LETTER_NAME] = p->name;
	v->value[LETTER_PREFERRED_NAME] = person_display_name(p);
	v->value[LETTER_ADDRESS] = p->address;
	v->value[LETTER_WORKER_NAME] = cfg->worker_name;
	v->value[LETTER_WORKER_TITLE] = cfg->worker_title;
	v->value[LETTER_WORKER_PHONE] = cfg->worker_phone;
	v->value[LETTER_WORKER_EMAIL] = cfg->worker_email;
	v->value[LETTER_OFFICE] = cfg->worker_office;
	v->value[LETTER_DATE] = v->date;
	v->value[LETTER_NEXT_LETTER_DATE] = v->next;
}

static void
letter_add_piece(struct letter_template *t, int field, const char *text,
    size_t len, size_t *size)
{
	struct letter_piece *pc;

	if (field < 0 && len == 0)
		return;
	/* Join text that follows text (after {{ or }}). */
	if (field < 0 && t->n > 0 && t->pieces[t->n - 1].field < 0 &&
	    t->pieces[t->n - 1].text + t->pieces[t->n - 1].len == text) {
		t->pieces[t->n - 1].len += len;
		return;
	}
	if (t->n == *size) {
		*size = *size ? *size * 2 : 32;
		t->pieces = xreallocarray(t->pieces, *size, sizeof *t->pieces);
	}
	pc = &t->pieces[t->n++];
	pc->field = field;
	pc->text = text;
	pc->len = len;
	if (field >= 0)
		t->uses |= 1u << field;
}

/* The placeholder names, for messages: "{name}, {preferred_name} ...". */
static char *
letter_known(void)
{
	char *list = xstrdup(""), *next;
	int i;

	for (i = 0; i < LETTER_FIELD_COUNT; i++) {
		next = xasprintf("%s%s{%s}", list, i == 0 ? "" :
		    i == LETTER_FIELD_COUNT - 1 ? " and " : ", ",
		    letter_fields[i]);
		free(list);
		list = next;
	}
	return list;
}

int
letter_template_parse(const char *text, const char *origin,
    struct letter_template **out, char **cause)
{
	struct letter_template *t;
	const char *s = text, *close;
	char *copy, *w, *shown, *known;
	size_t size = 0, len;
	int line = 1, field, i;

	*out = NULL;
	if (!text_is_utf8(text))
		return xfail(cause, "%s: is not UTF-8 text; save it as UTF-8",
		    origin);
	t = xcalloc(1, sizeof *t);
	/* Text pieces point into copy, where {{ and }} become one brace. */
	t->text = copy = xmalloc(strlen(text) + 1);
	w = copy;
	while (*s != '\0') {
		if ((s[0] == '{' && s[1] == '{') || (s[0] == '}' && s[1] == '}')) {
			*w = s[0];
			letter_add_piece(t, -1, w, 1, &size);
			w++;
			s += 2;
			continue;
		}
		if (*s != '{') {
			if (*s == '\n')
				line++;
			*w = *s++;
			letter_add_piece(t, -1, w, 1, &size);
			w++;
			continue;
		}
		close = s + 1;
		while (*close != '\0' && *close != '}' && *close != '{' &&
		    *close != '\n')
			close++;
		if (*close != '}') {
			char *raw;

			len = (size_t)(close - s);
			raw = xstrndup(s, len > 30 ? 30 : len);
			shown = text_escape(raw, 0);
			free(raw);
			xfail(cause, "%s:%d: '%s%s' has no closing '}'; write {{ "
			    "for a '{' of its own", origin, line, shown,
			    len > 30 ? "..." : "");
			free(shown);
			goto fail;
		}
		len = (size_t)(close - s - 1);
		field = -1;
		for (i = 0; i < LETTER_FIELD_COUNT; i++) {
			if (strlen(letter_fields[i]) == len &&
			    strncmp(letter_fields[i], s + 1, len) == 0)
				field = i;
		}
		if (field < 0) {
			char *raw = xstrndup(s, len + 2 > 40 ? 40 : len + 2);

			shown = text_escape(raw, 0);
			free(raw);
			known = letter_known();
			xfail(cause, "%s:%d: unknown placeholder %s%s; the "
			    "placeholders are %s (write {{ and }} for braces)",
			    origin, line, shown, len + 2 > 40 ? "..." : "",
			    known);
			free(known);
			free(shown);
			goto fail;
		}
		letter_add_piece(t, field, NULL, 0, &size);
		s = close + 1;
	}
	*w = '\0';
	*out = t;
	return 0;

fail:
	letter_template_free(t);
	return -1;
}

int
letter_template_read(const char *path, char **out, char **cause)
{
	char *buf = NULL;
	size_t used = 0, n;
	FILE *f;

	*out = NULL;
	if ((f = fopen(path, "r")) == NULL)
		return xfail(cause, "cannot read the letter template %s: %s",
		    path, strerror(errno));
	buf = xmalloc(LETTER_TEMPLATE_MAX + 2);
	while ((n = fread(buf + used, 1, LETTER_TEMPLATE_MAX + 1 - used,
	    f)) > 0) {
		used += n;
		if (used > LETTER_TEMPLATE_MAX)
			break;
	}
	if (ferror(f)) {
		xfail(cause, "cannot read the letter template %s: %s", path,
		    strerror(errno));
		goto fail;
	}
	if (used > LETTER_TEMPLATE_MAX) {
		xfail(cause, "the letter template %s is longer than %d KiB; "
		    "is it the right file?", path, LETTER_TEMPLATE_MAX / 1024);
		goto fail;
	}
	if (memchr(buf, '\0', used) != NULL) {
		xfail(cause, "the letter template %s is not plain text", path);
		goto fail;
	}
	buf[used] = '\0';
	fclose(f);
	*out = buf;
	return 0;

fail:
	fclose(f);
	free(buf);
	return -1;
}

void
letter_template_free(struct letter_template *t)
{
	if (t == NULL)
		return;
	free(t->text);
	free(t->pieces);
	free(t);
}

int
letter_template_uses(const struct letter_template *t,
    enum letter_field field)
{
	return (t->uses & (1u << field)) != 0;
}

/* A growing string. */
struct letter_buf {
	char	*s;
	size_t	 len;
	size_t	 size;
};

static void
letter_put(struct letter_buf *b, const char *s, size_t len)
{
	if (b->len + len + 1 > b->size) {
		while (b->len + len + 1 > b->size)
			b->size = b->size ? b->size * 2 : 1024;
		b->s = xreallocarray(b->s, b->size, 1);
	}
	memcpy(b->s + b->len, s, len);
	b->len += len;
	b->s[b->len] = '\0';
}

/* Copy a value; its later lines take the indent before the placeholder. */
static void
letter_put_value(struct letter_buf *b, const char *value)
{
	size_t start = b->len, i;
	const char *nl;
	char *indent;

	if (value == NULL)
		return;
	while (start > 0 && b->s[start - 1] != '\n')
		start--;
	for (i = start; i < b->len; i++) {
		if (b->s[i] != ' ' && b->s[i] != '\t')
			break;
	}
	indent = i == b->len ? xstrndup(b->s + start, b->len - start) :
	    xstrdup("");
	while ((nl = strchr(value, '\n')) != NULL) {
		letter_put(b, value, (size_t)(nl - value) + 1);
		value = nl + 1;
		if (*value != '\0' && *value != '\n')
			letter_put(b, indent, strlen(indent));
	}
	letter_put(b, value, strlen(value));
	free(indent);
}

char *
letter_fill(const struct letter_template *t, const struct letter_values *v)
{
	struct letter_buf b = { NULL, 0, 0 };
	size_t i;

	letter_put(&b, "", 0);
	for (i = 0; i < t->n; i++) {
		if (t->pieces[i].field < 0)
			letter_put(&b, t->pieces[i].text, t->pieces[i].len);
		else
			letter_put_value(&b, v->value[t->pieces[i].field]);
	}
	return b.s;
}

/*
 * data/letter.txt in the folder of the running program, when there is
 * one: a new string the caller frees, or NULL.
 *
 * caseload built and run where it was built (./configure && make &&
 * ./caseload, as the README says) has not been installed, so its
 * template is not in the installed folder yet; the source tree's data/
 * is beside the program.  The program's folder is read from
 * /proc/self/exe, where the system has it (Linux), rather than built
 * in: a path of the build tree compiled into the program would make
 * packaged builds differ from one build folder to another, and would
 * name a folder that is gone once the package is built.  An installed
 * program (in /usr/bin) has no data/ beside it, so this finds nothing
 * there and the installed template is used.
 */
static char *
letter_beside_program(void)
{
	char exe[PATH_MAX], *slash, *path;
	ssize_t n;

	n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	if (n <= 0)
		return NULL;
	exe[n] = '\0';
	if ((slash = strrchr(exe, '/')) == NULL)
		return NULL;
	*slash = '\0';
	path = xasprintf("%s/data/letter.txt", exe);
	if (access(path, R_OK) != 0) {
		free(path);
		return NULL;
	}
	return path;
}

char *
letter_template_path(const char *setting)
{
	const char *dir, *home;
	char *path;

	if (setting != NULL && *setting != '\0') {
		home = getenv("HOME");
		if (strncmp(setting, "~/", 2) == 0 && home != NULL &&
		    *home != '\0')
			return xasprintf("%s/%s", home, setting + 2);
		return xstrdup(setting);
	}
	dir = getenv("CASELOAD_DATADIR");
	if (dir != NULL && *dir != '\0')
		return xasprintf("%s/letter.txt", dir);
	if ((path = letter_beside_program()) != NULL)
		return path;
	return xstrdup(LETTER_INSTALLED);
}

int
letter_template_installed(const char *path)
{
	return strcmp(path, LETTER_INSTALLED) == 0;
}

char *
letter_file_name(const struct person *p, date_t today)
{
	char iso[DATE_ISO_SIZE], slug[LETTER_SLUG_MAX + 8];
	const char *s = p->name;
	size_t used = 0, n;
	int dash = 0;

	/*
	 * Letters and digits stay (other scripts as they are, ASCII in
	 * lower case); anything else, "/" included, becomes one "-".
	 */
	for (; *s != '\0'; s += n) {
		n = text_char_len(s);
		if ((unsigned char)*s >= 0x80 || (*s >= 'a' && *s <= 'z') ||
		    (*s >= 'A' && *s <= 'Z') || (*s >= '0' && *s <= '9')) {
			if (used + n + (dash && used > 0) > LETTER_SLUG_MAX)
				break;
			if (dash && used > 0)
				slug[used++] = '-';
			dash = 0;
			if (n == 1 && *s >= 'A' && *s <= 'Z')
				slug[used++] = (char)(*s - 'A' + 'a');
			else {
				memcpy(slug + used, s, n);
				used += n;
			}
		} else
			dash = 1;
	}
	slug[used] = '\0';
	date_format_iso(today, iso);
	if (used == 0)
		return xasprintf("%s-%04ld.txt", iso, p->id);
	return xasprintf("%s-%04ld-%s.txt", iso, p->id, slug);
}

int
letter_make_dir(const char *dir, char **cause)
{
	char *path = xstrdup(dir), *p;
	struct stat sb;
	char c;

	if (*path == '\0') {
		free(path);
		return xfail(cause, "give a folder for the letters");
	}
	for (p = path + 1; ; p++) {
		if (*p != '/' && *p != '\0')
			continue;
		c = *p;
		*p = '\0';
		if (stat(path, &sb) != 0) {
			if (mkdir(path, 0700) != 0 && errno != EEXIST) {
				xfail(cause, "cannot create the folder %s: %s",
				    path, strerror(errno));
				free(path);
				return -1;
			}
		} else if (!S_ISDIR(sb.st_mode)) {
			xfail(cause, "%s is not a folder", path);
			free(path);
			return -1;
		}
		*p = c;
		if (c == '\0')
			break;
	}
	free(path);
	return 0;
}

/* The path of dir/name, without a doubled "/". */
static char *
letter_path(const char *dir, const char *name)
{
	size_t n = strlen(dir);

	return xasprintf("%s%s%s", dir, n > 0 && dir[n - 1] == '/' ? "" : "/",
	    name);
}

int
letter_there(const char *dir, const char *name, const char *text,
    char **cause)
{
	char *dest = letter_path(dir, name), *buf = NULL;
	size_t len = strlen(text), done = 0;
	struct target t;
	struct stat sb;
	int fd = -1, rc = LETTER_OTHER, saved;
	ssize_t n;

	if (target_resolve(dest, &t) != 0) {
		saved = errno;
		target_fail(dest, saved, cause);
		free(dest);
		errno = saved;
		return -1;
	}
	if (t.kind != TARGET_FILE) {
		rc = LETTER_NONE;
		goto out;
	}
	/* Word for word what would be written now, and nothing more. */
	if ((fd = open(t.path, O_RDONLY | O_NOCTTY | O_CLOEXEC)) < 0 ||
	    fstat(fd, &sb) != 0) {
		rc = xfail(cause, "cannot read %s: %s", dest, strerror(errno));
		goto out;
	}
	if (!S_ISREG(sb.st_mode) || (size_t)sb.st_size != len)
		goto out;
	buf = xmalloc(len + 1);
	while (done <= len) {
		n = read(fd, buf + done, len + 1 - done);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			rc = xfail(cause, "cannot read %s: %s", dest,
			    strerror(errno));
			goto out;
		}
		if (n == 0)
			break;
		done += (size_t)n;
	}
	if (done == len && memcmp(buf, text, len) == 0)
		rc = LETTER_SAME;
out:
	saved = errno;
	if (fd >= 0)
		close(fd);
	free(buf);
	target_clear(&t);
	free(dest);
	errno = saved;
	return rc;
}

int
letter_save(const char *dir, const char *name, const char *text,
    char **cause)
{
	char *dest = letter_path(dir, name), *tmp = NULL, *folder, *base;
	struct sigaction old;
	struct target t;
	int fd, rc = -1;

	if (target_resolve(dest, &t) != 0) {
		target_fail(dest, errno, cause);
		free(dest);
		return -1;
	}
	switch (t.kind) {
	case TARGET_FILE:
		xfail(cause, "%s already exists; choose another folder or move "
		    "the old letters", dest);
		goto out;
	case TARGET_SPECIAL:
		/* A device, FIFO or socket of that name takes it in place. */
		target_pipe_begin(&old);
		if ((fd = target_open(&t)) < 0 ||
		    target_write(fd, text, strlen(text)) != 0) {
			xfail(cause, "cannot write %s: %s", dest,
			    strerror(errno));
			if (fd >= 0)
				close(fd);
		} else if (close(fd) != 0)
			xfail(cause, "cannot write %s: %s", dest,
			    strerror(errno));
		else
			rc = 0;
		target_pipe_end(&old);
		goto out;
	case TARGET_NEW:
		break;
	}

	/* Whole or not at all, beside the file the name leads to. */
	folder = text_path_folder(t.path);
	base = strrchr(t.path, '/');
	fd = tempfile_make(folder, base != NULL ? base + 1 : t.path, 0, &tmp);
	if (fd < 0) {
		xfail(cause, "cannot create a file in %s: %s", folder,
		    strerror(errno));
		free(folder);
		goto out;
	}
	free(folder);
	if (target_write(fd, text, strlen(text)) != 0) {
		xfail(cause, "cannot write %s: %s", dest, strerror(errno));
		close(fd);
		tempfile_remove(tmp);
		goto out;
	}
	if (close(fd) != 0 || target_install(tmp, t.path) != 0) {
		xfail(cause, "cannot write %s: %s", dest, strerror(errno));
		tempfile_remove(tmp);
		goto out;
	}
	rc = 0;
out:
	free(tmp);
	target_clear(&t);
	free(dest);
	return rc;
}
