# SPDX-License-Identifier: MIT
# tests/dav-hostile.py LOG MODE PORT...: a CalDAV server that does not
# play fair, for tests/cli/publish-hostile.sh.  It listens on 127.0.0.1
# at each PORT (the first is the calendar, /worker/cal/; the others stand
# for another computer or a proxy) and writes one line to LOG for every
# request it gets: "PORT METHOD PATH AUTH" (AUTH "auth" when a password
# came with it, "-" when not).  MODE says what PROPFIND on the first port
# answers:
#   hrefs     a list naming items elsewhere: on another port, in another
#             collection, above the collection with ../, with %2F in
#             their name, in a sub-collection; and one item named as
#             caseload's inside the collection
#   big       a list of more than 16 MiB
#   redirect  301 to the same path on the second port
# PUT keeps the item (listed after that) and answers 201 with an ETag,
# GET gives it back (or an empty calendar), DELETE answers 204.  It
# prints "ready" when it is listening, and stops after 120 seconds.
import http.server
import sys
import threading

log_path, mode = sys.argv[1], sys.argv[2]
ports = [int(p) for p in sys.argv[3:]]
lock = threading.Lock()

HREFS = """<?xml version="1.0" encoding="utf-8"?>
<d:multistatus xmlns:d="DAV:">
<!-- a comment with a > in it -->
<d:response><d:href>/worker/cal/</d:href><d:propstat><d:prop>
<d:getetag/></d:prop></d:propstat></d:response>
<d:response><d:href>http://127.0.0.1:{other}/worker/cal/a@caseload.ics</d:href>
<d:propstat><d:prop><d:getetag>"x1"</d:getetag></d:prop></d:propstat></d:response>
<d:response><d:href>/someone-else/cal/b@caseload.ics</d:href>
<d:propstat><d:prop><d:getetag>"x2"</d:getetag></d:prop></d:propstat></d:response>
<d:response><d:href>/worker/cal/../../etc/c@caseload.ics</d:href>
<d:propstat><d:prop><d:getetag>"x3"</d:getetag></d:prop></d:propstat></d:response>
<d:response><d:href>/worker/cal/x%2Fd@caseload.ics</d:href>
<d:propstat><d:prop><d:getetag>"x4"</d:getetag></d:prop></d:propstat></d:response>
<d:response><d:href>/worker/cal/sub/e@caseload.ics</d:href>
<d:propstat><d:prop><d:getetag>"x5"</d:getetag></d:prop></d:propstat></d:response>
<d:response><d:href>https://127.0.0.1:{port}/worker/cal/f@caseload.ics</d:href>
<d:propstat><d:prop><d:getetag>"x6"</d:getetag></d:prop></d:propstat></d:response>
<d:response><d:href>/worker/cal/h@caseload.ics</d:href>
<d:propstat><d:prop><d:getetag>"x8"</d:getetag></d:prop></d:propstat></d:response>
{items}</d:multistatus>
"""
ITEM = """<d:response><d:href>{href}</d:href>
<d:propstat><d:prop><d:getetag>"e1"</d:getetag></d:prop></d:propstat></d:response>
"""
items = {}


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def answer(self, code, body=b"", headers=()):
        self.send_response(code)
        for name, value in headers:
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def any(self):
        port = self.server.server_port
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        with lock, open(log_path, "a") as log:
            log.write("%d %s %s %s\n" % (
                port, self.command, self.path,
                "auth" if self.headers.get("Authorization") else "-"))
        if port != ports[0]:
            self.answer(404)
        elif self.command == "PROPFIND" and mode == "redirect":
            self.answer(301, headers=[("Location", "http://127.0.0.1:%d%s"
                                       % (ports[1], self.path))])
        elif self.command == "PROPFIND" and mode == "big":
            pad = b"<!-- " + b"x" * (17 * 1024 * 1024) + b" -->"
            body = (b'<?xml version="1.0"?><d:multistatus xmlns:d="DAV:">'
                    + pad + b"</d:multistatus>")
            self.answer(207, body, [("Content-Type", "application/xml")])
        elif self.command == "PROPFIND":
            listed = "".join(ITEM.format(href=h) for h in sorted(items))
            body = HREFS.format(other=ports[1], port=port,
                                items=listed).encode()
            self.answer(207, body, [("Content-Type", "application/xml")])
        elif self.command == "PUT":
            items[self.path] = body
            self.answer(201, headers=[("ETag", '"e1"')])
        elif self.command == "GET":
            self.answer(200, items.get(self.path,
                                       b"BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n"))
        elif self.command == "DELETE":
            self.answer(204)
        else:
            self.answer(405)

    do_PROPFIND = do_PUT = do_GET = do_DELETE = do_POST = any

    def do_CONNECT(self):
        self.any()


servers = [http.server.ThreadingHTTPServer(("127.0.0.1", p), Handler)
           for p in ports]
for s in servers:
    threading.Thread(target=s.serve_forever, daemon=True).start()
print("ready", flush=True)
threading.Event().wait(120)
