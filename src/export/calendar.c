/* SPDX-License-Identifier: MIT */
/*
 * calendar.c: the agenda as iCalendar components, built with libical and
 * written one at a time.
 *
 * libical writes every line: the calendar's own lines come from an empty
 * VCALENDAR serialised once and split around its END line, and each item
 * is a VEVENT or VTODO serialised and freed in turn.  libical escapes
 * commas, semicolons, backslashes and newlines, folds lines at 75 octets
 * without splitting a UTF-8 character and ends them with CRLF.
 */
#include <config.h>

#include <ctype.h>
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <libical/ical.h>

#include "calendar.h"
#include "cause.h"
#include "person.h"
#include "returns.h"
#include "rules.h"
#include "text.h"
#include "xmalloc.h"

#define CALENDAR_DOMAIN "caseload"
#define CALENDAR_PRODID "-//caseload//caseload " PACKAGE_VERSION "//EN"

void
calendar_options_init(struct calendar_options *opts,
    const struct config *cfg, date_t today, time_t now)
{
	memset(opts, 0, sizeof *opts);
	opts->privacy = cfg->privacy;
	opts->contacts_as = cfg->contacts_as;
	opts->alarm_days_before = cfg->alarm_days_before;
	opts->alarm_time = cfg->alarm_time;
	opts->today = today;
	opts->date_format = cfg->date_format;
	opts->stamp = now;
	opts->state = NULL;
	opts->state_arg = NULL;
}

void
calendar_uid(const struct agenda_entry *e, char *out, size_t size)
{
	const char *kind = rules_agenda_kind_name(e->item.kind);

	if (e->item.kind == AGENDA_BIRTHDAY)
		snprintf(out, size, "%s-%s-%d@" CALENDAR_DOMAIN, e->uuid, kind,
		    e->item.age);
	else if (e->item.kind == AGENDA_ACTION && e->action != NULL)
		snprintf(out, size, "%s-%s-%d@" CALENDAR_DOMAIN, e->uuid, kind,
		    e->action->number);
	else if (e->item.kind == AGENDA_RETURN)
		snprintf(out, size, "%s-%s-%d@" CALENDAR_DOMAIN, e->uuid, kind,
		    e->item.age);
	else
		snprintf(out, size, "%s-%s@" CALENDAR_DOMAIN, e->uuid, kind);
}

/*
 * A copy of s on one line: every control character (newlines, tabs, C0,
 * DEL and C1) becomes a space and a byte that is not UTF-8 becomes
 * U+FFFD.  The caller frees it.
 */
static char *
calendar_one_line(const char *s)
{
	char *out, *p;
	uint32_t cp;
	size_t n;

	p = out = xmalloc(strlen(s) * 3 + 1);
	if (!text_has_control(s) && text_is_utf8(s)) {
		strcpy(out, s);
		return out;
	}
	while ((n = text_decode(s, &cp)) != 0) {
		if (cp < 0x20 || cp == 0x7f || (cp >= 0x80 && cp < 0xa0))
			*p++ = ' ';
		else if (cp == 0xfffd && n == 1 && (unsigned char)*s >= 0x80) {
			memcpy(p, "\xef\xbf\xbd", 3);
			p += 3;
		} else {
			memcpy(p, s, n);
			p += n;
		}
		s += n;
	}
	*p = '\0';
	return out;
}

/*
 * How the item names its young person: "A.K. #1" with initials, "Aisha
 * Khan (Ash) #1" with full names.  One line; the caller frees it.
 */
static char *
calendar_who(const struct agenda_entry *e,
    const struct calendar_options *opts)
{
	char initials[64], *who, *line;

	if (opts->privacy == PRIVACY_FULL) {
		if (e->display_name != NULL &&
		    strcmp(e->display_name, e->name) != 0)
			who = xasprintf("%s (%s) #%ld", e->name,
			    e->display_name, e->person_id);
		else
			who = xasprintf("%s #%ld", e->name, e->person_id);
	} else {
		person_initials(e->name, initials, sizeof initials);
		if (initials[0] == '\0')
			who = xasprintf("#%ld", e->person_id);
		else
			who = xasprintf("%s #%ld", initials, e->person_id);
	}
	line = calendar_one_line(who);
	free(who);
	return line;
}

