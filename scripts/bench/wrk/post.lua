-- POST a case command: BENCH_PATH with "{id}" replaced by a case id and BENCH_BODY as the JSON body.
-- BENCH_DISTINCT=1: each request takes the next id no other request took (threads take every n-th id), for writes
-- that can be made once per case (advance); the list wraps when used up (the requests then count as non-2xx).
local common = dofile((os.getenv("BENCH_WRK_DIR") or "scripts/bench/wrk") .. "/common.lua")
local template = os.getenv("BENCH_PATH") or "/api/v1/cases/{id}/note"
local body = os.getenv("BENCH_BODY") or '{"text":"benchmark note"}'
local distinct = os.getenv("BENCH_DISTINCT") == "1"
local counter = 0
setup = common.setup
done = common.done

init = function(args)
  threadCount = tonumber(args[1]) or 1
end

request = function()
  local position
  if distinct then
    position = (counter * threadCount + (index or 0)) % #common.ids + 1
  else
    position = ((counter * 7919) + (index or 0) * 104729) % #common.ids + 1
  end
  counter = counter + 1
  local path = string.gsub(template, "{id}", common.ids[position])
  return wrk.format("POST", path, common.headers({ ["Content-Type"] = "application/json" }), body)
end
