-- GET a path with the bearer token: BENCH_PATH (e.g. /api/v1/queue), or with "{id}" replaced by a case id from
-- BENCH_IDS, a different one each request (a stride through the list, so threads spread over the file).
local common = dofile((os.getenv("BENCH_WRK_DIR") or "scripts/bench/wrk") .. "/common.lua")
local template = os.getenv("BENCH_PATH") or "/api/v1/cases/{id}"
local counter = 0
setup = common.setup
done = common.done

request = function()
  counter = counter + 1
  local path = template
  if string.find(template, "{id}", 1, true) then
    local id = common.ids[((counter * 7919) + (index or 0) * 104729) % #common.ids + 1]
    path = string.gsub(template, "{id}", id)
  end
  return wrk.format("GET", path, common.headers())
end
