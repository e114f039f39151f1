-- wrk script: a different address on every request, so that nothing kept for one page serves
-- the next. bench/run.py writes the addresses to the file named by BENCH_PATHS (one a line),
-- sets BENCH_START to where in the list this run begins (the warm-up halfway down, the
-- measured run at the top) and BENCH_THREADS to wrk's number of threads.
local paths = {}
for line in io.lines(os.getenv("BENCH_PATHS")) do
  table.insert(paths, line)
end
local start = tonumber(os.getenv("BENCH_START") or "0")

-- Thread t (from 0) asks for addresses start + t, start + t + threads, ...: no two requests
-- share one until the list runs out.
local created = 0
local counter = 0
thread_id = 0
threads = 1

setup = function(thread)
  created = created + 1
  thread:set("thread_id", created - 1)
end

init = function(args)
  threads = tonumber(os.getenv("BENCH_THREADS") or "1")
end

request = function()
  local n = start + counter * threads + thread_id
  counter = counter + 1
  return wrk.format("GET", paths[n % #paths + 1])
end

response = function(status, headers, body)
  if status ~= 200 then
    io.stderr:write("unexpected status " .. status .. "\n")
  end
end

-- The same closing line of figures as every other run (bench/run.py sets BENCH_DIR).
dofile(os.getenv("BENCH_DIR") .. "/report.lua")
