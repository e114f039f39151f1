"""`make soak`: the portal under load while its database restarts, and what it lost (nothing).

A private PostgreSQL cluster (initdb into var/soak-pg, on a free port from 5499: the shared
server is never touched), the demo content, 20 members with sessions, and gunicorn in
production mode on a free port. For SOAK_SECONDS (60), 20 members post comments and 20 readers
browse; halfway through, PostgreSQL is stopped (fast), left down for 3 seconds and started
again. Then:

- every comment whose post was answered with success (a redirect to it) is in the database;
- the only errors were 503 pages, for requests made while the database was down;
- the portal answered successfully within 5 seconds of the database coming back.

Then the digests: DIGEST_MEMBERS members each have notifications waiting for their weekly
digest; `manage.py send_digests` is killed with SIGKILL halfway through and run again, then
the job worker is killed with SIGKILL while it sends them, its jobs queued again
(`requeue_stuck_jobs`) and a worker run to the end. Every member must have exactly one
digest, written once and shown once in their mailbox: sending is at least once (a worker
killed between the mail server's "ok" and its commit sends that e-mail again), and a repeat has
the same Message-ID, which mailboxes show once; the figures count repeats.

It prints the figures and exits 1 when a requirement is not met. Whatever happens, it stops
gunicorn, the private cluster and its mail sink. Not a pytest test (it takes a minute and
starts servers); CI leaves it out.
"""

import contextlib
import glob
import os
import random
import shutil
import signal
import socket
import socketserver
import subprocess
import sys
import threading
import time
import uuid
from collections import Counter
from dataclasses import dataclass
from http.client import HTTPConnection
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CLUSTER = ROOT / "var" / "soak-pg"
SECONDS = float(os.environ.get("SOAK_SECONDS", "60"))
POSTERS = READERS = 20
DOWN_SECONDS = 3
DIGEST_MEMBERS = int(os.environ.get("SOAK_DIGEST_MEMBERS", "400"))
RECOVERY_LIMIT = 5.0
SECRET_KEY = "soak-" + uuid.uuid4().hex * 2
READ_PATHS = ["/", "/practices/", "/practices/?q=trust", "/lessons/", "/lessons/2/", "/cities/",
              "/events/", "/lessons/coverage/"]  # fmt: skip


@dataclass
class Answer:
    started: float
    ended: float
    status: int  # 0: no HTTP answer at all; -503: a 503 that is not the portal's page
    body: str = ""  # the comment posted, for posts


def free_port(start):
    for port in range(start, start + 200):
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) != 0:
                return port
    raise RuntimeError(f"no free port from {start}")


class Cluster:
    """A throw-away PostgreSQL cluster of our own; as root, it runs as the postgres user."""

    def __init__(self, port):
        self.port = port
        [self.bin] = sorted(glob.glob("/usr/lib/postgresql/*/bin"))[-1:]
        self.as_postgres = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []

    def run(self, *args):
        command = [*self.as_postgres, f"{self.bin}/{args[0]}", *args[1:]]
        subprocess.run(command, check=True, capture_output=True)

    def create(self):
        shutil.rmtree(CLUSTER, ignore_errors=True)
        CLUSTER.mkdir(parents=True)
        if self.as_postgres:
            shutil.chown(CLUSTER, "postgres")
        self.run("initdb", "-D", str(CLUSTER), "-U", "postgres", "--auth=trust", "-E", "UTF8")

    def start(self):
        options = (f"-p {self.port} -c listen_addresses=127.0.0.1 "
                   f"-c unix_socket_directories={CLUSTER} -c max_connections=200")  # fmt: skip
        self.run("pg_ctl", "-D", str(CLUSTER), "-o", options, "-l", str(CLUSTER / "log"), "-w",
                 "start")  # fmt: skip

    def stop(self):
        self.run("pg_ctl", "-D", str(CLUSTER), "-m", "fast", "-w", "stop")

    def url(self, database):
        return f"postgres://postgres@127.0.0.1:{self.port}/{database}"


