-- wrk script: signed-in members post comments, each request with its own text and form token.
-- bench/run.py writes the members' sessions to the file named by BENCH_SESSIONS, one
-- "<session cookie> <csrf secret>" per line, and sets BENCH_PATH to the comment form's address.
local sessions = {}
for line in io.lines(os.getenv("BENCH_SESSIONS")) do
  local session, csrf = line:match("(%S+) (%S+)")
  table.insert(sessions, {session = session, csrf = csrf})
end
local path = os.getenv("BENCH_PATH")
local run = os.getenv("BENCH_RUN") or "0"
local cookie_names = os.getenv("BENCH_COOKIES") or "sessionid csrftoken"
local session_cookie, csrf_cookie = cookie_names:match("(%S+) (%S+)")

-- Each thread learns its number in setup(); requests are counted per thread.
local created = 0
local counter = 0
thread_id = 0

setup = function(thread)
  created = created + 1
  thread:set("thread_id", created)
end

request = function()
  counter = counter + 1
  local member = sessions[(counter * 7 + thread_id) % #sessions + 1]
  local token = string.format("bench-%s-%d-%d", run, thread_id, counter)
  local body = "csrfmiddlewaretoken=" .. member.csrf ..
    "&token=" .. token ..
    "&body=Bench+comment+" .. token .. "+from+a+signed-in+member."
  local headers = {
    ["Content-Type"] = "application/x-www-form-urlencoded",
    ["Cookie"] = session_cookie .. "=" .. member.session .. "; " .. csrf_cookie .. "=" .. member.csrf,
  }
  return wrk.format("POST", path, headers, body)
end

response = function(status, headers, body)
  if status ~= 302 then
    io.stderr:write("unexpected status " .. status .. "\n")
  end
end

-- The same closing line of figures as every other run (bench/run.py sets BENCH_DIR).
dofile(os.getenv("BENCH_DIR") .. "/report.lua")
