-- POST /me/reports: each request a new report (a fresh random formToken the server has never seen), the
-- session's CSRF token, a mild headache and bruising (95%) or a severe headache (5%, which raises R4 and R7
-- flags: the flag path with its alert), started 6 hours ago in UTC wall time (in the past in every benchmark
-- clinic's zone, and less than 72 h after the fresh episode's treatment).
package.path = (os.getenv("BENCH_LUA_DIR") or "bench/lua") .. "/?.lua;" .. package.path
local c = require("common")

local function uuid()
  local t = {}
  for i = 1, 16 do t[i] = math.random(0, 255) end
  t[7] = (t[7] % 16) + 64   -- version 4
  t[9] = (t[9] % 64) + 128  -- variant
  local h = {}
  for i = 1, 16 do h[i] = string.format("%02x", t[i]) end
  local x = table.concat(h)
  return x:sub(1, 8) .. "-" .. x:sub(9, 12) .. "-" .. x:sub(13, 16) .. "-" .. x:sub(17, 20) .. "-" .. x:sub(21, 32)
end

local function enc(s)
  return (s:gsub("[^%w%-%._~]", function(ch) return string.format("%%%02X", string.byte(ch)) end))
end

function setup(thread) c.setup(thread) end
function init(args) c.init() end

function request()
  local s = c.next()
  local started = os.date("!%Y-%m-%dT%H:%M", os.time() - 6 * 3600)
  local severity = (math.random() < 0.05) and 7 or 2
  local fields = {
    "_csrf=" .. enc(s.csrf),
    "formToken=" .. uuid(),
    "entries%5B0%5D.symptom=HEADACHE", "entries%5B0%5D.chosen=true",
    "entries%5B0%5D.severity=" .. severity, "entries%5B0%5D.interference=0",
    "entries%5B0%5D.startedAt=" .. enc(started), "entries%5B0%5D.ongoing=true",
    "entries%5B0%5D.suddenWorstEver=false", "entries%5B0%5D.feverOrStiffNeck=false",
    "entries%5B0%5D.neurologicalSigns=false",
    "entries%5B2%5D.symptom=BRUISING", "entries%5B2%5D.chosen=true",
    "entries%5B2%5D.severity=2", "entries%5B2%5D.interference=0",
    "entries%5B2%5D.startedAt=" .. enc(started), "entries%5B2%5D.ongoing=true",
    "medicines=paracetamol", "medicinesHelped=YES",
  }
  return wrk.format("POST", "/me/reports", {
    ["Cookie"] = s.cookie,
    ["Content-Type"] = "application/x-www-form-urlencoded",
  }, table.concat(fields, "&"))
end

function response(status, headers, body) c.response(status, headers, body) end
function done(summary, latency, requests) c.done(summary, latency, requests) end
