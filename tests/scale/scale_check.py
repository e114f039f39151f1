"""`make scale-check`: two app servers behind nginx, and what a visitor sees whichever answers.

Two gunicorn servers, A and B, serve the portal as in production (debug off, one secret key,
the PostgreSQL database of DATABASE_URL, Redis db 7 as the shared cache, the anonymous page
cache on), each on a free port, with Debian's nginx in front as a round-robin load balancer
(its own configuration in a temporary directory, never the system service). Then, talking to A
and B directly so that which server answers is never left to chance:

1. a member signed in through A is signed in on B;
2. a comment posted through A is on the practice's page read through B at once, for that
   member and for an anonymous reader whose copy of the page B had in its page cache;
3. a practice published with the admin's action through A is on B's list at once, for an
   anonymous reader whose copy of the list B had cached;
4. failed sign-ins for one address, alternately on A and B, hit allauth's limit
   (ACCOUNT_RATE_LIMITS["login_failed"]) after its number in total, not per server;

and, through nginx, that requests reach both servers and a member stays signed in on both.

It prints a PASS or FAIL line for each and exits 1 on any failure. Whatever happens, it stops
nginx, both servers and the mail sink. It never uses the databases `portal` or `test_portal`,
and empties Redis db 7 first. Not a pytest test: it starts servers.
"""

import gzip
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from dataclasses import dataclass
from html.parser import HTMLParser
from http.client import HTTPConnection
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import urlencode, urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tests.soak.soak import MailSink, free_port, wait_for  # noqa: E402

DATABASE_URL = os.environ.get("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/portal_scale")
REDIS_URL = "redis://127.0.0.1:6379/7"
# Other work uses these: never migrate, fill or empty them from here.
FORBIDDEN_DATABASES = {"portal", "test_portal"}
NGINX = "/usr/sbin/nginx"
PAGE_CACHE_SECONDS = 300
PASSWORD = "scale check " + uuid.uuid4().hex
RUN = uuid.uuid4().hex[:8]  # in this run's addresses, titles and comments
NOT_CORRECT = "The email address and/or password you specified are not correct."
TOO_MANY = "Too many failed login attempts. Try again later."


