# SPDX-License-Identifier: MIT
# tests/dav.py URL USER PASSWORD COMMAND [ARGS]: another CalDAV client,
# for the publish tests: it counts, lists, reads, adds and edits items of
# the collection at URL, and checks each with python3-icalendar.
#
#   count            how many items the collection holds
#   uids             every item's UID, sorted, one a line
#   summaries        every item's SUMMARY, sorted, one a line
#   summaries-of FILE  the same for the items of an .ics file
#   check            every item parses, has one component with a UID
#                    and DTSTAMP, and SEQUENCE and LAST-MODIFIED when ours
#   put NAME UID     add an item of another program's as NAME
#   edit UID         change the SUMMARY of the item with UID on the server
#   get UID          print the item with UID
import base64
import re
import sys
import urllib.error
import urllib.parse
import urllib.request

import icalendar

url, user, password, command = sys.argv[1:5]
args = sys.argv[5:]
auth = "Basic " + base64.b64encode(("%s:%s" % (user, password)).encode()).decode()


def request(method, target, body=None, headers=None):
    h = {"Authorization": auth}
    h.update(headers or {})
    req = urllib.request.Request(target, data=body, method=method, headers=h)
    with urllib.request.urlopen(req, timeout=10) as resp:
        return resp.status, resp.headers, resp.read()


def items():
    """Every item: (href, etag, text)."""
    body = (b'<?xml version="1.0"?><C:calendar-query xmlns:D="DAV:" '
            b'xmlns:C="urn:ietf:params:xml:ns:caldav"><D:prop><D:getetag/>'
            b'<C:calendar-data/></D:prop><C:filter><C:comp-filter '
            b'name="VCALENDAR"/></C:filter></C:calendar-query>')
    _, _, data = request("REPORT", url, body,
                         {"Depth": "1", "Content-Type": "application/xml"})
    import xml.etree.ElementTree as ET
    root = ET.fromstring(data)
    out = []
    for resp in root.iter("{DAV:}response"):
        href = resp.find("{DAV:}href").text
        etag = resp.find(".//{DAV:}getetag")
        cal = resp.find(".//{urn:ietf:params:xml:ns:caldav}calendar-data")
        if cal is None or cal.text is None:
            continue
        out.append((href, etag.text if etag is not None else "", cal.text))
    return out


def component(text):
    cal = icalendar.Calendar.from_ical(text)
    comps = [c for c in cal.subcomponents if c.name in ("VEVENT", "VTODO")]
    return comps


def find(uid):
    for href, etag, text in items():
        for c in component(text):
            if str(c.get("uid")) == uid:
                return href, etag, text
    sys.exit("no item with UID %s" % uid)


if command == "count":
    print(len(items()))
elif command == "uids":
    uids = []
    for _, _, text in items():
        uids += [str(c.get("uid")) for c in component(text)]
    print("\n".join(sorted(uids)))
elif command == "summaries":
    out = []
    for _, _, text in items():
        out += [str(c.get("summary")) for c in component(text)]
    print("\n".join(sorted(out)))
elif command == "summaries-of":
    cal = icalendar.Calendar.from_ical(open(args[0], "rb").read())
    print("\n".join(sorted(str(c.get("summary")) for c in cal.walk()
                            if c.name in ("VEVENT", "VTODO"))))
elif command == "check":
    problems = []
    n = 0
    for href, _, text in items():
        comps = component(text)
        n += 1
        if len(comps) != 1:
            problems.append("%s: %d components" % (href, len(comps)))
            continue
        c = comps[0]
        uid = str(c.get("uid"))
        if not uid or c.get("dtstamp") is None:
            problems.append("%s: no UID or DTSTAMP" % href)
        if uid.endswith("@caseload"):
            if c.get("sequence") is None or c.get("last-modified") is None:
                problems.append("%s: no SEQUENCE or LAST-MODIFIED" % uid)
            if not href.endswith(urllib.parse.quote(uid) + ".ics") and \
                    not href.endswith(uid + ".ics"):
                problems.append("%s: named %s" % (uid, href))
    for p in problems:
        print(p)
    print("%d items checked" % n)
    sys.exit(1 if problems else 0)
elif command == "put":
    name, uid = args
    text = ("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//other//EN\r\n"
            "BEGIN:VEVENT\r\nUID:%s\r\nDTSTAMP:20261101T100000Z\r\n"
            "DTSTART;VALUE=DATE:20261215\r\nSUMMARY:Team meeting\r\n"
            "END:VEVENT\r\nEND:VCALENDAR\r\n" % uid)
    request("PUT", url + name, text.encode(),
            {"Content-Type": "text/calendar"})
elif command == "edit":
    href, etag, text = find(args[0])
    text = re.sub(r"SUMMARY:[^\r\n]*", "SUMMARY:Moved by hand", text, count=1)
    target = urllib.parse.urljoin(url, href)
    request("PUT", target, text.encode(), {"Content-Type": "text/calendar",
                                           "If-Match": etag})
elif command == "get":
    print(find(args[0])[2])
else:
    sys.exit("unknown command " + command)