class MailSink(socketserver.ThreadingTCPServer):
    """Just enough SMTP to take the portal's notifications and drop them."""

    daemon_threads = allow_reuse_address = True

    class Handler(socketserver.StreamRequestHandler):
        def handle(self):
            self.wfile.write(b"220 soak\r\n")
            in_data, recipients, message_id = False, [], ""
            for line in self.rfile:
                if in_data:
                    if line.lower().startswith(b"message-id:") and not message_id:
                        message_id = line.split(b":", 1)[1].strip().decode()
                    in_data = line.rstrip(b"\r\n") != b"."
                    if not in_data:
                        # Taken: counted once the sender was told so, as a real server would.
                        self.wfile.write(b"250 ok\r\n")
                        self.server.received.update(recipients)
                        for recipient in recipients:
                            self.server.messages.setdefault(recipient, set()).add(message_id)
                        recipients, message_id = [], ""
                    continue
                verb = line[:4].upper()
                if verb == b"RCPT":
                    recipients.append(line.split(b"<", 1)[-1].split(b">", 1)[0].decode())
                    self.wfile.write(b"250 ok\r\n")
                elif verb == b"DATA":
                    in_data = True
                    self.wfile.write(b"354 go on\r\n")
                elif verb == b"QUIT":
                    self.wfile.write(b"221 bye\r\n")
                    return
                else:
                    self.wfile.write(b"250 ok\r\n")

    def __init__(self, port):
        super().__init__(("127.0.0.1", port), self.Handler)
        self.received = Counter()  # deliveries to each address
        self.messages = {}  # each address's distinct Message-IDs: what its mailbox shows


def prepare(env):
    """Migrate, load the demo, collect static files, and sign in 20 confirmed members.
    Returns their session keys and the published practices' slugs."""
    subprocess.run([sys.executable, "manage.py", "migrate", "-v0"], cwd=ROOT, env=env, check=True)
    for command in (["load_demo", "-v0"], ["collectstatic", "--noinput", "-v0"]):
        subprocess.run([sys.executable, "manage.py", *command], cwd=ROOT, env=env, check=True)
    os.environ.update(env)
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from allauth.account.models import EmailAddress
    from django.test import Client

    from accounts.models import User
    from practices.models import Practice

    sessions = []
    for number in range(POSTERS):
        email = f"soak{number}@example.org"
        user = User.objects.create_user(email, uuid.uuid4().hex, display_name=f"Soak {number}")
        EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
        client = Client()
        client.force_login(user)
        sessions.append(client.cookies["sessionid"].value)
    slugs = list(Practice.objects.published().values_list("slug", flat=True))
    from django.db import connection

    connection.close()
    return sessions, slugs


def request(port, method, path, headers=None, body=None):
    connection = HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        connection.request(method, path, body=body, headers=headers or {})
        response = connection.getresponse()
        page = response.read()
        # A 503 must be the portal's own page (templates/503.html), not a proxy's or a crash.
        if response.status == 503 and b"Back in a moment" not in page:
            return -503
        return response.status
    except OSError:
        return 0
    finally:
        connection.close()


def poster(port, session, slugs, stop, answers):
    csrf = uuid.uuid4().hex  # an unmasked CSRF secret: cookie and header agree
    headers = {"Cookie": f"sessionid={session}; csrftoken={csrf}", "X-CSRFToken": csrf,
               "Content-Type": "application/x-www-form-urlencoded"}  # fmt: skip
    while not stop.is_set():
        body = f"soak-{uuid.uuid4().hex}"
        slug = random.choice(slugs)
        started = time.monotonic()
        status = request(port, "POST", f"/practices/{slug}/comments/", headers,
                         f"body={body}&token={uuid.uuid4().hex}")  # fmt: skip
        answers.append(Answer(started, time.monotonic(), status, body))


def reader(port, slugs, stop, answers):
    paths = READ_PATHS + [f"/practices/{slug}/" for slug in slugs]
    while not stop.is_set():
        started = time.monotonic()
        status = request(port, "GET", random.choice(paths))
        answers.append(Answer(started, time.monotonic(), status))


def wait_for(port, path, seconds=30):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if request(port, "GET", path) == 200:
            return
        time.sleep(0.2)
    raise RuntimeError(f"nothing answered 200 on port {port} at {path}")