def environment(mail_port):
    """Production settings over plain http on one machine, the same for both servers."""
    return {
        **{k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")},
        "DJANGO_SETTINGS_MODULE": "portal.settings",
        "DATABASE_URL": DATABASE_URL,
        "REDIS_URL": REDIS_URL,
        "DJANGO_DEBUG": "0",
        # One key for every server: sessions and their password hashes are signed with it.
        "DJANGO_SECRET_KEY": "scale-" + uuid.uuid4().hex * 2,
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "DJANGO_SECURE_COOKIES": "0",
        "DJANGO_SECURE_SSL_REDIRECT": "0",
        "DJANGO_SECURE_HSTS_SECONDS": "0",
        # nginx sets X-Forwarded-Proto and appends the client to X-Forwarded-For.
        "DJANGO_SECURE_PROXY_SSL_HEADER": "1",
        "DJANGO_TRUSTED_PROXY_COUNT": "1",
        "DJANGO_PAGE_CACHE_SECONDS": str(PAGE_CACHE_SECONDS),
        "DJANGO_EMAIL_HOST": "127.0.0.1",
        "DJANGO_EMAIL_PORT": str(mail_port),
        "DJANGO_EMAIL_USE_TLS": "0",
        "DJANGO_LOG_LEVEL": "WARNING",
    }


def database_name():
    parts = urlsplit(DATABASE_URL)
    name = parts.path.lstrip("/")
    if not parts.scheme.startswith("postgres") or not name:
        raise SystemExit(f"scale-check needs a PostgreSQL DATABASE_URL, not {DATABASE_URL!r}")
    if name in FORBIDDEN_DATABASES:
        raise SystemExit(f"scale-check refuses the database {name!r}: others use it")
    return name


def create_database(name):
    import psycopg
    from psycopg import sql

    server = urlunsplit(urlsplit(DATABASE_URL)._replace(path="/postgres"))
    with psycopg.connect(server, autocommit=True) as connection:
        found = connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
        if found.fetchone() is None:
            connection.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
            print(f"created the database {name}")


def prepare(env):
    """Empty the cache, migrate, load the demo, collect static files; then, in this process,
    the cast: a member, a curator with an authenticator app, an address to fail sign-ins
    with, and a submitted practice for the curator to publish."""
    import redis

    try:
        redis.Redis.from_url(REDIS_URL).flushdb()
    except redis.ConnectionError as error:
        raise RuntimeError(f"Redis does not answer at {REDIS_URL}: start it ({error})") from None
    for command in (
        ["migrate", "-v0"],
        ["load_demo", "-v0"],
        ["collectstatic", "--noinput", "-v0"],
    ):
        subprocess.run([sys.executable, "manage.py", *command], cwd=ROOT, env=env, check=True)
    os.environ.update(env)
    import django

    django.setup()
    from allauth.account import app_settings as account_settings
    from allauth.account.models import EmailAddress
    from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
    from django.db import connection

    from accounts.models import User
    from practices.models import City, Lesson, Practice

    def confirmed(role, create=User.objects.create_user):
        email = f"scale-{RUN}-{role}@example.org"
        user = create(email, PASSWORD, display_name=f"Scale {role.title()} {RUN}")
        EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
        return user

    member, locked = confirmed("member"), confirmed("locked")
    staff = confirmed("curator", User.objects.create_superuser)
    staff.totp_secret = generate_totp_secret()
    TOTP.activate(staff, staff.totp_secret)
    commented = Practice.objects.published().order_by("slug").first()
    submitted = Practice.objects.create(
        title=f"Scale check practice {RUN}",
        slug=f"scale-check-{RUN}",
        city=City.objects.order_by("slug").first(),
        summary="Published from the admin through one server, listed by the other.",
        start_year=2024,
        status=Practice.Status.SUBMITTED,
        submitted_by=member,
    )
    submitted.lessons.set(Lesson.objects.filter(number=1))
    # "10/m/ip,5/300s/key": the per-address part is the one that locks an account.
    rates = account_settings.RATE_LIMITS["login_failed"].split(",")
    [limit] = [int(rate.split("/")[0]) for rate in rates if rate.endswith("/key")]
    connection.close()
    return member, staff, locked, commented, submitted, limit


@dataclass
class Page:
    status: int
    headers: dict
    text: str
    from_page_cache: bool  # served from the page cache: stored pages alone come gzipped

    @property
    def location(self):
        return self.headers.get("location", "")


class Visitor:
    """One browser. Its cookies go to every port, as a browser's do (a cookie's host has no
    port), so a session made on A is offered to B as it would be behind a load balancer."""

    def __init__(self):
        self.cookies = {}

    def request(self, port, method, path, fields=None):
        headers = {"Accept-Encoding": "gzip", "Origin": f"http://127.0.0.1:{port}"}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        body = None
        if fields is not None:
            body = urlencode(fields, doseq=True)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        connection = HTTPConnection("127.0.0.1", port, timeout=60)
        try:
            connection.request(method, path, body=body, headers=headers)
            response = connection.getresponse()
            raw = response.read()
        finally:
            connection.close()
        for value in response.headers.get_all("Set-Cookie") or []:
            for name, morsel in SimpleCookie(value).items():
                if morsel.value and morsel["max-age"] != "0":
                    self.cookies[name] = morsel.value
                else:
                    self.cookies.pop(name, None)
        zipped = response.headers.get("Content-Encoding") == "gzip"
        text = (gzip.decompress(raw) if zipped else raw).decode("utf-8", "replace")
        headers = {k.lower(): v for k, v in response.headers.items()}
        return Page(response.status, headers, text, zipped)

    def get(self, port, path):
        return self.request(port, "GET", path)

    def submit(self, port, path, to, **values):
        """Read the page at `path`, fill in its form posting `to` that address and send it."""
        page = self.get(port, path)
        fields = form_fields(page.text, to)
        if fields is None:
            raise RuntimeError(f"no form posting to {to!r} on {path} ({page.status})")
        fields.update(values)
        return self.request(port, "POST", to or path, fields)


class Forms(HTMLParser):
    """The fields of each form on a page, with their values as the page gives them."""

    def __init__(self):
        super().__init__()
        self.forms, self.textarea = [], None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self.forms.append((attrs.get("method", "get").lower(), attrs.get("action") or "", {}))
        elif not self.forms or "name" not in attrs:
            return
        elif tag == "input" and attrs.get("type") not in ("checkbox", "radio", "submit"):
            self.forms[-1][2][attrs["name"]] = attrs.get("value") or ""
        elif tag == "textarea":
            self.textarea = attrs["name"]
            self.forms[-1][2][self.textarea] = ""

    def handle_data(self, data):
        if self.textarea:
            self.forms[-1][2][self.textarea] += data

    def handle_endtag(self, tag):
        if tag == "textarea":
            self.textarea = None


def form_fields(html, action):
    """The fields of the page's post form whose action is `action` ("": the page itself)."""
    parser = Forms()
    parser.feed(html)
    for method, found, fields in parser.forms:
        if method == "post" and found == action:
            return fields
    return None


def sign_in(visitor, port, user, password=PASSWORD):
    """Through the log-in form of the server on `port`, and its code step for staff."""
    page = visitor.submit(
        port, "/accounts/login/", "/accounts/login/", login=user.email, password=password
    )
    if page.status == 302 and "/2fa/authenticate/" in page.location:
        from tests.accounts.utils import totp_code

        path = urlsplit(page.location).path
        page = visitor.submit(port, path, path, code=totp_code(user.totp_secret))
    return page


class Results:
    def __init__(self):
        self.failed = []

    def check(self, passed, what, evidence=""):
        print(f"{'PASS' if passed else 'FAIL'}: {what}" + (f" ({evidence})" if evidence else ""))
        if not passed:
            self.failed.append(what)
        return passed


class Processes:
    """Servers started for the check; stopped, each process group, whatever happens."""

    def __init__(self, workdir):
        self.workdir, self.started = workdir, []

    def start(self, name, command, env=None):
        log = open(self.workdir / f"{name}.log", "wb")  # noqa: SIM115 (closed in stop)
        process = subprocess.Popen(
            command, cwd=ROOT, env=env, stdout=log, stderr=log, start_new_session=True
        )
        self.started.append((name, process, log))
        return process

    def stop(self):
        for _name, process, log in reversed(self.started):
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGTERM)
                try:
                    process.wait(timeout=30)
                except subprocess.TimeoutExpired:
                    os.killpg(process.pid, signal.SIGKILL)
                    process.wait()
            log.close()

    def logs(self):
        for name, _process, _log in self.started:
            text = (self.workdir / f"{name}.log").read_text(errors="replace").strip()
            if text:
                print(f"--- {name}.log (last lines)\n" + "\n".join(text.splitlines()[-20:]))


