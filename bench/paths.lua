-- wrk script: each request asks for the next address of a list, so no two requests in a row
-- ask for the same page and what is cached per page is mostly cold. bench/run.py writes the
-- addresses to the file named by BENCH_PATHS, one per line; each thread starts at its own place.
local paths = {}
for line in io.lines(os.getenv("BENCH_PATHS")) do
  table.insert(paths, line)
end

local created = 0
local counter = 0
thread_id = 0

setup = function(thread)
  created = created + 1
  thread:set("thread_id", created)
end

request = function()
  counter = counter + 1
  local index = (thread_id * 7919 + counter) % #paths + 1
  return wrk.format("GET", paths[index])
end

-- The same closing line of figures as every other run (bench/run.py sets BENCH_DIR).
dofile(os.getenv("BENCH_DIR") .. "/report.lua")
