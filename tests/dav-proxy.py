# SPDX-License-Identifier: MIT
# tests/dav-proxy.py PORT TARGET_PORT STOP_AFTER [lose]: a WebDAV server
# that stops mid-publish, for the publish tests.  It passes each request
# on to the server at 127.0.0.1:TARGET_PORT and its answer back, until it
# has passed STOP_AFTER requests that change something (PUT, DELETE); at
# the next one it stops at once, as a server that was shut down does: the
# request is not passed on, the connection is dropped, and nothing
# answers any more.  With "lose", that last request is passed on first,
# and only its answer is lost.  STOP_AFTER -1 never stops.  It prints
# "ready" when it is listening.
import http.client
import http.server
import os
import sys

port, target, stop_after = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
lose = sys.argv[4:] == ["lose"]
changes = 0


class Proxy(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def relay(self):
        global changes
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else None
        stop = False
        if self.command in ("PUT", "DELETE"):
            stop = changes == stop_after
            if stop and not lose:
                os._exit(0)
            changes += 1
        conn = http.client.HTTPConnection("127.0.0.1", target, timeout=10)
        headers = {k: v for k, v in self.headers.items()
                   if k.lower() not in ("host", "connection")}
        conn.request(self.command, self.path, body, headers)
        resp = conn.getresponse()
        data = resp.read()
        if stop:
            os._exit(0)
        self.send_response(resp.status, resp.reason)
        for k, v in resp.getheaders():
            if k.lower() not in ("transfer-encoding", "connection",
                                 "content-length"):
                self.send_header(k, v)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)
        conn.close()

    do_GET = do_PUT = do_DELETE = do_PROPFIND = do_REPORT = relay
    do_OPTIONS = do_HEAD = do_MKCOL = relay


server = http.server.ThreadingHTTPServer(("127.0.0.1", port), Proxy)
print("ready", flush=True)
server.serve_forever()