def main():
    cluster = Cluster(free_port(5499))
    web_port, mail_port = free_port(8499), free_port(2599)
    gunicorn = None
    mail = MailSink(mail_port)
    threading.Thread(target=mail.serve_forever, daemon=True).start()
    try:
        cluster.create()
        cluster.start()
        subprocess.run(["psql", cluster.url("postgres"), "-qc", "CREATE DATABASE portal_soak"],
                       check=True, capture_output=True)  # fmt: skip
        env = {
            **{k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")},
            "DJANGO_SETTINGS_MODULE": "portal.settings",
            "DATABASE_URL": cluster.url("portal_soak"),
            "DJANGO_DEBUG": "0",
            "DJANGO_SECRET_KEY": SECRET_KEY,
            "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
            "DJANGO_SECURE_COOKIES": "0",
            "DJANGO_SECURE_SSL_REDIRECT": "0",
            "DJANGO_SECURE_HSTS_SECONDS": "0",
            "DJANGO_COMMENTS_PER_MINUTE": "100000",
            "DJANGO_EMAIL_HOST": "127.0.0.1",
            "DJANGO_EMAIL_PORT": str(mail_port),
            "DJANGO_EMAIL_USE_TLS": "0",
            "DJANGO_LOG_LEVEL": "CRITICAL",
        }
        env.pop("REDIS_URL", None)
        sessions, slugs = prepare(env)

        gunicorn = subprocess.Popen(
            [str(ROOT / ".venv/bin/gunicorn"), "portal.wsgi", "--bind", f"127.0.0.1:{web_port}",
             "--workers", "3", "--threads", "8", "--worker-class", "gthread",
             "--log-level", "warning"],
            cwd=ROOT, env=env, start_new_session=True, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        wait_for(web_port, "/healthz")

        stop, answers = threading.Event(), []
        workers = [threading.Thread(target=poster, args=(web_port, s, slugs, stop, answers))
                   for s in sessions]  # fmt: skip
        workers += [threading.Thread(target=reader, args=(web_port, slugs, stop, answers))
                    for _ in range(READERS)]  # fmt: skip
        print(f"soak: {POSTERS} members posting, {READERS} reading, for {SECONDS:.0f} s; "
              f"PostgreSQL restarts at {SECONDS / 2:.0f} s")  # fmt: skip
        begin = time.monotonic()
        for worker in workers:
            worker.start()
        time.sleep(SECONDS / 2)
        down = time.monotonic()
        cluster.stop()
        time.sleep(DOWN_SECONDS)
        cluster.start()
        up = time.monotonic()
        time.sleep(max(0.0, begin + SECONDS - time.monotonic()))
        stop.set()
        for worker in workers:
            worker.join()
        failed = report(answers, begin, down, up, cluster)
        return digests(env, mail) or failed
    finally:
        if gunicorn is not None:
            os.killpg(gunicorn.pid, signal.SIGTERM)
            gunicorn.wait(timeout=30)
        with contextlib.suppress(subprocess.CalledProcessError):  # already stopped
            cluster.stop()
        mail.shutdown()


def report(answers, begin, down, up, cluster):
    from practices.models import Comment

    posted = [a for a in answers if a.body]
    succeeded = {a.body for a in posted if a.status == 302}
    stored = set(Comment.objects.filter(body__in=succeeded).values_list("body", flat=True))
    # Refused posts may have been stored all the same (the comment commits, then its
    # notifications fail): no requirement, but worth knowing.
    refused = {a.body for a in posted if a.status != 302}
    stored_anyway = Comment.objects.filter(body__in=refused).count()
    errors = [a for a in answers if a.status not in (200, 302)]
    during = [a for a in errors if a.status == 503 and a.started <= up]
    wrong = [a for a in errors if a not in during]
    first_after = min((a.ended for a in answers if a.started >= up and a.status in (200, 302)),
                      default=None)  # fmt: skip
    recovery = None if first_after is None else first_after - up

    print(f"requests: {len(answers)} ({len(posted)} comment posts, "
          f"{len(answers) - len(posted)} page reads)")  # fmt: skip
    print(f"database down from {down - begin:.1f} s to {up - begin:.1f} s")
    print(f"comments answered with success: {len(succeeded)}; of them in the database: "
          f"{len(stored)}; missing: {len(succeeded - stored)}")  # fmt: skip
    print(f"comment posts answered with an error: {len(refused)}; stored all the same: "
          f"{stored_anyway}")  # fmt: skip
    print(f"errors by status: {dict(Counter(a.status for a in errors)) or 'none'} "
          f"(503 while the database was down: {len(during)}; any other: {len(wrong)})")  # fmt: skip
    print("first success after the database came back: "
          + ("never" if recovery is None else f"{recovery:.2f} s"))  # fmt: skip

    failures = []
    if not succeeded:
        failures.append("no comment was posted successfully")
    if succeeded - stored:
        failures.append("comments answered with success are missing from the database")
    if wrong:
        failures.append("errors other than 503 while the database was down")
    if recovery is None or recovery > RECOVERY_LIMIT:
        failures.append(f"no success within {RECOVERY_LIMIT:.0f} s of the database coming back")
    for failure in failures:
        print(f"FAIL: {failure}")
    print("soak: " + ("FAILED" if failures else "passed"))
    return 1 if failures else 0


def manage(env, *args):
    """A management command in a process of its own; what it says goes to var/soak-<name>.log."""
    log = open(ROOT / "var" / f"soak-{args[0]}.log", "a")  # noqa: SIM115 - the process keeps it
    return subprocess.Popen([sys.executable, "manage.py", *args], cwd=ROOT, env=env,
                            stdout=log, stderr=subprocess.STDOUT)  # fmt: skip


def kill_when(process, condition, seconds=120):
    """SIGKILL `process` as soon as `condition()` holds; False if it ended first."""
    deadline = time.monotonic() + seconds
    while process.poll() is None and time.monotonic() < deadline:
        if condition():
            process.kill()
            process.wait()
            return True
        time.sleep(0.01)
    return False


def digests(env, mail):
    from django.db import connection
    from django.db.models import Count

    from accounts.models import User
    from notifications.models import Digest, Email, Notification, Preference

    members = [User.objects.create_user(f"digest{n}@example.org", uuid.uuid4().hex)
               for n in range(DIGEST_MEMBERS)]  # fmt: skip
    Preference.objects.bulk_create(
        Preference(user=user, kind="comment", frequency="weekly") for user in members
    )
    Notification.objects.bulk_create(
        Notification(user=user, kind="comment", key=f"soak:{n}", group="Soak thread",
                     text=f"Soak comment {n}", url="https://example.org/")
        for user in members for n in range(5)
    )  # fmt: skip
    connection.close()
    print(f"digests: {DIGEST_MEMBERS} members with 5 notifications each")

    run = manage(env, "send_digests")
    killed = kill_when(run, lambda: Digest.objects.count() >= DIGEST_MEMBERS // 3)
    print(f"send_digests killed with SIGKILL after {Digest.objects.count()} digests: {killed}")
    manage(env, "send_digests").wait()

    worker = manage(env, "db_worker", "--no-reload", "--interval", "0.1", "--no-startup-delay")
    killed = kill_when(
        worker, lambda: Email.objects.filter(status="sent").count() >= DIGEST_MEMBERS // 3
    )
    print(f"worker killed with SIGKILL after {Email.objects.filter(status='sent').count()} "
          f"e-mails sent: {killed}")  # fmt: skip
    manage(env, "requeue_stuck_jobs", "--minutes", "0").wait()
    manage(env, "db_worker", "--no-reload", "--batch", "--no-startup-delay").wait()
    time.sleep(1)  # the sink's last connections

    addresses = {user.email for user in members}
    written = Counter(dict(Digest.objects.filter(user__in=members).values_list("user__email")
                           .annotate(n=Count("id"))))  # fmt: skip
    received = {address: mail.received[address] for address in addresses}
    shown = {address: len(mail.messages.get(address, ())) for address in addresses}
    waiting = Email.objects.exclude(status="sent").filter(subject__icontains="digest").count()
    print(f"digests written: {sum(written.values())} for {len(written)} members; received: "
          f"{sum(received.values())}; members without one: "
          f"{sum(1 for n in received.values() if n == 0)}; with two or more: "
          f"{sum(1 for n in received.values() if n > 1)} (repeats of the same Message-ID: "
          f"{sum(received.values()) - sum(shown.values())}); not sent: {waiting}")  # fmt: skip
    failures = []
    if any(written[address] != 1 for address in addresses):
        failures.append("a member's digest was written other than once")
    if any(n != 1 for n in shown.values()):
        failures.append("a member's mailbox shows their digest other than once")
    for failure in failures:
        print(f"FAIL: {failure}")
    print("digests: " + ("FAILED" if failures else "passed"))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