/* A date as the settings write it, ISO when the format gives nothing. */
static void
calendar_date_text(const struct calendar_options *opts, date_t date,
    char *out, size_t size)
{
	if (opts->date_format == NULL ||
	    date_format(date, opts->date_format, out, size) == 0)
		date_format_iso(date, out);
}

/*
 * An agreed action's SUMMARY: "Agreed action · A.K. #1" with initials;
 * with full names, what it is and who does it too.  One line.
 */
static char *
calendar_action_summary(const struct agenda_entry *e, const char *who,
    const struct calendar_options *opts)
{
	char *text, *line;

	if (opts->privacy != PRIVACY_FULL)
		return xasprintf("Agreed action \xc2\xb7 %s", who);
	text = xasprintf("Agreed action \xc2\xb7 %s: %s (%s)", who,
	    e->action->text, action_who_words(e->action->who));
	line = calendar_one_line(text);
	free(text);
	return line;
}

/* The one-line SUMMARY of an item; the caller frees it. */
static char *
calendar_summary(const struct agenda_entry *e, const char *who,
    const struct calendar_options *opts)
{
	const char *label = rules_agenda_label(&e->item, 0);
	char what[64], due[64];

	/* The label with a capital, to start the summary. */
	snprintf(what, sizeof what, "%c%s", toupper((unsigned char)label[0]),
	    label + 1);
	if (e->item.kind == AGENDA_BIRTHDAY ||
	    (e->item.kind == AGENDA_RETURN &&
	    e->item.due.state != DUE_OVERDUE))
		return xasprintf("%s: %s", what, who);
	/* With initials, a return's date would tell their birthday. */
	if (e->item.kind == AGENDA_RETURN && opts->privacy != PRIVACY_FULL)
		return xasprintf("%s overdue: %s", what, who);
	/* With initials, an action's summary says nothing of what it is. */
	if (e->item.kind == AGENDA_ACTION && e->action != NULL)
		return calendar_action_summary(e, who, opts);
	if (e->item.due.state == DUE_OVERDUE) {
		calendar_date_text(opts, e->item.due.due, due, sizeof due);
		return xasprintf("%s overdue since %s: %s", what, due, who);
	}
	return xasprintf("%s due: %s", what, who);
}

