-- wrk script: a search for another query on every request, so none is answered from what an
-- earlier one left in the cache. bench/run.py writes the corpus's words, in a seeded order, to
-- the file named by BENCH_WORDS (one a line), sets BENCH_PATH to the list's address and
-- BENCH_START to where in the sequence of queries this run begins (each run its own part).
-- Query n is word n while there are words, then pairs of them: all different for a long while.
local words = {}
for line in io.lines(os.getenv("BENCH_WORDS")) do
  table.insert(words, line)
end
local path = os.getenv("BENCH_PATH")
local start = tonumber(os.getenv("BENCH_START") or "0")

-- Each thread learns its number and the number of threads in setup(); thread t sends queries
-- start + t, start + t + threads, ... so that no two requests share one.
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

local function query(n)
  local count = #words
  if n < count then
    return words[n + 1]
  end
  local first = n % count
  local second = (first + math.floor(n / count)) % count
  return words[first + 1] .. "+" .. words[second + 1]
end

request = function()
  local n = start + counter * threads + thread_id
  counter = counter + 1
  return wrk.format("GET", path .. "?q=" .. query(n))
end

response = function(status, headers, body)
  if status ~= 200 then
    io.stderr:write("unexpected status " .. status .. "\n")
  end
end

-- The same closing line of figures as every other run (bench/run.py sets BENCH_DIR).
dofile(os.getenv("BENCH_DIR") .. "/report.lua")
