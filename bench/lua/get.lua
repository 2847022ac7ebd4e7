-- A signed-in GET of each session's own path (queue, flag page, analytics, history).
package.path = (os.getenv("BENCH_LUA_DIR") or "bench/lua") .. "/?.lua;" .. package.path
local c = require("common")

function setup(thread) c.setup(thread) end
function init(args) c.init() end
function request()
  local s = c.next()
  return wrk.format("GET", s.path, { ["Cookie"] = s.cookie }, nil)
end
function response(status, headers, body) c.response(status, headers, body) end
function done(summary, latency, requests) c.done(summary, latency, requests) end