/* The longer DESCRIPTION of an item; the caller frees it. */
static char *
calendar_description(const struct agenda_entry *e, const char *who,
    const struct calendar_options *opts)
{
	const struct agenda_item *item = &e->item;
	char due[64], *when, *text;
	const char *what = "", *then = "";

	calendar_date_text(opts, item->due.due, due, sizeof due);
	if (item->kind == AGENDA_BIRTHDAY && opts->privacy != PRIVACY_FULL) {
		/* With the age, the day would be their date of birth. */
		return xasprintf("%s turns %d: %s.", who, item->age,
		    rules_milestone_meaning(item->age));
	}
	if (item->kind == AGENDA_BIRTHDAY) {
		calendar_date_text(opts, item->on, due, sizeof due);
		return xasprintf("%s turns %d on %s: %s.", who, item->age, due,
		    rules_milestone_meaning(item->age));
	}
	if (item->kind == AGENDA_RETURN && item->due.state != DUE_OVERDUE) {
		/* With initials, not which birthday: it would tell their age. */
		if (opts->privacy != PRIVACY_FULL)
			return xasprintf("The birthday return window for %s "
			    "opens.\nRecord it with: caseload return %ld",
			    who, e->person_id);
		return xasprintf("The birthday return window for %s's %d%s "
		    "birthday opens.\nRecord it with: caseload return %ld",
		    who, item->age, returns_th(item->age), e->person_id);
	}
	if (item->kind == AGENDA_RETURN) {
		/* With initials, neither its date nor which birthday. */
		if (opts->privacy != PRIVACY_FULL)
			return xasprintf("The birthday return for %s is "
			    "overdue: its window has closed.\nRecord it with: "
			    "caseload return %ld", who, e->person_id);
		return xasprintf("The birthday return for %s's %d%s birthday "
		    "was due on %s, %d day%s ago.\nRecord it with: caseload "
		    "return %ld", who, item->age, returns_th(item->age), due,
		    item->due.days_overdue,
		    item->due.days_overdue == 1 ? "" : "s", e->person_id);
	}
	if (item->due.state == DUE_OVERDUE)
		when = xasprintf("was due on %s, %d day%s ago", due,
		    item->due.days_overdue,
		    item->due.days_overdue == 1 ? "" : "s");
	else
		when = xasprintf("is due on %s", due);
	switch (item->kind) {
	case AGENDA_CONTACT:
		what = "The next contact with";
		then = "Log it with: caseload contact";
		break;
	case AGENDA_LETTER:
		what = "The annual contact letter to";
		then = "Record it with: caseload letters sent";
		break;
	case AGENDA_REVIEW:
		what = "The pathway plan review of";
		then = "Record it with: caseload review";
		break;
	case AGENDA_BIRTHDAY:
		break;
	case AGENDA_RETURN:
		break;
	case AGENDA_ACTION:
		what = "An action agreed with";
		then = "Mark it done with: caseload action";
		break;
	case AGENDA_VISIT:
		what = "The statutory visit to";
		then = "Log it with: caseload contact --method visit";
		break;
	}
	if (item->kind == AGENDA_ACTION && e->action != NULL) {
		text = xasprintf("%s %s %s.\n%s %ld --done A%d", what, who,
		    when, then, e->person_id, e->action->number);
		free(when);
		return text;
	}
	text = xasprintf("%s %s %s.\n%s %ld", what, who, when, then,
	    e->person_id);
	free(when);
	return text;
}

/* An all-day date value. */
static struct icaltimetype
calendar_day(date_t date)
{
	struct icaltimetype t = icaltime_null_date();
	int y, m, d;

	date_to_ymd(date, &y, &m, &d);
	t.year = y;
	t.month = m;
	t.day = d;
	return t;
}

/*
 * A calendar being written.  The components are made once and their
 * properties given new values for each item, so that a large calendar
 * costs one serialisation per item and little else.
 */
struct calendar_writer {
	FILE				*f;
	const struct calendar_options	*opts;
	char				*text;		/* the empty calendar */
	char				*tail;		/* its END line, in text */
	char				*item_head;	/* the same, for an item
							 * alone: no name */
	size_t				 count;
	icalcomponent			*event, *event_alarm;
	icalcomponent			*todo, *todo_alarm;
	int				 event_alarmed, todo_alarmed;
	struct {
		icalproperty	*uid, *stamp, *start, *end, *summary;
		icalproperty	*description, *sequence, *modified;
		icalproperty	*alarm_description;
	} ev;
	struct {
		icalproperty	*uid, *stamp, *due, *summary, *description;
		icalproperty	*sequence, *modified;
		icalproperty	*alarm_description;
	} td;
};

/* Add prop to c and return it. */
static icalproperty *
calendar_prop(icalcomponent *c, icalproperty *prop)
{
	icalcomponent_add_property(c, prop);
	return prop;
}

/*
 * A display alarm at minutes after midnight, days before the day (the
 * start of an all-day event, or a to-do's due date).
 */