def gunicorn(port):
    return [
        str(ROOT / ".venv/bin/gunicorn"),
        "portal.wsgi",
        "--bind",
        f"127.0.0.1:{port}",
        "--workers",
        "2",
        "--worker-class",
        "sync",
        "--log-level",
        "warning",
    ]


def nginx_conf(prefix, port, upstreams):
    servers = "".join(f"        server 127.0.0.1:{p};\n" for p in upstreams)
    temp = "".join(
        f"    {kind}_temp_path {prefix}/{kind};\n"
        for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
    )
    return f"""daemon off;
worker_processes 1;
pid {prefix}/nginx.pid;
error_log {prefix}/nginx-error.log warn;
events {{ worker_connections 64; }}
http {{
    access_log {prefix}/nginx-access.log;
{temp}    upstream portal {{
        # Round robin, nginx's default.
{servers}    }}
    server {{
        listen 127.0.0.1:{port};
        location / {{
            proxy_pass http://portal;
            proxy_set_header Host $http_host;
            proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
            proxy_set_header X-Forwarded-Proto $scheme;
            # Which server answered, for this check only.
            add_header X-Upstream $upstream_addr always;
        }}
    }}
}}
"""


def main():
    if not os.access(NGINX, os.X_OK):
        raise SystemExit(
            f"scale-check needs Debian's nginx at {NGINX}: run "
            "'sudo apt-get install nginx' (make scale-check does, as root)"
        )
    name = database_name()
    port_a = free_port(8601)
    port_b = free_port(port_a + 1)
    lb_port, mail_port = free_port(port_b + 1), free_port(2601)
    mail = MailSink(mail_port)
    threading.Thread(target=mail.serve_forever, daemon=True).start()
    workdir = Path(tempfile.mkdtemp(prefix="scale-check-"))
    # nginx's workers (nobody, when started as root) must reach their temporary directories.
    workdir.chmod(0o755)
    processes = Processes(workdir)
    results = Results()
    try:
        env = environment(mail_port)
        create_database(name)
        cast = prepare(env)
        for label, port in (("a", port_a), ("b", port_b)):
            processes.start(f"gunicorn-{label}", gunicorn(port), env)
        conf = workdir / "nginx.conf"
        conf.write_text(nginx_conf(workdir, lb_port, [port_a, port_b]))
        # -e: the error log before the configuration is read is ours too, not /var/log's.
        nginx = [NGINX, "-e", f"{workdir}/nginx-error.log", "-p", str(workdir), "-c", str(conf)]
        processes.start("nginx", nginx)
        for port in (port_a, port_b, lb_port):
            wait_for(port, "/healthz")
        print(
            f"scale-check: gunicorn A on :{port_a}, B on :{port_b}, nginx on :{lb_port}; "
            f"database {name}, cache {REDIS_URL}, page cache {PAGE_CACHE_SECONDS} s"
        )
        run_checks(results, port_a, port_b, lb_port, *cast)
    except Exception as error:
        results.check(False, f"the check ran to its end: {type(error).__name__}: {error}")
    finally:
        if results.failed:
            processes.logs()
        processes.stop()
        mail.shutdown()
        shutil.rmtree(workdir, ignore_errors=True)
    print(
        "scale-check: " + ("FAILED: " + "; ".join(results.failed) if results.failed else "passed")
    )
    return 1 if results.failed else 0


