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

#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <libical/ical.h>

#include "calendar.h"
#include "person.h"
#include "rules.h"
#include "text.h"
#include "xmalloc.h"

#define CALENDAR_DOMAIN "caseload"
#define CALENDAR_PRODID "-//caseload//caseload " PACKAGE_VERSION "//EN"

void
calendar_options_init(struct calendar_options *opts,
    const struct config *cfg, time_t now)
{
	opts->privacy = cfg->privacy;
	opts->contacts_as = cfg->contacts_as;
	opts->alarm_days_before = cfg->alarm_days_before;
	opts->date_format = cfg->date_format;
	opts->stamp = now;
}

void
calendar_uid(const struct agenda_entry *e, char *out, size_t size)
{
	const char *kind = rules_agenda_kind_name(e->item.kind);

	if (e->item.kind == AGENDA_BIRTHDAY)
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

/* What the item is, as the start of its summary. */
static const char *
calendar_what(const struct agenda_item *item)
{
	switch (item->kind) {
	case AGENDA_CONTACT:
		return "Contact";
	case AGENDA_LETTER:
		return "Annual letter";
	case AGENDA_REVIEW:
		return "Pathway plan review";
	case AGENDA_BIRTHDAY:
		return rules_milestone_label(item->age);
	}
	return "";
}

/* The one-line SUMMARY of an item; the caller frees it. */
static char *
calendar_summary(const struct agenda_entry *e, const char *who,
    const struct calendar_options *opts)
{
	const char *what = calendar_what(&e->item);
	char due[64];

	if (e->item.kind == AGENDA_BIRTHDAY)
		return xasprintf("%s: %s", what, who);
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
	if (item->kind == AGENDA_BIRTHDAY) {
		calendar_date_text(opts, item->on, due, sizeof due);
		return xasprintf("%s turns %d on %s: %s.", who, item->age, due,
		    rules_milestone_meaning(item->age));
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

/* A display alarm days before the start (or, for a to-do, its due date). */
static icalcomponent *
calendar_alarm(const char *text, int days, int todo)
{
	struct icaltriggertype trigger;
	icalcomponent *alarm;
	icalproperty *prop;

	memset(&trigger, 0, sizeof trigger);
	trigger.time = icaltime_null_time();
	trigger.duration = icaldurationtype_null_duration();
	trigger.duration.is_neg = days > 0;
	trigger.duration.days = (unsigned int)days;

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
	icalcomponent_add_property(alarm, icalproperty_new_description(text));
	return alarm;
}

/* The component of one agenda item; the caller frees it. */
static icalcomponent *
calendar_component(const struct agenda_entry *e,
    const struct calendar_options *opts, struct icaltimetype stamp)
{
	char uid[CALENDAR_UID_SIZE], *who, *summary, *description;
	icalcomponent *c;
	int todo;

	todo = e->item.kind == AGENDA_CONTACT &&
	    opts->contacts_as == CONTACTS_AS_TODO;
	calendar_uid(e, uid, sizeof uid);
	who = calendar_who(e, opts);
	summary = calendar_summary(e, who, opts);
	description = calendar_description(e, who, opts);

	if (todo) {
		c = icalcomponent_new_vtodo();
		icalcomponent_add_property(c, icalproperty_new_uid(uid));
		icalcomponent_add_property(c, icalproperty_new_dtstamp(stamp));
		icalcomponent_add_property(c,
		    icalproperty_new_due(calendar_day(e->item.on)));
		icalcomponent_add_property(c,
		    icalproperty_new_status(ICAL_STATUS_NEEDSACTION));
	} else {
		c = icalcomponent_new_vevent();
		icalcomponent_add_property(c, icalproperty_new_uid(uid));
		icalcomponent_add_property(c, icalproperty_new_dtstamp(stamp));
		icalcomponent_add_property(c,
		    icalproperty_new_dtstart(calendar_day(e->item.on)));
		icalcomponent_add_property(c,
		    icalproperty_new_dtend(calendar_day(e->item.on + 1)));
		/* A reminder, not an appointment: the day stays free. */
		icalcomponent_add_property(c,
		    icalproperty_new_transp(ICAL_TRANSP_TRANSPARENT));
	}
	icalcomponent_add_property(c, icalproperty_new_summary(summary));
	icalcomponent_add_property(c,
	    icalproperty_new_description(description));
	icalcomponent_add_property(c, icalproperty_new_class(ICAL_CLASS_PRIVATE));
	if (e->item.kind == AGENDA_CONTACT || e->item.kind == AGENDA_LETTER)
		icalcomponent_add_component(c, calendar_alarm(summary,
		    opts->alarm_days_before, todo));

	free(who);
	free(summary);
	free(description);
	return c;
}

/* Serialise c and write it to f, freeing the text. */
static void
calendar_put(FILE *f, icalcomponent *c)
{
	char *text = icalcomponent_as_ical_string_r(c);

	fputs(text, f);
	icalmemory_free_buffer(text);
}

int
calendar_write(FILE *f, const struct agenda_list *list,
    const struct calendar_options *opts, size_t *count, char **cause)
{
	static const char end[] = "END:VCALENDAR\r\n";
	struct icaltimetype stamp;
	icalcomponent *cal, *c;
	char *text, *tail;
	size_t k;

	if (count != NULL)
		*count = 0;
	stamp = icaltime_from_timet_with_zone(opts->stamp, 0,
	    icaltimezone_get_utc_timezone());

	/* The calendar's lines, before and after its components. */
	cal = icalcomponent_new_vcalendar();
	icalcomponent_add_property(cal, icalproperty_new_prodid(CALENDAR_PRODID));
	icalcomponent_add_property(cal, icalproperty_new_version("2.0"));
	icalcomponent_add_property(cal, icalproperty_new_calscale("GREGORIAN"));
	text = icalcomponent_as_ical_string_r(cal);
	icalcomponent_free(cal);
	tail = strstr(text, end);
	if (tail == NULL || tail[sizeof end - 1] != '\0') {
		icalmemory_free_buffer(text);
		return xfail(cause, "libical wrote an unexpected calendar");
	}
	fwrite(text, 1, (size_t)(tail - text), f);

	for (k = 0; k < list->n; k++) {
		c = calendar_component(&list->entries[k], opts, stamp);
		calendar_put(f, c);
		icalcomponent_free(c);
		if (ferror(f))
			break;
	}
	fputs(tail, f);
	icalmemory_free_buffer(text);
	if (fflush(f) != 0 || ferror(f))
		return xfail(cause, "cannot write the calendar: %s",
		    strerror(errno));
	if (count != NULL)
		*count = list->n;
	return 0;
}

void
calendar_cleanup(void)
{
	icaltimezone_free_builtin_timezones();
	icalmemory_free_ring();
}