static icalcomponent *
calendar_alarm(int days, int minutes, int todo, icalproperty **description)
{
	struct icaltriggertype trigger;
	icalcomponent *alarm;
	icalproperty *prop;
	int offset = minutes - days * 24 * 60;

	memset(&trigger, 0, sizeof trigger);
	trigger.time = icaltime_null_time();
	trigger.duration = icaldurationtype_null_duration();
	trigger.duration.is_neg = offset < 0;
	if (offset < 0)
		offset = -offset;
	trigger.duration.days = (unsigned int)(offset / (24 * 60));
	trigger.duration.hours = (unsigned int)(offset / 60 % 24);
	trigger.duration.minutes = (unsigned int)(offset % 60);

	alarm = icalcomponent_new_valarm();
	icalcomponent_add_property(alarm,
	    icalproperty_new_action(ICAL_ACTION_DISPLAY));
	prop = icalproperty_new_trigger(trigger);
	if (todo) {
		/* A to-do has no DTSTART: the alarm is set from its DUE. */
		icalproperty_add_parameter(prop,
		    icalparameter_new_related(ICAL_RELATED_END));
	}
	icalcomponent_add_property(alarm, prop);
	*description = calendar_prop(alarm,
	    icalproperty_new_description("reminder"));
	return alarm;
}

/*
 * An empty calendar as libical writes it, with the name when named;
 * *tail is set to its END line.  NULL when libical wrote something else.
 */
static char *
calendar_empty(int named, char **tail)
{
	static const char end[] = "END:VCALENDAR\r\n";
	icalcomponent *cal;
	icalproperty *prop;
	char *text;

	cal = icalcomponent_new_vcalendar();
	icalcomponent_add_property(cal, icalproperty_new_prodid(CALENDAR_PRODID));
	icalcomponent_add_property(cal, icalproperty_new_version("2.0"));
	icalcomponent_add_property(cal, icalproperty_new_calscale("GREGORIAN"));
	if (named) {
		/* RFC 7986's NAME, and the older name most clients read. */
		icalcomponent_add_property(cal,
		    icalproperty_new_name(CALENDAR_NAME));
		prop = icalproperty_new_x(CALENDAR_NAME);
		icalproperty_set_x_name(prop, "X-WR-CALNAME");
		icalcomponent_add_property(cal, prop);
	}
	text = icalcomponent_as_ical_string_r(cal);
	icalcomponent_free(cal);
	*tail = strstr(text, end);
	if (*tail == NULL || (*tail)[sizeof end - 1] != '\0') {
		icalmemory_free_buffer(text);
		return NULL;
	}
	return text;
}

int
calendar_begin(FILE *f, const struct calendar_options *opts,
    struct calendar_writer **out, char **cause)
{
	struct calendar_writer *w;
	struct icaltimetype stamp, day = calendar_day(0);
	char *tail;

	*out = NULL;
	w = xcalloc(1, sizeof *w);
	w->f = f;
	w->opts = opts;
	stamp = icaltime_from_timet_with_zone(opts->stamp, 0,
	    icaltimezone_get_utc_timezone());

	/* The calendar's lines, before and after its components. */
	w->text = calendar_empty(1, &w->tail);
	w->item_head = calendar_empty(0, &tail);
	if (w->text == NULL || w->item_head == NULL) {
		if (w->text != NULL)
			icalmemory_free_buffer(w->text);
		if (w->item_head != NULL)
			icalmemory_free_buffer(w->item_head);
		free(w);
		return xfail(cause, "libical wrote an unexpected calendar");
	}
	*tail = '\0';
	if (f != NULL)
		fwrite(w->text, 1, (size_t)(w->tail - w->text), f);

	/* An all-day event, a reminder rather than an appointment. */
	w->event = icalcomponent_new_vevent();
	w->ev.uid = calendar_prop(w->event, icalproperty_new_uid("-"));
	w->ev.stamp = calendar_prop(w->event, icalproperty_new_dtstamp(stamp));
	w->ev.modified = calendar_prop(w->event,
	    icalproperty_new_lastmodified(stamp));
	w->ev.sequence = calendar_prop(w->event, icalproperty_new_sequence(0));
	w->ev.start = calendar_prop(w->event, icalproperty_new_dtstart(day));
	w->ev.end = calendar_prop(w->event, icalproperty_new_dtend(day));
	icalcomponent_add_property(w->event,
	    icalproperty_new_transp(ICAL_TRANSP_TRANSPARENT));
	w->ev.summary = calendar_prop(w->event, icalproperty_new_summary("-"));
	w->ev.description = calendar_prop(w->event,
	    icalproperty_new_description("-"));
	icalcomponent_add_property(w->event,
	    icalproperty_new_class(ICAL_CLASS_PRIVATE));
	w->event_alarm = calendar_alarm(opts->alarm_days_before,
	    opts->alarm_time, 0, &w->ev.alarm_description);