def run_checks(results, port_a, port_b, lb_port, member, staff, locked, commented, practice, limit):
    check = results.check

    # Through nginx: both servers answer, in turn.
    upstreams = [Visitor().get(lb_port, "/healthz").headers.get("x-upstream") for _ in range(4)]
    check(
        {f"127.0.0.1:{port_a}", f"127.0.0.1:{port_b}"} <= set(upstreams),
        "nginx sends requests to both servers",
        f"answered by {', '.join(upstreams)}",
    )

    # 1. A session made on A is one on B.
    reader = Visitor()
    signed = sign_in(reader, port_a, member)
    check(
        signed.status == 302 and "sessionid" in reader.cookies,
        "a member signs in through A",
        f"{signed.status} to {signed.location}",
    )
    on_b = reader.get(port_b, "/my/profile/")
    anonymous_b = Visitor().get(port_b, "/my/profile/")
    check(
        on_b.status == 200 and member.display_name in on_b.text and anonymous_b.status == 302,
        "A's session is valid on B",
        f"B's /my/profile/: {on_b.status} for the member, {anonymous_b.status} to "
        f"{anonymous_b.location} for an anonymous visitor",
    )
    through_lb = [reader.get(lb_port, "/my/profile/") for _ in range(4)]
    check(
        all(p.status == 200 and member.display_name in p.text for p in through_lb),
        "through nginx the member stays signed in whichever server answers",
        ", ".join(f"{p.status} from {p.headers.get('x-upstream')}" for p in through_lb),
    )

    # Signing out through B ends the session on A at once (sessions are read from Redis).
    leaving = Visitor()
    sign_in(leaving, port_a, member)
    was_in = leaving.get(port_a, "/my/profile/").status
    signed_out = leaving.submit(port_b, "/accounts/logout/", "/accounts/logout/")
    on_a = leaving.get(port_a, "/my/profile/")
    check(
        was_in == 200 and signed_out.status == 302 and on_a.status == 302,
        "a member who signs out through B is signed out on A at once",
        f"A's /my/profile/ before: {was_in}; sign-out on B: {signed_out.status}; "
        f"A's /my/profile/ after: {on_a.status}",
    )

    # 2. A comment posted through A shows on B at once, to the member and to anonymous readers.
    path = f"/practices/{commented.slug}/"
    anonymous = Visitor()
    member_before = reader.get(port_b, path)  # B's own copies of the thread, drawn now
    anonymous.get(port_b, path)
    anonymous_before = anonymous.get(port_b, path)
    check(
        anonymous_before.status == 200 and anonymous_before.from_page_cache,
        "B serves the practice page to anonymous readers from its page cache",
        f"second read: {anonymous_before.status}, "
        f"Content-Encoding {anonymous_before.headers.get('content-encoding')}",
    )
    body = f"Scale check comment {RUN}: read on the other server."
    posted = reader.submit(port_a, path, f"{path}comments/", body=body)
    check(
        posted.status == 302 and body not in member_before.text,
        "the member posts a comment through A",
        f"{posted.status} to {posted.location}",
    )
    started = time.monotonic()
    member_after = reader.get(port_b, path)
    anonymous_after = anonymous.get(port_b, path)
    elapsed = (time.monotonic() - started) * 1000
    check(
        body in member_after.text,
        "the comment is on B's practice page for the member",
        f"{member_after.status}, read {elapsed:.0f} ms after the post for both readers",
    )
    check(
        body in anonymous_after.text,
        "the comment is on B's practice page for an anonymous reader",
        f"{anonymous_after.status}, from the page cache: {anonymous_after.from_page_cache}",
    )

    # 3. A practice published in the admin through A is on B's list at once.
    curator = Visitor()
    signed = sign_in(curator, port_a, staff)
    check(
        signed.status == 302 and "sessionid" in curator.cookies,
        "a curator signs in through A with their authenticator code",
        f"{signed.status} to {signed.location}",
    )
    anonymous = Visitor()
    anonymous.get(port_b, "/practices/")
    list_before = anonymous.get(port_b, "/practices/")
    check(
        list_before.from_page_cache and practice.title not in list_before.text,
        "B serves the practice list to anonymous readers from its page cache, without the "
        "submitted practice",
        f"Content-Encoding {list_before.headers.get('content-encoding')}",
    )
    changelist = f"/admin/practices/practice/?q={RUN}"
    published = curator.submit(
        port_a,
        changelist,
        "",
        action="publish",
        index="0",
        select_across="0",
        _selected_action=str(practice.pk),
    )
    done = curator.get(port_a, urlsplit(published.location).path or changelist)
    check(
        published.status == 302 and "1 practice published." in done.text,
        "the curator publishes it with the admin's action through A",
        f"{published.status}; the admin says: "
        f"{'1 practice published.' if '1 practice published.' in done.text else 'nothing'}",
    )
    list_after = anonymous.get(port_b, "/practices/")
    check(
        practice.title in list_after.text,
        "the published practice is on B's list for an anonymous reader at once",
        f"{list_after.status}, from the page cache: {list_after.from_page_cache}",
    )

    # 4. Failed sign-ins count across both servers.
    answers = []
    for attempt in range(limit + 1):
        port = (port_a, port_b)[attempt % 2]
        page = sign_in(Visitor(), port, locked, password="wrong " + PASSWORD)
        said = next((text for text in (TOO_MANY, NOT_CORRECT) if text in page.text), "?")
        answers.append(("A" if port == port_a else "B", said))
    refused = [said == TOO_MANY for _server, said in answers]
    on_a = sum(1 for server, _ in answers[:limit] if server == "A")
    check(
        refused == [False] * limit + [True],
        f"failed sign-ins are limited to {limit} in total across A and B ({on_a} on A, "
        f"{limit - on_a} on B), not per server",
        "; ".join(
            f"{n + 1} on {server}: {'too many' if said == TOO_MANY else 'not correct'}"
            for n, (server, said) in enumerate(answers)
        ),
    )
    page = sign_in(Visitor(), port_a, locked)
    check(
        page.status == 200 and TOO_MANY in page.text,
        "the right password on A is refused too while the address is locked",
        f"{page.status}, {'too many attempts' if TOO_MANY in page.text else 'let in'}",
    )


if __name__ == "__main__":
    sys.exit(main())
