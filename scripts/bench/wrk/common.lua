-- Shared by the wrk scripts of scripts/bench/server: the bearer token, the case ids, and one JSON line at the end.
--   BENCH_TOKEN  the API token sent as "Authorization: Bearer ..."
--   BENCH_IDS    a file of case ids, one a line (read by every wrk thread)
local common = {}

function common.lines(path)
  local list = {}
  if path == nil then return list end
  local file = io.open(path, "r")
  if file == nil then error("cannot read " .. path) end
  for line in file:lines() do
    if #line > 0 then list[#list + 1] = line end
  end
  file:close()
  return list
end

common.token = os.getenv("BENCH_TOKEN") or ""
common.ids = common.lines(os.getenv("BENCH_IDS"))

function common.headers(extra)
  local headers = { ["Authorization"] = "Bearer " .. common.token }
  for name, value in pairs(extra or {}) do headers[name] = value end
  return headers
end

-- Each thread gets its number and the thread count, so threads can take disjoint ids.
local threads = {}
function common.setup(thread)
  thread:set("index", #threads)
  threads[#threads + 1] = thread
end

function common.threadCount() return #threads end

-- One line "WRK_JSON {...}" with the rate, latency percentiles (ms) and error counts.
function common.done(summary, latency, requests)
  local errors = summary.errors
  local seconds = summary.duration / 1e6
  io.write(string.format(
    'WRK_JSON {"requests":%d,"seconds":%.3f,"requestsPerSecond":%.1f,' ..
    '"latencyMs":{"mean":%.3f,"p50":%.3f,"p90":%.3f,"p99":%.3f,"max":%.3f},' ..
    '"non2xx3xx":%d,"connectErrors":%d,"readErrors":%d,"writeErrors":%d,"timeouts":%d}\n',
    summary.requests, seconds, summary.requests / seconds,
    latency.mean / 1000, latency:percentile(50) / 1000, latency:percentile(90) / 1000,
    latency:percentile(99) / 1000, latency.max / 1000,
    errors.status, errors.connect, errors.read, errors.write, errors.timeout))
end

return common