	/* A to-do with a due date. */
	w->todo = icalcomponent_new_vtodo();
	w->td.uid = calendar_prop(w->todo, icalproperty_new_uid("-"));
	w->td.stamp = calendar_prop(w->todo, icalproperty_new_dtstamp(stamp));
	w->td.modified = calendar_prop(w->todo,
	    icalproperty_new_lastmodified(stamp));
	w->td.sequence = calendar_prop(w->todo, icalproperty_new_sequence(0));
	w->td.due = calendar_prop(w->todo, icalproperty_new_due(day));
	icalcomponent_add_property(w->todo,
	    icalproperty_new_status(ICAL_STATUS_NEEDSACTION));
	w->td.summary = calendar_prop(w->todo, icalproperty_new_summary("-"));
	w->td.description = calendar_prop(w->todo,
	    icalproperty_new_description("-"));
	icalcomponent_add_property(w->todo,
	    icalproperty_new_class(ICAL_CLASS_PRIVATE));
	w->todo_alarm = calendar_alarm(opts->alarm_days_before,
	    opts->alarm_time, 1, &w->td.alarm_description);
	*out = w;
	return 0;
}

/* Attach or detach a component's alarm. */
static void
calendar_set_alarm(icalcomponent *c, icalcomponent *alarm, int *attached,
    int want)
{
	if (want && !*attached)
		icalcomponent_add_component(c, alarm);
	else if (!want && *attached)
		icalcomponent_remove_component(c, alarm);
	*attached = want;
}

/* Compare two strings, for qsort. */
static int
calendar_compare_text(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Add text to a 64-bit FNV-1a hash. */
static void
calendar_fnv(uint64_t *h, const char *text)
{
	for (; *text != '\0'; text++) {
		*h ^= (unsigned char)*text;
		*h *= UINT64_C(1099511628211);
	}
	*h ^= 0xff;		/* each text ends */
	*h *= UINT64_C(1099511628211);
}

/*
 * What component c says, as one text to hash: its properties but
 * DTSTAMP, LAST-MODIFIED and SEQUENCE, each as libical writes it, sorted,
 * then its sub-components (alarms) the same way, sorted; so that the
 * same item read back from a server that wrote its lines in another
 * order gives the same text.  The caller frees it.
 */
static char *
calendar_canonical(icalcomponent *c)
{
	icalproperty *p;
	icalcomponent *sub;
	char **parts = NULL, *text, *out;
	size_t n = 0, k, len;
	icalproperty_kind kind;

	for (p = icalcomponent_get_first_property(c, ICAL_ANY_PROPERTY);
	    p != NULL; p = icalcomponent_get_next_property(c,
	    ICAL_ANY_PROPERTY)) {
		kind = icalproperty_isa(p);
		if (kind == ICAL_DTSTAMP_PROPERTY ||
		    kind == ICAL_LASTMODIFIED_PROPERTY ||
		    kind == ICAL_SEQUENCE_PROPERTY)
			continue;
		text = icalproperty_as_ical_string_r(p);
		parts = xreallocarray(parts, n + 1, sizeof *parts);
		parts[n++] = xstrdup(text);
		icalmemory_free_buffer(text);
	}
	for (sub = icalcomponent_get_first_component(c, ICAL_ANY_COMPONENT);
	    sub != NULL; sub = icalcomponent_get_next_component(c,
	    ICAL_ANY_COMPONENT)) {
		parts = xreallocarray(parts, n + 1, sizeof *parts);
		parts[n++] = calendar_canonical(sub);
	}
	if (n > 1)
		qsort(parts, n, sizeof *parts, calendar_compare_text);
	len = strlen(icalcomponent_kind_to_string(icalcomponent_isa(c))) + 16;
	for (k = 0; k < n; k++)
		len += strlen(parts[k]) + 1;
	out = xmalloc(len);
	len = (size_t)snprintf(out, 16 + strlen(icalcomponent_kind_to_string(
	    icalcomponent_isa(c))), "BEGIN:%s\n",
	    icalcomponent_kind_to_string(icalcomponent_isa(c)));
	for (k = 0; k < n; k++) {
		strcpy(out + len, parts[k]);
		len += strlen(parts[k]);
		out[len++] = '\n';
		out[len] = '\0';
		free(parts[k]);
	}
	free(parts);
	return out;
}

/* The hash of what c says (calendar_canonical), as hexadecimal. */
static void
calendar_hash(icalcomponent *c, char *out, size_t size)
{
	uint64_t h = UINT64_C(14695981039346656037);
	char *text = calendar_canonical(c);

	calendar_fnv(&h, text);
	free(text);
	snprintf(out, size, "%016llx", (unsigned long long)h);
}

int
calendar_text_hash(const char *text, char *hash, size_t size)
{
	icalcomponent *cal, *c;

	if ((cal = icalparser_parse_string(text)) == NULL)
		return -1;
	if (icalcomponent_isa(cal) == ICAL_VEVENT_COMPONENT ||
	    icalcomponent_isa(cal) == ICAL_VTODO_COMPONENT)
		c = cal;
	else if ((c = icalcomponent_get_first_component(cal,
	    ICAL_VEVENT_COMPONENT)) == NULL)
		c = icalcomponent_get_first_component(cal,
		    ICAL_VTODO_COMPONENT);
	if (c == NULL) {
		icalcomponent_free(cal);
		return -1;
	}
	calendar_hash(c, hash, size);
	icalcomponent_free(cal);
	return 0;
}

/*
 * Fill the writer's component for e and serialise it: the text (the
 * caller frees it with icalmemory_free_buffer), with uid, hash and the
 * summary (the caller frees it) set.
 */
static char *
calendar_render(struct calendar_writer *w, const struct agenda_entry *e,
    char *uid, char *hash, char **summary_out)
{
	const struct calendar_options *opts = w->opts;
	char *who, *summary, *description, *text;
	struct icaltimetype stamp;
	icalcomponent *c;
	icalproperty *p_stamp, *p_modified, *p_sequence;
	time_t modified = opts->stamp;
	int todo, alarm, sequence = 0;

	todo = e->item.kind == AGENDA_CONTACT &&
	    opts->contacts_as == CONTACTS_AS_TODO;
	/* A reminder that would go off before today is left out. */
	alarm = (e->item.kind == AGENDA_CONTACT ||
	    e->item.kind == AGENDA_LETTER) &&
	    e->item.due.state != DUE_OVERDUE &&
	    e->item.on - opts->alarm_days_before >= opts->today;
	calendar_uid(e, uid, CALENDAR_UID_SIZE);
	who = calendar_who(e, opts);
	summary = calendar_summary(e, who, opts);
	description = calendar_description(e, who, opts);

	if (todo) {
		c = w->todo;
		icalproperty_set_uid(w->td.uid, uid);
		icalproperty_set_due(w->td.due, calendar_day(e->item.on));
		icalproperty_set_summary(w->td.summary, summary);
		icalproperty_set_description(w->td.description, description);
		icalproperty_set_description(w->td.alarm_description, summary);
		calendar_set_alarm(c, w->todo_alarm, &w->todo_alarmed, alarm);
		p_stamp = w->td.stamp;
		p_modified = w->td.modified;
		p_sequence = w->td.sequence;
	} else {
		c = w->event;
		icalproperty_set_uid(w->ev.uid, uid);
		icalproperty_set_dtstart(w->ev.start, calendar_day(e->item.on));
		icalproperty_set_dtend(w->ev.end, calendar_day(e->item.on + 1));
		icalproperty_set_summary(w->ev.summary, summary);
		icalproperty_set_description(w->ev.description, description);
		icalproperty_set_description(w->ev.alarm_description, summary);
		calendar_set_alarm(c, w->event_alarm, &w->event_alarmed, alarm);
		p_stamp = w->ev.stamp;
		p_modified = w->ev.modified;
		p_sequence = w->ev.sequence;
	}
	calendar_hash(c, hash, CALENDAR_HASH_SIZE);
	if (opts->state != NULL)
		opts->state(uid, hash, &sequence, &modified, opts->state_arg);
	/*
	 * Without a METHOD, DTSTAMP is when the item was last revised
	 * (RFC 5545, 3.8.7.2): the same as LAST-MODIFIED, so that an item
	 * that has not changed is written the same, byte for byte.
	 */
	stamp = icaltime_from_timet_with_zone(modified, 0,
	    icaltimezone_get_utc_timezone());
	icalproperty_set_dtstamp(p_stamp, stamp);
	icalproperty_set_lastmodified(p_modified, stamp);
	icalproperty_set_sequence(p_sequence, sequence);
	text = icalcomponent_as_ical_string_r(c);
	free(who);
	free(description);
	if (summary_out != NULL)
		*summary_out = summary;
	else
		free(summary);
	return text;
}

int
calendar_add(struct calendar_writer *w, const struct agenda_entry *e)
{
	char uid[CALENDAR_UID_SIZE], hash[CALENDAR_HASH_SIZE], *text;

	text = calendar_render(w, e, uid, hash, NULL);
	fputs(text, w->f);
	icalmemory_free_buffer(text);
	w->count++;
	return ferror(w->f) ? -1 : 0;
}

void
calendar_item_make(struct calendar_writer *w, const struct agenda_entry *e,
    struct calendar_item *out)
{
	char *text;

	memset(out, 0, sizeof *out);
	text = calendar_render(w, e, out->uid, out->hash, &out->summary);
	out->text = xasprintf("%s%s%s", w->item_head, text, w->tail);
	icalmemory_free_buffer(text);
	w->count++;
}

void
calendar_item_free(struct calendar_item *item)
{
	if (item == NULL)
		return;
	free(item->summary);
	free(item->text);
	item->summary = NULL;
	item->text = NULL;
}

int
calendar_end(struct calendar_writer *w, size_t *count, char **cause)
{
	int failed = 0;

	if (w->f != NULL) {
		fputs(w->tail, w->f);
		failed = fflush(w->f) != 0 || ferror(w->f);
	}
	if (count != NULL)
		*count = w->count;
	/* Free each component with its alarm attached, once. */
	calendar_set_alarm(w->event, w->event_alarm, &w->event_alarmed, 1);
	calendar_set_alarm(w->todo, w->todo_alarm, &w->todo_alarmed, 1);
	icalcomponent_free(w->event);
	icalcomponent_free(w->todo);
	icalmemory_free_buffer(w->text);
	icalmemory_free_buffer(w->item_head);
	free(w);
	if (failed)
		return xfail(cause, "cannot write the calendar: %s",
		    strerror(errno));
	return 0;
}

int
calendar_write(FILE *f, const struct agenda_list *list,
    const struct calendar_options *opts, size_t *count, char **cause)
{
	struct calendar_writer *w;
	size_t k;

	if (count != NULL)
		*count = 0;
	if (calendar_begin(f, opts, &w, cause) != 0)
		return -1;
	for (k = 0; k < list->n; k++) {
		if (calendar_add(w, &list->entries[k]) != 0)
			break;
	}
	return calendar_end(w, count, cause);
}

void
calendar_cleanup(void)
{
	icaltimezone_free_builtin_timezones();
	icalmemory_free_ring();
}
